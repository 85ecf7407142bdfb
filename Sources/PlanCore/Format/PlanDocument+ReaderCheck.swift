import FoundationEssentials

extension PlanDocument {
    /// For the tests and the fuzzer: reads `data` twice, once reading plain ASCII action
    /// lines from their bytes (as every parse does) and once reading every line with the
    /// `Substring` code, and describes the first difference between the two: in the
    /// plan (line numbers included), the actions' spans or the diagnostics. Nil when
    /// both read it alike, or when the bytes are not a text the parser reads at all.
    public static func byteReaderDisagreement(in data: Data) -> String? {
        guard let table = checkedTable(data) else { return nil }
        var bytes = PlanParser(lines: table, readsBytes: true)
        var substrings = PlanParser(lines: table, readsBytes: false)
        return firstDifference(
            between: (bytes.parse(), bytes), and: (substrings.parse(), substrings), named: ("bytes", "substrings"))
    }

    /// For the tests and the fuzzer: reads `data` twice, once making every action as it
    /// is read and once deferring those that read alone (``ActionReading/onDemand``),
    /// and describes the first difference: in the diagnostics, the spans, or the plan
    /// once every deferred action is made from its lines. Nil when both read it alike.
    public static func deferredReaderDisagreement(in data: Data) -> String? {
        guard let table = checkedTable(data) else { return nil }
        var every = PlanParser(lines: table)
        var deferring = PlanParser(lines: table, defersActions: true)
        let made = every.parse()
        var deferred = deferring.parse()
        deferred.actions = ActionList(Array(deferred.actions))
        return firstDifference(between: (made, every), and: (deferred, deferring), named: ("made", "deferred"))
    }

    /// For the tests and the fuzzer: splits `data`'s text into lines and reads their
    /// shapes in one pass, as a file's parse does (``LineTexts/init(scanning:)``), and
    /// describes the first line where that differs from splitting the text by hand and
    /// reading each line alone. Nil when both read it alike, or when the bytes are not a
    /// text the parser reads at all.
    public static func lineScanDisagreement(in data: Data) -> String? {
        guard let text = checkedText(data) else { return nil }
        let scanned = LineTexts(scanning: text)
        let split = linesSplitByHand(text)
        guard scanned.count == split.count else { return "\(scanned.count) lines, split by hand \(split.count)" }
        for i in split.indices {
            guard scanned.table[i] == split[i] else { return "line \(i + 1) is not the line split by hand" }
            if let wrong = shapeDisagreement(scanned, i, Array(split[i].text.utf8)) { return "line \(i + 1): \(wrong)" }
        }
        return nil
    }

    /// The lines as the format defines them, split the plain way: cut at each LF, a CR
    /// just before it part of the ending, a last line without one kept. The oracle the
    /// scan and the line table are checked against.
    static func linesSplitByHand(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var rest = Substring(text)
        while let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) {
            let line = rest[..<newline]
            let crlf = line.utf8.last == UInt8(ascii: "\r")
            lines.append(SourceLine(crlf ? line.dropLast() : line, ending: crlf ? .crlf : .lf))
            rest = rest[rest.utf8.index(after: newline)...]
        }
        if !rest.isEmpty { lines.append(SourceLine(rest, ending: .none)) }
        return lines
    }

    /// What of line `i`'s shape in `texts` is not what a plain loop over its bytes gives
    /// (no word at a time, no shared code with the scan); nil when every part agrees.
    static func shapeDisagreement(_ texts: LineTexts, _ i: Int, _ bytes: [UInt8]) -> String? {
        var (width, lead) = (0, 0)
        while lead < bytes.count, bytes[lead] == UInt8(ascii: " ") || bytes[lead] == UInt8(ascii: "\t") {
            width += bytes[lead] == UInt8(ascii: " ") ? 1 : 4 - width % 4
            lead += 1
        }
        guard texts.width(i) == width, texts.lead(i) == lead else {
            return "width \(texts.width(i)) and lead \(texts.lead(i)), a plain loop says \(width) and \(lead)"
        }
        let content = bytes[lead...]
        let expected: [(String, Bool, Bool)] = [
            ("blank", texts.isBlank(i), content.isEmpty),
            ("opensComment", texts.has(.opensComment, i), content.starts(with: Array("<!--".utf8))),
            (
                "mayCloseComment", texts.has(.mayCloseComment, i),
                content.count >= 3
                    && content.indices.dropFirst(2).contains { content[$0 - 2..<$0 + 1].elementsEqual("-->".utf8) }
            ),
            (
                "mayHoldControl", texts.has(.mayHoldControl, i),
                content.contains { TerminalText.mayStartEscape($0, keepNewlines: false) }
            ),
            ("mayBeMarker", texts.has(.mayBeMarker, i), bytes.first.map { "<=>".utf8.contains($0) } ?? false),
            ("nonASCII", texts.has(.nonASCII, i), content.contains { $0 >= 0x80 }),
        ]
        return expected.first { $0.1 != $0.2 }.map { "\($0.0) is \($0.1), a plain loop says \($0.2)" }
    }

    /// The lines of `data` when they are a text the parser reads at all.
    private static func checkedTable(_ data: Data) -> LineTable? {
        checkedText(data).map { LineTable(text: $0) }
    }

    /// The text of `data` without its byte order mark, when it is a text the parser reads at all.
    private static func checkedText(_ data: Data) -> String? {
        guard encodingProblem(in: data) == nil else { return nil }
        var text = String(decoding: data, as: UTF8.self)
        guard PlanFile.limitProblem(bytes: text.utf8.count, lines: 0) == nil else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    private static func firstDifference(
        between one: (plan: Plan, parser: PlanParser), and other: (plan: Plan, parser: PlanParser),
        named names: (String, String)
    ) -> String? {
        for (what, left, right) in [
            ("plan", Self.dumped(one.plan), Self.dumped(other.plan)),
            ("spans", Self.dumped(one.parser.spans), Self.dumped(other.parser.spans)),
            ("diagnostics", Self.dumped(one.parser.diagnostics), Self.dumped(other.parser.diagnostics)),
        ] where left != right {
            let (a, b) = (left.split(separator: "\n"), right.split(separator: "\n"))
            let at = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
            let line = { (lines: [Substring]) in lines.indices.contains(at) ? String(lines[at]) : "(nothing)" }
            return "the \(what) differ: \(names.0) \(line(a)), \(names.1) \(line(b))"
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
