import PlanCore

/// What `/` searches, made ready before the first letter is typed: each action's
/// text (ref, text, owners and notes), lower-cased as UTF-8, a mask of the bytes it
/// holds, and, across actions, one ``ActionBits`` a mask bit and one a pair of letters
/// (`ea`: the actions whose text has an `e` just before an `a`). The runtime builds it
/// in slices while no key is waiting (``AppState/doIdleWork()``), an edit updates the
/// one action it changed, and a search before it is complete finishes it first.
///
/// A query's hits start as the intersection of the sets of its bytes and of its letter
/// pairs, taken from the last search's hits when it extends that search (a longer query
/// matches a subset). One letter or digit, or two letters, need nothing more; a longer
/// query is then looked for in the texts of the actions left.
struct SearchIndex: Sendable {
    /// The lower-cased texts of the first `texts.count` actions, by action index.
    private var texts: [[UInt8]] = []
    private var masks: [UInt64] = []
    /// By mask bit (see ``mask(of:)``), the actions whose mask holds it; made with the first slice.
    private var byBit: [ActionBits] = []
    /// By letter pair (`26 × first + second`, a–z as 0–25), the actions whose text holds it.
    private var byPair: [ActionBits] = []
    /// How many actions the plan has: the index is complete when it holds them all.
    private(set) var actionCount: Int
    /// The last search and which actions matched it.
    private var last: (query: [UInt8], hits: ActionBits)?

    /// How many actions one slice of idle work indexes: about a millisecond of work
    /// for the bench's actions (1.5 KB each, their letter pairs included), so a key
    /// typed meanwhile waits no longer.
    static let sliceSize = 128
    static let pairCount = 26 * 26

    /// An empty index for a plan of `actionCount` actions.
    init(actionCount: Int) {
        self.actionCount = actionCount
    }

    var isComplete: Bool { texts.count == actionCount }

    /// Indexes up to `limit` more actions of `actions` (the plan's, which it was made for).
    mutating func extend(_ actions: ActionList, by limit: Int = SearchIndex.sliceSize) {
        precondition(actions.count == actionCount, "the index is of another plan")
        if texts.isEmpty {
            // Made here, not in `init`: opening a plan should not wait for them.
            texts.reserveCapacity(actionCount)
            masks.reserveCapacity(actionCount)
            byBit = Array(repeating: ActionBits(count: actionCount), count: 64)
            byPair = Array(repeating: ActionBits(count: actionCount), count: Self.pairCount)
        }
        let end = texts.count + min(limit, actionCount - texts.count)
        var pairs = ActionBits(count: Self.pairCount)
        for action in actions[texts.count..<end] {
            let index = texts.count
            let text = Self.searchText(action)
            let mask = Self.mask(of: text)
            texts.append(text)
            masks.append(mask)
            var bits = mask
            while bits != 0 {
                byBit[bits.trailingZeroBitCount][index] = true
                bits &= bits - 1
            }
            Self.letterPairs(of: text, into: &pairs)
            pairs.forEachMember { byPair[$0][index] = true }
        }
    }

    /// Takes in the action at `index` as an edit left it.
    mutating func update(_ index: Int, with action: Action) {
        guard texts.indices.contains(index) else { return }
        texts[index] = Self.searchText(action)
        masks[index] = Self.mask(of: texts[index])
        for bit in byBit.indices { byBit[bit][index] = masks[index] & (1 << UInt64(bit)) != 0 }
        var pairs = ActionBits(count: Self.pairCount)
        Self.letterPairs(of: texts[index], into: &pairs)
        for pair in byPair.indices { byPair[pair][index] = pairs[pair] }
        if let query = last?.query {
            last?.hits[index] = Self.bytes(texts[index], contain: query)
        }
    }

    /// Which actions contain `query` (lower-cased UTF-8, not empty). The index must be complete.
    mutating func hits(_ query: [UInt8]) -> ActionBits {
        precondition(isComplete, "the index is complete before it is searched")
        var hits: ActionBits
        if let last, query.starts(with: last.query) {
            hits = last.hits
        } else {
            hits = ActionBits(count: actionCount, filled: true)
        }
        var bits = Self.mask(of: query)
        while bits != 0 {
            hits.formIntersection(byBit[bits.trailingZeroBitCount])
            bits &= bits - 1
        }
        var pairs = ActionBits(count: Self.pairCount)
        Self.letterPairs(of: query, into: &pairs)
        pairs.forEachMember { hits.formIntersection(byPair[$0]) }
        if !Self.isAnsweredBySets(query) {
            for index in hits.members where !Self.bytes(texts[index], contain: query) { hits[index] = false }
        }
        last = (query, hits)
        return hits
    }

    // MARK: - Masks and pairs

    /// The mask of the bytes in `text`: bits 0–25 for a–z, 26–35 for 0–9, 36–62 shared
    /// by the other ASCII bytes, 63 for every byte of a non-ASCII scalar.
    static func mask(of text: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        for byte in text { mask |= 1 << bit(of: byte) }
        return mask
    }

    private static func bit(of byte: UInt8) -> UInt64 {
        if byte &- UInt8(ascii: "a") < 26 { return UInt64(byte - UInt8(ascii: "a")) }
        if byte &- UInt8(ascii: "0") < 10 { return 26 + UInt64(byte - UInt8(ascii: "0")) }
        if byte < 0x80 { return 36 + UInt64(byte % 27) }
        return 63
    }

    private static func hasBitOfItsOwn(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// Sets in `pairs` (emptied first) each pair of adjacent letters `text` holds.
    static func letterPairs(of text: [UInt8], into pairs: inout ActionBits) {
        pairs.removeAll()
        var previous = 26
        for byte in text {
            let letter = Int(byte &- UInt8(ascii: "a"))
            if letter < 26 {
                if previous < 26 { pairs[previous * 26 + letter] = true }
                previous = letter
            } else {
                previous = 26
            }
        }
    }

    /// Whether the sets alone say which actions hold `query`: one letter or digit, or two letters.
    private static func isAnsweredBySets(_ query: [UInt8]) -> Bool {
        switch query.count {
        case 1: hasBitOfItsOwn(query[0])
        case 2: query.allSatisfy { $0 &- UInt8(ascii: "a") < 26 }
        default: false
        }
    }
}
