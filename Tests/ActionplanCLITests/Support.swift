import Foundation
import PlanCore
import Testing

// Helpers for running the built `actionplan` binary as a subprocess, each test in
// its own temporary folder with a controlled environment.

/// "Today" for every run, unless a test overrides `ACTIONPLAN_TODAY`.
let pinnedToday = "2026-03-01"

/// Where the `actionplan` executable is: next to the test bundle
/// (`.build/<config>/actionplanPackageTests.xctest`), else `.build/debug/actionplan`
/// under the package root found from this file's path.
let actionplanBinary: URL = {
    let fileManager = FileManager.default
    var candidates: [URL] = []
    if let bundleExecutable = Bundle.main.executableURL {
        candidates.append(bundleExecutable.deletingLastPathComponent().appendingPathComponent("actionplan"))
    }
    if let argument0 = CommandLine.arguments.first {
        let url = URL(fileURLWithPath: argument0)
        candidates.append(url.deletingLastPathComponent().appendingPathComponent("actionplan"))
        // On platforms where the bundle is a folder, the binary sits beside the bundle.
        for ancestor in sequence(
            first: url, next: { $0.pathComponents.count > 1 ? $0.deletingLastPathComponent() : nil })
        where ancestor.pathExtension == "xctest" {
            candidates.append(ancestor.deletingLastPathComponent().appendingPathComponent("actionplan"))
        }
    }
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ActionplanCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
    candidates.append(packageRoot.appendingPathComponent(".build/debug/actionplan"))
    for candidate in candidates {
        var isFolder: ObjCBool = false
        if fileManager.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
            fileManager.isExecutableFile(atPath: candidate.path)
        {
            return candidate
        }
    }
    return candidates.last!
}()

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// What a run of `actionplan` produced.
struct RunResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Non-empty lines of standard output.
    var outLines: [String] { stdout.split(separator: "\n").map(String.init) }
    /// Non-empty lines of standard error.
    var errLines: [String] { stderr.split(separator: "\n").map(String.init) }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
}

/// A fresh temporary folder for one test, removed when the value goes away.
final class Sandbox {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("actionplan-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: stateURL)
        try? FileManager.default.removeItem(at: cacheURL)
    }

    /// `$XDG_STATE_HOME` for every run (where `undo` keeps its journal), outside the
    /// sandbox folder so that tests comparing its listing do not see it.
    var stateURL: URL { url.appendingPathExtension("state") }

    /// `$XDG_CACHE_HOME` for every run (where edits keep the plan's check record), beside ``stateURL``.
    var cacheURL: URL { url.appendingPathExtension("cache") }

    /// The absolute path of `name` inside the sandbox.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes `text` (as UTF-8) to `name`, creating folders as needed; returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, data: Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        // As if written a minute ago: a file another program changed moments ago is left to
        // settle before it is edited (PlanSession), which tests of other things should not wait for.
        let past = Date().addingTimeInterval(-60)
        try FileManager.default.setAttributes([.modificationDate: past], ofItemAtPath: file.path)
        return file.path
    }

    func read(_ name: String) throws -> Data { try Data(contentsOf: url.appendingPathComponent(name)) }

    func text(_ name: String) throws -> String { String(decoding: try read(name), as: UTF8.self) }

    /// Every entry in the sandbox's top folder (including hidden ones), sorted.
    func listing(_ folder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? url.path : path(folder)).sorted()
    }

    /// Runs `actionplan` with `arguments` in `directory` (default: the sandbox).
    ///
    /// The child's environment is exactly: PATH, HOME (the sandbox, so that no real
    /// `~/.config/actionplan/config` is read), XDG_STATE_HOME (``stateURL``), XDG_CACHE_HOME (``cacheURL``), `ACTIONPLAN_TODAY=2026-03-01` and
    /// `COLUMNS=120`, changed by `environment` (a `nil` value removes a variable).
    /// `USER`, `ACTIONPLAN_USER`, `ACTIONPLAN_PLAN` and `XDG_CONFIG_HOME` are unset
    /// unless given. Standard input is empty unless `stdin` is given. `through` is a
    /// command (and its arguments) that runs the binary, such as `setpriv …`.
    func run(
        _ arguments: [String], in directory: String? = nil, environment: [String: String?] = [:],
        stdin: Data? = nil, through wrapper: [String] = []
    ) throws -> RunResult {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": url.path,
            "XDG_STATE_HOME": stateURL.path,
            "XDG_CACHE_HOME": cacheURL.path,
            "ACTIONPLAN_TODAY": pinnedToday,
            "COLUMNS": "120",
        ]
        for (name, value) in environment { env[name] = value }

        // Outputs go to files outside the sandbox folder (tests compare its listing),
        // so that a large output can never block on a full pipe.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("actionplan-cli-io-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try (stdin ?? Data()).write(to: inURL)
        let program = wrapper.first ?? actionplanBinary.path
        let programArguments = wrapper.isEmpty ? arguments : wrapper.dropFirst() + [actionplanBinary.path] + arguments
        let ended = try ChildProcess.run(
            program, programArguments, environment: env,
            directory: directory ?? url.path,
            stdin: .file(inURL.path), stdout: .file(outURL.path), stderr: .file(errURL.path),
            timeout: 120)
        return RunResult(
            status: ended.status,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// Parses a JSON object from a command's output.
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(value as? [String: Any], sourceLocation: sourceLocation)
}

/// `text` split into lines (keeping empty ones), with `edit` applied, joined again.
/// Lines are separated by "\n"; the result ends with "\n" when `text` did.
func editingLines(_ text: String, _ edit: (inout [String]) -> Void) -> String {
    var lines = text.components(separatedBy: "\n")
    let hadFinalNewline = lines.last == ""
    if hadFinalNewline { lines.removeLast() }
    edit(&lines)
    return lines.joined(separator: "\n") + (hadFinalNewline ? "\n" : "")
}

extension Data {
    var utf8Text: String { String(decoding: self, as: UTF8.self) }
}

/// File permission bits of `path`.
func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}
