import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs programs for the tests with `posix_spawn` and `waitpid`, not Foundation's
/// `Process`: after a few hundred subprocesses in one test run, `Process` sometimes
/// never learns that a child exited (it stays a zombie; seen with `tmux new-session`),
/// and the test would hang. Here the test reaps its own child, and kills it after
/// ``Spawn/timeout``.
enum Spawn {
    /// How long a test waits for a program before killing it and failing.
    static let timeout: TimeInterval = 300

    struct TimedOut: Error, CustomStringConvertible {
        var command: [String]
        var description: String { "\(command.joined(separator: " ")) did not finish within \(Int(Spawn.timeout)) s and was killed" }
    }

    struct Failed: Error, CustomStringConvertible {
        var command: [String]
        var code: Int32
        var description: String { "cannot run \(command.joined(separator: " ")): \(String(cString: strerror(code)))" }
    }

    /// Runs `command` (an absolute path, then arguments) with exactly `environment`, in
    /// `directory`, with standard input, output and error from and to the given files
    /// (`/dev/null` when nil). Returns the exit status, or 128 + the signal that ended it.
    static func run(_ command: [String], environment: [String: String], directory: String,
                    stdin: String? = nil, stdout: String? = nil, stderr: String? = nil) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout ?? "/dev/null", O_WRONLY | O_TRUNC, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr ?? "/dev/null", O_WRONLY | O_TRUNC, 0)
        // posix_spawn_file_actions_addchdir_np is not in Swift's Glibc module; env -C is.
        let argv = (["/usr/bin/env", "-C", directory] + command).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }

        var pid = pid_t()
        let code = posix_spawn(&pid, "/usr/bin/env", &actions, nil, argv, envp)
        guard code == 0 else { throw Failed(command: command, code: code) }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw Failed(command: command, code: errno) }
            if Date() > deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw TimedOut(command: command)
            }
            usleep(2_000)
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}
