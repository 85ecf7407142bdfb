extension JSONValue {
    /// The offset of the first byte at or after `start` that ``mayNeedEscape(_:)``
    /// flags, or `bytes.count`: eight bytes at a time while none of them is a control,
    /// a quote, a backslash, DEL or a non-ASCII byte (most of a plan's text), then byte
    /// by byte through the word that has one.
    static func firstMayNeedEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        ByteScan.first(Escapes.self, in: bytes, from: start)
    }

    /// The bytes that may start a JSON escape.
    private enum Escapes: ByteClass {
        static func mayHold(_ word: UInt64) -> Bool {
            ByteScan.holdsBelowSpace(word) || ByteScan.holdsDELAndUp(word) || ByteScan.holds(word, UInt8(ascii: "\""))
                || ByteScan.holds(word, UInt8(ascii: "\\"))
        }

        static func contains(_ byte: UInt8) -> Bool { mayNeedEscape(byte) }
    }
}
