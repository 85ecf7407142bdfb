/* How the actionplan processes ask glibc and the kernel for memory. The two
   executables (actionplan, actionplan-bench) call it first thing in main. */
#ifndef CPROCESSMEMORY_SHIM_H
#define CPROCESSMEMORY_SHIM_H

#include <malloc.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* A command on a big plan touches tens of megabytes once (the file's bytes, the
   new file, the line table, the actions), and a fresh process pays a page fault
   for every 4 KB of it: 15,700 faults for `list` on a 15 MB plan, a seventh of its
   time, and a third of `export --format json`'s.
   This grows glibc's heap once by 256 MB (address space only: nothing is
   touched), advises that part for transparent huge pages, and keeps it when
   freed. glibc carves an allocation of any size from the heap's free top, so a
   10,000-action plan's memory all comes from it, and the kernel maps it 2 MB at
   a time where it allows (`madvise` mode). Beyond the reserve, as without it,
   memory is 4 KB pages (the 100,000-action plan gains nothing from a bigger
   reserve: its time is not in faults). Where the heap cannot grow by the
   reserve, or the kernel refuses the advice, glibc's defaults are put back.
   With transparent huge pages set to `never` the advice is taken and does
   nothing: freed memory then stays in the process for no gain.
   ACTIONPLAN_HUGE_PAGES=off leaves glibc's defaults (docs/cli.md). */
static inline void process_memory_prefer_huge_pages(void) {
#ifdef __GLIBC__
    const char *setting = getenv("ACTIONPLAN_HUGE_PAGES");
    if (setting != NULL && strcmp(setting, "off") == 0) return;
    const uintptr_t huge = (uintptr_t)2 << 20;
    const size_t reserve = (size_t)256 << 20, probeSize = (size_t)1 << 20;
    /* glibc's largest: when the heap must grow, a request of this size or more
       becomes a mapping of its own rather than a part of the heap (and the 1 MB
       probe below comes from the heap). */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    /* Freed memory at the heap's top stays in the process, advice and all (else
       the probe's free would give the reserve straight back). */
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, (int)reserve);
    void *before = sbrk(0);
    void *probe = malloc(probeSize);
    void *after = sbrk(0);
    /* glibc's default pad again straight away: were the reserve refused, every
       later growth would ask for it again and fail. */
    mallopt(M_TOP_PAD, 128 << 10);
    /* Advised only when the break moved (by no more than the reserve and the
       probe) and the probe reaches into what it added (it starts in the old
       top's free end): a probe that came from a mapping (the heap could not
       grow) may lie anywhere, and advice from it to the break would reach other
       mappings. */
    uintptr_t low = (uintptr_t)before, high = (uintptr_t)after, at = (uintptr_t)probe;
    uintptr_t start = (at + huge - 1) & ~(huge - 1);
    int advised = probe != NULL && before != (void *)-1 && after != (void *)-1 && at < high && at + probeSize > low
        && high - low <= reserve + probeSize + huge && start < high
        && madvise((void *)start, high - start, MADV_HUGEPAGE) == 0;
    free(probe);
    if (!advised) {
        /* No huge pages (none in this kernel, or no reserve): glibc's default
           values again, so that freed memory is given back as before (set by
           hand, they are no longer raised as large blocks are freed). */
        mallopt(M_TRIM_THRESHOLD, 128 << 10);
        mallopt(M_MMAP_THRESHOLD, 128 << 10);
    }
#endif
}

#endif
