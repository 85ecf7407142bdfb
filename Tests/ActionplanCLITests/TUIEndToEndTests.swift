import Foundation
import Testing

@testable import PlanCore

/// Drives the real `actionplan open` in tmux: keys go in with `send-keys`, the screen
/// comes back with `capture-pane`, and the plan file is checked byte for byte.
@Suite("The terminal interface in tmux", .serialized, .tags(.endToEnd))
struct TUIEndToEndTests {
    static let tmuxAvailable =
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func setGreenAddATwoLineNoteAndQuit() throws {
        let sandbox = try Sandbox()
        let original = try Data(contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"))
        let path = try sandbox.write("plan.plan", data: original)
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.kill() }

        session.run(
            "ACTIONPLAN_TODAY=2026-11-10 ACTIONPLAN_USER='E2E Tester' '\(actionplanBinary.path)' open --no-mouse '\(path)'; echo \"exit=$?\""
        )
        try session.waitFor("1.1a")
        // 1.1a is selected; three rows down is 1.1d (Amber).
        session.keys("j", "j", "j")
        try session.waitFor { $0.contains("1.1d") && $0.contains("Produce a thematic") }
        session.keys("g")
        try session.waitFor("1.1d: status Amber -> Green (saved)")
        session.keys("n")
        try session.waitFor("New progress note for 1.1d")
        session.type("Report agreed by the board.")
        session.keys("Enter")
        session.type("Published on the website.")
        session.keys("C-d")
        try session.waitFor("1.1d: note added (saved)")
        session.keys("q")
        try session.waitFor("exit=0")

        var expected = try PlanDocument(data: original)
        let today = DateText.parseISO("2026-11-10")!
        try expected.setStatus(ref: "1.1d", to: .green, on: today, by: "E2E Tester")
        try expected.addNote(
            ref: "1.1d", text: "Report agreed by the board.\nPublished on the website.", on: today, by: "E2E Tester")
        let written = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(String(decoding: written, as: UTF8.self) == expected.text)
        #expect(
            diffLines(original, written) == [
                "- - [A] 1.1d Produce a thematic report, drawing on audits and performance data,",
                "+ - [G] 1.1d Produce a thematic report, drawing on audits and performance data,",
                "+   - Status 2026-11-10 (E2E Tester): A -> G",
                "+   - Note 2026-11-10 (E2E Tester): Report agreed by the board.",
                "+     Published on the website.",
            ])
        // The terminal came back: the shell's own output, no interface left on screen.
        let screen = session.capture()
        #expect(screen.contains("exit=0"))
        #expect(!screen.contains("complete") && !screen.contains("↑↓ move"))
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func tooSmallThenResizedAndSigtermRestoresTheTerminal() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "plan.plan", data: try Data(contentsOf: packageRoot.appendingPathComponent("plans/small.plan")))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let session = try TmuxSession(width: 50, height: 20)
        defer { session.kill() }
        let pidFile = sandbox.path("pid")
        session.run(
            "NO_COLOR=1 sh -c 'echo $$ > \(pidFile); exec \"\(actionplanBinary.path)\" open \"\(path)\"'; echo \"exit=$?\""
        )
        try session.waitFor("Terminal too small: 50×20.")
        session.resize(width: 100, height: 30)
        try session.waitFor("1.1a")
        let pid = try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try runProcess("/bin/kill", ["-TERM", pid])
        try session.waitFor("exit=143")
        #expect(!session.capture().contains("1.1a"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func anInvalidPlanDoesNotOpen() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write("bad.plan", "# Bad\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n")
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.kill() }
        session.run("'\(actionplanBinary.path)' open '\(path)'; echo \"exit=$?\"")
        try session.waitFor("exit=1")
        #expect(session.capture().contains("bad.plan:4:4: error: unknown status 'X' for action 1.1a"))
    }

    /// `-`/`+` lines of a line diff, ignoring the unchanged ones (a plain LCS).
    func diffLines(_ a: Data, _ b: Data) -> [String] {
        let old = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let new = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        return old.difference(from: new).isEmpty ? [] : Self.render(new.difference(from: old))
    }

    static func render(_ difference: CollectionDifference<String>) -> [String] {
        difference.sorted { lhs, rhs in
            func key(_ c: CollectionDifference<String>.Change) -> (Int, Int) {
                switch c {
                case .remove(let offset, _, _): (offset, 0)
                case .insert(let offset, _, _): (offset, 1)
                }
            }
            return key(lhs) < key(rhs)
        }.map { change in
            switch change {
            case .remove(_, let line, _): "- " + line
            case .insert(_, let line, _): "+ " + line
            }
        }
    }

    /// A board member at 80×23 (an 80×24 terminal under tmux's status line) on a light
    /// background: filter to overdue, set one green, and its note goes on the same action.
    @Test(.enabled(if: tmuxAvailable, "tmux is not installed"))
    func lightThemeAt80x23FilteredGreenThenNoteGoesToTheSameAction() throws {
        let sandbox = try Sandbox()
        let original = try Data(contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan"))
        let path = try sandbox.write("plan.plan", data: original)
        let session = try TmuxSession(width: 80, height: 23)
        defer { session.kill() }
        session.run(
            "ACTIONPLAN_TODAY=2026-11-10 ACTIONPLAN_USER='E2E Tester' '\(actionplanBinary.path)' open --theme light --no-mouse '\(path)'; echo \"exit=$?\""
        )
        try session.waitFor("1.1a")
        #expect(!session.capture().contains("too small"))
        session.keys("f", "d", "Enter")
        try session.waitFor("7 of 72 actions")
        // The first overdue action is 1.2d.
        try session.waitFor { $0.contains("› ") && $0.contains("1.2d") }
        session.keys("g")
        try session.waitFor("1.2d no longer matches")
        session.keys("n")
        try session.waitFor("New progress note for 1.2d")
        session.type("Survey agreed.")
        session.keys("C-d")
        try session.waitFor("1.2d: note added (saved)")
        session.keys("q")
        try session.waitFor("exit=0")
        let written = try PlanDocument(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written.plan.action(ref: "1.2d")?.status == .green)
        #expect(written.plan.action(ref: "1.2d")?.latestNote?.text == "Survey agreed.")
    }

    @Test func aDumbTerminalIsToldToUseSummaryOrList() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "plan.plan", data: try Data(contentsOf: packageRoot.appendingPathComponent("plans/example-jtai.plan")))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        // `script` gives the command a terminal, so only TERM stands in its way.
        let output = try runProcess(
            "/usr/bin/env",
            ["TERM=dumb", "/usr/bin/script", "-qec", "'\(actionplanBinary.path)' open '\(path)'", "/dev/null"])
        #expect(output.contains("TERM=dumb"))
        #expect(output.contains("actionplan summary"))
    }
}

/// A detached tmux session with its own name, killed by the test.
final class TmuxSession {
    let name = "actionplan-e2e-\(UUID().uuidString.prefix(8))"

    init(width: Int, height: Int) throws {
        _ = try runProcess(
            "/usr/bin/env", capture: false,
            [
                "tmux", "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
                "env", "-i", "PATH=/usr/bin:/bin", "TERM=xterm-256color", "LANG=C.UTF-8", "HOME=/tmp", "PS1=$ ", "sh",
            ])
    }

    func run(_ command: String) { keys(command, "Enter") }

    func keys(_ keys: String...) { _ = try? runProcess("/usr/bin/env", ["tmux", "send-keys", "-t", name] + keys) }

    /// Sends text literally (no key-name lookup).
    func type(_ text: String) { _ = try? runProcess("/usr/bin/env", ["tmux", "send-keys", "-t", name, "-l", text]) }

    func resize(width: Int, height: Int) {
        _ = try? runProcess("/usr/bin/env", ["tmux", "resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    func capture() -> String {
        (try? runProcess("/usr/bin/env", ["tmux", "capture-pane", "-p", "-J", "-t", name])) ?? ""
    }

    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitFor(sourceLocation: sourceLocation) { $0.contains(text) }
    }

    func waitFor(
        timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = capture()
        while !condition(screen) {
            guard Date() < deadline else {
                Issue.record("timed out waiting; the screen was:\n\(screen)", sourceLocation: sourceLocation)
                throw CancellationError()
            }
            Thread.sleep(forTimeInterval: 0.05)
            screen = capture()
        }
    }

    func kill() { _ = try? runProcess("/usr/bin/env", ["tmux", "kill-session", "-t", name]) }
}

/// Runs a program to completion (at most 30 s) and returns its standard output.
@discardableResult
func runProcess(_ executable: String, capture: Bool = true, _ arguments: [String]) throws -> String {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("actionplan-run-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    try ChildProcess.run(executable, arguments, stdout: capture ? .file(output.path) : .null, timeout: 30)
    return capture ? String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self) : ""
}
