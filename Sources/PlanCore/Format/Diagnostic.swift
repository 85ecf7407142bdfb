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

    public init(_ severity: Severity, line: Int, column: Int, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `line:column: error: message`, without the path.
    public var description: String { "\(line):\(column): \(severity.rawValue): \(message)" }

    /// The full report: `path:line:col: error: message`, the source line with a caret
    /// under the column, and the hint.
    public func formatted(path: String, sourceLine: Substring?) -> String {
        var out = "\(path):\(line):\(column): \(severity.rawValue): " + TerminalText.escaped(message)
        if let sourceLine {
            let shown = TerminalText.escaped(String(sourceLine))
            let prefix = sourceLine.unicodeScalars.prefix(max(0, column - 1))
            let padding = TerminalText.escaped(String(Substring(prefix)))
                .map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of($0)) }.joined()
            out += "\n    \(shown)\n    \(padding)^"
        }
        if let hint { out += "\nhint: " + TerminalText.escaped(hint) }
        return out
    }
}

/// The errors that stopped a plan from being used, with any warnings found alongside.
public struct PlanParseError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
}
