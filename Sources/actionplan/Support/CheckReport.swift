import PlanCore

/// How `check` prints what it found: every diagnostic as JSON, or counts per kind.
enum CheckReport {
    static func json(path: String, document: PlanDocument, warnings: [Diagnostic], valid: Bool) -> JSONValue {
        .object([
            ("path", .string(path)), ("valid", .bool(valid)), ("actions", .int(document.plan.actions.count)),
            ("diagnostics", .array(warnings.map { diagnostic($0, path: path) })),
        ])
    }

    static func json(path: String, error: PlanFileError) -> JSONValue {
        let diagnostics: [JSONValue]
        if case .invalid(_, let found, _) = error {
            diagnostics = found.map { diagnostic($0, path: path) }
        } else {
            diagnostics = [
                .object([
                    ("file", .string(path)), ("line", .null), ("column", .null), ("severity", .string("error")),
                    ("code", .string("unreadable")), ("message", .string(error.description)), ("hint", .null),
                ])
            ]
        }
        return .object([
            ("path", .string(path)), ("valid", .bool(false)), ("actions", .null), ("diagnostics", .array(diagnostics)),
        ])
    }

    static func diagnostic(_ d: Diagnostic, path: String) -> JSONValue {
        .object([
            ("file", .string(path)), ("line", .int(d.line)), ("column", .int(d.column)),
            ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message)),
            ("hint", .optional(d.hint)),
        ])
    }

    /// One line per kind, most frequent first, with the first line it occurs on and
    /// its hint (the hint of its first occurrence) printed once.
    static func summary(_ warnings: [Diagnostic], path: String) -> String {
        var order: [String] = []
        var byCode: [String: [Diagnostic]] = [:]
        for warning in warnings {
            if byCode[warning.code] == nil { order.append(warning.code) }
            byCode[warning.code, default: []].append(warning)
        }
        let ranked = order.enumerated().sorted {
            (byCode[$0.element]?.count ?? 0, -$0.offset) > (byCode[$1.element]?.count ?? 0, -$1.offset)
        }.map(\.element)
        return ranked.compactMap { code -> String? in
            guard let group = byCode[code], let first = group.first else { return nil }
            var out =
                "\(path): \(group.count) × \(code) (first at line \(first.line)): "
                + TerminalText.escaped(first.message)
            if let hint = first.hint { out += "\n  hint: " + TerminalText.escaped(hint) }
            return out
        }.joined(separator: "\n")
    }
}
