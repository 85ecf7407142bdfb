import PlanCore
import Testing

@testable import PlanTUI

/// The board's keys on an area (`S` sign off, `A` assess) and the closing screen's
/// questions (a partial review, the As at date).
@Suite("Signing an area off in the interface")
struct SignOffTests {
    static let plan = """
        # Improvement plan
        - As at: 2026-10-01
        - Board: Improvement Board

        ## 1 Hearing children

        ### 1.1 Recording what children tell us
        - Needs to improve: Practitioners record what children say.

        - [G] 1.1a Publish partnership guidance.
          - Owner: Learning lead
          - Due: 2026-02-28
          - Status 2026-03-01 (Sam Patel): A -> G

        - [A] 1.1b Audit ten records.
          - Owner: QA lead
          - Due: 2026-10-31

        - [R] 1.1c Train the front door team.
          - Owner: Head of Service
          - Due: 2026-12-31
          - Status 2026-09-02 (Sam Patel): A -> R

        ### 1.2 Leaders' understanding
        - Needs to improve: Leaders hear from children.

        - [G] 1.2a Hold a listening event.
          - Owner: Chair
          - Due: 2026-03-31
          - Status 2026-04-02 (Sam Patel): A -> G

        """

    static func state(width: Int = 80, height: Int = 24) throws -> AppState {
        try TUIFixtures.state(text: plan, width: width, height: height)
    }

    @Test func signingOffACompleteAreaWritesTheSameLineAsTheCommand() throws {
        var state = try Self.state()
        state.select(try #require(state.rows.firstIndex(of: .area(section: 0, area: 1))))
        #expect(state.press(.character("S")) == [])
        guard case .areaForm(let form) = state.modal else {
            Issue.record("expected the sign-off form, got \(state.modal)")
            return
        }
        #expect(form.area == "1.2" && form.board.text == "Improvement Board")
        state.press(.tab)
        state.type("monitored through the quarterly audit")
        let effects = state.press(.enter)
        #expect(effects == [.save(description: "1.2: signed off 2026-11-10")])
        #expect(state.modal == .none)
        #expect(
            state.document.text.contains(
                "- Signed off 2026-11-10 (Improvement Board): monitored through the quarterly audit\n"))
        var expected = try PlanDocument(text: Self.plan)
        try expected.signOff(
            area: "1.2", on: TUIFixtures.today, by: "Improvement Board",
            monitoring: "monitored through the quarterly audit")
        #expect(state.document.text == expected.text)
        #expect(render(state).text.contains("signed off 10 Nov 2026"))
    }

    @Test func openActionsAskBeforeSigningOffAsForceDoes() throws {
        var state = try Self.state(width: 100, height: 30)
        state.selectRef("1.1b")
        state.press(.character("S"), .tab)
        state.type("monitored through the scorecard")
        #expect(state.press(.control("d")) == [])
        guard case .areaForm(let asking) = state.modal else {
            Issue.record("expected the form to ask, got \(state.modal)")
            return
        }
        #expect(asking.confirmingForce == ["1.1b", "1.1c"])
        #expect(render(state).text.contains("1.1 has actions that are not complete: 1.1b, 1.1c."))
        assertSnapshot(render(state), named: "sign-off-force-100x30")
        // n goes back to the form with everything typed; nothing is written.
        #expect(state.press(.character("n")) == [])
        guard case .areaForm(let back) = state.modal else {
            Issue.record("expected the form again, got \(state.modal)")
            return
        }
        #expect(back.confirmingForce == nil && back.main.text == "monitored through the scorecard")
        #expect(state.document.text == Self.plan)
        state.press(.control("d"))
        #expect(state.press(.character("y")) == [.save(description: "1.1: signed off 2026-11-10")])
        #expect(state.plan.area(number: "1.1")?.signOffs.map(\.monitoring) == ["monitored through the scorecard"])
    }

    @Test func anEmptyArrangementIsRefusedAndTheFormStays() throws {
        var state = try Self.state()
        state.select(try #require(state.rows.firstIndex(of: .area(section: 0, area: 1))))
        state.press(.character("S"))
        #expect(state.press(.control("d")) == [.bell])
        guard case .areaForm = state.modal else {
            Issue.record("expected the form to stay, got \(state.modal)")
            return
        }
        #expect(state.message?.text.contains("the monitoring arrangement is empty") == true)
        #expect(state.document.text == Self.plan)
        // Esc with the form as it opened closes it at once.
        state.press(.escape)
        #expect(state.modal == .none && state.message?.text == "Not signed off.")
    }

    @Test func aSectionHeadingHasNoAreaToSignOff() throws {
        var state = try Self.state()
        state.select(0)
        state.press(.character("S"))
        #expect(state.modal == .none)
        #expect(state.message?.text == "Select an area heading (or one of its actions) first.")
    }

    @Test func theBoardsAssessmentFromTheSameForm() throws {
        var state = try Self.state()
        state.selectRef("1.1a")
        state.press(.character("A"))
        guard case .areaForm(let form) = state.modal else {
            Issue.record("expected the assessment form, got \(state.modal)")
            return
        }
        // The status starts as the area's own, derived: red, since 1.1c is red and 1.1b overdue.
        #expect(form.kind == .assess && form.main.text == "R")
        assertSnapshot(render(state), named: "assess-form-80x24")
        state.press(.tab, .backspace)
        state.type("X")
        state.press(.tab)
        state.type("the audit is not yet repeated")
        #expect(state.press(.enter) == [.bell])
        #expect(state.message?.text.hasPrefix("'X' is not a status") == true)
        state.press(.backTab, .backspace)
        state.type("a")
        #expect(state.press(.control("d")) == [.save(description: "1.1: assessed Amber")])
        #expect(
            state.document.text.contains("- Assessed 2026-11-10 (Improvement Board): A, the audit is not yet repeated"))
        #expect(render(state).text.contains("· A assessed"))
    }

    @Test func signOffForm80x24() throws {
        var state = try Self.state()
        state.select(try #require(state.rows.firstIndex(of: .area(section: 0, area: 1))))
        state.press(.character("S"), .tab)
        state.type("monitored through the quarterly audit")
        assertSnapshot(render(state), named: "sign-off-form-80x24")
    }
}

@Suite("The review's closing questions")
struct ReviewClosingQuestionTests {
    static func state() throws -> AppState {
        var state = try TUIFixtures.state(text: SignOffTests.plan)
        // A fortnight after the plan's As at date, so that the closing screen offers to move it.
        state.today = try #require(DateText.parseISO("2026-10-15"))
        return state
    }

    @Test func aPartialReviewAsksFirstAndNoWritesNothing() throws {
        var state = try Self.state()
        state.press(.character("v"))
        let queue = try #require(state.review?.queue)
        try #require(queue.count == 2, "the small plan's review holds 1.1b and 1.1c: \(queue)")
        state.press(.escape)
        #expect(state.press(.enter) == [])
        #expect(state.review?.question == .partial)
        #expect(render(state).text.contains("Record a partial review (1 of \(queue.count) looked at)? y/n"))
        #expect(state.press(.character("n")) == [])
        #expect(state.review?.question == nil && state.review?.finished == true)
        #expect(state.document.text == SignOffTests.plan)
    }

    @Test func aPartialReviewRecordedThenTheAsAtDateMoves() throws {
        var state = try Self.state()
        state.press(.character("v"))
        let queue = try #require(state.review?.queue)
        try #require(queue.count == 2, "the small plan's review holds 1.1b and 1.1c: \(queue)")
        state.press(.escape, .enter)
        assertSnapshot(render(state), named: "review-partial-80x24")
        #expect(state.press(.character("y")) == [.save(description: "plan: reviewed 2026-10-15")])
        #expect(state.plan.reviews.last?.lookedAt == 1 && state.plan.reviews.last?.of == 2)
        #expect(state.review?.question == .asAt && state.modal == .review)
        assertSnapshot(render(state), named: "review-as-at-80x24")
        #expect(render(state).text.contains("Move the plan's As at date from 1 Oct 2026 to 15 Oct"))
        #expect(state.press(.character("y")) == [.save(description: "plan: as at 2026-10-01 -> 2026-10-15")])
        #expect(state.plan.asAt == DateText.parseISO("2026-10-15"))
        #expect(state.modal == .none && state.review == nil)
        var expected = try PlanDocument(text: SignOffTests.plan)
        try expected.recordReview(
            on: state.today, by: "Improvement Board",
            counts: PlanDocument.ReviewCounts(lookedAt: 1, of: 2, changed: 0))
        try expected.setAsAt(state.today)
        #expect(state.document.text == expected.text)
    }

    @Test func goingBackDoesNotTakeBackWhatWasLookedAt() throws {
        var state = try Self.state()
        state.press(.character("v"))
        let count = try #require(state.review?.queue.count)
        for _ in 0..<count { state.press(.character(" ")) }
        state.press(.backspace, .backspace, .escape)
        #expect(state.review?.lookedAt == count)
        #expect(state.press(.enter) == [.save(description: "plan: reviewed 2026-10-15")])
        #expect(state.plan.reviews.last?.lookedAt == count && state.plan.reviews.last?.of == count)
    }

    @Test func anUndoneChangeIsNotCountedAsChanged() throws {
        var state = try Self.state()
        state.press(.character("v"))
        let count = try #require(state.review?.queue.count)
        state.press(.character("g"), .character("u"))
        try #require(state.document.text == SignOffTests.plan, "the undo took the change back")
        for _ in 0..<count { state.press(.character(" ")) }
        #expect(state.press(.enter) == [.save(description: "plan: reviewed 2026-10-15")])
        #expect(state.plan.reviews.last?.changed == 0)
    }

    @Test func aReviewReopenedTheSameDayHoldsWhatTheFirstCompleted() throws {
        var state = try Self.state()
        state.press(.character("v"))
        let queue = try #require(state.review?.queue)
        // 1.1b goes green, then the review closes without recording and opens again.
        state.press(.character("g"), .character(" "), .escape, .escape)
        try #require(state.review == nil && state.plan.action(ref: "1.1b")?.status == .green)
        state.press(.character("v"))
        #expect(state.review?.queue == queue)
        for _ in 0..<queue.count { state.press(.character(" ")) }
        #expect(state.press(.enter) == [.save(description: "plan: reviewed 2026-10-15")])
        #expect(state.plan.reviews.last?.changed == 1 && state.plan.reviews.last?.of == queue.count)
    }

    @Test func aFullReviewDoesNotAskAndNoKeepsTheAsAtDate() throws {
        var state = try Self.state()
        state.press(.character("v"))
        let count = try #require(state.review?.queue.count)
        for _ in 0..<count { state.press(.character(" ")) }
        #expect(state.review?.finished == true)
        #expect(state.press(.enter) == [.save(description: "plan: reviewed 2026-10-15")])
        #expect(state.plan.reviews.last?.lookedAt == count)
        #expect(state.review?.question == .asAt)
        #expect(state.press(.character("n")) == [])
        #expect(state.plan.asAt == DateText.parseISO("2026-10-01"))
        #expect(state.message?.text == "The plan's As at date stays 1 Oct 2026.")
        #expect(state.modal == .none)
    }
}
