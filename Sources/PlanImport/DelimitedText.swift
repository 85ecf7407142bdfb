import Foundation
import PlanCore

/// Reads CSV and TSV as spreadsheets write them (RFC 4180): cells separated by `,`,
/// `;` or a tab (whichever the header line uses most), quoted cells with doubled
/// quotes and line breaks inside, LF, CRLF or CR line endings, an optional byte order
/// mark. Text must be UTF-8 (or UTF-16 with a byte order mark, as Excel's "Unicode
/// text" is).
public enum DelimitedText {
    public static func read(_ data: Data) throws(ImportError) -> ImportTable {
        let bytes = try utf8Bytes(data)
        guard bytes.contains(where: { !isBlank($0) }) else { throw ImportError("the file is empty") }
        let separator = separator(in: bytes)

        var rows: [ImportTable.Row] = []
        var cells: [ImportCell] = []
        var cell: [UInt8] = []
        var inQuotes = false
        var cellWasQuoted = false
        var quoteRow = 0
        func endCell() {
            cells.append(ImportCell(text: String(decoding: cell, as: UTF8.self)))
            cell.removeAll(keepingCapacity: true)
            cellWasQuoted = false
        }
        func endRow() {
            endCell()
            rows.append(ImportTable.Row(number: rows.count + 1, cells: cells))
            cells.removeAll()
        }

        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            if inQuotes {
                if byte == quote {
                    if i < bytes.count, bytes[i] == quote {
                        cell.append(quote)
                        i += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case quote where cell.isEmpty && !cellWasQuoted:
                inQuotes = true
                cellWasQuoted = true
                quoteRow = rows.count + 1
            case separator:
                endCell()
            case carriageReturn, lineFeed:
                if byte == carriageReturn, i < bytes.count, bytes[i] == lineFeed { i += 1 }
                endRow()
            default:
                // Lenient like spreadsheets: a stray quote inside an unquoted cell, or text
                // after a closing quote, is kept as it is.
                cell.append(byte)
            }
        }
        if inQuotes {
            throw ImportError(row: quoteRow, "a quoted cell is not closed: the file ends inside it")
        }
        if !cell.isEmpty || !cells.isEmpty || cellWasQuoted { endRow() }
        return ImportTable(rows: rows)
    }

    /// The separator used most in the first line that has one (outside quotes); `,` when none.
    static func separator(in bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var inQuotes = false
        for byte in bytes {
            if byte == quote {
                inQuotes.toggle()
                continue
            }
            if inQuotes { continue }
            if byte == lineFeed || byte == carriageReturn {
                if !counts.isEmpty { break }
                continue
            }
            if byte == comma || byte == semicolon || byte == tab { counts[byte, default: 0] += 1 }
        }
        // Ties go to the comma, then the semicolon.
        return [comma, semicolon, tab].max { counts[$0, default: 0] < counts[$1, default: 0] } ?? comma
    }

    /// The file's text as UTF-8 bytes without a byte order mark, or why it is not text.
    static func utf8Bytes(_ data: Data) throws(ImportError) -> [UInt8] {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw ImportError("the file starts like UTF-16 text but is not valid UTF-16")
            }
            return Array(text.utf8).dropFirstBOM()
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ImportError(
                "this is a zip archive, not CSV text; if it is an Excel workbook, give it the extension .xlsx")
        }
        if let offset = UTF8Validation.firstProblem(in: data) {
            let line = data.prefix(offset).reduce(1) { $1 == lineFeed ? $0 + 1 : $0 }
            if data[offset] == 0 {
                throw ImportError("NUL byte on line \(line): this looks like a binary file, not CSV text")
            }
            throw ImportError(
                "not UTF-8 text: byte 0x\(String(data[offset], radix: 16, uppercase: true)) on line \(line); "
                    + "save the file as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\")")
        }
        return Array(data).dropFirstBOM()
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
}

extension Array where Element == UInt8 {
    fileprivate func dropFirstBOM() -> [UInt8] {
        starts(with: [0xEF, 0xBB, 0xBF]) ? Array(dropFirst(3)) : self
    }
}
