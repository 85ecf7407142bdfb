/// Reading the lines with which a board closes a plan: sign-offs and assessments of
/// areas, measures and their values, agreements of impact, and the log of reviews.
/// See `docs/format.md`, sections 3.2, 3.4 and 3.7.
extension PlanParser {
    /// A measure's value waiting for its measure, which may come later in the action or area.
    struct PendingValue {
        var name: String
        var value: Measure.Value
        var column: Int
    }

    // MARK: - Area lines

    /// Reads an area line of the board (`- Signed off`, `- Assessed`, `- Measure`,
    /// `- Value`) at `i`; returns the next line to read, or nil when the line is not one.
    mutating func readAreaItem(_ i: Int, content: Substring) -> Int? {
        guard let item = LineSyntax.itemKeyword(content) else { return nil }
        let dated = { (rest: Substring) in rest.first == " " && rest.dropFirst().first?.isASCIIDigit == true }
        let end = continuation(after: i, deeperThan: 0)
        let s = sections.count - 1
        let a = sections[s].areas.count - 1
        switch item.keyword {
        case "signed" where item.rest.hasPrefix(" off") && dated(item.rest.dropFirst(4)):
            let field = historyHead(content, keyword: .signedOff, rest: item.rest.dropFirst(4), line: i)
            guard case .history(_, let date, _) = field.kind, let date else { return end.upperBound }
            let author = author(of: field)
            let monitoring = joined(line: i, value: field.value, continuation: end)
            if monitoring.isEmpty {
                report(
                    .error, line: i + 1, column: column(ofOffset: field.value.lowerBound, line: i),
                    "a sign-off says how the area will be monitored",
                    hint: "write `- Signed off YYYY-MM-DD (Board): monitored through …`")
            }
            sections[s].areas[a].signOffsAsRead.append(
                SignOff(date: date, by: author, monitoring: monitoring, line: i + 1))
        case "assessed" where dated(item.rest):
            let field = historyHead(content, keyword: .assessed, rest: item.rest, line: i)
            guard case .history(_, let date, _) = field.kind, let date else { return end.upperBound }
            let author = author(of: field)
            let value = joined(line: i, value: field.value, continuation: end)
            let code = value.prefix { $0 != "," && $0 != " " && $0 != "\n" }
            guard let status = Status(code: code), statusKeySoFar.contains(status) else {
                report(
                    .error, line: i + 1, column: column(ofOffset: field.value.lowerBound, line: i),
                    "'\(code)' is not a status of this plan",
                    hint: "an assessment starts with a status code: `- Assessed YYYY-MM-DD (Board): A, why`")
                return end.upperBound
            }
            let text = value.dropFirst(code.count).drop { $0 == "," || $0 == " " }
            sections[s].areas[a].assessmentsAsRead.append(
                Assessment(date: date, by: author, status: status, text: String(text), line: i + 1))
        case "measure" where item.rest.first == " ":
            if let measure = measureDefinition(
                item.rest.dropFirst(), line: i, existing: sections[s].areas[a].measuresAsRead)
            {
                sections[s].areas[a].measuresAsRead.append(measure)
            }
        case "value" where dated(item.rest):
            let field = historyHead(content, keyword: .value, rest: item.rest, line: i)
            guard case .history(_, let date, _) = field.kind, let date else { return end.upperBound }
            measureValue(value(of: field), date: date, author: author(of: field), line: i)
        default:
            return nil
        }
        return end.upperBound
    }

    // MARK: - Header lines

    /// `- Reviewed DATE (BOARD): looked at N of M, changed K`; the next line to read, or nil.
    mutating func readReviewLine(_ i: Int, content: Substring) -> Int? {
        guard let item = LineSyntax.itemKeyword(content), item.keyword == "reviewed", item.rest.first == " ",
            item.rest.dropFirst().first?.isASCIIDigit == true
        else { return nil }
        let end = continuation(after: i, deeperThan: 0)
        let field = historyHead(content, keyword: .reviewed, rest: item.rest, line: i)
        guard case .history(_, let date, _) = field.kind, let date else { return end.upperBound }
        var record = ReviewRecord(
            date: date, by: author(of: field), lookedAt: nil, of: nil, changed: nil, remark: "", line: i + 1)
        let value = value(of: field)
        let counts = value.prefix { $0 != ";" }
        record.remark = value.dropFirst(counts.count + 1).trimmingWhitespace()
        if !counts.trimmingWhitespace().isEmpty {
            let words = counts.lowercased().split { $0 == " " || $0 == "," }
            if words.count == 7, words[0] == "looked", words[1] == "at", words[3] == "of", words[5] == "changed",
                let lookedAt = Int(words[2]), let of = Int(words[4]), let changed = Int(words[6])
            {
                record.lookedAt = lookedAt
                record.of = of
                record.changed = changed
            } else {
                report(
                    .error, line: i + 1, column: column(ofOffset: field.value.lowerBound, line: i),
                    "expected `looked at N of M, changed K` in this review line",
                    hint:
                        "e.g. `- Reviewed 2026-10-28 (Board): looked at 31 of 72, changed 6`; a remark goes after `; `")
            }
        }
        reviews.append(record)
        return end.upperBound
    }

    /// `- Review cycle: 31 days`, `monthly`, `quarterly`, `6 weeks`.
    mutating func readReviewCycle(_ value: String, line: Int, column: Int) {
        let words = value.lowercased().split(separator: " ")
        let named = ["weekly": 7, "fortnightly": 14, "monthly": 31, "quarterly": 92]
        if words.count == 1, let days = named[String(words[0])] {
            reviewCycleDays = days
        } else if words.count == 2, let n = Int(words[0]), n > 0, ["day", "days", "week", "weeks"].contains(words[1]) {
            reviewCycleDays = words[1].hasPrefix("week") ? n * 7 : n
        } else {
            report(
                .error, line: line + 1, column: column, "'\(value)' is not a review cycle",
                hint: "write `monthly`, `quarterly`, `6 weeks` or `31 days`")
        }
    }

    // MARK: - Measures

    /// `NAME (UNIT): baseline V on DATE; target V by DATE; higher is better`, the text
    /// after `- Measure ` on line `j`.
    mutating func measureDefinition(_ text: Substring, line j: Int, existing: [Measure]) -> Measure? {
        let lineText = lines[j].text
        let shape =
            "e.g. `- Measure Records with the child's words (%): baseline 46 on 2025-09-30; target 95 by 2026-12-31`"
        guard let colon = text.firstIndex(of: ":") else {
            report(
                .error, line: j + 1, column: column(of: text.endIndex, in: lineText),
                "expected ':' after the measure's name", hint: shape)
            return nil
        }
        var name = text[..<colon].trimmingTrailingWhitespace()
        var unit: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            unit = name[name.index(after: open)..<name.index(before: name.endIndex)].trimmingWhitespace()
            name = name[..<open].trimmingTrailingWhitespace()
        }
        guard !name.isEmpty, !name.contains("=") else {
            report(
                .error, line: j + 1, column: column(of: text.startIndex, in: lineText),
                name.isEmpty ? "the measure has no name" : "a measure's name cannot contain '='", hint: shape)
            return nil
        }
        if existing.contains(where: { $0.name.lowercased() == name.lowercased() }) {
            report(
                .error, line: j + 1, column: column(of: text.startIndex, in: lineText),
                "measure '\(name)' appears twice here", hint: "give each measure its own name")
            return nil
        }
        var measure = Measure(
            name: String(name), unit: unit?.isEmpty == true ? nil : unit, baseline: nil, target: nil,
            direction: .higher, values: [], line: j + 1)
        var rest = text[text.index(after: colon)...]
        var targetColumn: Int?
        while !rest.isEmpty {
            let part = rest.prefix { $0 != ";" }
            rest = rest.dropFirst(part.count + 1)
            let trimmed = part.drop { $0 == " " || $0 == "\t" }.trimmingTrailingWhitespace()
            guard !trimmed.isEmpty else { continue }
            let partColumn = column(of: trimmed.startIndex, in: lineText)
            let words = trimmed.split(separator: " ", omittingEmptySubsequences: true)
            let keyword = words.first?.lowercased() ?? ""
            if ["higher is better", "lower is better"].contains(words.joined(separator: " ").lowercased()) {
                measure.direction = keyword == "lower" ? .lower : .higher
            } else if keyword == "baseline" || keyword == "target" {
                let joiner = keyword == "baseline" ? "on" : "by"
                guard words.count == 4, words[2].lowercased() == joiner else {
                    report(
                        .error, line: j + 1, column: partColumn, "expected `\(keyword) VALUE \(joiner) YYYY-MM-DD`",
                        hint: shape)
                    continue
                }
                guard let value = Self.number(words[1]) else {
                    report(
                        .error, line: j + 1, column: column(of: words[1].startIndex, in: lineText),
                        "'\(words[1])' is not a number", hint: "write the number alone, e.g. 46 or 12.5")
                    continue
                }
                guard
                    let date = requiredDate(
                        String(words[3]), line: j, column: column(of: words[3].startIndex, in: lineText),
                        what: "a \(keyword)")
                else { continue }
                if keyword == "baseline" {
                    measure.baseline = Measure.Point(value: value, date: date)
                } else {
                    measure.target = Measure.Point(value: value, date: date)
                    targetColumn = partColumn
                }
            } else {
                report(
                    .error, line: j + 1, column: partColumn, "'\(trimmed)' is not part of a measure",
                    hint:
                        "a measure has `baseline V on DATE`, `target V by DATE` and `higher is better` or `lower is better`, separated by `;`"
                )
            }
        }
        if let target = measure.target, let targetColumn {
            if measure.baseline == nil {
                report(
                    .error, line: j + 1, column: targetColumn, "measure '\(name)' has a target but no baseline",
                    hint: "add where it started: `baseline VALUE on YYYY-MM-DD; target …`")
            } else if let baseline = measure.baseline, target.date <= baseline.date {
                report(
                    .error, line: j + 1, column: targetColumn,
                    "the target date \(target.date.iso) is not after the baseline date \(baseline.date.iso)")
            }
        }
        return measure
    }

    /// `NAME = NUMBER`, the value of a `- Value DATE (AUTHOR):` line at `j`.
    mutating func measureValue(_ text: Substring, date: PlanDate, author: String?, line j: Int) {
        let lineText = lines[j].text
        guard let equals = text.lastIndex(of: "=") else {
            report(
                .error, line: j + 1, column: column(of: text.startIndex, in: lineText),
                "expected `MEASURE = NUMBER` in this value line",
                hint: "e.g. `- Value 2026-01-31 (Audit team): Child's words recorded = 58`")
            return
        }
        let name = text[..<equals].trimmingWhitespace()
        let number = text[text.index(after: equals)...].drop { $0 == " " || $0 == "\t" }.trimmingTrailingWhitespace()
        guard let value = Self.number(number) else {
            report(
                .error, line: j + 1, column: column(of: number.startIndex, in: lineText),
                "'\(number)' is not a number",
                hint: "write the number alone, e.g. 58 or 12.5; the unit is on the `- Measure` line")
            return
        }
        pendingValues.append(
            PendingValue(
                name: name,
                value: Measure.Value(date: date, author: author, value: value, text: String(number), line: j + 1),
                column: column(of: text.startIndex, in: lineText)))
    }

    /// Puts the values read since the last call on their measures (by name, ignoring
    /// case), reporting values of a measure that is not there.
    mutating func attachValues(to measures: [Measure], owner: @autoclosure () -> String) -> [Measure] {
        var measures = measures
        let pending = pendingValues
        pendingValues = []
        for item in pending {
            guard let m = measures.firstIndex(where: { $0.name.lowercased() == item.name.lowercased() }) else {
                let known = measures.map(\.name)
                report(
                    .error, line: item.value.line, column: item.column, "\(owner()) has no measure '\(item.name)'",
                    hint: known.isEmpty
                        ? "add the measure first: `- Measure \(item.name) (UNIT): baseline … ; target …`"
                        : "its measures are \(known.joined(separator: ", "))")
                continue
            }
            measures[m].values.append(item.value)
        }
        return measures
    }

    /// A plain decimal number: `46`, `-3`, `12.5`. Not `1e3`, `inf` or `nan`.
    static func number(_ text: some StringProtocol) -> Double? {
        var digits = Substring(text)
        if digits.first == "-" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
        else { return nil }
        return Double(text)
    }
}
