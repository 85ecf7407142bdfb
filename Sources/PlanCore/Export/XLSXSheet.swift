/// One worksheet of a workbook written by ``XLSXWorkbook``: rows of cells, column
/// widths, frozen rows and an autofilter. Pure data; ``xml()`` is the sheet's part.
public struct XLSXSheet: Sendable, Equatable {
    /// A cell's value and look. Text is always text (a ref `1.20` stays `1.20`, and
    /// `=SUM(A1)` is never run as a formula); dates are date serials in a date format.
    public enum Cell: Sendable, Equatable {
        case empty
        case text(String, XLSXStyle = .plain)
        case number(Double, XLSXStyle = .plain)
        case date(PlanDate, XLSXStyle = .date)
        /// No value, but a look (an input cell left for someone to fill in).
        case blank(XLSXStyle)
    }

    /// The sheet's tab name: at most 31 characters, none of `[]:*?/\`.
    public var name: String
    public var rows: [[Cell]]
    /// Widths in characters, by column; columns past the end keep the default width.
    public var columnWidths: [Double] = []
    /// Rows kept in view when scrolling (the header row).
    public var frozenRows = 0
    /// The 1-based row of the header an autofilter is set on, down to the last row.
    public var autoFilterRow: Int?
    /// A line chart drawn over the sheet's cells.
    public var chart: XLSXChart?
    /// Columns kept in view when scrolling sideways (the ref).
    public var frozenColumns = 0
    /// Row heights in points by 0-based row, where the height worked out from the text
    /// would not do (a merged cell's text runs across several columns).
    public var rowHeights: [Int: Double] = [:]
    /// Ranges shown as one cell: `"A2:I2"`.
    public var mergedRanges: [String] = []
    /// Drop-down lists on some cells.
    public var validations: [XLSXValidation] = []
    /// Protected without a password: only cells in an unlocked style (``XLSXStyle/input``)
    /// can be changed; columns and rows can still be resized and the autofilter used.
    public var isProtected = false

    public init(name: String, rows: [[Cell]]) {
        self.name = XLSXSheet.tabName(name)
        self.rows = rows
    }

    /// Widths that fit each column's longest line, between `minimum` and `maximum`
    /// characters (longer text wraps in a wrapped column).
    /// Rows before `firstRow` are left out (a title that may run across empty cells).
    public mutating func fitColumns(minimum: Double = 6, maximum: Double = 60, from firstRow: Int = 0) {
        let count = rows.map(\.count).max() ?? 0
        let measured = rows.dropFirst(firstRow)
        columnWidths = (0..<count).map { column in
            let longest =
                measured.compactMap { $0.indices.contains(column) ? $0[column] : nil }.map(Self.width).max() ?? 0
            return min(max(longest + 2, minimum), maximum)
        }
    }

    /// The sheet's XML part (`xl/worksheets/sheetN.xml`).
    public func xml() -> String {
        var out = XLSXWorkbook.declaration
        out += "<worksheet xmlns=\"\(XLSXWorkbook.mainNamespace)\" xmlns:r=\"\(XLSXWorkbook.relationshipNamespace)\">"
        // Printed, the sheet fits the width of a landscape A4 page and runs on down.
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if frozenColumns > 0 {
            out += frozenPane()
        } else if frozenRows > 0 {
            out +=
                "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(frozenRows)\" "
                + "topLeftCell=\"A\(frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A\(frozenRows + 1)\" sqref=\"A\(frozenRows + 1)\"/>"
                + "</sheetView></sheetViews>"
        }
        out += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columnWidths.isEmpty {
            out += "<cols>"
            for (index, width) in columnWidths.enumerated() {
                let number = index + 1
                out += "<col min=\"\(number)\" max=\"\(number)\" width=\"\(Self.decimal(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (index, row) in rows.enumerated() {
            let number = index + 1
            let height = rowHeights[index] ?? rowHeight(row)
            out +=
                "<row r=\"\(number)\"" + (height.map { " ht=\"\(Self.decimal($0))\" customHeight=\"1\"" } ?? "") + ">"
            for (column, cell) in row.enumerated() {
                out += Self.xml(cell, at: Self.reference(column: column, row: number))
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if isProtected {
            out +=
                "<sheetProtection sheet=\"1\" objects=\"1\" scenarios=\"1\" formatColumns=\"0\" formatRows=\"0\" "
                + "autoFilter=\"0\"/>"
        }
        if let header = autoFilterRow, let last = rows.indices.last, let width = rows.map(\.count).max(), width > 0 {
            out +=
                "<autoFilter ref=\"A\(header):\(Self.columnLetters(width - 1))\(max(last + 1, header))\"/>"
        }
        if !mergedRanges.isEmpty {
            out += "<mergeCells count=\"\(mergedRanges.count)\">"
            out += mergedRanges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        if !validations.isEmpty {
            out += "<dataValidations count=\"\(validations.count)\">"
            out += validations.map { $0.xml() }.joined() + "</dataValidations>"
        }
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        if chart != nil { out += "<drawing r:id=\"rId1\"/>" }
        return out + "</worksheet>"
    }

    /// Rows and columns frozen together: the header stays at the top, the ref at the left.
    private func frozenPane() -> String {
        let topLeft = Self.reference(column: frozenColumns, row: frozenRows + 1)
        let pane = frozenRows > 0 ? "bottomRight" : "topRight"
        return "<sheetViews><sheetView workbookViewId=\"0\"><pane xSplit=\"\(frozenColumns)\""
            + (frozenRows > 0 ? " ySplit=\"\(frozenRows)\"" : "")
            + " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
            + "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
            + "</sheetView></sheetViews>"
    }

    /// A row tall enough for its wrapped text (Excel does not grow rows on opening).
    func rowHeight(_ row: [Cell]) -> Double? {
        var lines = 1
        for (column, cell) in row.enumerated() {
            guard case .text(let text, let style) = cell, style.wrapsText else { continue }
            // A column's width counts digits; text averages about 1.2 characters to a digit's width.
            let width = max(Int(((columnWidths.indices.contains(column) ? columnWidths[column] : 9) - 1) * 1.2), 1)
            let count = text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
                $0 + max(1, ($1.count + width - 1) / width)
            }
            lines = max(lines, count)
        }
        return lines > 1 ? Double(lines) * 14 + 2 : nil
    }

    static func xml(_ cell: Cell, at reference: String) -> String {
        switch cell {
        case .empty:
            return ""
        case .blank(let style):
            return "<c r=\"\(reference)\"\(styleAttribute(style))/>"
        case .text(let text, let style):
            return "<c r=\"\(reference)\"\(styleAttribute(style)) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                + XLSXWorkbook.cellText(text) + "</t></is></c>"
        case .number(let value, let style):
            return "<c r=\"\(reference)\"\(styleAttribute(style))><v>\(decimal(value))</v></c>"
        case .date(let date, let style):
            return "<c r=\"\(reference)\"\(styleAttribute(style))><v>\(serial(date))</v></c>"
        }
    }

    /// Excel's day number in the 1900 date system (1 March 1900 onwards).
    public static func serial(_ date: PlanDate) -> Int { date.dayNumber - epoch }

    /// 30 December 1899: serial 0 for every date after February 1900.
    private static let epoch = PlanDate(year: 1899, month: 12, day: 30)?.dayNumber ?? 0

    private static func styleAttribute(_ style: XLSXStyle) -> String {
        style == .plain ? "" : " s=\"\(style.rawValue)\""
    }

    /// `B7` from 0-based column 1 and row 7.
    public static func reference(column: Int, row: Int) -> String { columnLetters(column) + String(row) }

    /// `A`, `B`, … `Z`, `AA`: a column's letters from its 0-based index.
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out
            n = (n - 1) / 26
        }
        return out
    }

    /// "12", "12.5": no exponent, no trailing zeros.
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// How wide a cell's longest line is, in characters.
    static func width(_ cell: Cell) -> Double {
        switch cell {
        case .empty, .blank: 0
        case .text(let text, _):
            Double(text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0)
        case .number(let value, _): Double(decimal(value).count)
        case .date: 11
        }
    }

    static func tabName(_ name: String) -> String {
        let cleaned = String(name.map { "[]:*?/\\".contains($0) ? " " : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }
}
