import Foundation
import Testing

/// `trend`, `changes` and the board checks of `check` and `summary`, on the sample plan
/// (today pinned to 2026-03-01).
@Suite("Monthly review commands", .tags(.endToEnd))
struct ReviewCommandTests {
    @Test func trendByMonthAsTextCSVAndJSON() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let text = try box.run(["trend", "p.plan", "--from", "2025-11-01", "--to", "2026-03-01"])
        #expect(text.status == 0, "\(text)")
        #expect(text.outLines.contains { $0.hasPrefix("30 Nov 2025") && $0.hasSuffix("0%  0 of 3") })
        #expect(text.outLines.contains { $0.hasPrefix("28 Feb 2026") && $0.contains("25%  1 of 4") })
        let csv = try box.run([
            "trend", "p.plan", "--from", "2026-01-01", "--to", "2026-02-15", "--every", "week", "--format", "csv",
        ])
        #expect(csv.outLines.first == "date,total,complete,percent_complete,overdue,red,amber,green,blue,not-started")
        #expect(
            csv.outLines.dropFirst().map { String($0.prefix(10)) } == [
                "2026-01-01", "2026-01-08", "2026-01-15", "2026-01-22", "2026-01-29", "2026-02-05", "2026-02-12",
                "2026-02-15",
            ])
        let json = try box.run(["trend", "p.plan", "--to", "2026-03-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.first?["date"] as? String == "2025-11-30")
        #expect(points.last?["percentComplete"] as? Double == 25)
    }

    @Test func changesSinceTheLastReview() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let text = try box.run(["changes", "p.plan", "--since", "2026-01-05"])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("Newly complete (1)\n  1.1b  A -> G"))
        #expect(text.stdout.contains("Newly red (1)\n  2.1a  A -> R"))
        #expect(text.stdout.contains("Actions added (1)\n  2.1b  [A]"))
        #expect(text.stdout.contains("Notes added (1)\n  14 Jan 2026  1.1a (Sam Patel): The first draft"))
        let md = try box.run([
            "changes", "p.plan", "--since", "5 January 2026", "--until", "2026-03-01", "--format", "md",
        ])
        #expect(md.stdout.hasPrefix("# Changes: Test plan: recording children's views\n"))
        #expect(md.stdout.contains("| 1.1b | Amber | Green |"))
        let json = try box.run(["changes", "p.plan", "--since", "2026-01-05", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["actionsAdded"] as? [[String: Any]])?.first?["ref"] as? String == "2.1b")
        let backwards = try box.run(["changes", "p.plan", "--since", "2026-03-02", "--until", "2026-03-01"])
        #expect(backwards.status == 1 && backwards.stderr.contains("is after --until"))
        let missing = try box.run(["changes", "p.plan"])
        #expect(missing.status == 64)
    }

    @Test func boardChecksWarnAndCanBeSwitchedOff() throws {
        let box = try Sandbox()
        try box.write("p.plan", samplePlan)
        let result = try box.run(["check", "p.plan"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("p.plan:10:1: warning: 1.1a is amber and was due on 28 February 2026"))
        #expect(result.stderr.contains("p.plan:16:1: warning: 1.1b is green but has no progress note to evidence it"))
        #expect(result.stderr.contains("p.plan:26:1: warning: 2.1a is red and was due on 15 January 2026"))
        #expect(result.stderr.contains("p.plan:26:1: warning: 2.1a is red with no note saying why"))
        let quiet = try box.run(["check", "p.plan", "--no-board-checks"])
        #expect(!quiet.stderr.contains("was due on"))
        try box.write(
            "off.plan",
            samplePlan.replacingOccurrences(
                of: "- As at: 2026-01-14", with: "- As at: 2026-01-14\n- Checks off: overdue, red-without-note"))
        let off = try box.run(["check", "off.plan"])
        #expect(!off.stderr.contains("was due on") && !off.stderr.contains("no note saying why"))
        #expect(off.stderr.contains("no progress note to evidence it"))
        let summary = try box.run(["summary", "p.plan"])
        #expect(
            summary.stdout.contains(
                "Needs attention (`actionplan check` lists them)\n   2  past the due date and not complete\n   1  complete with no progress note\n   1  red with no note saying why\n"
            ))
    }
}
