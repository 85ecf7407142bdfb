import FoundationEssentials
import PlanCore

/// Reads CSV and TSV as spreadsheets write them (RFC 4180): cells separated by `,`,
/// `;` or a tab (whichever the header line uses most), quoted cells with doubled
/// quotes and line breaks inside, LF, CRLF or CR line endings, an optional byte order
/// mark. Text is UTF-8, UTF-16 (Excel's "Unicode text"; with a byte order mark, or
/// without one when every other byte of its ASCII is zero) or Windows-1252 (Excel's
/// "CSV (Comma delimited)" on a British or Western European Windows), which is
/// decoded and said so in the report.
public enum DelimitedText {
    public static func read(_ data: Data) throws(ImportError) -> ImportTable {
        let (bytes, encoding) = try utf8Bytes(data)
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
        var table = ImportTable(rows: rows)
        if let encoding { table.source.append(encoding) }
        return table
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

    /// The file's text as UTF-8 bytes without a byte order mark, and the encoding it was
    /// decoded from when that was not UTF-8; or why it is not text.
    static func utf8Bytes(_ data: Data) throws(ImportError) -> (bytes: [UInt8], encoding: String?) {
        if let (encoding, name) = utf16Encoding(of: data) {
            guard let text = String(data: data, encoding: encoding) else {
                throw ImportError("the file starts like \(name) text but is not valid \(name)")
            }
            return (Array(text.utf8).dropFirstBOM(), "\(name) text, decoded")
        }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw ImportError(
                "this is a zip archive, not CSV text; if it is an Excel workbook, give it the extension .xlsx")
        }
        if data.starts(with: TableFile.compoundFileMagic) {
            throw ImportError(
                "this is an Excel workbook (an .xls file, or a password-protected one), not CSV text; "
                    + "give it the extension .xls or .xlsx")
        }
        guard let offset = UTF8Validation.firstProblem(in: data) else { return (Array(data).dropFirstBOM(), nil) }
        let line = data.prefix(offset).reduce(1) { $1 == lineFeed ? $0 + 1 : $0 }
        if data[offset] == 0 {
            throw ImportError("NUL byte on line \(line): this looks like a binary file, not CSV text")
        }
        // Not UTF-8 and no NUL: Windows-1252, unless it has a byte that code page leaves undefined.
        if !data.contains(0), !Windows1252.holdsUTF8(data), let text = Windows1252.decode(data) {
            let others = Set(text.unicodeScalars.filter { !$0.isASCII }).sorted().prefix(12)
            return (
                Array(text.utf8),
                "Windows-1252 text (not UTF-8), decoded; its characters beyond ASCII are "
                    + others.map { String($0) }.joined(separator: " ")
            )
        }
        throw ImportError(
            "not UTF-8 text: byte 0x\(String(data[offset], radix: 16, uppercase: true)) on line \(line); "
                + "save the file as UTF-8 (in Excel: \"CSV UTF-8 (Comma delimited)\")")
    }

    /// UTF-16 by its byte order mark, or without one when the first line's ASCII has a zero
    /// byte beside each character (`R\0e\0f\0`).
    private static func utf16Encoding(of data: Data) -> (String.Encoding, String)? {
        if data.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, "UTF-16") }
        if data.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, "UTF-16") }
        let head = Array(data.prefix(512))
        guard head.count >= 4, head.count % 2 == 0 else { return nil }
        let even = stride(from: 0, to: head.count, by: 2).map { head[$0] }
        let odd = stride(from: 1, to: head.count, by: 2).map { head[$0] }
        // Nine in ten characters ASCII, each a byte and a zero: text beyond ASCII may be among them.
        let pairs = zip(even, odd)
        let needed = pairs.underestimatedCount * 9 / 10
        if pairs.count(where: { $0 != 0 && $0 < 0x80 && $1 == 0 }) >= needed { return (.utf16LittleEndian, "UTF-16") }
        if pairs.count(where: { $0 == 0 && $1 != 0 && $1 < 0x80 }) >= needed { return (.utf16BigEndian, "UTF-16") }
        return nil
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == tab || byte == lineFeed || byte == carriageReturn
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), semicolon = UInt8(ascii: ";")
    private static let tab = UInt8(ascii: "\t"), lineFeed = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
}

/// Windows code page 1252: ISO 8859-1 with printable characters (`€ ‘ ’ “ ” – — …`) in
/// place of the C1 controls 0x80–0x9F, five of which it leaves undefined.
enum Windows1252 {
    private static let high: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ]

    /// Whether the data holds a UTF-8 sequence of two or more bytes: text that mixes UTF-8
    /// with another encoding would be garbled either way.
    static func holdsUTF8(_ data: Data) -> Bool {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length =
                (0xC2...0xDF).contains(lead)
                ? 2 : (0xE0...0xEF).contains(lead) ? 3 : (0xF0...0xF4).contains(lead) ? 4 : 1
            if length > 1, i + length <= bytes.count, bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                return true
            }
            i += 1
        }
        return false
    }

    /// The text, or nil when a byte is undefined in the code page.
    static func decode(_ data: Data) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in data {
            let value: UInt32? = (0x80..<0xA0).contains(byte) ? high[Int(byte) - 0x80] : UInt32(byte)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }
}

extension Array where Element == UInt8 {
    fileprivate func dropFirstBOM() -> [UInt8] {
        starts(with: [0xEF, 0xBB, 0xBF]) ? Array(dropFirst(3)) : self
    }
}
