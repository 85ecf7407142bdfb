import FoundationEssentials

extension PlanDocument {
    /// For the tests and the fuzzer: reads `data` twice, once reading plain ASCII action
    /// lines from their bytes (as every parse does) and once reading every line with the
    /// `Substring` code, and describes the first difference between the two: in the
    /// plan (line numbers included), the actions' spans or the diagnostics. Nil when
    /// both read it alike, or when the bytes are not a text the parser reads at all.
    public static func byteReaderDisagreement(in data: Data) -> String? {
        guard encodingProblem(in: data) == nil else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        guard PlanFile.limitProblem(bytes: text.utf8.count, lines: 0) == nil else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let table = LineTable(text: text)
        var bytes = PlanParser(lines: table, readsBytes: true)
        var substrings = PlanParser(lines: table, readsBytes: false)
        let (fast, fallback) = (bytes.parse(), substrings.parse())
        for (what, left, right) in [
            ("plan", Self.dumped(fast), Self.dumped(fallback)),
            ("spans", Self.dumped(bytes.spans), Self.dumped(substrings.spans)),
            ("diagnostics", Self.dumped(bytes.diagnostics), Self.dumped(substrings.diagnostics)),
        ] where left != right {
            let (a, b) = (left.split(separator: "\n"), right.split(separator: "\n"))
            let at = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
            let line = { (lines: [Substring]) in lines.indices.contains(at) ? String(lines[at]) : "(nothing)" }
            return "the \(what) differ: from bytes \(line(a)), from substrings \(line(b))"
        }
        return nil
    }

    /// Every stored property, line numbers too (which `==` ignores), one a line; the
    /// entries of a dictionary or set sorted, since their order differs from one instance to another.
    private static func dumped(_ value: Any) -> String {
        var out = ""
        describe(value, label: "", indent: "", into: &out)
        return out
    }

    private static func describe(_ value: Any, label: String, indent: String, into out: inout String) {
        let mirror = Mirror(reflecting: value)
        guard !mirror.children.isEmpty else {
            out += "\(indent)\(label)\(String(reflecting: value))\n"
            return
        }
        out += "\(indent)\(label)\(mirror.subjectType)\n"
        var children = mirror.children.map { child in
            var text = ""
            describe(child.value, label: child.label.map { "\($0): " } ?? "", indent: indent + "  ", into: &text)
            return text
        }
        if mirror.displayStyle == .dictionary || mirror.displayStyle == .set { children.sort() }
        out += children.joined()
    }
}
