import Foundation
import Testing

@testable import PlanCore

/// The trend walks each action's history once beside the days; these tests hold it to
/// the algorithm it replaced (every action's timeline asked afresh for every day),
/// kept here only, on the repository's plans and on random histories.
@Suite("Trend: one walk of each history")
struct TrendSweepTests {
    /// What `Trend.init` computed before: `Action.Timeline` asked day by day.
    static func countsDayByDay(_ plan: Plan, on days: [PlanDate]) -> [StatusCounts] {
        let timelines = plan.actions.map(Action.Timeline.init)
        let periodStart = plan.periodStart
        return days.map { day in
            var counts = StatusCounts()
            for (action, timeline) in zip(plan.actions, timelines)
            where timeline.wasAdded(by: day, periodStart: periodStart) {
                if timeline.wasRetired(by: day) {
                    counts.addRetired()
                    continue
                }
                let status = timeline.status(at: day, current: action.status)
                let due = timeline.due(at: day, current: action.due)
                counts.add(status, overdue: due?.date.map { $0 < day && !status.isComplete } ?? false)
            }
            return counts
        }
    }

    static func expectSameTrend(_ plan: Plan, from start: PlanDate, to end: PlanDate) {
        for interval in Trend.Interval.allCases {
            let trend = Trend(plan: plan, from: start, to: end, every: interval)
            let days = Trend.dates(from: start, to: end, every: interval)
            #expect(trend.points.map(\.date) == days)
            #expect(trend.points.map(\.counts) == countsDayByDay(plan, on: days), "\(plan.title) \(interval)")
        }
    }

    @Test func theTallyFollowsTheOrderOfTheStatuses() {
        #expect(Status.allCases.map(\.tallyIndex) == Array(Status.allCases.indices))
    }

    @Test func theRepositoryPlansGiveTheSameFigures() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("plans")
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".plan") }
        #expect(paths.count >= 4)
        for name in paths {
            let plan = try parse(String(decoding: Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self))
                .plan
            let first = Trend.firstDate(of: plan) ?? date("2025-01-01")
            for end in [first, first.adding(days: 45), date("2026-07-01"), date("2027-03-15")] where first <= end {
                Self.expectSameTrend(plan, from: first, to: end)
            }
        }
    }

    /// Histories out of date order, several status, due and retired lines, free-text
    /// and `none` due dates, with and without `Added` and a period.
    @Test func randomHistoriesGiveTheSameFigures() throws {
        var random = SystemRandomNumberGenerator()
        let template = try #require(try parse(QueryTests.text).plan.actions.first)
        let base = date("2025-06-01")
        let dueTexts = ["2026-01-31", "none", "To be determined", "31 March 2026", "2025-11-30", "2026-01-31 or later"]
        var span = 500
        func someDay() -> PlanDate { base.adding(days: Int.random(in: 0...span, using: &random)) }
        func someStatus() -> Status { Status.allCases.randomElement(using: &random) ?? .amber }
        for round in 0..<40 {
            var plan = try parse(QueryTests.text).plan
            // Every other round crowds the changes into a few weeks, several on a day.
            span = round.isMultiple(of: 2) ? 500 : 40
            plan.period = round % 3 == 0 ? nil : "September 2025 – March 2027"
            plan.actions = ActionList(
                (0..<60).map { index in
                    var action = template
                    action.ref = "9.9\(index)"
                    action.status = someStatus()
                    let dueText = dueTexts.randomElement(using: &random) ?? "none"
                    action.due = dueText == "none" ? nil : Due(text: dueText, date: DateText.parseUserDate(dueText))
                    action.history = (0..<Int.random(in: 0...7, using: &random)).map { _ in
                        let change: HistoryEntry.Change =
                            switch Int.random(in: 0..<10, using: &random) {
                            case 0: .added("")
                            case 1: .retired("Merged")
                            case 2, 3: .due(from: dueTexts.randomElement(using: &random) ?? "none", to: dueText)
                            case 4: .owner(from: ["A"], to: ["B"])
                            default: .status(from: someStatus(), to: someStatus())
                            }
                        return HistoryEntry(date: someDay(), author: nil, change: change, line: 1)
                    }
                    return action
                })
            let start = someDay()
            Self.expectSameTrend(plan, from: start, to: start.adding(days: Int.random(in: 0...400, using: &random)))
            Self.expectSameTrend(plan, from: start, to: start.adding(days: -3))
        }
    }
}
