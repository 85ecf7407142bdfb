import CNcursesw
import Glibc

extension NcursesTerminal {
    /// Makes sure the terminal is usable again however the program ends:
    /// SIGTERM, SIGINT, SIGHUP and SIGQUIT end curses mode and exit with 128+signal;
    /// SIGSEGV, SIGBUS, SIGILL, SIGABRT and SIGFPE end curses mode and re-raise with
    /// the handler that was there before (the default, or Swift's backtracer, which
    /// then prints onto a clean screen); normal exit runs `endwin` through `atexit`.
    /// Called by `init`; calling it again does nothing.
    public static func installSignalHandlers() {
        TerminalSafety.install()
    }
}

/// Process-wide state for the handlers. Signal handlers cannot capture context, so
/// this lives in globals written once before curses starts.
///
/// Trade-off: `endwin` is not on POSIX's async-signal-safe list (it writes through
/// stdio-like buffers and touches ncurses' state). Calling it from a handler is what
/// ncurses itself does for SIGINT/SIGTERM and what most curses programs do, and
/// the alternative, a raw-mode terminal left behind, is worse. The exit path uses
/// `_exit`, which is safe; the crash path only ever runs once (the handler restores
/// the previous disposition before re-raising).
enum TerminalSafety {
    static let exitSignals: [Int32] = [SIGTERM, SIGINT, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE]

    /// Previous dispositions, indexed by signal number (fixed storage: no allocation
    /// or reference counting inside a handler).
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
    nonisolated(unsafe) static var installed = false
    /// True between `initscr` and the final `endwin`.
    nonisolated(unsafe) static var active: sig_atomic_t = 0

    static func install() {
        guard !installed else { return }
        installed = true
        _ = previous  // allocate now, not inside a handler
        shim_unblock_terminal_signals()
        for signal in exitSignals {
            var old = sigaction()
            shim_set_signal_handler(signal, onExitSignal, &old)
            // Keep a hangup that the parent ignored (nohup) ignored; SIGTERM and
            // SIGINT must always end the program cleanly.
            if signal == SIGHUP, shim_signal_is_ignored(&old) != 0 { shim_restore_signal_handler(signal, &old) }
        }
        for signal in crashSignals {
            shim_set_signal_handler(signal, onCrashSignal, previous + Int(signal))
        }
        atexit { TerminalSafety.restoreTerminal() }
    }

    static func markActive() { active = 1 }

    /// Ends curses mode if it is on. Idempotent.
    static func restoreTerminal() {
        guard active != 0 else { return }
        active = 0
        endwin()
    }
}

private func onExitSignal(_ signal: Int32) {
    TerminalSafety.restoreTerminal()
    _exit(128 + signal)
}

private func onCrashSignal(_ signal: Int32) {
    TerminalSafety.restoreTerminal()
    // Back to what was there before (default: core dump / "Segmentation fault";
    // or Swift's backtracer), then deliver the signal again. For a fault the
    // instruction re-runs and faults into that handler; for raise/abort the
    // re-raised signal is delivered once this handler returns.
    if shim_restore_signal_handler(signal, TerminalSafety.previous + Int(signal)) != 0 {
        shim_default_signal_handler(signal)
    }
    raise(signal)
}
