import Dispatch
import FoundationEssentials
import Glibc

/// Runs a program and waits for it with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process.waitUntilExit()` relies on a SIGCHLD source that can miss a
/// child on Linux: the child stays a zombie and the caller waits for ever (seen with
/// `tmux new-session` starting its server). Waiting on the child's own pid cannot miss it.
/// The child gets exactly the standard streams asked for and no other open descriptor,
/// so a long-lived grandchild (a tmux server, a git daemon) never holds a caller's pipe.
public enum ChildProcess {
    /// Where one of the child's standard streams goes.
    public enum Stream: Sendable {
        /// The caller's own stream (a terminal, for an editor).
        case inherit
        /// `/dev/null`.
        case null
        /// A file, read from (standard input) or created and truncated (output).
        case file(String)
    }

    /// How a child ended.
    public struct Termination: Sendable, Equatable, CustomStringConvertible {
        /// The exit code, or 128 + the signal number when a signal ended it (as a shell says).
        public var status: Int32
        /// The signal that ended the child, if one did.
        public var signal: Int32?
        /// CPU time (user + system) the child used, from `wait4`.
        public var cpuSeconds: Double = 0
        /// The child's peak resident memory, from `wait4`. Linux counts the caller's
        /// memory before `exec` in it (posix_spawn uses vfork): for a child's own peak,
        /// start it from a small process.
        public var peakBytes: Int = 0

        public init(status: Int32, signal: Int32?, cpuSeconds: Double = 0, peakBytes: Int = 0) {
            self.status = status
            self.signal = signal
            self.cpuSeconds = cpuSeconds
            self.peakBytes = peakBytes
        }

        /// How it ended; what it used is not compared.
        public static func == (lhs: Self, rhs: Self) -> Bool { lhs.status == rhs.status && lhs.signal == rhs.signal }

        public var description: String { signal.map { "killed by signal \($0)" } ?? "exit \(status)" }
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        case cannotStart(String, errno: Int32)
        case timedOut(String, after: TimeInterval)

        public var description: String {
            switch self {
            case .cannotStart(let program, let code): "cannot run \(program): \(String(cString: strerror(code)))"
            case .timedOut(let program, let seconds): "\(program) did not finish within \(seconds) s and was killed"
            }
        }
    }

    /// Runs `executable` (a path, or a name looked up in `PATH`) with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: the child's whole environment; `nil` passes the caller's.
    ///   - directory: the child's working folder; `nil` keeps the caller's.
    ///   - timeout: kills the child (SIGKILL) and throws ``Failure/timedOut(_:after:)``
    ///     when it runs longer; `nil` waits as long as it takes.
    @discardableResult
    public static func run(
        _ executable: String, _ arguments: [String],
        environment: [String: String]? = nil, directory: String? = nil,
        stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null,
        timeout: TimeInterval? = nil
    ) throws(Failure) -> Termination {
        try start(
            executable, arguments, environment: environment, directory: directory,
            stdin: stdin, stdout: stdout, stderr: stderr
        ).wait(timeout: timeout)
    }

    /// Starts `executable` and returns at once; see ``run(_:_:environment:directory:stdin:stdout:stderr:timeout:)``.
    public static func start(
        _ executable: String, _ arguments: [String],
        environment: [String: String]? = nil, directory: String? = nil,
        stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null
    ) throws(Failure) -> Running {
        let pid = try spawn(
            executable, arguments, environment: environment, directory: directory,
            streams: [stdin, stdout, stderr])
        return Running(pid: pid, program: executable)
    }

    /// A started child. One that is dropped while still running is killed and reaped.
    /// Not `Sendable`: what it knows of the child's end is unguarded, so it stays with its caller.
    public final class Running {
        public let pid: pid_t
        let program: String
        private var ended: Termination?

        init(pid: pid_t, program: String) {
            self.pid = pid
            self.program = program
        }

        deinit {
            if ended == nil { kill() }
        }

        /// Waits for the child to end; after `timeout` seconds kills it and throws.
        @discardableResult
        public func wait(timeout: TimeInterval? = nil) throws(Failure) -> Termination {
            if let ended { return ended }
            do {
                let termination = try ChildProcess.wait(pid, program: program, timeout: timeout)
                ended = termination
                return termination
            } catch {
                // A timed-out child has been killed and reaped: its pid may already be another
                // process's, so neither `kill()` nor `deinit` may signal it again.
                if case .timedOut = error { ended = Termination(status: 128 + SIGKILL, signal: SIGKILL) }
                throw error
            }
        }

        /// Sends SIGKILL and reaps the child.
        @discardableResult
        public func kill() -> Termination {
            if let ended { return ended }
            sendSignal(SIGKILL, to: pid)
            let termination = (try? wait()) ?? Termination(status: 128 + SIGKILL, signal: SIGKILL)
            ended = termination
            return termination
        }
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String]?,
        directory: String?, streams: [Stream]
    ) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in streams.enumerated() {
            let descriptor = Int32(fd)
            switch stream {
            case .inherit:
                break
            case .null:
                posix_spawn_file_actions_addopen(
                    &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path):
                let flags = descriptor == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
                posix_spawn_file_actions_addopen(&actions, descriptor, path, flags, 0o644)
            }
        }
        if let closeFrom = GNUSpawnActions.closeFrom { _ = closeFrom(&actions, 3) }
        if let directory {
            guard let changeDirectory = GNUSpawnActions.changeDirectory else {
                throw .cannotStart(executable, errno: ENOSYS)
            }
            _ = changeDirectory(&actions, directory)
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let pairs = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let envp = pairs.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        // A thread of the caller may block or ignore signals; the child starts clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var pid = pid_t()
        let code =
            executable.contains("/")
            ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
            : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
        guard code == 0 else { throw .cannotStart(executable, errno: code) }
        return pid
    }

    private static func wait(_ pid: pid_t, program: String, timeout: TimeInterval?) throws(Failure) -> Termination {
        var status: Int32 = 0
        var usage = rusage()
        if let timeout, !endsOrIsKilled(pid, within: timeout) {
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            throw .timedOut(program, after: timeout)
        }
        while true {
            let result = wait4(pid, &status, 0, &usage)
            if result == pid { break }
            if result == -1 && errno != EINTR { return Termination(status: 255, signal: nil) }
        }
        // WIFEXITED / WTERMSIG are C macros that do not import into Swift.
        let signal = status & 0x7f
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        // ru_maxrss is in kilobytes on Linux.
        return Termination(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, signal: signal == 0 ? nil : signal,
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakBytes: Int(usage.ru_maxrss) * 1024)
    }

    /// Whether the child `pid` ends within `seconds`; when it does not, it is sent SIGKILL.
    /// Either way it is left for the caller to reap. Nothing polls: the wait is on the
    /// child's process descriptor (`pidfd_open`, Linux 5.3), or, where there is none (an
    /// older kernel, or a sandbox that refuses the call), on a thread blocked in `waitid`.
    static func endsOrIsKilled(_ pid: pid_t, within seconds: TimeInterval, usingDescriptor: Bool = true) -> Bool {
        if usingDescriptor, let ended = ProcessDescriptor.ends(pid, within: seconds) {
            if !ended { kill(pid, SIGKILL) }
            return ended
        }
        // WNOWAIT leaves the child to be reaped by the caller, so the thread never takes its status.
        let exited = DispatchSemaphore(value: 0)
        // A thread of its own, not a Dispatch worker: a pool that is busy could start the
        // wait late, and a child that ended in time would then be killed.
        let waiter = Unmanaged.passRetained(ChildWaiter(pid: pid, exited: exited)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                let waiter = Unmanaged<ChildWaiter>.fromOpaque(context).takeRetainedValue()
                var info = siginfo_t()
                while waitid(P_PID, id_t(waiter.pid), &info, WEXITED | WNOWAIT) == -1 && errno == EINTR {}
                waiter.exited.signal()
                return nil
            }, waiter)
        guard started == 0 else {
            Unmanaged<ChildWaiter>.fromOpaque(waiter).release()
            kill(pid, SIGKILL)
            return false
        }
        pthread_detach(thread)
        if exited.wait(timeout: .now() + max(0, seconds)) == .success { return true }
        kill(pid, SIGKILL)
        // The child is a zombie once killed; the thread sees it and ends before the caller reaps it.
        exited.wait()
        return false
    }
}

/// A process descriptor (`pidfd_open`), which becomes readable when the process ends,
/// so that a wait with a deadline is one `poll`.
private enum ProcessDescriptor {
    typealias Open = @convention(c) (pid_t, UInt32) -> Int32

    /// glibc 2.36's wrapper, which its headers declare only in `<sys/pidfd.h>`.
    static let open: Open? = GNUSpawnActions.symbol("pidfd_open")

    /// Whether `pid` ended within `seconds`; nil when there is no descriptor to wait on.
    static func ends(_ pid: pid_t, within seconds: TimeInterval) -> Bool? {
        guard let open else { return nil }
        let descriptor = open(pid, 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(seconds)
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let left = deadline.timeIntervalSinceNow
            // Rounded up, so that the wait never ends before the deadline.
            let milliseconds = left <= 0 ? 0 : Int32(min((left * 1000).rounded(.up), Double(Int32.max)))
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return true }
            if ready == 0, deadline.timeIntervalSinceNow <= 0 { return false }
            if ready < 0, errno != EINTR { return nil }
        }
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34) and `…_addchdir_np` (2.29),
/// which its headers declare only under `_GNU_SOURCE`, so Swift cannot see them.
private enum GNUSpawnActions {
    typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias ChangeDirectory =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let closeFrom: CloseFrom? = symbol("posix_spawn_file_actions_addclosefrom_np")
    static let changeDirectory: ChangeDirectory? = symbol("posix_spawn_file_actions_addchdir_np")

    /// The C function `name` of the process (glibc's), or nil where glibc has none.
    static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}

private func sendSignal(_ signal: Int32, to pid: pid_t) {
    _ = kill(pid, signal)
}

/// What the thread that waits for a child in `waitid` needs: the child, and the
/// semaphore it signals when the child has ended.
private final class ChildWaiter: @unchecked Sendable {
    let pid: pid_t
    let exited: DispatchSemaphore

    init(pid: pid_t, exited: DispatchSemaphore) {
        self.pid = pid
        self.exited = exited
    }
}
