import FoundationEssentials
import Glibc

extension PlanFile {
    /// How many bytes ``checkedText(capacity:pieceSize:fill:)`` reads at a time.
    static let textPieceSize = 1 << 16

    /// The string of the bytes `fill` hands over (`fill` writes as many as fit into the
    /// buffer it is given and returns how many, fewer only at the end; nil to give up),
    /// when there are fewer than `capacity` of them and they are valid UTF-8 without NUL
    /// or U+FFFD.
    ///
    /// A string validates the bytes itself as it takes them (no public initialiser can
    /// be told they are valid), so they are not checked a second time: it replaces each
    /// invalid sequence with U+FFFD, so the string holds U+FFFD exactly when the bytes
    /// were not valid or held it themselves. Either way the file is then read as
    /// ``read(_:)`` data instead, and checked there (a U+FFFD of its own is kept).
    ///
    /// The bytes are read `pieceSize` at a time into one buffer and appended in runs
    /// (``appendRuns(_:to:)``): a string checks bytes that are all ASCII a word at a
    /// time, but any others byte by byte, so one non-ASCII character in the file would
    /// have its every byte checked one at a time.
    static func checkedText(
        capacity: Int, pieceSize: Int = textPieceSize, fill: (UnsafeMutableBufferPointer<UInt8>) -> Int?
    ) -> String? {
        var text = ""
        text.reserveCapacity(capacity)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(pieceSize, 8))
        defer { buffer.deallocate() }
        // Bytes of a character cut at the end of the last piece, kept at the buffer's start.
        var carried = 0
        while true {
            let room = min(buffer.count, capacity - text.utf8.count)
            // The bytes reached the capacity: more than the caller expected.
            guard room > carried, let count = fill(UnsafeMutableBufferPointer(rebasing: buffer[carried..<room])) else {
                return nil
            }
            precondition(count <= room - carried, "fill wrote past the buffer")
            let filled = carried + count
            let piece = UnsafeBufferPointer(rebasing: buffer[..<filled])
            if let base = buffer.baseAddress, memchr(base, 0, filled) != nil { return nil }
            let ended = filled < room
            let cut = ended ? filled : characterStart(before: piece)
            appendRuns(UnsafeBufferPointer(rebasing: piece[..<cut]), to: &text)
            if ended { break }
            carried = filled - cut
            // The carried bytes (at most 3) move to the buffer's start, first to last, as
            // the two ranges may overlap.
            for k in 0..<carried { buffer[k] = buffer[cut + k] }
        }
        return text.withUTF8 { containsReplacementCharacter(UnsafeRawBufferPointer($0)) } ? nil : text
    }

    /// Where the last character of `bytes` starts when it may be cut short: the offset of
    /// a lead byte among the last three; else `bytes.count`. In valid UTF-8 a byte that is
    /// not a continuation byte (10xxxxxx) starts a character, so the bytes before it are
    /// whole characters, and a character that ends after the cut starts among those three.
    private static func characterStart(before bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var at = bytes.count
        while at > 0, bytes.count - at < 3 {
            at -= 1
            if bytes[at] & 0xC0 == 0xC0 { return at }
            if bytes[at] & 0x80 == 0 { break }
        }
        return bytes.count
    }

    /// The string of `bytes`, valid UTF-8 as the caller checked: what `String(decoding:as:)`
    /// makes of them, built in runs (``appendRuns(_:to:)``) so that the string's own check
    /// does not go byte by byte over all of them after the first non-ASCII character.
    static func text(ofValid bytes: UnsafeRawBufferPointer) -> String {
        var text = ""
        text.reserveCapacity(bytes.count)
        appendRuns(bytes.bindMemory(to: UInt8.self), to: &text)
        return text
    }

    /// The runs of ASCII bytes of 64 or more, and the bytes between them, appended as
    /// strings of their own, so that the string checks the ASCII runs a word at a time.
    /// Each cut is next to an ASCII byte, so between characters of valid UTF-8; strings of
    /// valid bytes add up to valid bytes, and a repair in one puts U+FFFD in the text.
    private static func appendRuns(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout String) {
        let longRun = 64
        var mixedStart = 0
        var at = 0
        while at < bytes.count {
            let asciiEnd = nonASCII(in: bytes, from: at)
            if asciiEnd - at >= longRun {
                if mixedStart < at { text += String(decoding: bytes[mixedStart..<at], as: UTF8.self) }
                text += String(decoding: bytes[at..<asciiEnd], as: UTF8.self)
                mixedStart = asciiEnd
            }
            at = asciiEnd
            while at < bytes.count, bytes[at] >= 0x80 { at += 1 }
        }
        if mixedStart < bytes.count { text += String(decoding: bytes[mixedStart...], as: UTF8.self) }
    }

    /// The offset of the first byte of 0x80 or above from `start` on, or `bytes.count`.
    /// Eight bytes at a time; `offset + 8 <= bytes.count` keeps each unaligned load inside.
    private static func nonASCII(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        let raw = UnsafeRawBufferPointer(bytes)
        while offset + 8 <= bytes.count,
            raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
        {
            offset += 8
        }
        while offset < bytes.count, bytes[offset] < 0x80 { offset += 1 }
        return offset
    }

    /// For the tests and the fuzzer: reads `data` as a file's text is read
    /// (``checkedText(capacity:fill:)``) and counts its lines, and describes how that
    /// differs from the full check: the text must be taken exactly when `data` is valid
    /// UTF-8 without NUL or U+FFFD, byte for byte, and the lines counted as its line
    /// feeds (plus a last line without one). Nil when they agree.
    public static func fileTextDisagreement(in data: Data) -> String? {
        let isText = UTF8Validation.firstProblem(in: data) == nil && data.firstRange(of: [0xEF, 0xBF, 0xBD]) == nil
        var offset = 0
        // Small pieces, so that characters are cut between them wherever they stand.
        let text = checkedText(capacity: data.count + 1, pieceSize: 7) { buffer in
            let count = data[(data.startIndex + offset)...].copyBytes(to: buffer)
            offset += count
            return count
        }
        if text == nil, isText { return "valid UTF-8 refused as a file's text" }
        if let text, !isText || Data(text.utf8) != data { return "a file's text is not its bytes" }
        let feeds = data.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lines = feeds + (data.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
        return lineCount(data) == lines ? nil : "\(lineCount(data)) lines counted, not \(lines)"
    }

    /// Whether `bytes` hold U+FFFD (EF BF BD), found by `memchr` for its rare first byte.
    static func containsReplacementCharacter(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var at = 0
        // Invariant: `at` ≤ bytes.count, so `memchr` reads only inside the buffer.
        while at < bytes.count, let found = memchr(base + at, 0xEF, bytes.count - at) {
            let index = base.distance(to: UnsafeRawPointer(found))
            if index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { return true }
            at = index + 1
        }
        return false
    }
}
