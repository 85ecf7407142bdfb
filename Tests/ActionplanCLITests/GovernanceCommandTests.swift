import Foundation
import Testing

/// The board's commands end to end: sign-off, measure, as-at and set --agreed-by.
@Suite("Governance commands")
struct GovernanceCommandTests {
    static let plan = """
        # Board plan
        - As at: 2026-10-01
        - Impact agreed by: Improvement Board
        - Status A (Amber): On track
        - Status G (Green): Done
        - Status B (Blue): Impact evidenced

        ## 1 Hearing children
        ### 1.1 Recording
        - [G] 1.1a Publish guidance.
          - Owner: Task group
          - Due: 2026-02-28
          - Measure Records with the child's words (%): baseline 40 on 2026-01-31; target 90 by 2026-12-31
          - Note 2026-03-01 (Sam): Published.

        """

    @Test func signOffMeasureAsAtAndAgreedBlue() throws {
        let box = try Sandbox()
        try box.write("p.plan", Self.plan)
        let late: [String: String?] = ["ACTIONPLAN_TODAY": "2026-12-31"]
        let blue = try box.run(
            ["set", "p.plan", "1.1a", "--rag", "blue", "--by", "Sam", "--date", "2026-10-28"], environment: late)
        #expect(blue.status == 1 && blue.stderr.contains("--agreed-by"), "\(blue)")
        let agreed = try box.run(
            [
                "set", "p.plan", "1.1a", "--rag", "blue", "--by", "Sam", "--date", "2026-10-28", "--agreed-by",
                "Improvement Board",
            ], environment: late)
        #expect(agreed.status == 0, "\(agreed)")
        let value = try box.run(
            [
                "measure", "p.plan", "1.1a", "records with the child's words", "72", "--date", "2026-10-31", "--by",
                "QA",
            ], environment: late)
        #expect(value.status == 0, "\(value)")
        let notANumber = try box.run(
            ["measure", "p.plan", "1.1a", "records with the child's words", "72%"], environment: late)
        #expect(notANumber.status == 1 && notANumber.stderr.contains("is not a number"), "\(notANumber)")
        let signOff = try box.run(
            [
                "sign-off", "p.plan", "1.1", "--by", "Improvement Board", "--monitored", "monthly scorecard", "--date",
                "2026-11-25",
            ], environment: late)
        #expect(signOff.status == 0, "\(signOff)")
        let asAt = try box.run(["as-at", "p.plan", "2026-11-25"], environment: late)
        #expect(asAt.status == 0, "\(asAt)")
        let text = try box.text("p.plan")
        #expect(text.contains("- As at: 2026-11-25\n"))
        #expect(
            text.contains(
                "  - Status 2026-10-28 (Sam): G -> B\n  - Agreed 2026-10-28 (Improvement Board): impact evidenced\n"
                    + "  - Value 2026-10-31 (QA): Records with the child's words = 72\n\n"
                    + "- Signed off 2026-11-25 (Improvement Board): monthly scorecard\n"))
        let summary = try box.run(["summary", "p.plan", "--by", "area", "--as-of", "2026-11-30"], environment: late)
        #expect(summary.stdout.contains("signed off 25 Nov 2026"), "\(summary)")
        let before = try box.run(["summary", "p.plan", "--by", "area", "--as-of", "2026-11-01"], environment: late)
        #expect(!before.stdout.contains("signed off"), "\(before)")
    }

    @Test func exportCSVTableMeasuresWritesARowPerValue() throws {
        let box = try Sandbox()
        try box.write("p.plan", Self.plan)
        let late: [String: String?] = ["ACTIONPLAN_TODAY": "2026-12-31"]
        for (value, day) in [("55", "2026-06-30"), ("72", "2026-10-31")] {
            let recorded = try box.run(
                ["measure", "p.plan", "1.1a", "Records with the child's words", value, "--date", day, "--by", "QA"],
                environment: late)
            #expect(recorded.status == 0, "\(recorded)")
        }
        let export = try box.run(
            ["export", "p.plan", "--format", "csv", "--table", "measures", "-o", "measures.csv"], environment: late)
        #expect(export.status == 0, "\(export)")
        let rows = try box.text("measures.csv").components(separatedBy: "\r\n")
        #expect(rows.first?.hasPrefix("\u{FEFF}Section,Area,Ref,Measure,Unit,Better,Baseline") == true, "\(rows)")
        #expect(rows.dropFirst().filter { $0.contains(",1.1a,Records with the child's words,%,") }.count == 2)
        #expect(rows.contains { $0.hasSuffix(",2026-10-31,72,QA,80.9,off track") }, "\(rows)")
        // The actions table is what it was; the measures table is CSV only.
        let actions = try box.run(["export", "p.plan", "--format", "csv"], environment: late)
        #expect(actions.stdout.contains("Section,Area,Ref,Action,Owners"), "\(actions)")
        let markdown = try box.run(["export", "p.plan", "--format", "md", "--table", "measures"], environment: late)
        #expect(markdown.status != 0 && markdown.stderr.contains("--table measures is a CSV table"), "\(markdown)")
        // Several plans have no one measures table: refused, not the actions table in its place.
        _ = try box.write("q.plan", data: box.read("p.plan"))
        let several = try box.run(["export", "p.plan", "q.plan", "--format", "csv", "--table", "measures"])
        #expect(several.status == 64 && several.stderr.contains("one plan's table"), "\(several)")
    }
}
