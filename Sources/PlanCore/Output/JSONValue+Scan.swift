extension JSONValue {
    /// The offset of the first byte at or after `start` that ``mayNeedEscape(_:)``
    /// flags, or `bytes.count`: eight bytes at a time while none of them is a control,
    /// a quote, a backslash, DEL or a non-ASCII byte (most of a plan's text), then byte
    /// by byte through the word that has one.
    static func firstMayNeedEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = start
        while i < bytes.count {
            // Invariant: i + 8 <= bytes.count, so the eight bytes loaded are inside the buffer.
            while i + 8 <= bytes.count,
                !mayHaveEscape(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            {
                i += 8
            }
            let end = min(i + 8, bytes.count)
            while i < end {
                if mayNeedEscape(bytes[i]) { return i }
                i += 1
            }
        }
        return bytes.count
    }

    /// Whether any of the eight bytes of `word` is below space, a quote, a backslash,
    /// or DEL and up. The tests can flag a byte above (a borrow or carry runs on from a
    /// byte that is flagged rightly), never miss one, so that a false answer is exact.
    private static func mayHaveEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let belowSpace = (word &- ones &* 0x20) & ~word & highs != 0
        let delAndUp = (word | (word &+ ones)) & highs != 0
        return belowSpace || delAndUp || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }
}
