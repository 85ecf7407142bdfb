/// The board's edits: signing an area off, assessing it, recording a measure's value,
/// and moving an action into or out of blue by agreement. Each adds lines and
/// rewrites none but the status letter; see docs/format.md, section 7.
extension PlanDocument {
    /// Records that the board signed `areaNumber` off on `date`, and how it will be
    /// monitored: `- Signed off DATE (BOARD): MONITORING` at the end of the area. An
    /// area with actions that are not complete is refused unless `force` is set.
    @discardableResult
    public mutating func signOff(
        area areaNumber: String, on date: PlanDate, by board: String?, monitoring: String, force: Bool = false
    ) throws(EditError) -> EditOutcome {
        let area = try checkedArea(areaNumber)
        let board = try checkedAuthor(board)
        let text = try oneLine(monitoring, what: "monitoring arrangement")
        let open = plan.incompleteActions(in: area)
        if !open.isEmpty, !force {
            throw .invalidText(
                "area \(area.number) has actions that are not complete: \(open.joined(separator: ", ")); finish them first, or sign off anyway with --force"
            )
        }
        let line = historyHead("Signed off", date: date, author: board) + text
        try appendToArea(area, line) {
            $0.signOffs.count == area.signOffs.count + 1 && $0.signOffs.last?.monitoring == text
        }
        return EditOutcome(ref: area.number, changes: ["signed off \(date.iso)"])
    }

    /// Records the board's own RAG for an area: `- Assessed DATE (BOARD): C, why`.
    @discardableResult
    public mutating func assess(
        area areaNumber: String, as status: Status, on date: PlanDate, by board: String?, because reason: String?
    ) throws(EditError) -> EditOutcome {
        let area = try checkedArea(areaNumber)
        guard plan.statusKey.contains(status) else { throw .statusNotInKey(status, key: plan.statusKey) }
        let board = try checkedAuthor(board)
        let why = try reason.map { (text: String) throws(EditError) in try oneLine(text, what: "reason") }
        let line = historyHead("Assessed", date: date, author: board) + status.code + (why.map { ", " + $0 } ?? "")
        try appendToArea(area, line) {
            $0.assessments.count == area.assessments.count + 1 && $0.assessments.last?.status == status
        }
        return EditOutcome(ref: area.number, changes: ["assessed \(plan.statusKey.label(for: status))"])
    }

    /// Records one value of a measure held by an action (`holder` is its ref) or an
    /// area (its number): `- Value DATE (AUTHOR): NAME = VALUE`.
    @discardableResult
    public mutating func recordValue(
        of name: String, on holder: String, value: String, date: PlanDate, by author: String?
    ) throws(EditError) -> EditOutcome {
        let number = value.trimmingWhitespace()
        guard PlanParser.number(number) != nil else {
            throw .invalidText("'\(TerminalText.escaped(number))' is not a number; write it alone, e.g. 58 or 12.5")
        }
        let author = try checkedAuthor(author)
        if let index = plan.index(ofRef: holder) {
            let action = plan.actions[index]
            guard let m = action.measures.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw .invalidText(unknownMeasure(name, holder: "action \(action.ref)", known: action.measures))
            }
            let line =
                spans[index].itemIndent + historyHead("Value", date: date, author: author)
                + "\(action.measures[m].name) = \(number)"
            var expected = action
            expected.measures[m].values.append(
                Measure.Value(date: date, author: author, value: PlanParser.number(number) ?? 0, text: number, line: 0))
            try commit([appending([line], to: index)], to: index, expecting: expected, what: "the value")
            return EditOutcome(ref: action.ref, changes: ["\(action.measures[m].name) = \(number)"])
        }
        guard let area = plan.area(number: holder) else {
            throw .unknownRef(holder, suggestions: [])
        }
        guard let measure = area.measures.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .invalidText(unknownMeasure(name, holder: "area \(area.number)", known: area.measures))
        }
        let line = historyHead("Value", date: date, author: author) + "\(measure.name) = \(number)"
        try appendToArea(area, line) { edited in
            edited.measures.first { $0.name == measure.name }?.values.count == measure.values.count + 1
        }
        return EditOutcome(ref: area.number, changes: ["\(measure.name) = \(number)"])
    }

    /// Sets an action's status under the plan's rules for blue: when the plan declares
    /// who agrees impact (`- Impact agreed by:`), moving to blue needs `agreedBy`, one of
    /// them, and writes `- Agreed DATE (BOARD): NOTE`; leaving blue needs a `reason`,
    /// written as a note. Otherwise as ``setStatus(ref:to:on:by:note:)``.
    @discardableResult
    public mutating func setStatus(
        ref: String, to status: Status, on date: PlanDate, by author: String?, note: String? = nil,
        agreedBy: String?, reason: String?
    ) throws(EditError) -> EditOutcome {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let agreedBy = try checkedAuthor(agreedBy)
        let reason = reason?.trimmingWhitespace(newlines: true)
        if status == .blue, action.status != .blue {
            if let agreedBy {
                let declared = plan.impactAgreedBy
                if !declared.isEmpty, !declared.contains(where: { $0.lowercased() == agreedBy.lowercased() }) {
                    throw .invalidText(
                        "this plan says impact is agreed by \(declared.joined(separator: " or ")), not \(agreedBy)")
                }
            } else if !plan.impactAgreedBy.isEmpty {
                throw .invalidText(
                    "only \(plan.impactAgreedBy.joined(separator: " or ")) may agree that \(action.ref)'s impact is evidenced; say who agreed it (--agreed-by)"
                )
            }
        }
        if action.status == .blue, status != .blue, reason?.isEmpty ?? true {
            throw .invalidText("\(action.ref) is blue: say why it leaves blue (--reason)")
        }
        let leaving = action.status == .blue && status != .blue
        let combined = [leaving ? reason.map { "Moved out of blue: " + $0 } : nil, note].compactMap { $0 }
        var outcome = try setStatus(
            ref: ref, to: status, on: date, by: author,
            note: combined.isEmpty ? nil : combined.joined(separator: "\n\n"))
        guard status == .blue, action.status != .blue, let agreedBy else { return outcome }
        let edited = plan.actions[index]
        let text = "impact evidenced"
        let line = spans[index].itemIndent + historyHead("Agreed", date: date, author: agreedBy) + text
        var expected = edited
        expected.agreements.append(Agreement(date: date, by: agreedBy, text: text, line: 0))
        try commit([appending([line], to: index)], to: index, expecting: expected, what: "the agreement")
        outcome.changes.append("agreed by \(agreedBy)")
        return outcome
    }

    // MARK: - Pieces

    /// Text for a line of its own: trimmed, one line, no control characters.
    func oneLine(_ text: String, what: String) throws(EditError) -> String {
        let trimmed = text.trimmingWhitespace(newlines: true)
        guard !trimmed.isEmpty else { throw .invalidText("the \(what) is empty") }
        if trimmed.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepNewlines: false) || $0 == "\n" }) {
            throw .invalidText("the \(what) must be one line without control characters")
        }
        return trimmed
    }

    private func unknownMeasure(_ name: String, holder: String, known: [Measure]) -> String {
        "\(holder) has no measure '\(TerminalText.escaped(name))'"
            + (known.isEmpty ? "" : "; its measures are \(known.map(\.name).joined(separator: ", "))")
    }

    /// Where lines added to an area go: after its last non-blank line, before the next heading.
    func areaEnd(_ area: Area) -> Int {
        let headings =
            plan.sections.map(\.line) + plan.sections.flatMap { $0.areas.map(\.line) }
            + plan.textSections.map(\.line)
        var end = (headings.filter { $0 > area.line }.min() ?? lines.count + 1) - 1
        while end > area.line, lines[end - 1].text.isBlank { end -= 1 }
        return end
    }

    /// Adds `text` as a line at the end of `area` (after a blank line when the area
    /// ends with an action), parses the whole file again and keeps it only when the
    /// area reads back as `check` says it should.
    func appendedToArea(_ area: Area, _ text: String, check: (Area) -> Bool) throws(EditError) -> PlanDocument {
        let end = areaEnd(area)
        let ending = ending(near: area.line - 1)
        let previous = lines[end - 1].text
        let boardLine = ["- Signed off ", "- Assessed ", "- Value ", "- Measure "].contains { previous.hasPrefix($0) }
        var added = (boardLine ? [] : [SourceLine("", ending: ending)]) + [SourceLine(text, ending: ending)]
        var replaced = end..<end
        if end == lines.count, lines[end - 1].ending == .none {
            // A file without a final newline still has none.
            var last = lines[end - 1]
            last.ending = ending
            added.insert(last, at: 0)
            added[added.count - 1].ending = .none
            replaced = (end - 1)..<end
        }
        var edited = self
        do {
            try edited.replaceLines(replaced, with: added)
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "the edited file did not parse")
        }
        guard let after = edited.plan.area(number: area.number), check(after),
            edited.plan.actions.count == plan.actions.count
        else {
            throw .notStored("the line did not read back as written")
        }
        return edited
    }

    mutating func appendToArea(_ area: Area, _ text: String, check: (Area) -> Bool) throws(EditError) {
        self = try appendedToArea(area, text, check: check)
    }
}
