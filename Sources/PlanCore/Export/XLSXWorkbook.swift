import FoundationEssentials

/// The cell styles of a workbook written by ``XLSXWorkbook``, by their index in
/// `xl/styles.xml`.
public enum XLSXStyle: Int, Sendable, CaseIterable {
    case plain = 0
    /// Bold on grey, wrapped: a table's header row.
    case header
    /// Wrapped, top-aligned text.
    case wrapped
    /// A date, "31 Jan 2026", top-aligned.
    case date
    case red, amber, green, blue, notStarted
    /// The sheet's title: bold, larger.
    case title
    /// A share, "64%".
    case percent
    case bold
    /// Wrapped text on pale grey: a cell to read, not to change (locked on a protected sheet).
    case readOnly
    /// A date on pale grey, as ``readOnly``.
    case readOnlyDate
    /// Wrapped text on pale yellow in a thin border: a cell to fill in, left unlocked on a
    /// protected sheet.
    case input

    /// Whether text wraps in the cell (rows are made tall enough for it).
    public var wrapsText: Bool {
        self == .wrapped || self == .header || self == .readOnly || self == .input
    }

    /// The cell of a status: filled in its RAG colour, bold, the text kept.
    public static func status(_ status: Status) -> XLSXStyle {
        switch status {
        case .red: .red
        case .amber: .amber
        case .green: .green
        case .blue: .blue
        case .notStarted: .notStarted
        }
    }
}

/// An Office Open XML workbook (`.xlsx`) as its parts: the paths and bytes that go
/// into the zip container. Pure: zipping is for the caller (PlanImport's `ZipWriter`).
/// Every part is fixed by its input: no timestamps, so the same pack gives the same bytes.
public struct XLSXWorkbook: Sendable {
    public var sheets: [XLSXSheet]
    /// The sheet shown when the workbook opens (0-based).
    public var activeSheet = 0

    public init(sheets: [XLSXSheet]) { self.sheets = sheets }

    /// The parts in the order they go into the archive, `[Content_Types].xml` first.
    public func parts() -> [(path: String, data: Data)] {
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes()), ("_rels/.rels", Self.packageRelationships),
            ("docProps/app.xml", Self.appProperties), ("xl/workbook.xml", workbook()),
            ("xl/_rels/workbook.xml.rels", workbookRelationships()), ("xl/styles.xml", Self.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            parts.append(("xl/worksheets/sheet\(number).xml", sheet.xml()))
            guard let chart = sheet.chart else { continue }
            // The sheet points to a drawing, which points to the chart.
            parts.append(
                (
                    "xl/worksheets/_rels/sheet\(number).xml.rels",
                    Self.relationship("drawing", "../drawings/drawing\(number).xml")
                ))
            parts.append(("xl/drawings/drawing\(number).xml", chart.drawingXML()))
            parts.append(
                (
                    "xl/drawings/_rels/drawing\(number).xml.rels",
                    Self.relationship("chart", "../charts/chart\(number).xml")
                ))
            parts.append(("xl/charts/chart\(number).xml", chart.xml(sheet: sheet)))
        }
        return parts.map { ($0.0, Data($0.1.utf8)) }
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    func contentTypes() -> String {
        var out = Self.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out +=
            "<Override PartName=\"/xl/workbook.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out +=
            "<Override PartName=\"/xl/styles.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        out +=
            "<Override PartName=\"/docProps/app.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        for (index, sheet) in sheets.enumerated() {
            out +=
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            guard sheet.chart != nil else { continue }
            out +=
                "<Override PartName=\"/xl/drawings/drawing\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>"
                + "<Override PartName=\"/xl/charts/chart\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
        }
        return out + "</Types>"
    }

    static let packageRelationships =
        declaration + "<Relationships xmlns=\"\(packageNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    /// A part's relationships file with one relationship, `rId1`, of `type` to `target`.
    static func relationship(_ type: String, _ target: String) -> String {
        declaration + "<Relationships xmlns=\"\(packageNamespace)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/\(type)\" Target=\"\(target)\"/>"
            + "</Relationships>"
    }

    static let appProperties =
        declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>actionplan</Application></Properties>"

    func workbook() -> String {
        var out =
            Self.declaration + "<workbook xmlns=\"\(Self.mainNamespace)\" xmlns:r=\"\(Self.relationshipNamespace)\">"
        out += "<bookViews><workbookView activeTab=\"\(activeSheet)\"/></bookViews><sheets>"
        for (index, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(Self.escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        out += "</sheets>"
        // The autofilter's range, and the frozen rows printed at the top of every page.
        let filters = sheets.enumerated().flatMap { index, sheet -> [String] in
            let name = "'" + Self.escaped(sheet.name).replacingEvery("'", with: "''") + "'"
            var names: [String] = []
            if let header = sheet.autoFilterRow, let width = sheet.rows.map(\.count).max(), width > 0 {
                let last = max(sheet.rows.count, header)
                names.append(
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                        + "\(name)!$A$\(header):$\(XLSXSheet.columnLetters(width - 1))$\(last)</definedName>")
            }
            if sheet.frozenRows > 0 {
                names.append(
                    "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">"
                        + "\(name)!$1:$\(sheet.frozenRows)</definedName>")
            }
            return names
        }
        if !filters.isEmpty { out += "<definedNames>" + filters.joined() + "</definedNames>" }
        return out + "</workbook>"
    }

    func workbookRelationships() -> String {
        var out = Self.declaration + "<Relationships xmlns=\"\(Self.packageNamespace)\">"
        for index in sheets.indices {
            out +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(Self.relationshipNamespace)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out +=
            "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(Self.relationshipNamespace)/styles\" "
            + "Target=\"styles.xml\"/>"
        return out + "</Relationships>"
    }

    /// Fonts, fills and borders, then one `xf` per ``XLSXStyle`` case, in its order.
    static let styles: String = {
        func fill(_ rgb: String) -> String {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(rgb)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        let top = "<alignment vertical=\"top\"/>"
        let wrapTop = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        let centreTop = "<alignment horizontal=\"center\" vertical=\"top\"/>"
        func xf(
            font: Int = 0, fill: Int = 0, border: Int = 0, format: Int = 0, _ alignment: String = top,
            locked: Bool = true
        ) -> String {
            "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
                + (format != 0 ? " applyNumberFormat=\"1\"" : "") + (font != 0 ? " applyFont=\"1\"" : "")
                + (fill != 0 ? " applyFill=\"1\"" : "") + (border != 0 ? " applyBorder=\"1\"" : "")
                + " applyAlignment=\"1\"" + (locked ? "" : " applyProtection=\"1\"") + ">\(alignment)"
                + (locked ? "" : "<protection locked=\"0\"/>") + "</xf>"
        }
        // Fills 0 and 1 are the two Excel requires (none, gray125); then the header's grey, the statuses,
        // and the read-only grey and input yellow of a return sheet.
        let statusFills = [Status.red, .amber, .green, .blue, .notStarted].map {
            fill(String(BoardPackHTML.colours($0).fill.dropFirst()).uppercased())
        }
        let fills =
            "<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
            + fill("D9D9D9") + statusFills.joined() + fill("F2F2F2") + fill("FFF8D6")
        // Fonts: 0 plain, 1 bold, 2 title, 3 bold white (on red, green, blue).
        let fonts =
            "<font><sz val=\"11\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"14\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><color rgb=\"FFFFFFFF\"/><name val=\"Arial\"/><family val=\"2\"/></font>"
        let formats: [XLSXStyle: String] = [
            .plain: xf(), .header: xf(font: 1, fill: 2, border: 1, wrapTop), .wrapped: xf(wrapTop),
            .date: xf(format: 164), .red: xf(font: 3, fill: 3, centreTop), .amber: xf(font: 1, fill: 4, centreTop),
            .green: xf(font: 3, fill: 5, centreTop), .blue: xf(font: 3, fill: 6, centreTop),
            .notStarted: xf(font: 1, fill: 7, centreTop), .title: xf(font: 2), .percent: xf(format: 9),
            .bold: xf(font: 1), .readOnly: xf(fill: 8, wrapTop), .readOnlyDate: xf(fill: 8, format: 164),
            .input: xf(fill: 9, border: 2, wrapTop, locked: false),
        ]
        let cellFormats = XLSXStyle.allCases.map { formats[$0] ?? xf() }
        return declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d mmm yyyy\"/></numFmts>"
            + "<fonts count=\"4\">\(fonts)</fonts><fills count=\"10\">\(fills)</fills>"
            + "<borders count=\"3\"><border><left/><right/><top/><bottom/><diagonal/></border>"
            + "<border><left/><right/><top/><bottom style=\"medium\"><color rgb=\"FF0B0C0C\"/></bottom><diagonal/></border>"
            + "<border>"
            + ["left", "right", "top", "bottom"].map {
                "<\($0) style=\"thin\"><color rgb=\"FFA6A6A6\"/></\($0)>"
            }.joined() + "<diagonal/></border>"
            + "</borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(cellFormats.count)\">\(cellFormats.joined())</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()

    /// A cell's text for XML: ``escaped(_:)``, and an underscore that would start one of
    /// Excel's `_xHHHH_` escapes written as `_x005F_`, so that Excel (and `actionplan
    /// import`) reads `_x000D_` typed in a plan as those seven characters, not a return.
    static func cellText(_ text: String) -> String {
        let xml = escaped(text)
        guard xml.contains("_x") else { return xml }
        let bytes = Array(xml.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 14)
        for (i, byte) in bytes.enumerated() {
            out.append(byte)
            if byte == UInt8(ascii: "_"), startsExcelEscape(bytes, at: i) { out += Array("x005F_".utf8) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `_xHHHH_` (any case of hex digits) starts at `offset`.
    private static func startsExcelEscape(_ bytes: [UInt8], at offset: Int) -> Bool {
        guard offset + 7 <= bytes.count, bytes[offset + 1] == UInt8(ascii: "x"), bytes[offset + 6] == UInt8(ascii: "_")
        else { return false }
        return bytes[(offset + 2)..<(offset + 6)].allSatisfy { Character(Unicode.Scalar($0)).isHexDigit }
    }

    /// Text for XML: `& < > "` escaped; characters XML 1.0 cannot hold (C0 controls but
    /// tab and line feed, U+FFFE, U+FFFF) become U+FFFD; CR LF and lone CRs become LF.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "\n"
            case "\n": if !previousCR { out += "\n" }
            case "\t": out += "\t"
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
