import FoundationEssentials

/// Writes CSV (RFC 4180): fields quoted when they hold a comma, quote or line break.
public struct CSVWriter: Sendable {
    public var lineEnding = "\n"
    /// Prefix cells starting with `=`, `+`, `-`, `@` (or tab/CR) with `'`, so that
    /// spreadsheets do not run them as formulas.
    public var neutraliseFormulas = false

    public init(lineEnding: String = "\n", neutraliseFormulas: Bool = false) {
        self.lineEnding = lineEnding
        self.neutraliseFormulas = neutraliseFormulas
    }

    public func row(_ fields: [String]) -> String {
        var out: [UInt8] = []
        append(row: fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``row(_:)`` to `out` as UTF-8: a whole table is written into one buffer.
    public func append(row fields: [String], to out: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            appendCell(field, to: &out)
        }
        out += lineEnding.utf8
    }

    /// ``cell(_:)`` appended to `out`, read from the string's bytes when that reads the
    /// same as its characters (see ``readsAsBytes(_:)``).
    func appendCell(_ raw: String, to out: inout [UInt8]) {
        let done = raw.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard CSVWriter.readsAsBytes(bytes) else { return false }
            appendCell(bytes: bytes, to: &out)
            return true
        }
        if done != true { out += cell(raw).utf8 }
    }

    /// The cell as characters: what ``appendCell(_:to:)`` falls back to.
    func cell(_ raw: String) -> String {
        var value = raw
        if neutraliseFormulas, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        if lineEnding == "\r\n" { value = value.replacingEvery("\n", with: "\r\n") }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingEvery("\"", with: "\"\"") + "\""
    }

    /// Whether the cell's bytes say what its characters do: no CR (which joins a
    /// following LF into one character), and every comma, quote and LF between ASCII
    /// bytes, so that none is part of a character with a combining mark after it (or a
    /// prepended one before it), which the character-level reading would not match.
    static func readsAsBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "\r"): return false
            case UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "\n"):
                if index > 0, bytes[index - 1] >= 0x80 { return false }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return false }
            default: continue
            }
        }
        return true
    }

    /// ``cell(_:)`` on bytes that ``readsAsBytes(_:)``.
    private func appendCell(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let neutralise =
            neutraliseFormulas
            && bytes.first.map {
                [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9].contains($0)
            }
                ?? false
        let quoted = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if neutralise { out.append(UInt8(ascii: "'")) }
        guard quoted else {
            out += bytes
            return
        }
        let crlf = lineEnding == "\r\n"
        var run = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") || (crlf && byte == UInt8(ascii: "\n"))
        {
            out += UnsafeBufferPointer(rebasing: bytes[run..<index])
            out.append(byte == UInt8(ascii: "\"") ? UInt8(ascii: "\"") : UInt8(ascii: "\r"))
            run = index
        }
        out += UnsafeBufferPointer(rebasing: bytes[run...])
        out.append(UInt8(ascii: "\""))
    }
}
