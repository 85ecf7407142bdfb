/// A problem found in a plan file, at a line and column.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    /// 1-based.
    public var line: Int
    /// 1-based, in Unicode scalars.
    public var column: Int
    public var message: String
    public var hint: String?
    /// What kind of problem, stable for scripts (`no-owner`, `overdue`, `future-history`…);
    /// `invalid` for errors and warnings without a kind of their own. See docs/json.md.
    public var code: String

    public init(
        _ severity: Severity, line: Int, column: Int, _ message: String, hint: String? = nil, code: String? = nil
    ) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.code = code ?? (severity == .error ? "invalid" : "warning")
    }

    /// `line:column: error: message`, without the path.
    public var description: String { "\(line):\(column): \(severity.rawValue): \(message)" }

    /// The full report: `path:line:col: error: message`, the source line with a caret
    /// under the column, and the hint.
    ///
    /// A long source line is cut to the part around the column, and a long message or
    /// hint (one quoting a huge token from the file) loses its middle, so that one
    /// message never floods the terminal.
    public func formatted(path: String, sourceLine: Substring?) -> String {
        var out = "\(path):\(line):\(column): \(severity.rawValue): " + TerminalText.escaped(Self.shortened(message))
        if let sourceLine {
            let (before, after) = Self.excerpt(of: sourceLine, around: column)
            let padding = TerminalText.escaped(before)
                .map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of($0)) }.joined()
            out += "\n    \(TerminalText.escaped(before + after))\n    \(padding)^"
        }
        if let hint { out += "\nhint: " + TerminalText.escaped(Self.shortened(hint)) }
        return out
    }

    /// Longer messages and hints lose their middle.
    static let longestMessage = 300
    /// How much of a long source line is shown before and after the column.
    static let excerptBefore = 60, excerptAfter = 100

    static func shortened(_ text: String) -> String {
        guard text.utf8.count > longestMessage, text.unicodeScalars.count > longestMessage else { return text }
        let scalars = text.unicodeScalars
        let half = longestMessage / 2
        return String(scalars.prefix(half)) + "…" + String(scalars.suffix(half))
    }

    /// The line up to the column and from it, each cut short with `…` when long.
    static func excerpt(of line: Substring, around column: Int) -> (before: String, after: String) {
        let scalars = line.unicodeScalars
        let caret =
            scalars.index(scalars.startIndex, offsetBy: max(0, column - 1), limitedBy: scalars.endIndex)
            ?? scalars.endIndex
        var before = String(scalars[..<caret])
        var after = String(scalars[caret...])
        if before.unicodeScalars.count > excerptBefore {
            before = "…" + String(before.unicodeScalars.suffix(excerptBefore))
        }
        if after.unicodeScalars.count > excerptAfter {
            after = String(after.unicodeScalars.prefix(excerptAfter)) + "…"
        }
        return (before, after)
    }
}

/// The errors that stopped a plan from being used, with any warnings found alongside.
public struct PlanParseError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
