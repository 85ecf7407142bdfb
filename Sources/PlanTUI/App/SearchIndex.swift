import Glibc
import PlanCore

/// What `/` searches, made ready before the first letter is typed: each action's
/// text (ref, text, owners and notes), lower-cased as UTF-8, and a mask of the bytes
/// it holds. The runtime builds it in slices while no key is waiting
/// (``AppState/doIdleWork()``), an edit updates the one action it changed, and a
/// search before it is complete finishes it first.
///
/// A letter or digit has a bit of its own in the mask, so a one-letter search is a
/// test of one bit per action; a longer query is looked for only in the actions whose
/// mask holds all its bytes, and only among the last search's hits when it extends
/// that search (a longer query matches a subset).
struct SearchIndex: Sendable {
    /// The lower-cased texts of the first `texts.count` actions, by action index.
    private var texts: [[UInt8]] = []
    private var masks: [UInt64] = []
    /// How many actions the plan has: the index is complete when it holds them all.
    private(set) var actionCount: Int
    /// The last search and which actions matched it.
    private var last: (query: [UInt8], hits: [Bool])?

    /// How many actions one slice of idle work indexes: about a millisecond of work
    /// for the bench's actions (1.5 KB each), so a key typed meanwhile waits no longer.
    static let sliceSize = 256

    /// An empty index for a plan of `actionCount` actions.
    init(actionCount: Int) {
        self.actionCount = actionCount
        texts.reserveCapacity(actionCount)
        masks.reserveCapacity(actionCount)
    }

    var isComplete: Bool { texts.count == actionCount }

    /// Indexes up to `limit` more actions of `actions` (the plan's, which it was made for).
    mutating func extend(_ actions: ActionList, by limit: Int = SearchIndex.sliceSize) {
        precondition(actions.count == actionCount, "the index is of another plan")
        let end = texts.count + min(limit, actionCount - texts.count)
        for action in actions[texts.count..<end] {
            let text = Self.searchText(action)
            texts.append(text)
            masks.append(Self.mask(of: text))
        }
    }

    /// Takes in the action at `index` as an edit left it.
    mutating func update(_ index: Int, with action: Action) {
        guard texts.indices.contains(index) else { return }
        texts[index] = Self.searchText(action)
        masks[index] = Self.mask(of: texts[index])
        if let query = last?.query {
            let hit = contains(index, query, mask: Self.mask(of: query))
            last?.hits[index] = hit
        }
    }

    /// Which actions contain `query` (lower-cased UTF-8), by action index. The index
    /// must be complete.
    mutating func hits(_ query: [UInt8]) -> [Bool] {
        precondition(isComplete, "the index is complete before it is searched")
        let mask = Self.mask(of: query)
        var hits: [Bool]
        if let last, query.starts(with: last.query) {
            hits = last.hits
            for index in hits.indices where hits[index] { hits[index] = contains(index, query, mask: mask) }
        } else {
            hits = masks.indices.map { contains($0, query, mask: mask) }
        }
        last = (query, hits)
        return hits
    }

    /// Whether action `index` contains `query`, whose mask is `mask`.
    private func contains(_ index: Int, _ query: [UInt8], mask: UInt64) -> Bool {
        guard masks[index] & mask == mask else { return false }
        // One letter or digit: its bit says it all.
        if query.count == 1, Self.hasBitOfItsOwn(query[0]) { return true }
        return Self.bytes(texts[index], contain: query)
    }

    // MARK: - The text and its mask

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

    /// What `/` searches in an action: ref, text, owners and notes, lower-cased, as UTF-8.
    ///
    /// As `String.lowercased()` would make it, which maps each scalar on its own: ASCII
    /// bytes are lower-cased in place and only other scalars are looked up.
    static func searchText(_ action: Action) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in ([action.ref, action.text] + action.owners + action.notes.map(\.text)).enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            appendLowercased(part, to: &out)
        }
        return out
    }

    private static func appendLowercased(_ text: String, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count)
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    // A run of ASCII: copied whole, then lower-cased where it now is.
                    var end = i + 1
                    while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                    let start = out.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    out.withUnsafeMutableBufferPointer { copied in
                        for k in start..<copied.count where copied[k] &- UInt8(ascii: "A") < 26 { copied[k] += 32 }
                    }
                    i = end
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte gives the scalar's length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in bytes[(i + 1)..<(i + length)] { value = value << 6 | UInt32(next & 0x3F) }
                if let scalar = Unicode.Scalar(value) { out += scalar.properties.lowercaseMapping.utf8 }
                i += length
            }
        }
        if done != nil { return }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            } else {
                out += scalar.properties.lowercaseMapping.utf8
            }
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                // Candidates by memchr (the C library's vectorised scan), each checked with memcmp;
                // a start is a candidate only while the whole needle still fits after it.
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    guard let found = memchr(hayStart + start, Int32(first), last - start + 1) else { return false }
                    let at = hayStart.distance(to: UnsafeRawPointer(found))
                    if memcmp(hayStart + at, pinStart, pin.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }
}
