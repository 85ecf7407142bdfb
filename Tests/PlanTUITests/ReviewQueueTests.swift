import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

/// The review the TUI walks (`v`) and `ReviewQueue` in PlanCore are one rule: walked
/// key by key on every fixture plan, the TUI visits exactly the queue's actions, and
/// the queue gives what the TUI's own rule gave before it moved to the core.
@Suite("Review queue against the TUI's review")
struct ReviewQueueTests {
    static var fixturePlans: [URL] {
        let fixtures = TUIFixtures.root.appendingPathComponent("Tests/PlanCoreTests/Fixtures/valid")
        let plans = TUIFixtures.root.appendingPathComponent("plans")
        return [plans, fixtures].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "plan" }.sorted { $0.path < $1.path }
        }
    }

    /// The rule as `Update+Review.swift` had it before `ReviewQueue`, kept as the oracle.
    static func formerRule(_ plan: Plan, today: PlanDate) -> [(ref: String, reasons: [String])] {
        let lastReview = plan.lastReviewed?.date
        let nextReview = today.adding(days: 30)
        return plan.actions.compactMap { action in
            guard !action.status.isComplete else { return nil }
            var reasons: [String] = []
            if action.status == .red { reasons.append("red") }
            if let due = action.due?.date {
                if due < today {
                    reasons.append("overdue since \(due.ukShort)")
                } else if due <= nextReview {
                    reasons.append("due \(due.ukShort), before the next review")
                }
            }
            if let lastReview {
                let latest = (action.notes.map(\.date) + action.history.map(\.date)).max()
                if latest.map({ $0 <= lastReview }) ?? true {
                    reasons.append("no update since the last review (\(lastReview.ukShort))")
                }
            }
            return reasons.isEmpty ? nil : (action.ref, reasons)
        }
    }

    @Test func theFixturesAreFound() {
        #expect(Self.fixturePlans.count >= 10)
    }

    @Test(arguments: fixturePlans)
    func theTUIWalksTheQueue(_ url: URL) throws {
        let document = try PlanFile.load(url.path)
        // Days around the example's dates, so that overdue, due soon and not updated all occur.
        for today in ["2025-12-01", "2026-11-10", "2027-06-30"].compactMap(DateText.parseISO) {
            var state = AppState(
                document: document, path: url.lastPathComponent, today: today, author: "Test Person", width: 120,
                height: 40, colors: false)
            let queue = ReviewQueue(plan: document.plan, on: today)
            let former = Self.formerRule(document.plan, today: today)
            #expect(queue.refs == former.map(\.ref), "\(url.lastPathComponent) on \(today.iso)")
            #expect(queue.entries.map { $0.reasons.map(\.text) } == former.map(\.reasons))

            state.press(.character("v"))
            guard !queue.isEmpty else {
                #expect(state.modal != .review)
                continue
            }
            var walked: [String] = []
            while state.modal == .review, state.review?.finished == false {
                if case .action(let ref) = state.selected { walked.append(ref) }
                state.press(.character(" "))
            }
            #expect(walked == queue.refs, "\(url.lastPathComponent) on \(today.iso)")
        }
    }

    @Test func dueWithinCountsTodayAndTheLastDayButNotCompleteActions() throws {
        let plan = try PlanDocument(
            text: """
                # P
                ## 1 S
                ### 1.1 A
                - [A] 1.1a Today.
                  - Due: 2026-11-10
                - [A] 1.1b The thirtieth day.
                  - Due: 2026-12-10
                - [A] 1.1c The thirty-first day.
                  - Due: 2026-12-11
                - [G] 1.1d Done.
                  - Due: 2026-11-20
                - [A] 1.1e Yesterday.
                  - Due: 2026-11-09

                """
        ).plan
        let today = DateText.parseISO("2026-11-10")!
        #expect(plan.dueWithin(ReviewCycle.days, of: today).map(\.ref) == ["1.1a", "1.1b"])
        #expect(plan.dueWithin(0, of: today).map(\.ref) == ["1.1a"])
    }
}

/// `s` sorts each area's actions as `list --sort` does, and says so in the header.
@Suite("Sorting the list")
struct SortKeyTests {
    func areaRefs(_ state: AppState, _ area: String) -> [String] {
        guard let range = state.plan.area(number: area)?.actionRange else { return [] }
        return state.rows.compactMap { row -> String? in
            guard case .action(let i) = row, range.contains(i) else { return nil }
            return state.plan.actions[i].ref
        }
    }

    @Test func sCyclesThroughTheOrdersAndBackToFileOrder() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        let fileOrder = areaRefs(state, "1.1")
        var seen: [ActionSort.Term?] = []
        for _ in AppState.sortCycle {
            state.press(.character("s"))
            seen.append(state.sort)
            let expected = ActionSort(state.sort.map { [$0] } ?? []).sorted(
                Array(state.plan.actions[state.plan.area(number: "1.1")!.actionRange]), on: TUIFixtures.today
            ).map(\.ref)
            #expect(areaRefs(state, "1.1") == expected)
        }
        #expect(seen == AppState.sortCycle)
        #expect(state.sort == nil && areaRefs(state, "1.1") == fileOrder)
    }

    @Test func theHeaderSaysHowTheListIsSorted() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.press(.character("s"))
        #expect(render(state).text.split(separator: "\n")[2].hasPrefix(" sorted by due  (s: next order)"))
        state.press(.character("s"))
        #expect(render(state).text.split(separator: "\n")[2].hasPrefix(" sorted by most overdue first"))
    }
}
