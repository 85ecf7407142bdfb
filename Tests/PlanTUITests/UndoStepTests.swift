import Testing

@testable import PlanCore
@testable import PlanTUI

/// `u` and Ctrl-R when nothing came in between: the document before the change is
/// taken back as it is (no texts compared, no merge), and the counts move by the one
/// action the change touched instead of being counted again. They must come out as a
/// fresh count would.
@Suite struct UndoStepTests {
    static func expectCountedRight(_ state: AppState, _ what: String) {
        #expect(state.counts == StatusCounts(state.plan.actions, on: state.today), "\(what): counts")
        let sections = state.plan.sections.map { StatusCounts(state.plan.actions(in: $0), on: state.today) }
        #expect(state.sectionCounts == sections, "\(what): section counts")
        RowPositionsTests.expectConsistent(state, what)
    }

    @Test func changesTakenBackAndMadeAgainOneByOne() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        var texts = [state.document.text]
        state.selectRef("1.1d")
        state.press(.character("g"))
        texts.append(state.document.text)
        state.press(.character("n"))
        state.type("Checked with the school.")
        state.press(.control("d"))
        texts.append(state.document.text)
        state.selectRef("2.1c")
        state.press(.character("g"))
        texts.append(state.document.text)
        #expect(Set(texts).count == 4)
        Self.expectCountedRight(state, "after three changes")

        for step in (0..<3).reversed() {
            #expect(state.press(.character("u")).count == 1)
            #expect(state.document.text == texts[step], "undo to \(step)")
            Self.expectCountedRight(state, "undo to \(step)")
        }
        for step in 1...3 {
            #expect(state.press(.control("r")).count == 1)
            #expect(state.document.text == texts[step], "redo to \(step)")
            Self.expectCountedRight(state, "redo to \(step)")
        }
    }

    /// In a filtered view the action changed stays shown until the cursor moves; undo
    /// brings it back as it matched, with the rows built again.
    @Test func undoInAFilteredView() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.filter = ListFilter(core: ActionFilter(statuses: [.amber]))
        state.refresh()
        state.selectRef("1.1d")
        let original = state.document.text
        state.press(.character("g"))
        #expect(state.keptRef == "1.1d")
        state.press(.down)
        #expect(!state.rows.contains(.action(state.plan.index(ofRef: "1.1d")!)))
        state.press(.character("u"))
        #expect(state.document.text == original)
        Self.expectCountedRight(state, "undone in the filtered view")
    }

    /// A document that came in since the change (a reload) is not the change's own:
    /// the way back is merged onto it, and the whole plan counted again.
    @Test func aReloadInBetweenTakesTheMergingWay() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.selectRef("1.1d")
        state.press(.character("g"))
        var theirs = state.document
        try theirs.setStatus(ref: "2.1c", to: .green, on: TUIFixtures.today, by: "Them")
        _ = state.update(.reloaded(theirs))
        state.press(.character("u"))
        #expect(state.plan.action(ref: "1.1d")?.status == .amber)
        #expect(state.plan.action(ref: "2.1c")?.status == .green)
        Self.expectCountedRight(state, "undone onto a reload")
    }
}
