import PlanCore
import Testing

@testable import PlanTUI

/// Blue by agreement in the terminal interface: the example plan says who agrees impact.
@Suite("Blue by agreement")
struct GovernanceUpdateTests {
    @Test func blueAsksForTheEvidenceAndRecordsTheBoardsAgreement() throws {
        var state = try TUIFixtures.state()
        let ref = try #require(state.plan.actions.first { $0.status == .amber }?.ref)
        state.selectRef(ref)
        #expect(state.press(.character("b")) == [])
        guard case .note(let draft) = state.modal else {
            Issue.record("expected the note editor, got \(state.modal)")
            return
        }
        #expect(draft.status == .blue)
        #expect(render(state).text.contains("agreed by Exploitation Improvement Board"))
        state.type("The audit shows the change.")
        state.press(.control("d"))
        let action = try #require(state.plan.action(ref: ref))
        #expect(action.status == .blue)
        #expect(action.agreements.map(\.by) == ["Exploitation Improvement Board"])
        #expect(action.latestNote?.text == "The audit shows the change.")
    }

    @Test func leavingBlueAsksForAReason() throws {
        var state = try TUIFixtures.state()
        state.selectRef("1.1a")
        state.press(.character("g"))
        guard case .note = state.modal else {
            Issue.record("expected the note editor, got \(state.modal)")
            return
        }
        #expect(render(state).text.contains("Why does 1.1a leave blue?"))
        state.type("The yearly audit fell back.")
        state.press(.control("d"))
        #expect(state.plan.action(ref: "1.1a")?.status == .green)
        #expect(state.plan.action(ref: "1.1a")?.latestNote?.text == "Moved out of blue: The yearly audit fell back.")
    }
}
