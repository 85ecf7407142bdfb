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
   for every 4 KB of it: 15,700 faults, about a fifth of `list` on a 15 MB plan.
   This grows glibc's heap once by 256 MB (address space only: nothing is
   touched), advises that part for transparent huge pages, and keeps it when
   freed. glibc carves an allocation of any size from the heap's free top, so a
   10,000-action plan's memory all comes from it, and the kernel maps it 2 MB at
   a time where it allows (`madvise` mode). Beyond the reserve, as without it,
   memory is 4 KB pages (the 100,000-action plan gains nothing from a bigger
   reserve: its time is not in faults). Nothing here can fail the process: where
   the heap cannot grow, or the kernel has no huge pages, the advice is refused.
   ACTIONPLAN_HUGE_PAGES=off leaves glibc's defaults (to compare; docs/cli.md). */
static inline void process_memory_prefer_huge_pages(void) {
    const char *setting = getenv("ACTIONPLAN_HUGE_PAGES");
    if (setting != NULL && strcmp(setting, "off") == 0) return;
    const uintptr_t huge = (uintptr_t)2 << 20;
    /* glibc's largest: when the heap must grow, a request of this size or more
       becomes a mapping of its own rather than a part of the heap. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    /* Freed memory at the heap's top stays in the process, advice and all (else
       the probe's free would give the reserve straight back). */
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 256 << 20);
    void *probe = malloc((size_t)1 << 20);
    if (probe == NULL) return;
    /* The heap grew by the request and the pad (when it had to grow): from the
       first 2 MB boundary at the probe to the heap's end. A probe that did not
       come from the heap (it could not grow) lies above the heap's end. */
    uintptr_t start = ((uintptr_t)probe + huge - 1) & ~(huge - 1);
    uintptr_t end = (uintptr_t)sbrk(0);
    if (end > start) madvise((void *)start, end - start, MADV_HUGEPAGE);
    free(probe);
    /* glibc's default again, for growth beyond the reserve. */
    mallopt(M_TOP_PAD, 128 << 10);
}

#endif
