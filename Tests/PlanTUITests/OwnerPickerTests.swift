import Testing

@testable import PlanCore
@testable import PlanTUI

/// The filter panel's `o`: the plan's owners to pick from, with their open counts,
/// narrowed as a name is typed; text that names no one still filters as "contains".
@Suite("Owner picker")
struct OwnerPickerTests {
    static let plan = """
        # Owners

        ## 1 Section

        ### 1.1 Area
        - [A] 1.1a One.
          - Owner: Head of Service
          - Due: 2026-10-01

        - [R] 1.1b Two.
          - Owner: head of service.
          - Due: 2027-01-01

        - [A] 1.1c Three.
          - Owner: Head of Service, Front Door
          - Due: 2027-01-01

        - [G] 1.1d Four.
          - Owner: Designated Nurse; Head of Service
          - Due: 2026-01-01

        """

    func shownRefs(_ state: AppState) -> [String] {
        state.rows.compactMap { row in
            if case .action(let index) = row { return state.plan.actions[index].ref }
            return nil
        }
    }

    @Test func offersEveryOwnerFoldedWithTheirOpenAndOverdueCounts() throws {
        var state = try TUIFixtures.state(text: Self.plan)
        state.press(.character("f"), .character("o"))
        guard case .filters(let panel) = state.modal, let picker = panel.ownerPicker else {
            Issue.record("the picker is not open")
            return
        }
        // "head of service." and "Head of Service" are one owner; the names as `actionplan owners` has them.
        let report = OwnerReport(state.plan, asOf: TUIFixtures.today).owners
        #expect(picker.owners.map(\.name) == report.map(\.name))
        #expect(picker.owners.map(\.name) == ["Designated Nurse", "Head of Service", "Head of Service, Front Door"])
        #expect(picker.owners.map(\.open) == [0, 2, 1])
        #expect(picker.owners.map(\.overdue) == [0, 1, 0])
    }

    @Test func aPickedNameFiltersToThatOwnerOnlyAndTypedTextToEveryNameContainingIt() throws {
        var state = try TUIFixtures.state(text: Self.plan)
        state.press(.character("f"), .character("o"))
        state.type("head of")
        // The selection starts on the typed text: "containing", as before there was a list.
        #expect(shownRefs(state) == ["1.1a", "1.1b", "1.1c", "1.1d"])
        state.press(.down)
        #expect(state.filter.pickedOwner == "Head of Service" && state.filter.core.owner == nil)
        #expect(shownRefs(state) == ["1.1a", "1.1b", "1.1d"])
        state.press(.down, .enter)
        #expect(state.filter.pickedOwner == "Head of Service, Front Door")
        state.press(.enter)
        #expect(state.modal == .none)
        #expect(shownRefs(state) == ["1.1c"])
        #expect(render(state).row(at: 2).hasPrefix(" Filter: owner Head of Service, Front Door  1 of 4 actions"))

        // Opened again, the list is on the picked owner; PgUp goes back to the text, which is empty: any owner.
        state.press(.character("f"), .character("o"))
        guard case .filters(let panel) = state.modal else { return }
        #expect(panel.ownerPicker?.chosen?.name == "Head of Service, Front Door")
        state.press(.pageUp, .enter)
        #expect(state.filter.pickedOwner == nil && state.filter.core.owner == nil)
    }

    @Test func textThatNamesNoOneStillFiltersAsContainsAndEscClearsTheOwner() throws {
        var state = try TUIFixtures.state(text: Self.plan)
        state.press(.character("f"), .character("o"))
        state.type("police")
        #expect(render(state).text.contains("Any owner containing \"police\"  no name has it: filters by the text"))
        state.press(.down, .enter)
        #expect(state.filter.core.owner == "police" && state.filter.pickedOwner == nil)
        #expect(shownRefs(state).isEmpty)
        state.press(.character("o"), .down, .escape)
        #expect(state.filter.core.owner == nil && state.filter.pickedOwner == nil)
        #expect(shownRefs(state).count == 4)
    }

    @Test func pickerAt80x24() throws {
        var state = try TUIFixtures.state()
        state.press(.character("f"), .character("o"))
        state.type("north")
        state.press(.down, .down)
        assertSnapshot(render(state), named: "owner-picker-80x24")
        var all = try TUIFixtures.state()
        all.press(.character("f"), .character("o"))
        all.press(Array(repeating: .down, count: 20))
        assertSnapshot(render(all), named: "owner-picker-scrolled-80x24")
    }
}
