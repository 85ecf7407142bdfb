import Foundation
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
            let termination = try ChildProcess.wait(pid, program: program, timeout: timeout)
            ended = termination
            return termination
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
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var status: Int32 = 0
        var usage = rusage()
        var pause: useconds_t = 1_000
        while true {
            let result = wait4(pid, &status, deadline == nil ? 0 : WNOHANG, &usage)
            if result == pid { break }
            if result == -1 && errno != EINTR { return Termination(status: 255, signal: nil) }
            if let deadline, result == 0 {
                if Date() >= deadline {
                    kill(pid, SIGKILL)
                    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                    throw .timedOut(program, after: timeout ?? 0)
                }
                usleep(pause)
                pause = min(pause * 2, 20_000)
            }
        }
        // WIFEXITED / WTERMSIG are C macros that do not import into Swift.
        let signal = status & 0x7f
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        // ru_maxrss is in kilobytes on Linux.
        return Termination(
            status: signal == 0 ? (status >> 8) & 0xff : 128 + signal, signal: signal == 0 ? nil : signal,
            cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakBytes: Int(usage.ru_maxrss) * 1024)
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

    private static func symbol<T>(_ name: String) -> T? {
        guard let address = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(address, to: T.self)
    }
}

private func sendSignal(_ signal: Int32, to pid: pid_t) {
    _ = kill(pid, signal)
}
