/// A set of action indices as one bit an action, 64 to a word: what a search hit and
/// the list's filter are, so that intersecting two of them, or counting the members in
/// an area's range, is a pass over words rather than over actions.
struct ActionBits: Equatable, Sendable {
    private(set) var words: [UInt64]
    /// How many actions the set is of (indices `0..<count`).
    let count: Int

    /// No action (`filled` false) or every action (`filled` true) of `count`.
    init(count: Int, filled: Bool = false) {
        self.count = count
        words = Array(repeating: filled ? ~0 : 0, count: (count + 63) / 64)
        if filled, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    subscript(index: Int) -> Bool {
        get { words[index >> 6] & (1 << UInt64(index & 63)) != 0 }
        set {
            if newValue {
                words[index >> 6] |= 1 << UInt64(index & 63)
            } else {
                words[index >> 6] &= ~(1 << UInt64(index & 63))
            }
        }
    }

    /// Empties the set.
    mutating func removeAll() {
        for k in words.indices { words[k] = 0 }
    }

    /// Keeps the actions that are also in `other` (of the same count).
    mutating func formIntersection(_ other: ActionBits) {
        precondition(other.count == count, "sets of different plans")
        for k in words.indices { words[k] &= other.words[k] }
    }

    /// How many actions the set holds.
    var population: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// How many of the actions in `range` the set holds.
    func population(in range: Range<Int>) -> Int {
        guard !range.isEmpty else { return 0 }
        let first = range.lowerBound >> 6
        let last = (range.upperBound - 1) >> 6
        var total = 0
        for k in first...last {
            var word = words[k]
            if k == first { word &= ~0 << UInt64(range.lowerBound & 63) }
            if k == last, range.upperBound & 63 != 0 { word &= (1 << UInt64(range.upperBound & 63)) - 1 }
            total += word.nonzeroBitCount
        }
        return total
    }

    /// The index of the `rank`-th member (from 0) at or after `start`, if there is one.
    func member(_ rank: Int, from start: Int) -> Int? {
        var left = rank
        var k = start >> 6
        var word = k < words.count ? words[k] & (~0 << UInt64(start & 63)) : 0
        while k < words.count {
            let ones = word.nonzeroBitCount
            if left < ones {
                for _ in 0..<left { word &= word - 1 }
                return k << 6 + word.trailingZeroBitCount
            }
            left -= ones
            k += 1
            if k < words.count { word = words[k] }
        }
        return nil
    }

    /// The members, in increasing order.
    var members: [Int] {
        var out: [Int] = []
        forEachMember { out.append($0) }
        return out
    }

    /// Calls `body` with each member in increasing order.
    func forEachMember(_ body: (Int) -> Void) {
        for (k, stored) in words.enumerated() {
            var word = stored
            while word != 0 {
                body(k << 6 + word.trailingZeroBitCount)
                word &= word - 1
            }
        }
    }
}
