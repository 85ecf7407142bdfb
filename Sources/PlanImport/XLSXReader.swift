import FoundationEssentials
import PlanCore

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
        } catch .duplicateName(let name) {
            throw ImportError("not an .xlsx workbook: the zip archive holds two files named \(name)")
        } catch {
            throw ImportError("not an .xlsx workbook: the zip archive is damaged")
        }
        let workbook = try Workbook(try requiredPart("xl/workbook.xml", in: archive))
        guard !workbook.sheets.isEmpty else { throw ImportError("the workbook has no sheets") }
        let relationships = try Relationships(try requiredPart("xl/_rels/workbook.xml.rels", in: archive))
        let strings =
            try part("xl/sharedStrings.xml", in: archive).map(SharedStrings.init)?.strings ?? []
        let styles = try part("xl/styles.xml", in: archive).map(Styles.init) ?? Styles()
        func table(of sheet: (name: String, relationship: String)) throws(ImportError) -> ImportTable {
            guard let target = relationships.targets[sheet.relationship] else {
                throw ImportError(
                    "the workbook does not say where sheet '\(sheet.name)' is (no relationship \(sheet.relationship))")
            }
            // Targets are relative to xl/, or absolute within the archive.
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let worksheet = try Worksheet(
                try requiredPart(path, in: archive), name: path, strings: strings,
                styles: styles, date1904: workbook.date1904)
            return ImportTable(rows: worksheet.rows, date1904: workbook.date1904)
        }
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
            // A cover sheet or a notes sheet often comes first: the first sheet with a header row.
            for (n, sheet) in workbook.sheets.enumerated() {
                var found = try table(of: sheet)
                guard ImportColumns.headerRow(in: found.rows) != nil else { continue }
                if n > 0 {
                    found.source.append(
                        "sheet '\(sheet.name)', the first with a header row (passed over: "
                            + workbook.sheets.prefix(n).map { "'\($0.name)'" }.joined(separator: ", ") + ")")
                }
                return found
            }
            chosen = workbook.sheets[0]
        }
        return try table(of: chosen)
    }

    /// No part may unpack to more than this: a zip bomb fails fast.
    static let maximumPartSize = 200 << 20

    static func requiredPart(_ path: String, in archive: ZipReader) throws(ImportError) -> (Data, String) {
        guard let part = try part(path, in: archive) else {
            throw ImportError("not an .xlsx workbook: it has no \(path)")
        }
        return part
    }

    static func part(_ path: String, in archive: ZipReader) throws(ImportError) -> (Data, String)? {
        let data: Data?
        do {
            data = try archive.contents(of: path, limit: maximumPartSize)
        } catch .tooLarge(let size) {
            throw ImportError("\(path) is too large to read (\(size >> 20) MB unpacked)")
        } catch .wrongChecksum {
            throw ImportError("cannot unpack \(path) from the workbook: its checksum is wrong (the file is damaged)")
        } catch {
            throw ImportError("cannot unpack \(path) from the workbook: it is damaged")
        }
        return data.map { ($0, path) }
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
            case "t" where !inPhonetic: current += XLSXReader.excelUnescaped(text)
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
                column = cells.count
                if let reference = attributes["r"] {
                    if let index = Self.column(reference) {
                        column = index
                    } else if problem == nil {
                        problem =
                            "\(name) has a cell reference '\(short(reference))' that is not a cell of a worksheet "
                            + "(columns A to XFD, rows 1 to 1048576)"
                    }
                }
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                value = ""
                inline = ""
            default: break
            }
        } end: { element, text in
            switch element {
            case "v": value = text
            case "t": inline += XLSXReader.excelUnescaped(text)
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

    /// `AB12` → 27 (0-based column); nil for anything but a cell of a worksheet, `A1` to `XFD1048576`.
    static func column(_ reference: String) -> Int? {
        let scalars = Array(reference.uppercased().unicodeScalars)
        let letters = scalars.prefix { ("A"..."Z").contains($0) }
        let digits = scalars.dropFirst(letters.count)
        guard (1...3).contains(letters.count), (1...7).contains(digits.count), digits.first != "0",
            digits.allSatisfy({ ("0"..."9").contains($0) }), let row = Int(String(String.UnicodeScalarView(digits))),
            row <= 1_048_576
        else { return nil }
        let column = letters.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return column < 16_384 ? column : nil
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
