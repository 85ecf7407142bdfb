import Foundation
import Testing

@testable import PlanCore
@testable import PlanTUI

/// The search index's text: what `String.lowercased()` makes of the joined fields, now
/// built on bytes with only non-ASCII scalars looked up (issue 12: the first letter of a
/// search re-cased the whole plan, 0.1 s at 1,000 actions).
@Suite struct SearchIndexTests {
    static let plan = """
        # Search plan
        - As at: 2026-06-30

        ## 1 Schools
        ### 1.1 Attendance
        - Needs to improve: Attendance

        - [A] 1.1a ÉCOLE İstanbul ΣΟΦΙΑ Ǆemal KELVIN K Straße ﬁle MiXeD ascii 漢字 😀 end
          - Owner: Zoë O'NEILL; ΑΝΝΑ
          - Due: 2026-09-30
          - Note 2026-01-14 (Sam Patel): ÀÉÎÕÜ and Ωmega, then plain ASCII ABC xyz.

        - [G] 1.1b Plain ASCII only, Upper And Lower.
          - Owner: QA Lead
          - Due: 2026-09-30

        """

    @Test func theIndexIsTheLowerCasedJoinedText() throws {
        let document = try PlanDocument(text: Self.plan)
        #expect(document.plan.actions.count == 2)
        for action in document.plan.actions {
            let joined = ([action.ref, action.text] + action.owners + action.notes.map(\.text)).joined(separator: "\n")
            #expect(AppState.searchText(action) == Array(joined.lowercased().utf8), "\(action.ref)")
        }
    }

    @Test func aSearchFindsTextWhateverItsCase() throws {
        var state = try TUIFixtures.state(text: Self.plan, width: 120, height: 30)
        state.press(.character("/"))
        state.type("σοφια")
        #expect(state.rows.contains { row in if case .action(let index) = row { index == 0 } else { false } })
        #expect(!state.rows.contains { row in if case .action(let index) = row { index == 1 } else { false } })
    }

    @Test func bytesContainAtTheEdges() {
        let hay = Array("abcabd".utf8)
        #expect(AppState.bytes(hay, contain: Array("abd".utf8)))
        #expect(AppState.bytes(hay, contain: Array("abc".utf8)))
        #expect(AppState.bytes(hay, contain: Array("d".utf8)))
        #expect(!AppState.bytes(hay, contain: Array("abe".utf8)))
        #expect(!AppState.bytes(hay, contain: Array("abcabdx".utf8)))
        #expect(AppState.bytes(hay, contain: []))
        #expect(!AppState.bytes([], contain: Array("a".utf8)))
    }
}
