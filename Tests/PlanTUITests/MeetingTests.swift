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

@Suite("Search that keeps up")
struct SearchTests {
    /// A plan of `sections` × 10 areas × 10 actions, each with a note.
    static func bigPlan(sections: Int) -> String {
        var text = "# A large plan\n\n"
        for s in 1...sections {
            text += "## \(s) Section \(s)\n\n"
            for a in 1...10 {
                text += "### \(s).\(a) Area \(s).\(a)\n\n"
                for n in 1...10 {
                    text += "- [A] \(s).\(a).\(n) Produce report number \(n) for area \(s).\(a) with partners.\n"
                    text += "  - Owner: Owner \(n)\n  - Due: 2027-0\(n % 9 + 1)-15\n"
                    text += "  - Note 2026-10-0\(n % 9 + 1): Progress on item \(s * 100 + a * 10 + n) is steady.\n"
                }
                text += "\n"
            }
        }
        return text
    }

    @Test func keysTypedTogetherAreAppliedBeforeTheNextFrame() throws {
        let state = try TUIFixtures.state(text: Self.bigPlan(sections: 100))
        #expect(state.plan.actions.count == 10_000)
        let query = "item 4242 is steady"
        let terminal = FakeTerminal(batches: [[.character("/")] + Key.from(query), [.enter], [.character("q")]])
        let started = ContinuousClock.now
        let final = Runtime.run(
            state, terminal: terminal, services: Runtime.Services(save: { _, _ in .saved }, editText: { $0 }))
        let elapsed = ContinuousClock.now - started
        // One frame at the start, one after the whole search, one after Enter: not one per letter.
        #expect(terminal.frames.count == 3)
        #expect(final.filter.core.search == query)
        #expect(final.matchCount == 1)
        #expect(final.selectedAction?.ref == "42.4.2")
        #expect(terminal.frames[1].row(at: 2).contains("1 of 10,000 actions"))
        print("20-letter search on 10,000 actions, coalesced: \(elapsed)")
    }

    @Test func matchesAreHighlightedAndBracketKeysMoveBetweenThem() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.press(.character("/"))
        state.type("produce")
        state.press(.enter)
        #expect(state.matchCount >= 2)
        let grid = render(state)
        guard let y = (0..<grid.height).first(where: { grid.row(at: $0).hasPrefix("›") }),
            let x = grid.column(of: "Produce", inRow: y)
        else {
            Issue.record("no highlighted match on the selected row")
            return
        }
        #expect(grid[x, y].style.underline && grid[x, y].style.bold)
        #expect(!grid[x + 8, y].style.underline)
        let first = state.selected
        state.press(.character("]"))
        #expect(state.selected != first)
        if case .action = state.selected {} else { Issue.record("] stopped on a heading") }
        state.press(.character("["))
        #expect(state.selected == first)
    }
}

@Suite("Review, wording and signals")
struct ReviewAndWordingTests {
    @Test func theReviewShowsBehindItsEditorsAndItsReasonFollowsTheStatus() throws {
        var state = try TUIFixtures.state()
        state.press(.character("v"))
        let ref = try #require(state.review?.currentRef)
        state.press(.character("n"))
        // The review's banner is still there behind the note editor, not the list.
        #expect(render(state).row(at: 2).hasPrefix(" Review 1 of"))
        state.press(.escape)
        let before = state.review?.reasons[ref] ?? []
        state.press(.character("g"))
        let after = state.review?.reasons[ref] ?? []
        #expect(before != after)
        #expect(after == ["no longer needs attention"])
    }

    @Test func backspaceOnTheClosingScreenGoesBackToTheLastAction() throws {
        var state = try TUIFixtures.state()
        state.press(.character("v"), .character(" "), .escape)
        #expect(state.review?.finished == true)
        state.press(.backspace)
        #expect(state.review?.finished == false && state.review?.position == 1)
        #expect(state.modal == .review)
    }

    @Test func undoSaysWhatItUndidWithoutThePath() throws {
        var state = try TUIFixtures.state()
        state.selectRef("2.1d")
        state.press(.character("n"))
        state.type("A note.")
        state.press(.control("d"))
        let effects = state.press(.character("u"))
        #expect(effects == [.save(description: "Undone: 2.1d: note added")])
        _ = state.update(.saved(description: "Undone: 2.1d: note added", .saved))
        #expect(state.message?.text == "Undone: 2.1d: note added (saved)")
        #expect(!(state.message?.text.contains("plans/") ?? true))
    }

    @Test func theHeaderTellsThePlansDateFromToday() throws {
        let grid = render(try TUIFixtures.state())
        #expect(grid.row(at: 0).hasSuffix("plan as at 10 Nov 2026"))
        #expect(grid.row(at: 1).contains("overdue on 10 Nov 2026 (today)"))
    }

    @Test func theWheelOverTheDetailScrollsTheDetail() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.selectRef("1.2d")
        let selected = state.selected
        state.press(.mouse(MouseEvent(kind: .wheelDown, x: 100, y: 10)))
        #expect(state.selected == selected && state.detailTop == 3)
        state.press(.mouse(MouseEvent(kind: .wheelDown, x: 10, y: 10)))
        #expect(state.selected != selected)
    }

    @Test func loweringACompleteActionAsksWhy() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1a")  // Blue
        #expect(state.press(.character("a")).isEmpty)
        guard case .note(let draft) = state.modal else {
            Issue.record("no question asked")
            return
        }
        #expect(draft.status == .amber)
        #expect(render(state).text.contains("Back to Amber: 1.1a"))
        state.press(.escape)
        #expect(state.plan.action(ref: "1.1a")?.status == .blue)
        state.press(.character("a"))
        state.type("The guidance must be revised.")
        #expect(state.press(.control("d")).count == 1)
        #expect(state.plan.action(ref: "1.1a")?.status == .amber)
    }

    @Test func ctrlENamesTheEditor() throws {
        var state = try TUIFixtures.state()
        state.editorName = "nano"
        state.press(.character("n"))
        #expect(render(state).text.contains("Ctrl-E nano"))
    }
}
