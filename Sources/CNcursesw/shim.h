/* Swift-facing shim for ncursesw. Only the NcursesTerminal target imports it. */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

/* The wide-character API (get_wch, cchar_t, ...) is only declared with these. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

/* C globals are "not concurrency-safe" in Swift 6, and the attribute and mouse
   macros do not import at all: read them through functions instead. */
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_COLS(void) { return COLS; }
static inline int shim_LINES(void) { return LINES; }
static inline int shim_COLORS(void) { return COLORS; }
static inline int shim_COLOR_PAIRS(void) { return COLOR_PAIRS; }

static inline attr_t shim_A_NORMAL(void) { return A_NORMAL; }
static inline attr_t shim_A_BOLD(void) { return A_BOLD; }
static inline attr_t shim_A_REVERSE(void) { return A_REVERSE; }
static inline attr_t shim_A_UNDERLINE(void) { return A_UNDERLINE; }
static inline attr_t shim_A_DIM(void) { return A_DIM; }
static inline attr_t shim_COLOR_PAIR(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline int shim_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int shim_getmaxy(WINDOW *w) { return getmaxy(w); }

/* Attributes and colour pair in one call (attr_set's third argument is void *). */
static inline int shim_attr_set(attr_t attrs, short pair) { return attr_set(attrs, pair, NULL); }

static inline mmask_t shim_BUTTON1_PRESSED(void) { return BUTTON1_PRESSED; }
static inline mmask_t shim_BUTTON1_RELEASED(void) { return BUTTON1_RELEASED; }
static inline mmask_t shim_BUTTON1_CLICKED(void) { return BUTTON1_CLICKED; }
static inline mmask_t shim_BUTTON4_PRESSED(void) { return BUTTON4_PRESSED; }
static inline mmask_t shim_BUTTON5_PRESSED(void) { return BUTTON5_PRESSED; }
static inline mmask_t shim_REPORT_MOUSE_POSITION(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t shim_ALL_MOUSE_EVENTS(void) { return ALL_MOUSE_EVENTS; }

/* Columns glibc (and so ncurses) gives a character; wcwidth is only declared
   under _XOPEN_SOURCE, which the system module was not built with. */
extern int wcwidth(wchar_t c);
/* Unblocks the signals the interface relies on: a parent may start us with them
   blocked, and then resizes and SIGTERM would never arrive. */
static inline void shim_unblock_terminal_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGQUIT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

static inline int shim_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

/* Signal plumbing: struct sigaction's handler is a union member that is awkward
   to reach from Swift, and SIG_DFL is a cast that does not import. */
static inline int shim_set_signal_handler(int sig, void (*handler)(int), struct sigaction *old) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    return sigaction(sig, &sa, old);
}
static inline int shim_restore_signal_handler(int sig, const struct sigaction *old) {
    return sigaction(sig, old, NULL);
}
static inline int shim_default_signal_handler(int sig) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    return sigaction(sig, &sa, NULL);
}
static inline int shim_signal_is_ignored(const struct sigaction *sa) {
    return (sa->sa_flags & SA_SIGINFO) == 0 && sa->sa_handler == SIG_IGN;
}

#endif
