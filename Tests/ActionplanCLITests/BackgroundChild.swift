import Foundation
import PlanCore
import Testing

/// A child process for the collaboration tests: standard input from /dev/null, output
/// and errors to files (never a pipe a grandchild could hold open), and every wait
/// bounded, killing the child when it runs out of time.
final class BackgroundChild {
    let running: ChildProcess.Running
    let arguments: [String]
    let outURL: URL
    let errURL: URL

    var pid: pid_t { running.pid }

    /// Starts `executable` with `arguments` in `folder`, with exactly `environment`.
    init(_ executable: String, _ arguments: [String], in folder: String, environment: [String: String]) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actionplan-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        outURL = scratch.appendingPathComponent("out")
        errURL = scratch.appendingPathComponent("err")
        self.arguments = arguments
        running = try ChildProcess.start(
            executable, arguments, environment: environment, directory: folder,
            stdout: .file(outURL.path), stderr: .file(errURL.path))
    }

    deinit {
        running.kill()
        try? FileManager.default.removeItem(at: outURL.deletingLastPathComponent())
    }

    /// Waits up to `seconds`; kills the child (and reports it) if it is still running.
    @discardableResult
    func wait(seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) -> Int32 {
        do {
            return try running.wait(timeout: seconds).status
        } catch {
            Issue.record("\(arguments) did not finish within \(seconds) s; killed", sourceLocation: sourceLocation)
            return -1
        }
    }

    /// Kills the child at once and reaps it.
    func killNow() { running.kill() }

    var output: String { String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self) }
    var errors: String { String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self) }

    /// Runs a command to the end (within `seconds`) and returns its exit status and output.
    static func run(
        _ executable: String, _ arguments: [String], in folder: String, environment: [String: String],
        seconds: Double = 30, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (status: Int32, output: String, errors: String) {
        let child = try BackgroundChild(executable, arguments, in: folder, environment: environment)
        let status = child.wait(seconds: seconds, sourceLocation: sourceLocation)
        return (status, child.output, child.errors)
    }
}
/// "Today" in the collaboration tests: after every date in `plans/small.plan`.
let collaborationToday = "2026-11-10"

/// The environment for the collaboration tests: no user or system git config, a home
/// in the test's folder, a fixed "today", and git that never prompts.
func isolatedEnvironment(home: String, user: String? = nil) -> [String: String] {
    var environment = [
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
        "HOME": home,
        // The undo journal and the check records, beside the home rather than in it, so that tests listing the folder do not see it.
        "XDG_STATE_HOME": home + "-state",
        "XDG_CACHE_HOME": home + "-cache",
        "ACTIONPLAN_TODAY": collaborationToday,
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_MERGE_AUTOEDIT": "no",
        "LC_ALL": "C",
    ]
    if let user { environment["ACTIONPLAN_USER"] = user }
    return environment
}

/// The path of a program on PATH, e.g. `git`.
func programPath(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
