import Foundation
import PlanCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads one worksheet of an Excel workbook (`.xlsx`: a zip of XML parts) as a table:
/// shared strings (rich text runs joined), inline strings, numbers, booleans, formula
/// results and error values, with missing cells filled in as empty ones. Numbers in a
/// date format are shown as ISO dates; every number keeps its value, for due dates.
public enum XLSXReader {
    /// Reads the sheet named `wanted` (case-insensitive), else the first sheet, except in
    /// a workbook from `actionplan export` (a Summary sheet first, then Actions): its Actions.
    public static func read(_ data: Data, sheet wanted: String? = nil) throws(ImportError) -> ImportTable {
        let archive: ZipReader
        do {
            archive = try ZipReader(data)
        } catch .notAZipArchive {
            throw ImportError("not an .xlsx workbook: the file is not a zip archive")
        } catch {
            throw ImportError("not an .xlsx workbook: the zip archive is damaged")
        }
        let workbook = try Workbook(try part("xl/workbook.xml", in: archive, required: true)!)
        guard !workbook.sheets.isEmpty else { throw ImportError("the workbook has no sheets") }
        let chosen: (name: String, relationship: String)
        if let wanted {
            guard
                let match = workbook.sheets.first(where: { $0.name == wanted })
                    ?? workbook.sheets.first(where: { $0.name.lowercased() == wanted.lowercased() })
            else {
                throw ImportError(
                    "the workbook has no sheet named '\(wanted)'; its sheets are "
                        + workbook.sheets.map { "'\($0.name)'" }.joined(separator: ", "))
            }
            chosen = match
        } else if workbook.sheets[0].name == BoardPackXLSX.summarySheet,
            let actions = workbook.sheets.first(where: { $0.name == BoardPackXLSX.actionsSheet })
        {
            // A workbook from `actionplan export`: its actions, not the figures in front of them.
            chosen = actions
        } else {
            chosen = workbook.sheets[0]
        }
        let relationships = try Relationships(try part("xl/_rels/workbook.xml.rels", in: archive, required: true)!)
        guard let target = relationships.targets[chosen.relationship] else {
            throw ImportError(
                "the workbook does not say where sheet '\(chosen.name)' is (no relationship \(chosen.relationship))")
        }
        // Targets are relative to xl/, or absolute within the archive.
        let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let strings =
            try part("xl/sharedStrings.xml", in: archive, required: false).map(SharedStrings.init)?.strings ?? []
        let styles = try part("xl/styles.xml", in: archive, required: false).map(Styles.init) ?? Styles()
        let sheet = try Worksheet(
            try part(path, in: archive, required: true)!, name: path, strings: strings,
            styles: styles, date1904: workbook.date1904)
        return ImportTable(rows: sheet.rows, date1904: workbook.date1904)
    }

    /// No part may unpack to more than this: a zip bomb fails fast.
    static let maximumPartSize = 200 << 20

    static func part(_ path: String, in archive: ZipReader, required: Bool) throws(ImportError) -> (Data, String)? {
        let data: Data?
        do {
            data = try archive.contents(of: path, limit: maximumPartSize)
        } catch .tooLarge(let size) {
            throw ImportError("\(path) is too large to read (\(size >> 20) MB unpacked)")
        } catch {
            throw ImportError("cannot unpack \(path) from the workbook: it is damaged")
        }
        guard let data else {
            if required { throw ImportError("not an .xlsx workbook: it has no \(path)") }
            return nil
        }
        return (data, path)
    }
}

// MARK: - The parts

/// `xl/workbook.xml`: the sheets in order, and the date system.
private struct Workbook {
    var sheets: [(name: String, relationship: String)] = []
    var date1904 = false

    init(_ part: (Data, String)) throws(ImportError) {
        var sheets: [(String, String)] = []
        var date1904 = false
        try XMLWalk.run(part) { element, attributes in
            if element == "sheet", let name = attributes["name"], let id = attributes["id"] {
                sheets.append((name, id))
            }
            if element == "workbookPr", let flag = attributes["date1904"] { date1904 = flag == "1" || flag == "true" }
        }
        self.sheets = sheets
        self.date1904 = date1904
    }
}

/// `xl/_rels/workbook.xml.rels`: where each sheet's XML is.
private struct Relationships {
    var targets: [String: String] = [:]

    init(_ part: (Data, String)) throws(ImportError) {
        var targets: [String: String] = [:]
        try XMLWalk.run(part) { element, attributes in
            if element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
        self.targets = targets
    }
}

/// `xl/sharedStrings.xml`: each `<si>` is plain `<t>` text or rich text runs `<r><t>`;
/// phonetic guides (`<rPh>`) are not part of the text.
private struct SharedStrings {
    var strings: [String] = []

    init(_ part: (Data, String)) throws(ImportError) {
        var strings: [String] = []
        var current = ""
        var inPhonetic = false
        try XMLWalk.run(part, textIn: ["t"]) { element, _ in
            if element == "si" { current = "" }
            if element == "rPh" { inPhonetic = true }
        } end: { element, text in
            switch element {
            case "t" where !inPhonetic: current += text
            case "rPh": inPhonetic = false
            case "si": strings.append(current)
            default: break
            }
        }
        self.strings = strings
    }
}

/// `xl/styles.xml`: which cell styles show numbers as dates.
private struct Styles {
    var dateStyles: Set<Int> = []

    init() {}

    init(_ part: (Data, String)) throws(ImportError) {
        var customDates: Set<Int> = []
        var formats: [Int] = []
        var inCellFormats = false
        try XMLWalk.run(part) { element, attributes in
            switch element {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                    Self.isDateFormat(code)
                {
                    customDates.insert(id)
                }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        } end: { element, _ in
            if element == "cellXfs" { inCellFormats = false }
        }
        // Built-in date formats: 14–17 (d/m/y, d-mmm-yy, …) and 22 (date and time).
        let dates = customDates.union([14, 15, 16, 17, 22])
        dateStyles = Set(formats.indices.filter { dates.contains(formats[$0]) })
    }

    /// A format code that shows a day or a year (`dd/mm/yyyy`, `d mmm yy`), outside
    /// quoted text, escapes and `[…]` sections such as colours.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuotes = false
        var inBrackets = false
        var escaped = false
        for c in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch c {
            case "\\": escaped = true
            case "\"": inQuotes.toggle()
            case "[" where !inQuotes: inBrackets = true
            case "]" where !inQuotes: inBrackets = false
            case "d", "y": if !inQuotes && !inBrackets { return true }
            default: break
            }
        }
        return false
    }
}

/// A worksheet's `<sheetData>`: rows of `<c>` cells, each with its reference (`B7`),
/// type and value. Cells and rows without a reference follow the one before.
private struct Worksheet {
    var rows: [ImportTable.Row] = []

    init(_ part: (Data, String), name: String, strings: [String], styles: Styles, date1904: Bool) throws(ImportError) {
        var rows: [ImportTable.Row] = []
        var cells: [ImportCell] = []
        var rowNumber = 0
        var column = 0
        var totalCells = 0
        var type = ""
        var style = 0
        var value = ""
        var inline = ""
        var problem: String?
        try XMLWalk.run(part, textIn: ["v", "t"]) { element, attributes in
            switch element {
            case "row":
                rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
                cells = []
            case "c":
                column = attributes["r"].flatMap(Self.column) ?? cells.count
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                inline = ""
            default: break
            }
        } end: { element, text in
            switch element {
            case "v": value = text
            case "t": inline += text
            case "c":
                if type == "s", Int(value).map({ !strings.indices.contains($0) }) ?? true {
                    problem = "\(name) refers to shared string \(value), which xl/sharedStrings.xml does not have"
                }
                let cell = Self.cell(
                    type: type, value: value, inline: inline, strings: strings,
                    isDate: styles.dateStyles.contains(style), date1904: date1904)
                if cell.text.isEmpty { break }
                guard column < 16_384, totalCells < 20_000_000 else {
                    problem = "\(name) has too many cells to read"
                    break
                }
                if cells.count <= column {
                    totalCells += column + 1 - cells.count
                    cells += Array(repeating: "", count: column + 1 - cells.count)
                }
                cells[column] = cell
            case "row":
                rows.append(ImportTable.Row(number: rowNumber, cells: cells))
            default: break
            }
        }
        if let problem { throw ImportError(problem) }
        self.rows = rows
    }

    /// `AB12` → 27 (0-based column).
    static func column(_ reference: String) -> Int? {
        let letters = reference.prefix { $0.isLetter }
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        return letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    static func cell(type: String, value: String, inline: String, strings: [String], isDate: Bool, date1904: Bool)
        -> ImportCell
    {
        switch type {
        case "s": return ImportCell(text: Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "")
        case "inlineStr": return ImportCell(text: inline)
        case "b": return ImportCell(text: value == "1" ? "TRUE" : "FALSE")
        case "str", "e": return ImportCell(text: value)
        // An ISO 8601 date-time: its date.
        case "d": return ImportCell(text: String(value.prefix(10)))
        default:
            guard let number = Double(value) else { return ImportCell(text: value) }
            if isDate, let date = PlanDate(excelSerial: number, date1904: date1904) {
                return ImportCell(text: date.iso, number: number)
            }
            return ImportCell(text: Self.format(number, as: value), number: number)
        }
    }

    /// A number as a spreadsheet shows it in General format: `3`, not `3.0`; `0.1`, not `0.1000000000000000055`.
    static func format(_ number: Double, as written: String) -> String {
        if written.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) { return written }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

// MARK: - XML

/// A small event-driven walk over an XML part with Foundation's `XMLParser`. Element
/// and attribute names are given without their namespace prefix (`r:id` is `id`);
/// `end` gets the text collected inside the elements named in `textIn`.
private final class XMLWalk: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let end: (String, String) -> Void
    private let textIn: Set<String>
    private var text = ""
    private var collecting = 0
    /// Elements open, and whether any was: a part cut short leaves some open.
    private var depth = 0, sawElement = false

    private init(
        textIn: Set<String>, start: @escaping (String, [String: String]) -> Void,
        end: @escaping (String, String) -> Void
    ) {
        self.textIn = textIn
        self.start = start
        self.end = end
    }

    static func run(
        _ part: (Data, String), textIn: Set<String> = [], start: @escaping (String, [String: String]) -> Void,
        end: @escaping (String, String) -> Void = { _, _ in }
    ) throws(ImportError) {
        // FoundationXML on Linux crashes on an element name that is not UTF-8, and on a
        // processing instruction without data, `<?x?>` (both found by Fuzz/, see
        // docs/hardening.md). Excel writes neither (nor any part in UTF-16).
        guard String(validating: part.0, as: UTF8.self) != nil else {
            throw ImportError("\(part.1) in the workbook is not UTF-8 text")
        }
        guard !hasEmptyProcessingInstruction(part.0) else {
            throw ImportError("\(part.1) in the workbook holds an empty processing instruction (<?…?>)")
        }
        let walk = XMLWalk(textIn: textIn, start: start, end: end)
        let parser = XMLParser(data: part.0)
        parser.shouldResolveExternalEntities = false
        parser.delegate = walk
        // On Linux, parse() can succeed with an error set (mismatched tags) or on a part cut short.
        guard parser.parse(), parser.parserError == nil, walk.depth == 0, walk.sawElement else {
            throw ImportError("\(part.1) in the workbook is not valid XML (line \(max(1, parser.lineNumber)))")
        }
    }

    /// `<?target?>`: a target (possibly empty) and no data.
    private static func hasEmptyProcessingInstruction(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            let open = UInt8(ascii: "<")
            let question = UInt8(ascii: "?")
            let close = UInt8(ascii: ">")
            var i = 0
            while i + 1 < raw.count {
                guard raw[i] == open, raw[i + 1] == question else {
                    i += 1
                    continue
                }
                var j = i + 2
                while j < raw.count, raw[j] != question, raw[j] > 0x20 { j += 1 }
                if j + 1 < raw.count, raw[j] == question, raw[j + 1] == close { return true }
                i = j
            }
            return false
        }
    }

    private static func local(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        let name = Self.local(elementName)
        depth += 1
        sawElement = true
        if textIn.contains(name) {
            collecting += 1
            text = ""
        }
        start(name, Dictionary(attributes.map { (Self.local($0.key), $0.value) }) { first, _ in first })
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = Self.local(elementName)
        depth -= 1
        if textIn.contains(name) { collecting -= 1 }
        end(name, text)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting > 0 { text += string }
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        if collecting > 0 { text += whitespaceString }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting > 0 { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
