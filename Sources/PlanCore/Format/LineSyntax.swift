/// Recognising the shapes of single lines: headings, `- NAME: value` fields,
/// action lines and history heads. Pure functions over one line's content.
package enum LineSyntax {
    /// Words that start an action's known fields and history lines.
    static let historyKeywords = Set(HistoryKeyword.allCases.filter(\.isActionHistory).map(\.rawValue))

    /// `- [C] …`: one character in brackets and a space, the shape of an action line.
    static func looksLikeActionLine(_ content: Substring) -> Bool {
        let chars = Array(content.prefix(6))
        return chars.count >= 6 && chars[0] == "-" && chars[1] == " " && chars[2] == "[" && chars[4] == "]"
            && chars[5] == " "
    }

    /// `## 1 Title` → ("1", "Title"); `## Glossary` → (nil, "Glossary").
    static func heading(_ content: Substring, level: Int) -> (
        number: String?, title: Substring, titleStart: Substring.Index
    )? {
        content.utf8.allSatisfy({ $0 < 0x80 })
            ? asciiHeading(content, level: level) : characterHeading(content, level: level)
    }

    /// ``heading(_:level:)`` read character by character, as any text is.
    static func characterHeading(_ content: Substring, level: Int) -> (
        number: String?, title: Substring, titleStart: Substring.Index
    )? {
        let marker = String(repeating: "#", count: level)
        guard content.hasPrefix(marker + " ") else { return nil }
        var rest = content.dropFirst(level)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let token = rest.prefix { $0 != " " && $0 != "\t" }
        var number = token
        if number.hasSuffix(".") { number = number.dropLast() }
        let isNumber =
            number.first?.isASCIIDigit == true
            && number.allSatisfy { $0.isASCIIDigit || $0 == "." }
            && !hasDoubleDot(number.utf8)
        guard isNumber else { return (nil, rest.trimmingTrailingWhitespace(), rest.startIndex) }
        let title = rest.dropFirst(token.count).drop { $0 == " " || $0 == "\t" }
        return (String(number), title.trimmingTrailingWhitespace(), title.startIndex)
    }

    /// ``heading(_:level:)`` of a content of ASCII bytes, read from them: each byte is a
    /// character (a line holds no LF, so no CR LF pair), so a byte offset is an index.
    /// Every line of a heading is read so, and the `Character` path costs twenty times more.
    static func asciiHeading(_ content: Substring, level: Int) -> (
        number: String?, title: Substring, titleStart: Substring.Index
    )? {
        let utf8 = content.utf8
        guard utf8.count > level, utf8.prefix(level).allSatisfy({ $0 == UInt8(ascii: "#") }),
            utf8[utf8.index(utf8.startIndex, offsetBy: level)] == UInt8(ascii: " ")
        else { return nil }
        let restStart = skippingBlanks(utf8, from: utf8.index(utf8.startIndex, offsetBy: level))
        var tokenEnd = restStart
        while tokenEnd < utf8.endIndex, !isBlank(utf8[tokenEnd]) { tokenEnd = utf8.index(after: tokenEnd) }
        let rest = content[restStart...]
        var number = utf8[restStart..<tokenEnd]
        if number.last == UInt8(ascii: ".") { number = number.dropLast() }
        let isNumber =
            number.first.map(isASCIIDigit) == true
            && number.allSatisfy { isASCIIDigit($0) || $0 == UInt8(ascii: ".") } && !hasDoubleDot(number)
        guard isNumber else { return (nil, rest.trimmingTrailingWhitespace(), restStart) }
        let titleStart = skippingBlanks(utf8, from: tokenEnd)
        return (
            String(content[number.startIndex..<number.endIndex]), content[titleStart...].trimmingTrailingWhitespace(),
            titleStart
        )
    }

    private static func skippingBlanks(_ utf8: Substring.UTF8View, from start: Substring.Index) -> Substring.Index {
        var index = start
        while index < utf8.endIndex, isBlank(utf8[index]) { index = utf8.index(after: index) }
        return index
    }

    /// Whether `bytes` hold `..`: a heading number's parts are not empty.
    private static func hasDoubleDot(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        zip(bytes, bytes.dropFirst()).contains { $0 == UInt8(ascii: ".") && $1 == UInt8(ascii: ".") }
    }

    /// The heading level of a `#…` line (1 for `# `), or nil.
    static func headingLevel(_ content: Substring) -> Int? {
        let hashes = content.prefix { $0 == "#" }.count
        guard hashes > 0, content.dropFirst(hashes).first == " " || content.count == hashes else { return nil }
        return hashes
    }

    /// A `- NAME: value` line: NAME starts with a letter and holds letters, digits,
    /// spaces and `( ) / _ ' -`, at most 60 characters.
    package static func field(_ content: Substring) -> (name: Substring, value: Substring, valueStart: Substring.Index)?
    {
        content.utf8.allSatisfy({ $0 < 0x80 }) ? asciiField(content) : characterField(content)
    }

    /// ``field(_:)`` read character by character, as any text is.
    static func characterField(_ content: Substring) -> (
        name: Substring, value: Substring, valueStart: Substring.Index
    )? {
        guard content.hasPrefix("- ") else { return nil }
        let rest = content.dropFirst(2)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let name = rest[rest.startIndex..<colon]
        guard let first = name.first, first.isLetter, name.count <= 60, name.last != " ",
            name.allSatisfy({ $0.isLetter || $0.isNumber || " ()/_'-".contains($0) })
        else { return nil }
        let afterColon = rest[rest.index(after: colon)...]
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        return (name, value.trimmingTrailingWhitespace(), value.startIndex)
    }

    /// ``field(_:)`` of a content of ASCII bytes, read from them: each byte is a character
    /// (a CR LF pair, the one character of two, can be in neither the name nor the blanks),
    /// and the ASCII letters and numbers are `A-Z`, `a-z` and `0-9`.
    static func asciiField(_ content: Substring) -> (
        name: Substring, value: Substring, valueStart: Substring.Index
    )? {
        let utf8 = content.utf8
        guard utf8.count >= 2, utf8.first == UInt8(ascii: "-"),
            utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: " ")
        else { return nil }
        let nameStart = utf8.index(utf8.startIndex, offsetBy: 2)
        guard let colon = utf8[nameStart...].firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = utf8[nameStart..<colon]
        guard let first = name.first, asciiLowercaseLetter(first) != nil, name.count <= 60,
            name.last != UInt8(ascii: " "),
            name.allSatisfy({ asciiLowercaseLetter($0) != nil || isASCIIDigit($0) || " ()/_'-".utf8.contains($0) })
        else { return nil }
        var valueStart = utf8.index(after: colon)
        guard valueStart == utf8.endIndex || isBlank(utf8[valueStart]) else { return nil }
        while valueStart < utf8.endIndex, isBlank(utf8[valueStart]) { valueStart = utf8.index(after: valueStart) }
        return (content[nameStart..<colon], content[valueStart...].trimmingTrailingWhitespace(), valueStart)
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// The first word of a `- ` item and what follows it: `- Note 2023-…` → ("note", " 2023-…").
    static func itemKeyword(_ content: Substring) -> (keyword: String, rest: Substring)? {
        let utf8 = content.utf8
        guard utf8.count >= 2, utf8.first == UInt8(ascii: "-"),
            utf8[utf8.index(after: utf8.startIndex)] == UInt8(ascii: " ")
        else { return nil }
        // This runs several times for every line of an action: an ASCII word, the common
        // case, is read from the bytes; anything else takes the Unicode-aware path.
        let wordStart = utf8.index(utf8.startIndex, offsetBy: 2)
        var end = wordStart
        while end < utf8.endIndex, asciiLowercaseLetter(utf8[end]) != nil { end = utf8.index(after: end) }
        if end == utf8.endIndex || utf8[end] < 0x80 {
            let word = utf8[wordStart..<end]
            guard !word.isEmpty else { return nil }
            let keyword = String(unsafeUninitializedCapacity: word.count) { buffer in
                // Every byte is an ASCII letter (the loop above): setting bit 5 lowercases it.
                for (offset, byte) in word.enumerated() { buffer[offset] = byte | 0x20 }
                return word.count
            }
            return (keyword, content[end...])
        }
        let rest = content.dropFirst(2)
        let word = rest.prefix { $0.isLetter }
        guard !word.isEmpty else { return nil }
        return (word.lowercased(), rest.dropFirst(word.count))
    }

    private static func asciiLowercaseLetter(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        default: nil
        }
    }

    /// A dated history item at the start of `content`: `- Note 2023-01-05 …`.
    package static func isDatedHistoryItem(_ content: Substring) -> Bool {
        itemKeyword(content).map(isDatedHistoryItem) ?? false
    }

    /// The same, for an item whose keyword has been read.
    static func isDatedHistoryItem(_ item: (keyword: String, rest: Substring)) -> Bool {
        var bytes = item.rest.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: " "), let digit = bytes.next(),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit), isHistoryKeyword(item.keyword)
        else { return false }
        // A digit followed by a combining mark is not a digit character; one followed by
        // an ASCII byte (or nothing) is.
        if let next = bytes.next(), next >= 0x80 { return item.rest.dropFirst().first?.isASCIIDigit == true }
        return true
    }

    /// One of ``historyKeywords``, compared without hashing: a keyword is a short string.
    static func isHistoryKeyword(_ keyword: String) -> Bool {
        HistoryKeyword(rawValue: keyword)?.isActionHistory == true
    }

    /// `- Note:` or `- Status:`: a history keyword used as if it were a plain field.
    package static func isUndatedHistoryItem(_ content: Substring) -> Bool {
        itemKeyword(content).map(isUndatedHistoryItem) ?? false
    }

    /// The same, for an item whose keyword has been read.
    static func isUndatedHistoryItem(_ item: (keyword: String, rest: Substring)) -> Bool {
        (item.keyword == "note" || item.keyword == "status" || item.keyword == "added") && item.rest.first == ":"
    }

    /// `- Owner:`, `- Owners:` and `- Due:`.
    package static func plainActionField(_ content: Substring) -> (
        kind: PlainActionField, value: Substring, valueStart: Substring.Index
    )? {
        itemKeyword(content).flatMap(plainActionField)
    }

    /// The same, for an item whose keyword has been read.
    static func plainActionField(_ item: (keyword: String, rest: Substring)) -> (
        kind: PlainActionField, value: Substring, valueStart: Substring.Index
    )? {
        let (keyword, rest) = item
        guard rest.first == ":" else { return nil }
        let kind: PlainActionField
        switch keyword {
        case "owner", "owners": kind = .owner
        case "due": kind = .due
        default: return nil
        }
        let afterColon = rest.dropFirst()
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        return (kind, value.trimmingTrailingWhitespace(), value.startIndex)
    }

    package enum PlainActionField { case owner, due }

    /// Splits `A; B ;C` into owners, dropping empty ones. Read from the bytes: every
    /// action's owners are split so. `;` and the blanks trimmed are ASCII, so each cut
    /// falls between characters; an owner with another character at an end is trimmed
    /// by `trimmingWhitespace`, which knows Unicode's spaces.
    static func owners(_ text: String) -> [String] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            var owners: [String] = []
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ";") { end += 1 }
                var (first, last) = (start, end)
                while first < last, isBlankOrNewline(bytes[first]) { first += 1 }
                while last > first, isBlankOrNewline(bytes[last - 1]) { last -= 1 }
                if first < last {
                    let owner = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)
                    let plain = (0x21..<0x80).contains(bytes[first]) && (0x21..<0x80).contains(bytes[last - 1])
                    let trimmed = plain ? owner : owner.trimmingWhitespace(newlines: true)
                    if !trimmed.isEmpty { owners.append(trimmed) }
                }
                start = end + 1
            }
            return owners
        } ?? owners(Substring(text))
    }

    /// Whether `owners(text)` is sure not to be empty, told without splitting it: a
    /// visible ASCII byte other than `;` is part of an owner, since no trimming takes
    /// it. False when there is none, which leaves the answer to `owners(text)`.
    static func namesAnOwner(quickly text: String) -> Bool {
        text.utf8.contains { (0x21..<0x7F).contains($0) && $0 != UInt8(ascii: ";") }
    }

    /// What a deferred action's owners are set to when it names one (``namesAnOwner(quickly:)``):
    /// the action is not kept, and its parse asks only whether it has an owner.
    static let someOwner = "(an owner)"

    private static func isBlankOrNewline(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0A || byte == 0x0D
    }

    /// Splits `A; B ;C` into owners, dropping empty ones.
    static func owners(_ text: some StringProtocol) -> [String] {
        let text = Substring(text)
        var owners: [String] = []
        var start = text.startIndex
        // `;` is ASCII, so cutting at its byte cuts between characters.
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: ";") {
            owners.append(text[start..<index].trimmingWhitespace(newlines: true))
            start = text.utf8.index(after: index)
        }
        owners.append(text[start...].trimmingWhitespace(newlines: true))
        return owners.filter { !$0.isEmpty }
    }

    /// `- [A] 1.1 b Train staff`: the lone lowercase letter after a ref ending in a
    /// digit, which is usually the end of the ref (`1.1b`) typed with a space.
    static func letterAfterRef(_ action: Action) -> Character? {
        letterAfterRef(ref: action.ref, text: action.text)
    }

    /// ``letterAfterRef(_:)`` of an action with `ref` whose text starts with `text`.
    static func letterAfterRef(ref: String, text: some StringProtocol) -> Character? {
        guard ref.last?.isASCIIDigit == true, let letter = text.first,
            letter.isASCII, letter.isLowercase
        else { return nil }
        let rest = text.dropFirst()
        return rest.isEmpty || rest.first == " " || rest.first == "\n" ? letter : nil
    }

    /// Splits `OLD -> NEW` (or `→`) at the first arrow.
    static func arrow(_ text: Substring) -> (old: Substring, new: Substring)? {
        for arrow in [" -> ", " → "] {
            if let range = firstRange(of: arrow, in: text) {
                return (
                    text[..<range.lowerBound].trimmingTrailingWhitespace(),
                    text[range.upperBound...].drop { $0 == " " }
                )
            }
        }
        return nil
    }

    /// The first occurrence of `needle`'s bytes in `text`.
    private static func firstRange(of needle: String, in text: Substring) -> Range<Substring.Index>? {
        let pattern = Array(needle.utf8)
        let bytes = text.utf8
        var start = bytes.startIndex
        while let found = bytes[start...].firstIndex(of: pattern[0]) {
            var end = found
            var matched = 0
            while matched < pattern.count, end < bytes.endIndex, bytes[end] == pattern[matched] {
                matched += 1
                end = bytes.index(after: end)
            }
            if matched == pattern.count { return found..<end }
            start = bytes.index(after: found)
        }
        return nil
    }
}
