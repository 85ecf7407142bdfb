import PlanCore

/// Reading the layout of a tracker: the dates in its column headings, and the rows
/// that are headings of a section or an area rather than actions.
extension ImportValues {
    // MARK: - Dates in headings

    /// The date a column heading names: "Update 13/01/2023" and "2023-01-13" as that day;
    /// "Update Dec 22", "Progress – January 2023" and "2023-01" as the first of the month;
    /// a month alone ("RAG Jan") as the last such month on or before `asAt`.
    static func headingDate(_ heading: String, asAt: PlanDate) -> PlanDate? {
        guard heading.utf8.count <= 200 else { return nil }
        for mention in DateText.scan(heading) {
            if case .date(let date) = mention.reading { return date }
        }
        let words = heading.split { !$0.isLetter && !$0.isNumber && $0 != "-" }.flatMap { word in
            // "Jan-23" is a month and a year; "2023-01" stays whole.
            word.first?.isLetter == true ? word.split(separator: "-") : [word]
        }
        for (i, word) in words.enumerated() {
            let parts = word.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, (1...2).contains(parts[1].count),
                parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let year = Int(parts[0]),
                let month = Int(parts[1])
            {
                if let date = PlanDate(year: year, month: month, day: 1) { return date }
                continue
            }
            guard let month = DateText.monthNumber(word) else { continue }
            if i + 1 < words.count, [2, 4].contains(words[i + 1].count), words[i + 1].allSatisfy(\.isASCIIDigit),
                let year = Int(words[i + 1])
            {
                return PlanDate(year: words[i + 1].count == 2 ? 2000 + year : year, month: month, day: 1)
            }
            return PlanDate(year: month <= asAt.month ? asAt.year : asAt.year - 1, month: month, day: 1)
        }
        return nil
    }

    // MARK: - Heading rows

    /// A banner row's section: "1. Children's voices", "1 Children's voices",
    /// "Section 1: Voices", "Theme 1 – Voices", "Priority 2 - Risk"; nil for anything
    /// else, and for a dotted number (an area's).
    static func sectionBanner(_ text: String, words: Set<String> = []) -> (number: String?, title: String)? {
        let (number, title) = numbered(text, dotted: false, words: words)
        if let number, !title.isEmpty, !number.contains(".") { return (number, title) }
        // "Theme: Voices", when --map Theme=section names the word.
        if let word = leadingWord(text, in: words) { return (nil, word.rest) }
        return nil
    }

    /// An area row's number and title: "1.1 Recording what children tell us",
    /// "Area 1.1: Recording"; nil for anything else.
    static func areaBanner(_ text: String, words: Set<String> = []) -> (number: String?, title: String)? {
        let (number, title) = numbered(text, dotted: true, words: words)
        if let number, number.contains("."), !number.hasSuffix("."), !title.isEmpty { return (number, title) }
        if let word = leadingWord(text, in: words) { return (nil, word.rest) }
        return nil
    }

    /// `WORD: rest` or `WORD rest`, when WORD is one of `words` (lower-cased).
    private static func leadingWord(_ text: String, in words: Set<String>) -> (word: String, rest: String)? {
        let line = oneLine(text)
        guard let first = line.split(whereSeparator: { $0 == " " || $0 == ":" }).first,
            words.contains(first.lowercased())
        else { return nil }
        let rest = line.dropFirst(first.count).drop { $0 == " " || ":–-—.".contains($0) }
        return rest.isEmpty ? nil : (String(first), String(rest))
    }

    /// The area fields a tracker's rows carry, by the words they start with.
    static let findingLabels: [(label: String, field: String)] = [
        ("What needs to improve", "Needs to improve"), ("Needs to improve", "Needs to improve"),
        ("Areas for improvement", "Needs to improve"), ("Area for improvement", "Needs to improve"),
        ("Priority action", "Priority action"), ("Priority for action", "Priority action"),
        ("What inspectors found", "Inspectors found"), ("Inspectors found", "Inspectors found"),
        ("Inspection finding", "Inspectors found"), ("What we found", "Inspectors found"),
    ]

    /// "What needs to improve: …" as the area field and its text; a cell holding only the
    /// label gives an empty text (the text is then in the next cell).
    static func finding(_ cell: String) -> (field: String, text: String)? {
        let start = cell.drop { $0.isWhitespace }
        let head = start.prefix(30).lowercased()
        for (label, field) in findingLabels where head.hasPrefix(label.lowercased()) {
            let rest = start.dropFirst(label.count)
            guard rest.isEmpty || rest.first.map({ ":–-— \n".contains($0) }) == true else { continue }
            return (
                field, String(rest.drop { ":–-— \n\t".contains($0) }).trimmingWhitespace(newlines: true)
            )
        }
        return nil
    }
}
