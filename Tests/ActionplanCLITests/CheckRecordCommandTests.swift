import Foundation
import Testing

/// Edits of one action through the plan's check record (`QuickEdit`): every command
/// prints, exits and writes exactly what it does when the record is off
/// (`ACTIONPLAN_CHECK_RECORD=off`, every edit reading the whole file).
@Suite("Edits through the check record", .tags(.endToEnd))
struct CheckRecordCommandTests {
    /// Runs each step in two sandboxes, one with the record and one without, and expects
    /// the same status, output and file after every step.
    @Test func everyEditGivesWhatAFullReadGives() throws {
        let quick = try Sandbox()
        let full = try Sandbox()
        for box in [quick, full] { try box.write("plan.plan", samplePlan) }
        let off: [String: String?] = ["ACTIONPLAN_CHECK_RECORD": "off"]
        let steps: [[String]] = [
            ["set", "plan.plan", "1.1a", "--rag", "green", "--by", "Jo Bloggs"],
            ["note", "plan.plan", "1.1a", "Progress noted.\n\nA second paragraph.", "--by", "Jo Bloggs"],
            ["edit", "plan.plan", "1.1b", "--owner", "New Owner", "--due", "2026-06-30", "--by", "Jo"],
            ["set", "plan.plan", "2.1B", "--rag", "red", "--note", "Slipped.", "--format", "json"],
            ["set", "plan.plan", "1.1a", "--rag", "green"],
            ["note", "plan.plan", "9.9z", "Nowhere."],
            ["set", "plan.plan", "1.1a", "--rag", "amber", "--date", "2020-01-01"],
            ["note", "plan.plan", "1.1a", "Dry.", "--dry-run"],
            ["undo", "plan.plan"],
            ["note", "plan.plan", "2.1a", "After the undo."],
        ]
        for (k, step) in steps.enumerated() {
            let ours = try quick.run(step)
            let theirs = try full.run(step, environment: off)
            #expect(ours.status == theirs.status, "step \(k): \(ours)\n\(theirs)")
            #expect(ours.stdout == theirs.stdout, "step \(k)")
            #expect(ours.stderr == theirs.stderr, "step \(k)")
            #expect(try quick.text("plan.plan") == full.text("plan.plan"), "step \(k): \(step)")
        }
        let records = try FileManager.default.contentsOfDirectory(
            atPath: quick.cacheURL.appendingPathComponent("actionplan/checked").path)
        #expect(records.count == 1)
        #expect(!FileManager.default.fileExists(atPath: full.cacheURL.path))

        // A change made elsewhere: the record no longer holds, and the edit reads the file.
        for box in [quick, full] {
            let changed = try box.text("plan.plan").replacingOccurrences(of: "New Owner", with: "Other Owner")
            try box.write("plan.plan", changed)
        }
        let ours = try quick.run(["note", "plan.plan", "1.1b", "After a change by hand.", "--by", "Jo"])
        let theirs = try full.run(
            ["note", "plan.plan", "1.1b", "After a change by hand.", "--by", "Jo"], environment: off)
        #expect(ours.status == 0 && ours.stdout == theirs.stdout, "\(ours)")
        #expect(try quick.text("plan.plan") == full.text("plan.plan"))
        #expect(try quick.text("plan.plan").contains("Other Owner"))
    }
}
