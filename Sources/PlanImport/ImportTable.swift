import FoundationEssentials
import PlanCore

/// A spreadsheet read for `actionplan import`: its rows of cells as a spreadsheet
/// shows them, each with the spreadsheet's own row number.
public struct ImportTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The row's number in the spreadsheet (1 for the first row).
        public var number: Int
        public var cells: [ImportCell]

        public init(number: Int, cells: [ImportCell]) {
            self.number = number
            self.cells = cells
        }

        var isBlank: Bool { cells.allSatisfy(\.isBlank) }
    }

    public var rows: [Row]
    /// Excel's 1904 date system (old Mac workbooks): serial 0 is 1904-01-01.
    public var date1904: Bool
    /// How the table was read, when it took more than reading it, for the report:
    /// "Windows-1252 text (not UTF-8), decoded", "sheet 'Actions' …".
    public var source: [String] = []

    public init(rows: [Row], date1904: Bool = false) {
        self.rows = rows
        self.date1904 = date1904
    }
}

/// One cell: its text, and for a numeric `.xlsx` cell the number itself, which in
/// a due column is a date (Excel stores dates as serial numbers).
public struct ImportCell: Sendable, Equatable, ExpressibleByStringLiteral {
    public var text: String
    public var number: Double?

    public init(text: String, number: Double? = nil) {
        self.text = text
        self.number = number
    }

    public init(stringLiteral value: String) { self.init(text: value) }

    var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
}

/// Why a spreadsheet cannot be imported, or why one of its rows cannot become an action.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The spreadsheet row, when the problem is in one.
    public var row: Int?
    public var message: String

    public init(row: Int? = nil, _ message: String) {
        self.row = row
        self.message = message
    }

    /// `FILE:ROW: error: MESSAGE`, or `FILE: error: MESSAGE`.
    public func formatted(path: String) -> String {
        "\(path)\(row.map { ":\($0)" } ?? ""): error: \(message)"
    }

    public var description: String { (row.map { "row \($0): " } ?? "") + message }

    /// Reads a file to import, with the same wording as for plan files.
    public static func readFile(_ path: String) throws(ImportError) -> Data {
        do {
            return try PlanFile.read(path)
        } catch {
            // "PATH: cannot read: no such file" without the path, which the caller prints.
            throw ImportError(String(error.description.dropFirst(path.count + 2)))
        }
    }
}

extension PlanDate {
    /// An Excel serial number as a date: in the 1900 system, which counts the 29 February
    /// 1900 that never was (serial 60), serial 1 is 1900-01-01, 61 is 1900-03-01 and
    /// 45000 is 2023-03-15; in the 1904 system, serial 0 is 1904-01-01. A fraction (the
    /// time of day) is dropped; nil outside Excel's range and for serial 60.
    public init?(excelSerial serial: Double, date1904: Bool) {
        guard serial.isFinite, serial >= (date1904 ? 0 : 1), serial < 2_958_466 else { return nil }
        let days = Int(serial.rounded(.down))
        guard date1904 || days != 60,
            let epoch = date1904
                ? PlanDate(year: 1904, month: 1, day: 1) : PlanDate(year: 1899, month: 12, day: days < 60 ? 31 : 30)
        else { return nil }
        self = epoch.adding(days: days)
    }
}
