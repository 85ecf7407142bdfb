/// Reads the common, well-formed shapes of an action's lines straight from the bytes of
/// a plain ASCII line: the action line `- [C] REF text`, a history head
/// `- KEYWORD DATE (AUTHOR): value` and `- Owner:`/`- Due:` fields. In an ASCII line each
/// byte is one character, so a byte offset is an index, and the result is what the
/// `Substring` readers of ``PlanParser`` and ``LineSyntax`` give for the same line.
///
/// Each reader accepts only a line it can read without a message; for anything else
/// (a malformed line, an impossible date, a name in brackets not closed) it returns nil
/// and the parser reads the line with the `Substring` code, which reports the problem.
/// Offsets are from the start of the line's bytes.
enum ASCIIFieldReader {
    /// `- [C] REF text` with a known status letter and a valid ref.
    struct ActionHead {
        var status: Status
        var statusOffset: Int
        var ref: Range<Int>
        var text: Range<Int>
    }

    /// `- KEYWORD DATE (AUTHOR): value` with a plain ISO date.
    struct HistoryHead {
        /// One of ``LineSyntax/historyKeywords``.
        var keyword: HistoryKeyword
        var date: PlanDate
        /// The name in brackets, trimmed; nil when there are none or they hold only blanks.
        var author: Range<Int>?
        var value: Range<Int>
    }

    static func actionHead(_ bytes: UnsafeRawBufferPointer, from start: Int) -> ActionHead? {
        let n = bytes.count
        guard n - start >= 6, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: " "),
            bytes[start + 2] == UInt8(ascii: "["), bytes[start + 4] == UInt8(ascii: "]"),
            bytes[start + 5] == UInt8(ascii: " "), let status = status(bytes[start + 3])
        else { return nil }
        let refStart = skipBlanks(bytes, from: start + 6)
        var refEnd = refStart
        while refEnd < n, !isBlank(bytes[refEnd]) { refEnd += 1 }
        guard refEnd > refStart, isValidRef(bytes, refStart..<refEnd) else { return nil }
        let textStart = skipBlanks(bytes, from: refEnd)
        return ActionHead(
            status: status, statusOffset: start + 3, ref: refStart..<refEnd,
            text: textStart..<trimmedEnd(bytes, textStart..<n))
    }

    static func historyHead(_ bytes: UnsafeRawBufferPointer, from start: Int) -> HistoryHead? {
        let n = bytes.count
        guard let word = itemWord(bytes, from: start), word.upperBound + 1 < n,
            bytes[word.upperBound] == UInt8(ascii: " "), isDigit(bytes[word.upperBound + 1]),
            let keyword = historyKeyword(bytes, word)
        else { return nil }
        let afterWord = word.upperBound
        let dateStart = afterWord + 1
        var dateEnd = dateStart
        while dateEnd < n, !isDateStop(bytes[dateEnd]) { dateEnd += 1 }
        guard let date = isoDate(bytes, dateStart..<dateEnd) else { return nil }
        var cursor = skipBlanks(bytes, from: dateEnd)
        var author: Range<Int>?
        if cursor < n, bytes[cursor] == UInt8(ascii: "(") {
            guard let close = closingBracket(bytes, from: cursor) else { return nil }
            let inner = skipBlanks(bytes, from: cursor + 1)..<close
            let trimmed = inner.lowerBound..<trimmedEnd(bytes, inner)
            if !trimmed.isEmpty {
                guard isTrimmedName(bytes, trimmed) else { return nil }
                author = trimmed
            }
            cursor = skipBlanks(bytes, from: close + 1)
        }
        guard cursor < n, bytes[cursor] == UInt8(ascii: ":") else { return nil }
        let valueStart = skipBlanks(bytes, from: cursor + 1)
        return HistoryHead(
            keyword: keyword, date: date, author: author, value: valueStart..<trimmedEnd(bytes, valueStart..<n))
    }

    /// `- Owner: value`, `- Owners: value` or `- Due: value`.
    static func plainField(_ bytes: UnsafeRawBufferPointer, from start: Int) -> (
        kind: LineSyntax.PlainActionField, value: Range<Int>
    )? {
        let n = bytes.count
        guard let word = itemWord(bytes, from: start), word.upperBound < n, bytes[word.upperBound] == UInt8(ascii: ":")
        else { return nil }
        let afterWord = word.upperBound
        let kind: LineSyntax.PlainActionField
        if spells(bytes, word, "owner") || spells(bytes, word, "owners") {
            kind = .owner
        } else if spells(bytes, word, "due") {
            kind = .due
        } else {
            return nil
        }
        guard afterWord + 1 == n || isBlank(bytes[afterWord + 1]) else { return nil }
        let valueStart = skipBlanks(bytes, from: afterWord + 1)
        return (kind, valueStart..<trimmedEnd(bytes, valueStart..<n))
    }

    /// `- WORD`: the offsets of the word's letters, as `LineSyntax.itemKeyword` reads it.
    private static func itemWord(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Range<Int>? {
        guard bytes.count - start >= 2, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: " ")
        else { return nil }
        var end = start + 2
        while end < bytes.count, isLetter(bytes[end]) { end += 1 }
        return end > start + 2 ? (start + 2)..<end : nil
    }

    /// The one of ``LineSyntax/historyKeywords`` that the letters at `word` spell in either
    /// case, or nil: the word is compared in place, as no string need be made for it.
    static func historyKeyword(_ bytes: UnsafeRawBufferPointer, _ word: Range<Int>) -> HistoryKeyword? {
        func spell(_ keyword: StaticString) -> Bool { spells(bytes, word, keyword) }
        switch word.count {
        case 3: return spell("due") ? .due : nil
        case 4: return spell("note") ? .note : nil
        case 5:
            if spell("owner") { return .owner }
            if spell("added") { return .added }
            if spell("moved") { return .moved }
            return spell("value") ? .value : nil
        case 6:
            if spell("status") { return .status }
            return spell("agreed") ? .agreed : nil
        case 7: return spell("retired") ? .retired : nil
        case 8: return spell("reworded") ? .reworded : nil
        default: return nil
        }
    }

    /// Whether the ASCII letters at `word` spell `lowercased` (lowercase ASCII letters) in
    /// either case: setting bit 5 of a letter lowercases it.
    private static func spells(_ bytes: UnsafeRawBufferPointer, _ word: Range<Int>, _ lowercased: StaticString)
        -> Bool
    {
        guard lowercased.utf8CodeUnitCount == word.count else { return false }
        let letters = lowercased.utf8Start
        for offset in 0..<word.count where bytes[word.lowerBound + offset] | 0x20 != letters[offset] { return false }
        return true
    }

    /// `DDDD-DD-DD`, a day that exists.
    private static func isoDate(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> PlanDate? {
        guard range.count == 10, bytes[range.lowerBound + 4] == UInt8(ascii: "-"),
            bytes[range.lowerBound + 7] == UInt8(ascii: "-")
        else { return nil }
        func number(_ offsets: Range<Int>) -> Int? {
            var value = 0
            for offset in offsets {
                let byte = bytes[range.lowerBound + offset]
                guard isDigit(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return PlanDate(year: year, month: month, day: day)
    }

    /// The offset of the `)` that closes the `(` at `open`, counting nested brackets.
    private static func closingBracket(_ bytes: UnsafeRawBufferPointer, from open: Int) -> Int? {
        var depth = 0
        for offset in open..<bytes.count {
            if bytes[offset] == UInt8(ascii: "(") { depth += 1 }
            if bytes[offset] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return offset }
            }
        }
        return nil
    }

    /// Whether the name at `range` is not empty and its ends are visible ASCII: then
    /// `trimmingWhitespace` takes it as it is (other ends go to the scalar trimming).
    static func isTrimmedName(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        !range.isEmpty && isVisible(bytes[range.lowerBound]) && isVisible(bytes[range.upperBound - 1])
    }

    /// Letters, digits and `. _ / -`, starting with a letter or digit (`PlanParser.isValidRef`).
    private static func isValidRef(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Bool {
        let first = bytes[range.lowerBound]
        guard isLetter(first) || isDigit(first) else { return false }
        return range.allSatisfy { offset in
            let byte = bytes[offset]
            return isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
        }
    }

    /// A status letter in either case.
    static func status(_ byte: UInt8) -> Status? {
        switch byte | 0x20 {
        case UInt8(ascii: "r"): .red
        case UInt8(ascii: "a"): .amber
        case UInt8(ascii: "g"): .green
        case UInt8(ascii: "b"): .blue
        case UInt8(ascii: "n"): .notStarted
        default: nil
        }
    }

    static func skipBlanks(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var offset = start
        while offset < bytes.count, isBlank(bytes[offset]) { offset += 1 }
        return offset
    }

    /// The end of `range` without its trailing spaces and tabs.
    static func trimmedEnd(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound, isBlank(bytes[end - 1]) { end -= 1 }
        return end
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isVisible(_ byte: UInt8) -> Bool { byte >= 0x21 && byte < 0x80 }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// The bytes that end a history line's date: a space, `:`, `(` or a tab.
    private static func isDateStop(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "(")
            || byte == UInt8(ascii: "\t")
    }
}
