/// Bytes that a scan of text looks for (those that may need escaping), with a test on
/// eight bytes at once that lets most of a plan's text go by a word at a time.
protocol ByteClass {
    /// Whether any of the eight bytes of `word` (little-endian) may be in the class:
    /// may answer true for a word with none, never false for a word with one.
    static func mayHold(_ word: UInt64) -> Bool
    /// Whether `byte` is in the class.
    static func contains(_ byte: UInt8) -> Bool
}

/// Finding the first byte of a ``ByteClass`` in contiguous UTF-8.
enum ByteScan {
    /// The offset of the first byte at or after `start` that `Class` holds, or
    /// `bytes.count`: eight bytes at a time while ``ByteClass/mayHold(_:)`` clears them,
    /// then byte by byte through the word that may hold one.
    static func first<Class: ByteClass>(_: Class.Type, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var i = start
        while i < bytes.count {
            // Invariant: i + 8 <= bytes.count, so the eight bytes loaded are inside the buffer.
            while i + 8 <= bytes.count,
                !Class.mayHold(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
            {
                i += 8
            }
            let end = min(i + 8, bytes.count)
            while i < end {
                if Class.contains(bytes[i]) { return i }
                i += 1
            }
        }
        return bytes.count
    }

    // The word tests below can flag a byte above the one that matches (a borrow or a
    // carry runs on from it), never miss one: enough for ``ByteClass/mayHold(_:)``.

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether a byte of `word` is `byte`.
    static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether a byte of `word` is below space (a control).
    static func holdsBelowSpace(_ word: UInt64) -> Bool { (word &- ones &* 0x20) & ~word & highs != 0 }

    /// Whether a byte of `word` is DEL or above (DEL, or a byte of a non-ASCII character).
    static func holdsDELAndUp(_ word: UInt64) -> Bool { (word | (word &+ ones)) & highs != 0 }
}
