import Foundation
import Testing

@testable import PlanCore

@Suite("Trend and changes")
struct ReviewTests {
    /// The plan of the query tests: its history is small enough to work out by hand.
    var plan: Plan { get throws { try parse(QueryTests.text).plan } }

    @Test func monthEndsAndTheLastDay() {
        let days = Trend.dates(from: date("2025-11-15"), to: date("2026-02-10"), every: .month).map(\.iso)
        #expect(days == ["2025-11-30", "2025-12-31", "2026-01-31", "2026-02-10"])
        let weeks = Trend.dates(from: date("2026-01-01"), to: date("2026-01-20"), every: .week).map(\.iso)
        #expect(weeks == ["2026-01-01", "2026-01-08", "2026-01-15", "2026-01-20"])
        #expect(
            Trend.dates(from: date("2026-01-31"), to: date("2026-01-31"), every: .month).map(\.iso) == ["2026-01-31"])
    }

    @Test func trendFiguresByHand() throws {
        let plan = try plan
        #expect(Trend.firstDate(of: plan) == date("2025-09-01"))
        let trend = Trend(plan: plan, from: date("2025-12-01"), to: date("2026-04-15"), every: .month)
        let figures = trend.points.map {
            "\($0.date.iso) \($0.counts.complete)/\($0.counts.total) \($0.counts.overdue)"
        }
        #expect(
            figures == [
                "2025-12-31 0/3 0",
                "2026-01-31 1/3 0",  // 1.1a green on 20 January
                "2026-02-28 1/4 0",  // 1.2a added on 15 February
                "2026-03-31 1/4 1",  // 2.1a due 28 February, still amber
                "2026-04-15 1/4 1",
            ])
        let csv = TrendReport.csv(trend).split(separator: "\n")
        #expect(csv[0] == "date,total,complete,percent_complete,overdue,red,amber,green,blue,not-started")
        #expect(csv[2] == "2026-01-31,3,1,33.3,0,0,2,1,0,0")
        let text = TrendReport.text(trend, title: "T", every: .month, barWidth: 10)
        #expect(text.contains("31 Jan 2026  ███▍         33%  1 of 3\n"))
    }

    @Test func changesGroupTheMoves() throws {
        let changes = Changes(plan: try plan, since: date("2026-01-15"), until: date("2026-02-20"))
        #expect(changes.moves(in: .newlyComplete).map(\.ref) == ["1.1a"])
        #expect(changes.moves(in: .newlyRed).map(\.ref) == ["1.1b"])
        #expect(changes.added.map(\.ref) == ["1.2a"])
        #expect(
            changes.dueMoves.map { "\($0.ref) \($0.from) -> \($0.to) \($0.totalMoves)" } == [
                "1.1b 2026-01-31 -> 2026-03-31 1"
            ])
        #expect(changes.notesAdded.map(\.ref) == ["1.1a"])
        #expect(changes.before.complete == 0 && changes.after.complete == 1)
        let text = ChangesReport.text(changes, title: "T")
        #expect(text.contains("Newly complete (1)\n  1.1a  A -> G  Done early.\n"))
        #expect(
            text.contains("Due dates moved (1)\n  1.1b  2026-01-31 -> 2026-03-31  (on 1 Feb 2026; moved once in all)\n")
        )
        let json = ChangesReport.json(changes, path: "p.plan", title: "T").serialized()
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(
            (decoded["statusChanges"] as? [[String: Any]])?.map { $0["group"] as? String } == [
                "newly-complete", "newly-red",
            ])
    }

    @Test(
        arguments: [
            (Status.amber, Status.green, "newlyComplete"), (.green, .blue, "impactEvidenced"),
            (.amber, .red, "newlyRed"),
            (.notStarted, .amber, "startedOrRecovered"), (.red, .amber, "startedOrRecovered"),
            (.green, .amber, "reopened"),
            (.blue, .green, "other"), (.amber, .notStarted, "other"),
        ] as [(Status, Status, String)])
    func statusMovesAreGroupedByMeaning(from: Status, to: Status, group: String) {
        let move = Changes.StatusMove(ref: "1.1a", text: "", from: from, to: to)
        #expect("\(Changes.Group.of(move))" == group)
    }

    @Test func quietPeriod() throws {
        let changes = Changes(plan: try plan, since: date("2026-06-01"), until: date("2026-07-01"))
        #expect(changes.isEmpty)
        #expect(ChangesReport.text(changes, title: "T").hasSuffix("Nothing changed in this period.\n"))
    }

    @Test func markdownEscapesPlanText() throws {
        let text =
            planHeader
            + "- [G] 1.1a <script>alert(1)</script> *bold* | pipe\n  - Owner: X\n  - Due: 2026-01-01\n  - Status 2026-02-01: A -> G\n"
        let changes = Changes(plan: try parse(text).plan, since: date("2026-01-15"), until: date("2026-02-20"))
        let md = ChangesReport.markdown(changes, title: "T")
        #expect(md.contains("\\<script\\>alert(1)\\</script\\> \\*bold\\* \\| pipe"))
        #expect(!md.contains("<script>"))
    }
}
