import PlanCore

/// Reading the values of spreadsheet cells: statuses, dates, owners, text, and
/// numbered section and area names.
enum ImportValues {
    // MARK: - Statuses

    /// `R`, `Red`, `RED`, `Complete`, `Not started`, `G - Completed`…; nil for anything else (`N/A`).
    static func status(_ cell: String) -> Status? {
        let words = cell.lowercased().split { $0.isWhitespace || $0 == "_" || $0 == "-" }.joined(separator: " ")
        if let status = statusWords[words] { return status }
        // "Green - complete", "A (on track)", "R: delayed": the status, then its meaning.
        if let cut = cell.firstIndex(where: { "-–—:(".contains($0) }), cut > cell.startIndex {
            return statusWords[cell[..<cut].lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")]
        }
        return nil
    }

    private static let statusWords: [String: Status] = [
        "r": .red, "red": .red,
        "a": .amber, "amber": .amber,
        "g": .green, "green": .green, "complete": .green, "completed": .green, "done": .green,
        "b": .blue, "blue": .blue, "complete and impact evidenced": .blue,
        "n": .notStarted, "not started": .notStarted, "not yet started": .notStarted,
    ]

    // MARK: - Dates

    /// A cell read as a date.
    static func date(_ cell: String) -> DateText.Reading {
        guard cell.utf8.count <= 100 else { return .notADate }
        var text = cell.trimmingWhitespace(newlines: true)
        // "2023-07-13 00:00:00", "2023-07-13T00:00:00Z": a date-time at midnight, as spreadsheets export dates.
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }) {
            let time = text[text.index(after: cut)...]
            if time.contains(":"), time.allSatisfy({ $0.isASCIIDigit || ":.Z".contains($0) }) {
                text = String(text[..<cut])
            }
        }
        if let date = DateText.parseUserDate(text) { return .date(date) }
        if let reading = dayMonthYear(text) { return reading }
        return DateText.scan(text).first { $0.range == text.startIndex..<text.endIndex }?.reading ?? .notADate
    }

    /// A due cell of a CSV saved from Excel that shows a date as its serial number:
    /// five digits (and perhaps a time fraction) between 20000 (1954) and 80000 (2119).
    /// A bare year such as `2026` is not one.
    static func excelSerial(_ text: String) -> Double? {
        let whole = text.prefix { $0.isASCIIDigit }
        let fraction = text.dropFirst(whole.count)
        guard whole.count == 5,
            fraction.isEmpty || (fraction.first == "." && fraction.dropFirst().allSatisfy(\.isASCIIDigit)),
            let serial = Double(text), (20000..<80000).contains(serial)
        else { return nil }
        return serial
    }

    /// "13-Jul-23", "13 Jul 23", "13.07.2023", "13-07-2023", and "2023-7-13" (year first).
    private static func dayMonthYear(_ text: String) -> DateText.Reading? {
        var parts = text.split { $0 == "-" || $0 == " " || $0 == "." || $0 == "/" }
        guard parts.count == 3 else { return nil }
        if parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit) { parts.reverse() }
        guard let day = DateText.dayNumber(parts[0]), parts[2].count == 2 || parts[2].count == 4,
            parts[2].allSatisfy(\.isASCIIDigit), let year = Int(parts[2]),
            let month = DateText.monthNumber(parts[1]) ?? (parts[1].allSatisfy(\.isASCIIDigit) ? Int(parts[1]) : nil)
        else { return nil }
        return DateText.validated(year: parts[2].count == 2 ? 2000 + year : year, month: month, day: day, text: text)
    }

    /// A cell that `export` wrote as `'=…` (or `'+`, `'-`, `'@`, tab, CR) so that no
    /// spreadsheet runs it as a formula, as it was.
    static func formulaUnguarded(_ cell: ImportCell) -> ImportCell {
        guard cell.text.hasPrefix("'"), let next = cell.text.unicodeScalars.dropFirst().first,
            "=+-@\t\r".unicodeScalars.contains(next)
        else { return cell }
        return ImportCell(text: String(cell.text.dropFirst()), number: cell.number)
    }

    // MARK: - Owners and text

    /// Owners are separated by `;` and line breaks; `,` and `/` stay inside a name.
    static func owners(_ cell: String) -> [String] {
        cell.split { $0 == ";" || $0.isNewline }
            .map { bulletless($0.trimmingWhitespace()) }
            .filter { !$0.isEmpty }
    }

    /// A cell on one line, its spaces and line breaks collapsed.
    static func oneLine(_ cell: String) -> String {
        cell.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A cell's text as plan prose: each line of the cell a paragraph or a list item
    /// (as `actionplan export` writes them back), bullets such as `•` as `- `, runs of
    /// blank lines as one, and surrounding spaces and blank lines dropped.
    static func prose(_ cell: String) -> [String] {
        var out: [String] = []
        let lines = cell.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for raw in lines {
            var line = raw.trimmingWhitespace()
            if line.isEmpty {
                if out.last?.isEmpty == false { out.append("") }
                continue
            }
            let item = bulletless(line)
            if item.isEmpty { continue }
            if item != line { line = "- " + item }
            // Lines that follow each other are one paragraph in a plan; in a cell each is its own.
            if let last = out.last, !last.isEmpty, !Prose.startsListItem(Substring(line)) { out.append("") }
            out.append(line)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out
    }

    /// A line without its bullet (`•`, `◦`, `▪`, `- `, `* `, `– `…), or as it was.
    static func bulletless(_ line: String) -> String {
        guard let first = line.first else { return line }
        let rest = line.dropFirst()
        if "•◦▪▫●○‣⁃∙·".contains(first) || ("-*–—".contains(first) && rest.first?.isWhitespace == true) {
            return rest.trimmingWhitespace()
        }
        return line
    }

    // MARK: - Numbered names

    /// `1. Children's voices` → ("1", "Children's voices"); `Section 2: Voices` → ("2",
    /// "Voices"); `1.2 Leaders` → ("1.2", "Leaders") when `dotted`; otherwise no number.
    /// A section's number is 1 to 3 digits; an area's may have dots.
    /// `words` are more words that may stand before the number (from `--map WORD=section`).
    static func numbered(_ cell: String, dotted: Bool, words: Set<String> = []) -> (number: String?, title: String) {
        let text = oneLine(cell)
        var rest = Substring(text)
        if let word = rest.split(separator: " ").first,
            ["section", "theme", "priority", "area", "objective"].contains(word.lowercased())
                || words.contains(word.lowercased()),
            rest.dropFirst(word.count + 1).first?.isASCIIDigit == true
        {
            rest = rest.dropFirst(word.count + 1)
        }
        var token = rest.prefix { $0.isASCIIDigit || (dotted && $0 == ".") }
        if !dotted, rest.dropFirst(token.count).first == "." { token = rest.prefix(token.count + 1) }
        let number = token.hasSuffix(".") ? token.dropLast() : token
        let after = rest.dropFirst(token.count)
        guard !number.isEmpty, !number.contains(".."), dotted || number.count <= 3,
            after.first.map({ $0 == " " || ":)–-".contains($0) }) ?? true
        else { return (nil, text) }
        let title = after.drop { $0 == " " || ":)–-—.".contains($0) }
        return (String(number), String(title))
    }
}
