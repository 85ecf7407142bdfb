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
            #expect(SearchIndex.searchText(action) == Array(joined.lowercased().utf8), "\(action.ref)")
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
        #expect(SearchIndex.bytes(hay, contain: Array("abd".utf8)))
        #expect(SearchIndex.bytes(hay, contain: Array("abc".utf8)))
        #expect(SearchIndex.bytes(hay, contain: Array("d".utf8)))
        #expect(!SearchIndex.bytes(hay, contain: Array("abe".utf8)))
        #expect(!SearchIndex.bytes(hay, contain: Array("abcabdx".utf8)))
        #expect(SearchIndex.bytes(hay, contain: []))
        #expect(!SearchIndex.bytes([], contain: Array("a".utf8)))
    }

    /// The actions whose joined, lower-cased text contains `query`: what the index must find.
    /// The plain scan: the lower-cased joined text holds the lower-cased query, byte for
    /// byte (so "cafe" finds a "café" written with a combining accent, as the search does).
    static func expected(_ plan: Plan, _ query: String) -> [Int] {
        let wanted = Array(query.lowercased().utf8)
        return plan.actions.indices.filter { index in
            let action = plan.actions[index]
            let joined = ([action.ref, action.text] + action.owners + action.notes.map(\.text)).joined(separator: "\n")
            let bytes = Array(joined.lowercased().utf8)
            guard wanted.count <= bytes.count else { return false }
            return wanted.isEmpty
                || (0...bytes.count - wanted.count).contains { bytes[$0..<$0 + wanted.count].elementsEqual(wanted) }
        }
    }

    static func found(_ state: AppState) -> [Int] {
        state.rows.compactMap { row in if case .action(let index) = row { index } else { nil } }
    }

    @Test func theIndexIsBuiltInSlicesBetweenKeys() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        let count = state.plan.actions.count
        #expect(count > 0 && state.hasIdleWork)
        var slices = 0
        while state.hasIdleWork {
            state.doIdleWork()
            slices += 1
        }
        #expect(slices == (count + SearchIndex.sliceSize - 1) / SearchIndex.sliceSize)
        #expect(state.searchIndex.isComplete)
    }

    /// Letters, digits, punctuation (whose mask bits are shared), non-ASCII text, and
    /// queries typed letter by letter (each narrowing the last hits) or started afresh.
    @Test(arguments: [false, true])
    func searchesFindWhatTheLowerCasedTextHolds(builtBetweenKeys: Bool) throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        if builtBetweenKeys { while state.hasIdleWork { state.doIdleWork() } }
        for query in ["e", "ea", "ear", "early", "q", "z", "2026", "1", ".", ";", "'", "-", "1.2", "(", "xyzzy"] {
            state.press(.character("/"))
            state.type(query)
            #expect(Self.found(state) == Self.expected(state.plan, query), "\(query)")
            #expect(state.matchCount == Self.expected(state.plan, query).count, "\(query)")
            state.press(.escape)
        }
        var unicode = try TUIFixtures.state(text: Self.plan, width: 120, height: 30)
        for query in ["é", "ΣΟΦΙΑ", "ǆ", "straße", "😀", "zoë", "ω"] {
            unicode.press(.character("/"))
            unicode.type(query)
            #expect(Self.found(unicode) == Self.expected(unicode.plan, query), "\(query)")
            unicode.press(.escape)
        }
    }

    /// A slice built, then a search: the rest of the index is made at once, not skipped.
    @Test func aSearchBeforeTheIndexIsDoneFinishesIt() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        state.doIdleWork()
        state.press(.character("/"))
        state.type("the")
        #expect(!state.hasIdleWork)
        #expect(Self.found(state) == Self.expected(state.plan, "the"))
    }

    /// A note added after the index was built: the index takes in the one action
    /// instead of being built again, and a search finds the note.
    @Test func anEditUpdatesTheIndex() throws {
        var state = try TUIFixtures.state(width: 120, height: 40)
        while state.hasIdleWork { state.doIdleWork() }
        state.press(.character("/"))
        state.type("quokk")
        #expect(Self.found(state).isEmpty)
        state.press(.escape)
        state.selectRef("1.1d")
        state.press(.character("n"))
        state.type("A quokka was seen.")
        state.press(.control("d"))
        #expect(state.plan.action(ref: "1.1d")?.notes.last?.text == "A quokka was seen.")
        #expect(!state.hasIdleWork)
        state.press(.character("/"))
        state.type("quokka")
        #expect(Self.found(state) == [state.plan.index(ofRef: "1.1d")!])
    }

    /// The last hits are kept up to date by an edit, so a letter typed after it, which
    /// narrows them, still finds the edited action.
    @Test func narrowingAfterAnEditFindsTheEditedAction() throws {
        let plan = try TUIFixtures.document().plan
        var index = SearchIndex(actionCount: plan.actions.count)
        index.extend(plan.actions, by: plan.actions.count)
        #expect(index.hits(Array("quokk".utf8)).population == 0)
        var edited = plan.actions[3]
        edited.notes.append(Note(date: TUIFixtures.today, author: nil, text: "A Quokka.", line: 0))
        index.update(3, with: edited)
        #expect(index.hits(Array("quokka".utf8)).members == [3])
    }

    /// The runtime builds the index when no key is waiting (a tick), not while keys come.
    @Test func theRuntimeBuildsTheIndexBetweenKeys() throws {
        let services = Runtime.Services(save: { _, _ in .saved }, editText: { $0 })
        let busy = Runtime.run(
            try TUIFixtures.state(), terminal: FakeTerminal(keys: [.down, .character("q")]), services: services)
        #expect(busy.hasIdleWork)
        let idle = Runtime.run(
            try TUIFixtures.state(), terminal: FakeTerminal(keys: [.tick, .character("q")]), services: services)
        #expect(!idle.hasIdleWork)
    }
}
