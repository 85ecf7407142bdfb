import Foundation
import Testing

@testable import PlanCore

/// The real `actionplan` (no arguments) on a folder of several plans, in tmux (the
/// helpers are the interface tests' ``TmuxSession``).
@Suite("The portfolio in tmux", .serialized, .tags(.endToEnd))
struct PortfolioTUIEndToEndTests {
    /// A sandbox holding a copy of the repository's `plans/` folder (portfolio.txt and its plans).
    static func portfolioSandbox() throws -> Sandbox {
        let sandbox = try Sandbox()
        let folder = packageRoot.appendingPathComponent("plans")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try sandbox.write("plans/" + name, data: try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        return sandbox
    }

    @Test(.enabled(if: TUIEndToEndTests.tmuxAvailable, "tmux is not installed"))
    func openThePortfolioGoIntoAPlanSetAStatusAndComeBackToTheNewCount() throws {
        let sandbox = try Self.portfolioSandbox()
        let jtaiPath = sandbox.path("plans/example-jtai.plan")
        let smallPath = sandbox.path("plans/small.plan")
        let jtai = try Data(contentsOf: URL(fileURLWithPath: jtaiPath))
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.kill() }
        session.run(
            "cd '\(sandbox.url.path)' && ACTIONPLAN_TODAY=2026-11-10 ACTIONPLAN_USER='E2E Tester' "
                + "'\(actionplanBinary.path)'; echo \"exit=$?\"")
        try session.waitFor("Northmoor Safeguarding Children Partnership")
        try session.waitFor { $0.contains("JTAI written statement of action") && $0.contains("65%     5  17  39") }
        #expect(session.capture().contains("ILACS improvement plan"))

        session.keys("Enter")
        try session.waitFor("Written statement of action: criminal exploitation")
        // 1.1a is selected; three rows down is 1.1d (Amber).
        session.keys("j", "j", "j")
        try session.waitFor { $0.contains("›    1.1d") }
        session.keys("g")
        try session.waitFor("1.1d: status Amber -> Green (saved)")
        session.keys("Escape")
        try session.waitFor { $0.contains("JTAI written statement of action") && $0.contains("67%     5  16  40") }

        // A change to another plan's file, made elsewhere, shows up on the list by itself.
        let set = try sandbox.run(
            ["set", smallPath, "1.1b", "--rag", "green", "--by", "Someone Else"],
            environment: ["ACTIONPLAN_TODAY": "2026-11-10"])
        #expect(set.status == 0, "\(set)")
        try session.waitFor("Reloaded: small.plan changed on disk.")

        // Every red action, across the plans: g on the first saves it in its own plan.
        session.keys("r")
        try session.waitFor("Every red action")
        try session.waitFor { $0.contains("› JTAI written") && $0.contains("1.2d    R") }
        session.keys("g")
        try session.waitFor("JTAI written statement of action: 1.2d: status Red -> Green (saved)")
        session.keys("q")
        try session.waitFor("exit=0")

        var expected = try PlanDocument(data: jtai)
        let today = DateText.parseISO("2026-11-10")!
        try expected.setStatus(ref: "1.1d", to: .green, on: today, by: "E2E Tester")
        try expected.setStatus(ref: "1.2d", to: .green, on: today, by: "E2E Tester")
        #expect(try sandbox.text("plans/example-jtai.plan") == expected.text)
        #expect(try PlanFile.load(smallPath).plan.action(ref: "1.1b")?.status == .green)
    }

    @Test(.enabled(if: TUIEndToEndTests.tmuxAvailable, "tmux is not installed"))
    func aPlanWithErrorsIsListedWithItsErrorAndOpensOnceMended() throws {
        let sandbox = try Sandbox()
        try sandbox.write("plans/a.plan", samplePlan)
        try sandbox.write("plans/b.plan", "# Bad\n## 1 S\n### 1.1 A\n- [X] 1.1a Act.\n")
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.kill() }
        session.run(
            "cd '\(sandbox.url.path)' && ACTIONPLAN_USER='E2E Tester' '\(actionplanBinary.path)' open --no-mouse plans; "
                + "echo \"exit=$?\"")
        try session.waitFor("cannot be read: plans/b.plan:4:4: error: unknown status 'X'")
        #expect(session.capture().contains("Test plan: recording children's views"))
        try sandbox.write("plans/b.plan", "# Mended\n## 1 S\n### 1.1 A\n- [A] 1.1a Act.\n")
        try session.waitFor("plans/b.plan reads as a plan now; Enter opens it.")
        session.keys("j", "Enter")
        try session.waitFor { $0.contains("Mended") && $0.contains("1.1a") }
        session.keys("q")
        try session.waitFor("exit=0")
    }

    @Test(.enabled(if: TUIEndToEndTests.tmuxAvailable, "tmux is not installed"))
    func openOnAFolderOfOnePlanOpensThatPlan() throws {
        let sandbox = try Sandbox()
        try sandbox.write("one/plan.plan", samplePlan)
        let session = try TmuxSession(width: 100, height: 30)
        defer { session.kill() }
        session.run(
            "ACTIONPLAN_USER='E2E Tester' '\(actionplanBinary.path)' open --no-mouse '\(sandbox.path("one"))'; "
                + "echo \"exit=$?\"")
        try session.waitFor("Test plan: recording children's views")
        try session.waitFor("1.1a")
        session.keys("q")
        try session.waitFor("exit=0")
    }
}
