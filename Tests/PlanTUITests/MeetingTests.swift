import Testing

@testable import PlanCore
@testable import PlanTUI

/// What would hurt in a meeting (issue 16): each test scripts the keys a board member presses.
@Suite("In a meeting")
struct MeetingTests {
    /// `f d` (overdue only), `g` on 1.2d, then `n`: the note goes to 1.2d, not the action below it.
    @Test func aChangedActionStaysSelectedInAFilteredViewAndTheNoteGoesToIt() throws {
        var state = try TUIFixtures.state()
        state.press(.character("f"), .character("d"), .enter)
        state.selectRef("1.2d")
        #expect(state.press(.character("g")).count == 1)
        #expect(state.plan.action(ref: "1.2d")?.status == .green)
        #expect(state.selected == .action("1.2d"))
        #expect(state.keptRef == "1.2d")
        let screen = render(state).text
        #expect(screen.contains("× 1.2d no longer matches"))
        state.press(.character("n"))
        guard case .note(let draft) = state.modal else {
            Issue.record("no note editor")
            return
        }
        #expect(draft.ref == "1.2d")
        #expect(render(state).text.contains("New progress note for 1.2d Develop, with children and parents, a"))
        state.type("Survey agreed.")
        state.press(.control("d"))
        #expect(state.plan.action(ref: "1.2d")?.notes.contains { $0.text == "Survey agreed." } == true)
    }

    @Test func theKeptActionGoesWhenTheCursorMovesOrTheFilterChanges() throws {
        var state = try TUIFixtures.state()
        state.press(.character("f"), .character("d"), .enter)
        state.selectRef("1.2d")
        state.press(.character("g"))
        state.press(.down)
        #expect(state.keptRef == nil)
        #expect(!state.rows.contains(.action(state.plan.index(ofRef: "1.2d")!)))

        var other = try TUIFixtures.state()
        other.press(.character("f"), .character("d"), .enter)
        other.selectRef("1.2d")
        other.press(.character("g"), .character("f"), .character("r"), .enter)
        #expect(other.keptRef == nil)
        #expect(!other.rows.contains(.action(other.plan.index(ofRef: "1.2d")!)))
    }

    @Test func theFilterHeadingCountsMatches() throws {
        var state = try TUIFixtures.state()
        state.press(.character("f"), .character("d"), .enter)
        #expect(state.matchCount == 7)
        #expect(render(state).row(at: 2).contains("7 of 72 actions"))
        #expect(AppState.grouped(10000) == "10,000" && AppState.grouped(999) == "999")
    }
}
