import PropertyBased
import Testing

@testable import PlanTUI

/// The bit set the search and the list's filter use, against a plain array of flags:
/// counts that are and are not multiples of 64, ranges across and within words.
@Suite struct ActionBitsTests {
    /// A reproducible mix of members for `count` actions.
    static func flags(_ count: Int, seed: UInt64) -> [Bool] {
        var random = Xoshiro(seed: (seed, 0xB175, 0x64, 1))
        return (0..<count).map { _ in random.next() >> 61 < 3 }
    }

    static func bits(_ flags: [Bool]) -> ActionBits {
        var bits = ActionBits(count: flags.count)
        for (index, flag) in flags.enumerated() where flag { bits[index] = true }
        return bits
    }

    @Test(arguments: [0, 1, 63, 64, 65, 200])
    func filledAndEmptyHoldEveryActionOrNone(count: Int) {
        #expect(ActionBits(count: count, filled: true).members == Array(0..<count))
        #expect(ActionBits(count: count, filled: true).population == count)
        #expect(ActionBits(count: count).members.isEmpty)
    }

    @Test(arguments: [1, 64, 130, 517])
    func membersCountsAndRanksAreThoseOfTheFlags(count: Int) {
        let flags = Self.flags(count, seed: UInt64(count))
        var bits = Self.bits(flags)
        let expected = flags.indices.filter { flags[$0] }
        #expect(bits.members == expected)
        #expect(bits.population == expected.count)
        for lower in stride(from: 0, through: count, by: 7) {
            for upper in stride(from: lower, through: count, by: 13) {
                #expect(bits.population(in: lower..<upper) == expected.count { (lower..<upper).contains($0) })
            }
            let after = expected.filter { $0 >= lower }
            for rank in 0...after.count { #expect(bits.member(rank, from: lower) == after.dropFirst(rank).first) }
        }
        bits[0].toggle()
        #expect(bits[0] != flags[0])
    }

    @Test func intersectionKeepsTheCommonMembers() {
        let a = Self.flags(300, seed: 1)
        let b = Self.flags(300, seed: 2)
        var both = Self.bits(a)
        both.formIntersection(Self.bits(b))
        #expect(both.members == a.indices.filter { a[$0] && b[$0] })
        both.removeAll()
        #expect(both.population == 0)
    }
}
