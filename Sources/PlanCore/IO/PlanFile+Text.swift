import FoundationEssentials
import Glibc

extension PlanFile {
    /// The string of the bytes `fill` writes into its storage (`fill` returns how many,
    /// or nil to give up), when they are valid UTF-8 without NUL or U+FFFD.
    ///
    /// The string validates the bytes itself as it takes them (no public initialiser can
    /// be told they are valid), so they are not checked a second time: it replaces each
    /// invalid sequence with U+FFFD, so the string holds U+FFFD exactly when the bytes
    /// were not valid or held it themselves. Either way the file is then read as
    /// ``read(_:)`` data instead, and checked there (a U+FFFD of its own is kept).
    static func checkedText(capacity: Int, fill: (UnsafeMutableBufferPointer<UInt8>) -> Int?) -> String? {
        var usable = false
        var text = String(unsafeUninitializedCapacity: capacity) { buffer -> Int in
            guard let count = fill(buffer), let base = buffer.baseAddress else { return 0 }
            precondition(count <= buffer.count, "fill wrote past the string's storage")
            usable = memchr(base, 0, count) == nil
            return usable ? count : 0
        }
        guard usable else { return nil }
        return text.withUTF8 { containsReplacementCharacter(UnsafeRawBufferPointer($0)) } ? nil : text
    }

    /// For the tests and the fuzzer: reads `data` as a file's text is read
    /// (``checkedText(capacity:fill:)``) and counts its lines, and describes how that
    /// differs from the full check: the text must be taken exactly when `data` is valid
    /// UTF-8 without NUL or U+FFFD, byte for byte, and the lines counted as its line
    /// feeds (plus a last line without one). Nil when they agree.
    public static func fileTextDisagreement(in data: Data) -> String? {
        let isText = UTF8Validation.firstProblem(in: data) == nil && data.firstRange(of: [0xEF, 0xBF, 0xBD]) == nil
        let text = checkedText(capacity: max(data.count, 1)) { buffer in data.copyBytes(to: buffer) }
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
