import ArgumentParser
import FoundationEssentials
import Glibc
import PlanCore

/// Runs `git` for `git-setup`, `sync` and the merge driver's fallback. Output goes
/// to temporary files, so that a long output can never block on a full pipe.
enum Git {
    struct Run {
        var status: Int32
        var output: String
        var errors: String
        var ok: Bool { status == 0 }
        /// The output without its final line break.
        var line: String { output.trimmingNewlines() }
    }

    /// Runs `git ARGUMENTS` in `folder` with no standard input.
    /// A pull or push to a remote that stops answering must not hang `sync` for ever.
    static let timeout: TimeInterval = 300

    static func run(
        _ arguments: [String], in folder: String, environment extra: [String: String] = [:],
        timeout: TimeInterval? = Git.timeout
    ) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
            "actionplan-git-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        var environment = ProcessInfo.processInfo.environment
        // Never stop to ask for a merge message or a password.
        environment["GIT_MERGE_AUTOEDIT"] = "no"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        for (name, value) in extra { environment[name] = value }
        let ended: ChildProcess.Termination
        do {
            ended = try ChildProcess.run(
                "git", arguments, environment: environment, directory: folder,
                stdout: .file(outURL.path), stderr: .file(errURL.path), timeout: timeout)
        } catch let failure as ChildProcess.Failure {
            if case .timedOut = failure {
                throw GitError(
                    "git \(arguments.first ?? "") did not finish within \(Int(timeout ?? 0)) s (a remote that does not answer?); nothing was changed by actionplan"
                )
            }
            throw GitError("cannot run git: \(failure); is git installed?")
        } catch {
            throw GitError("cannot run git: \(SystemErrorText.describing(error)); is git installed?")
        }
        return Run(
            status: ended.status,
            output: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
            errors: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self))
    }

    /// `git config user.name`, for who is recording a change; nil without git or a name.
    static func userName() -> String? {
        guard let run = try? run(["config", "user.name"], in: FileManager.default.currentDirectoryPath), run.ok else {
            return nil
        }
        return run.line.isEmpty ? nil : run.line
    }

    /// The plan at `path` as git's last commit has it, to tell what changed since; nil
    /// outside a repository, for a file never committed, or one that does not parse.
    /// Outside a repository no git is started: `check` on a plan of its own stays a
    /// process of a few milliseconds. `git show` reads only local files, so it is waited
    /// for without a timeout (a wait with one polls, and would add milliseconds).
    static func committedPlan(_ path: String) -> Plan? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        guard mayBeInRepository(folder),
            let shown = try? run(["show", "HEAD:./" + url.lastPathComponent], in: folder.path, timeout: nil),
            shown.ok
        else { return nil }
        return (try? PlanDocument(text: shown.output))?.plan
    }

    /// Whether `folder` may be inside a git repository: it or a folder above it holds a
    /// `.git` (a folder, or the file of a worktree or submodule), or `GIT_DIR` names one.
    static func mayBeInRepository(_ folder: URL) -> Bool {
        if getenv("GIT_DIR") != nil { return true }
        var current = folder.standardizedFileURL.path
        while true {
            if access(current + "/.git", F_OK) == 0 { return true }
            let parent = PathText.deletingLastComponent(current)
            if parent == current || parent.isEmpty { return false }
            current = parent
        }
    }

    /// Runs a command's work; a ``GitError`` becomes `error: …` on standard error and exit 1.
    static func reportingErrors(_ work: () throws -> Void) throws {
        do {
            try work()
        } catch let error as GitError {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// The top folder of the repository that holds `folder`.
    static func topLevel(of folder: String) throws -> String {
        let run = try run(["rev-parse", "--show-toplevel"], in: folder)
        guard run.ok else {
            throw GitError(
                "\(folder) is not inside a git repository (create one with `git init`, or clone the board's)")
        }
        return run.line
    }

    /// The merge driver `git-setup` writes, with the command git should run.
    static func driverCommand(_ command: String) -> String {
        "\(command) merge-driver %O %A %B --marker-size %L --path %P"
    }
}

struct GitError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
