import Foundation

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
        fields.map(cell).joined(separator: ",") + lineEnding
    }

    func cell(_ raw: String) -> String {
        var value = raw
        if neutraliseFormulas, let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        if lineEnding == "\r\n" { value = value.replacingOccurrences(of: "\n", with: "\r\n") }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
