import FoundationEssentials

/// Reading dates from text: the strict ISO form of the file, the UK forms people
/// type, and the dates mentioned in a free-text due ("launched on 9 January 2023").
public enum DateText {
    /// What a date-shaped piece of text turned out to be.
    public enum Reading: Equatable, Sendable {
        case date(PlanDate)
        /// Shaped like a date but no such day exists; the string says why.
        case impossible(String)
        case notADate
    }

    /// Strict `YYYY-MM-DD`.
    public static func parseISO(_ text: some StringProtocol) -> PlanDate? {
        if case .date(let date) = readISO(text) { return date }
        return nil
    }

    /// `YYYY-MM-DD`, telling an impossible date (2023-02-30, year 20230) from text
    /// that is not a date at all.
    public static func readISO(_ text: some StringProtocol) -> Reading {
        // A native string's bytes are contiguous, and a buffer is read far quicker than its view.
        if let date = text.utf8.withContiguousStorageIfAvailable(plainISO) ?? plainISO(text.utf8) { return date }
        // Only digits and dashes can be date-shaped; a byte check spares prose the split
        // into characters below.
        guard text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || isDigit($0) }) else { return .notADate }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        // Only a year-like first part makes it date-shaped: "Phase 1-2-3" is prose.
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count >= 3, parts[1].count <= 2, parts[2].count <= 2
        else { return .notADate }
        guard parts[0].count == 4 else {
            return .impossible("'\(text)' is not a date: the year must have four digits")
        }
        guard parts[1].count == 2, parts[2].count == 2 else {
            return .impossible("'\(text)' is not an ISO date: write it as YYYY-MM-DD")
        }
        guard let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return .notADate }
        return validated(year: year, month: month, day: day, text: text)
    }

    /// The common case of history lines, `DDDD-DD-DD` in ASCII, read from the bytes
    /// without splitting; nil for anything else, which the general reading handles.
    private static func plainISO(_ utf8: some Collection<UInt8>) -> Reading? {
        guard utf8.count == 10 else { return nil }
        var fields = (0, 0, 0)
        for (offset, byte) in utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case 0..<4: fields.0 = fields.0 * 10 + digit
            case 5..<7: fields.1 = fields.1 * 10 + digit
            default: fields.2 = fields.2 * 10 + digit
            }
        }
        guard let date = PlanDate(year: fields.0, month: fields.1, day: fields.2) else { return nil }
        return .date(date)
    }

    /// A date as a person types it: ISO, `28/02/2023` (day first), `28 February 2023`,
    /// `28 Feb 2023`, optionally after a weekday. Returns `nil` for anything else.
    public static func parseUserDate(_ text: String) -> PlanDate? {
        var trimmed = text.trimmingWhitespace()
        // "Friday 27 February 2026": a leading weekday adds nothing.
        let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        // The first word lowercased once, not once for each weekday it is compared with.
        if let first = trimmed.split(separator: " ").first {
            let lower = first.lowercased()
            let bare = lower.trimming(charactersIn: ",")
            if weekdays.contains(where: { $0 == bare || String($0.prefix(3)) == lower }) {
                trimmed = String(trimmed.dropFirst(first.count)).trimmingWhitespace()
            }
        }
        let mentions = scan(trimmed)
        guard mentions.count == 1, let only = mentions.first,
            only.range == trimmed.startIndex..<trimmed.endIndex,
            case .date(let date) = only.reading
        else { return nil }
        return date
    }

    /// A date found inside a longer text.
    public struct Mention: Sendable {
        public var range: Range<String.Index>
        public var reading: Reading
    }

    /// Every date-shaped mention in `text`: ISO dates, `D/M/YYYY`, and
    /// `D Month YYYY` (with an optional ordinal suffix: `9th January 2023`).
    public static func scan(_ text: String) -> [Mention] {
        // Every mention holds an ASCII digit; most free-text dues hold none.
        guard text.utf8.contains(where: isDigit) else { return [] }
        let words = wordRanges(in: text)
        // In an ASCII text each byte is a character (a CR LF pair is neither `-` nor `/`),
        // and a byte test is much quicker than a `Character` one.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        var mentions: [Mention] = []
        var i = 0
        while i < words.count {
            let word = text[words[i]]
            if ascii ? word.utf8.contains(UInt8(ascii: "-")) : word.contains("-") {
                let reading = readISO(word)
                if reading != .notADate { mentions.append(Mention(range: words[i], reading: reading)) }
            } else if ascii ? word.utf8.contains(UInt8(ascii: "/")) : word.contains("/") {
                let reading = readSlashed(word)
                if reading != .notADate { mentions.append(Mention(range: words[i], reading: reading)) }
            } else if i + 2 < words.count, word.utf8.first.map(isDigit) == true, let day = dayNumber(word),
                let month = monthNumber(text[words[i + 1]]),
                let yearWord = Optional(text[words[i + 2]]), yearWord.allSatisfy(\.isASCIIDigit),
                yearWord.count == 4, let year = Int(yearWord)
            {
                let phrase = text[words[i].lowerBound..<words[i + 2].upperBound]
                mentions.append(
                    Mention(
                        range: words[i].lowerBound..<words[i + 2].upperBound,
                        reading: validated(year: year, month: month, day: day, text: phrase)))
                i += 3
                continue
            }
            i += 1
        }
        return mentions
    }

    static func readSlashed(_ word: Substring) -> Reading {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
            parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 || parts[2].count == 2,
            let day = Int(parts[0]), let month = Int(parts[1]), let written = Int(parts[2])
        else { return .notADate }
        let year = parts[2].count == 2 ? 2000 + written : written
        return validated(year: year, month: month, day: day, text: word)
    }

    package static func validated(year: Int, month: Int, day: Int, text: some StringProtocol) -> Reading {
        if let date = PlanDate(year: year, month: month, day: day) { return .date(date) }
        guard (1...12).contains(month) else {
            return .impossible("'\(text)' is not a date: there is no month \(month)")
        }
        let days = PlanDate.daysIn(month: month, year: year)
        return .impossible("'\(text)' is not a date: \(PlanDate.monthNames[month - 1]) \(year) has \(days) days")
    }

    package static func dayNumber(_ word: Substring) -> Int? {
        var digits = word
        let lower = word.lowercased()
        for suffix in ["st", "nd", "rd", "th"] where lower.hasSuffix(suffix) {
            digits = word.dropLast(2)
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    package static func monthNumber(_ word: Substring) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3 else { return nil }
        if lower == "sept" { return 9 }
        return monthWords[lower]
    }

    /// Each month's name and its first three letters, lowercased, to its number.
    private static let monthWords: [String: Int] = Dictionary(
        PlanDate.monthNames.enumerated().flatMap { index, name in
            let full = name.lowercased()
            return [(full, index + 1), (String(full.prefix(3)), index + 1)]
        },
        // "may" is both.
        uniquingKeysWith: { first, _ in first })

    /// Ranges of runs of letters, digits, `-` and `/`; everything else separates words.
    /// An ASCII text is read byte by byte: there the letters and numbers are `A-Z`,
    /// `a-z` and `0-9`, and no word starts or ends inside the one character of two bytes
    /// (`\r\n`), which holds no word byte.
    static func wordRanges(in text: String) -> [Range<String.Index>] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return runs(in: text, of: text) { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "/" }
        }
        return runs(in: text, of: text.utf8, ascii: true) { byte in
            let lower = byte | 0x20
            return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || isDigit(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/")
        }
    }

    private static func runs<View: Collection>(
        in text: String, of view: View, ascii: Bool = false, where isWordElement: (View.Element) -> Bool
    ) -> [Range<String.Index>] where View.Index == String.Index {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = view.startIndex
        while index < view.endIndex {
            let isWord = isWordElement(view[index])
            if isWord, start == nil { start = index }
            if !isWord, let s = start {
                ranges.append(trimmedDashes(s..<index, in: text, ascii: ascii))
                start = nil
            }
            index = view.index(after: index)
        }
        if let s = start { ranges.append(trimmedDashes(s..<text.endIndex, in: text, ascii: ascii)) }
        return ranges.filter { !$0.isEmpty }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// "2023-02-28-" or "-2023" are not dates; trailing dashes belong to prose. In an
    /// `ascii` text each byte is a character, and a byte is read far quicker.
    private static func trimmedDashes(_ range: Range<String.Index>, in text: String, ascii: Bool) -> Range<
        String.Index
    > {
        if ascii {
            let utf8 = text.utf8
            func isDash(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") }
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, isDash(utf8[lower]) { lower = utf8.index(after: lower) }
            while upper > lower, isDash(utf8[utf8.index(before: upper)]) { upper = utf8.index(before: upper) }
            return lower..<upper
        }
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text[lower] == "-" || text[lower] == "/" { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)] == "-" || text[text.index(before: upper)] == "/" {
            upper = text.index(before: upper)
        }
        return lower..<upper
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
}
