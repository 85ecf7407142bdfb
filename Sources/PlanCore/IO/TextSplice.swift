import Glibc

/// What one change did to a text, as the lines it took out and put in at one place:
/// the texts agree up to ``offset`` and after the changed lines, so the change is found
/// as their common prefix and suffix (at `memcmp` speed) and recorded in a few hundred
/// bytes however long the text. The undo journal keeps one per change.
///
/// Taking it back needs the text it made: ``reverted(in:)`` puts ``removed`` back in
/// place of ``inserted`` where the text is exactly that one (``after``, by length and
/// hash), and else only where the changed lines and the unchanged lines around them
/// (``leading``, ``trailing``) are found once, unchanged, in a text changed elsewhere
/// since.
public struct TextSplice: Codable, Sendable, Equatable {
    /// Where the changed lines start, in bytes: the same in the text before and after.
    public var offset: Int
    /// The lines the change took out, from the text before it.
    public var removed: String
    /// The lines it put in their place.
    public var inserted: String
    /// Up to ``contextLines`` unchanged lines just before and just after the change.
    public var leading: String
    public var trailing: String
    /// The length of the text before the change, and the digest of the text it made.
    public var beforeLength: Int
    public var after: ContentDigest
    /// Whether the changed lines with their context stood once in the text the change made:
    /// only then can they be found again in a text changed since. Were they there twice, a
    /// later edit to one copy's context would leave the other, another action's lines, as the
    /// one match. Nil (an entry written before this was recorded) counts as not.
    public var isUnique: Bool?

    /// How many unchanged lines either side are kept to find the change again.
    public static let contextLines = 3

    /// The change from `old` to `new`, cut at line boundaries (so that each part is whole
    /// lines of UTF-8, and a later change to a neighbouring line is told apart from one to these).
    ///
    /// A caller that knows the texts agree on their first `samePrefix` and last
    /// `sameSuffix` bytes, and the digest of `new`, passes them: those bytes are then
    /// not compared again, nor `new` hashed. The splice is the same either way.
    public init(
        from old: UnsafeRawBufferPointer, to new: UnsafeRawBufferPointer, samePrefix: Int = 0, sameSuffix: Int = 0,
        newDigest: ContentDigest? = nil
    ) {
        let shorter = min(old.count, new.count)
        let prefix = Self.lineStart(atOrBefore: Self.commonPrefix(old, new, from: samePrefix), in: new)
        let suffix = Self.commonSuffix(old, new, limit: shorter - prefix, from: sameSuffix)
        // Where the unchanged end starts in the new text, moved on to a line start inside it.
        let newEnd = Self.lineStart(atOrAfter: new.count - suffix, in: new, other: old, otherAt: old.count - suffix)
        let kept = new.count - newEnd
        let leadingStart = Self.start(ofLines: Self.contextLines, before: prefix, in: new)
        let trailingEnd = Self.end(ofLines: Self.contextLines, from: newEnd, in: new)
        offset = prefix
        removed = Self.string(old, prefix..<old.count - kept)
        inserted = Self.string(new, prefix..<newEnd)
        leading = Self.string(new, leadingStart..<prefix)
        trailing = Self.string(new, newEnd..<trailingEnd)
        beforeLength = old.count
        after = newDigest ?? ContentDigest(of: new)
        isUnique = nil
        isUnique = uniqueMatch(in: new) == leadingStart
    }

    /// `current` with the change taken back, or nil when it cannot be found there: the text
    /// before the change when `current` is the text it made, else `current` with the
    /// changed lines put back where they are found once with their unchanged neighbours.
    public func reverted(in current: UnsafeRawBufferPointer) -> [UInt8]? {
        if ContentDigest(of: current) == after, matches(inserted, in: current, at: offset) {
            let result = replacing(offset..<offset + inserted.utf8.count, in: current, with: removed)
            return result.count == beforeLength ? result : nil
        }
        guard isUnique == true, let found = uniqueMatch(in: current) else { return nil }
        let start = found + leading.utf8.count
        return replacing(start..<start + inserted.utf8.count, in: current, with: removed)
    }

    /// Where `leading + inserted + trailing` stands in `current`, when it stands at a line
    /// start exactly once (at the start, or the end, of the text when the context reached them).
    private func uniqueMatch(in current: UnsafeRawBufferPointer) -> Int? {
        let pattern = Array((leading + inserted + trailing).utf8)
        let fromStart = offset == leading.utf8.count
        let toEnd = offset + inserted.utf8.count + trailing.utf8.count == after.length
        if fromStart || toEnd {
            let at = fromStart ? 0 : current.count - pattern.count
            let fits =
                at >= 0 && (!fromStart || !toEnd || current.count == pattern.count)
                && Self.startsLine(at, in: current)
            return fits && matches(pattern, in: current, at: at) ? at : nil
        }
        return pattern.withUnsafeBytes { Self.onlyLineStartMatch(of: $0, in: current) }
    }

    /// Where `wanted` stands in `text` at a line start, when it stands so exactly once.
    ///
    /// A Horspool search on the window's last two bytes: a window whose last byte pair
    /// `wanted` does not end on at one of its earlier places cannot start a match before
    /// the next place that pair could line up, so the search moves on by that much, and
    /// on a plan's text (where a pattern's pairs are most of those its last line has) it
    /// reads a small part of the text, not every line start. A pattern this short (under
    /// two bytes, which the context lines never leave it) is not looked for.
    static func onlyLineStartMatch(of wanted: UnsafeRawBufferPointer, in text: UnsafeRawBufferPointer) -> Int? {
        let m = wanted.count
        guard m >= 2, m <= text.count, let base = text.baseAddress, let first = wanted.baseAddress else { return nil }
        // How far a window may move on when its last two bytes are a given pair: from the pair's
        // last place in `wanted` ending before its last byte, else to put `wanted`'s first byte
        // on the window's last.
        var shift = [Int32](repeating: Int32(clamping: m - 1), count: 1 << 16)
        for k in 1..<m - 1 { shift[Int(wanted[k - 1]) << 8 | Int(wanted[k])] = Int32(clamping: m - 1 - k) }
        let last = wanted[m - 1]
        var found: Int?
        var i = 0
        // Invariant: i + m <= text.count, so the window and its `memcmp` lie inside the text.
        while i <= text.count - m {
            let end = text[i + m - 1]
            if end == last, startsLine(i, in: text), memcmp(base + i, first, m) == 0 {
                guard found == nil else { return nil }
                found = i
            }
            i += Int(shift[Int(text[i + m - 2]) << 8 | Int(end)])
        }
        return found
    }

    private func matches(_ text: String, in bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        matches(Array(text.utf8), in: bytes, at: offset)
    }

    private func matches(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        return bytes[offset..<offset + pattern.count].elementsEqual(pattern)
    }

    private func replacing(_ range: Range<Int>, in bytes: UnsafeRawBufferPointer, with text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count - range.count + text.utf8.count)
        result.append(contentsOf: bytes[..<range.lowerBound])
        result.append(contentsOf: text.utf8)
        result.append(contentsOf: bytes[range.upperBound...])
        return result
    }

    /// How many bytes `a` and `b` share from their start, the first `known` of them
    /// without looking: `memcmp` over blocks, then byte by byte inside the first block that differs.
    static func commonPrefix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, from known: Int = 0) -> Int {
        let count = min(a.count, b.count)
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        let block = 4096
        var i = min(max(known, 0), count)
        // Invariant: i + block <= count, so both blocks lie inside their buffers.
        while i + block <= count, memcmp(pa + i, pb + i, block) == 0 { i += block }
        while i < count, a[i] == b[i] { i += 1 }
        return i
    }

    /// How many bytes `a` and `b` share at their end, at most `limit`, the last `known` of them without looking.
    static func commonSuffix(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer, limit: Int, from known: Int = 0)
        -> Int
    {
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        let block = 4096
        var n = min(max(known, 0), max(limit, 0))
        // Invariant: n + block <= limit <= both counts, so both blocks lie inside their buffers.
        while n + block <= limit, memcmp(pa + a.count - n - block, pb + b.count - n - block, block) == 0 {
            n += block
        }
        while n < limit, a[a.count - n - 1] == b[b.count - n - 1] { n += 1 }
        return n
    }

    /// The start of the line that `offset` falls in (offset itself when it starts one).
    static func lineStart(atOrBefore offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var i = offset
        while i > 0, bytes[i - 1] != UInt8(ascii: "\n") { i -= 1 }
        return i
    }

    /// The first offset at or after `offset` in `bytes` that starts a line in both texts:
    /// where the byte before it is a newline in `bytes` and, at the matching `otherAt`, in
    /// `other` too; the end of `bytes` when there is none.
    static func lineStart(
        atOrAfter offset: Int, in bytes: UnsafeRawBufferPointer, other: UnsafeRawBufferPointer, otherAt: Int
    ) -> Int {
        if offset == bytes.count || startsLine(offset, in: bytes) && startsLine(otherAt, in: other) { return offset }
        // From here on the bytes are the two texts' common end, so one text tells for both.
        var i = offset
        while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
        return min(i + 1, bytes.count)
    }

    /// Whether a line starts at `offset`: the text's start, or just after a newline.
    static func startsLine(_ offset: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
        offset == 0 || bytes[offset - 1] == UInt8(ascii: "\n")
    }

    /// The start of the `count`th line before the line that starts at `offset`.
    static func start(ofLines count: Int, before offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var start = offset
        for _ in 0..<count where start > 0 { start = lineStart(atOrBefore: start - 1, in: bytes) }
        return start
    }

    /// The end of `count` lines from `offset`, a line start (or the end of the text).
    static func end(ofLines count: Int, from offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        var end = offset
        for _ in 0..<count where end < bytes.count {
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            end = min(end + 1, bytes.count)
        }
        return end
    }

    /// Whole lines of a valid UTF-8 text are valid UTF-8: the cuts fall after newlines.
    private static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
