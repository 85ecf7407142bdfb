import PropertyBased
import Testing

@testable import PlanCore
@testable import PlanTUI

/// The search's hits, made from letter and letter-pair bit sets and narrowed letter by
/// letter, against the plain scan (the lower-cased joined text contains the query) on
/// random plans: queries typed a letter at a time, started afresh, after an edit, and
/// with a status filter on as well.
@Suite struct SearchPropertyTests {
    struct Random {
        var generator: Xoshiro
        init(seed: UInt64) { generator = Xoshiro(seed: (seed, 0x5EA2, 0xC4, 1)) }
        mutating func next(_ bound: Int) -> Int { Int.random(in: 0..<bound, using: &generator) }
        mutating func word() -> String {
            let pieces = [
                "ea", "e", "a", "r", "t", "ear", "Ea", "TE", "é", "É", "e\u{301}", "E\u{301}", "ß", "-", "1", "20",
                "at", "ra",
            ]
            return (0...next(3)).map { _ in pieces[next(pieces.count)] }.joined()
        }
        mutating func words(_ count: Int) -> String { (0..<count).map { _ in word() }.joined(separator: " ") }
    }

    static func plan(seed: UInt64) -> String {
        var random = Random(seed: seed)
        var text = "# Random plan\n- As at: 2026-06-30\n"
        for s in 1...(1 + random.next(3)) {
            text += "\n## \(s) \(random.words(2))\n"
            for a in 1...(1 + random.next(4)) {
                text += "\n### \(s).\(a) \(random.words(2))\n"
                for k in 0..<random.next(7) {
                    let letter = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(k)))
                    text +=
                        "\n- [\(["R", "A", "G"][random.next(3)])] \(s).\(a)\(letter) \(random.words(1 + random.next(6)))\n"
                    text += "  - Owner: \(random.words(1))\n  - Due: 2026-09-30\n"
                    for _ in 0..<random.next(3) { text += "  - Note 2026-07-01 (Sam Patel): \(random.words(3))\n" }
                }
            }
        }
        return text
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func hitsAreWhatThePlainScanFinds(seed: UInt64) throws {
        var state = try TUIFixtures.state(text: Self.plan(seed: seed), width: 120, height: 40)
        var random = Random(seed: seed &* 31)
        if seed % 2 == 0 { while state.hasIdleWork { state.doIdleWork() } }
        var hitCounts: Set<Int> = []
        for round in 0..<12 {
            let query = random.word().prefix(1 + random.next(5))
            let statuses: Set<Status> = round % 4 == 3 ? [.red, .amber] : []
            state.press(.character("/"))
            for length in 1...query.count {
                state.type(String(query.dropFirst(length - 1).prefix(1)))
                let typed = String(query.prefix(length))
                let expected = SearchIndexTests.expected(state.plan, typed).filter { index in
                    statuses.isEmpty || statuses.contains(state.plan.actions[index].status)
                }
                if length == 1 && !statuses.isEmpty {
                    state.filter.core.statuses = statuses
                    state.refresh()
                }
                #expect(SearchIndexTests.found(state) == expected, "seed \(seed), \"\(typed)\"")
                #expect(state.matchCount == expected.count, "seed \(seed), \"\(typed)\"")
                hitCounts.insert(expected.count)
            }
            state.press(.escape, .escape)
            if round == 5, let last = state.plan.actions.indices.last {
                // An edit between searches: the index takes in the changed action.
                state.selectRef(state.plan.actions[last].ref)
                state.press(.character("n"))
                state.type("Ear tear")
                state.press(.control("d"))
            }
        }
        #expect(hitCounts.count > 2, "the queries found some actions, not all, and none")
    }
}
