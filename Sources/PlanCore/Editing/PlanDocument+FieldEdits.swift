/// Edits to what an action is: its owners, its due date and its wording. Owner and due
/// changes rewrite the field's line in place and append a history line; rewording
/// replaces the action's text lines and records nothing.
extension PlanDocument {
    /// Sets an action's owners: rewrites its `- Owner:` line (or adds one as the first
    /// field) and records `- Owner DATE (AUTHOR): OLD -> NEW`, with `none` as OLD when the
    /// action had no owner. Names are trimmed and empty ones dropped; the same owners
    /// change nothing.
    @discardableResult
    public mutating func setOwners(ref: String, to owners: [String], on date: PlanDate, by author: String?)
        throws(EditError) -> EditOutcome
    {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let author = try checkedAuthor(author)
        let new = try checkedOwners(owners)
        // A name that ran over several lines is compared and recorded as one line.
        let old = action.owners.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
        guard new != old else { return EditOutcome(ref: action.ref, changes: []) }
        let from = old.isEmpty ? "none" : old.joined(separator: "; ")
        let to = new.joined(separator: "; ")
        var expected = action
        expected.owners = new
        expected.history.append(
            HistoryEntry(date: date, author: author, change: .owner(from: LineSyntax.owners(from), to: new), line: 0))
        try writeField(
            "Owner", value: to, over: spans[index].ownerLines, orAt: fieldInsertionPoint(of: index, after: nil),
            history: "\(from) -> \(to)", on: date, by: author, in: index, expecting: expected)
        return EditOutcome(ref: action.ref, changes: ["owner \(from) -> \(to)"])
    }

    /// Sets an action's due date from what a person typed: a date in any form
    /// ``DateText/parseUserDate(_:)`` reads is stored in ISO form, other text as written.
    /// Rewrites the `- Due:` line (or adds one after `Owner:`, else as the first field)
    /// and records `- Due DATE (AUTHOR): OLD -> NEW`, with `none` as OLD when there was
    /// no due date. The same due text changes nothing.
    @discardableResult
    public mutating func setDue(ref: String, to text: String, on date: PlanDate, by author: String?) throws(EditError)
        -> EditOutcome
    {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let author = try checkedAuthor(author)
        let due = try checkedDue(text)
        guard due.text != action.due?.text else { return EditOutcome(ref: action.ref, changes: []) }
        let from = action.due.map(\.text).flatMap { $0.isEmpty ? nil : $0 } ?? "none"
        var expected = action
        expected.due = due
        expected.history.append(
            HistoryEntry(date: date, author: author, change: .due(from: from, to: due.text), line: 0))
        try writeField(
            "Due", value: due.text, over: spans[index].dueLines,
            orAt: fieldInsertionPoint(of: index, after: spans[index].ownerLines),
            history: "\(from) -> \(due.text)", on: date, by: author, in: index, expecting: expected)
        return EditOutcome(ref: action.ref, changes: ["due \(from) -> \(due.text)"])
    }

    /// Rewords an action. The text is normalised like a note; its first line goes on the
    /// action line, the others under it at the field indentation (paragraph breaks as
    /// empty lines), replacing the old text lines. Not recorded in the history.
    @discardableResult
    public mutating func setText(ref: String, to text: String) throws(EditError) -> EditOutcome {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let paragraphs = try actionTextLines(text)
        let normalized = paragraphs.joined(separator: "\n")
        guard normalized != action.text else { return EditOutcome(ref: action.ref, changes: []) }
        let span = spans[index]
        let head = lines[span.actionLine].text
        let prefix = head[..<head.utf8.index(head.startIndex, offsetBy: span.textOffset)]
        let separator = prefix.last == " " || prefix.last == "\t" ? "" : " "
        let indent = span.itemIndent
        var expected = action
        expected.text = normalized
        try commit(
            [
                rewriting(span.actionLine..<span.actionLine + 1, to: prefix + separator + paragraphs[0]),
                inserting(
                    paragraphs.dropFirst().map { $0.isEmpty ? "" : indent + $0 }, replacing: span.textLines, in: index
                ),
            ], to: index, expecting: expected, what: "the new text")
        return EditOutcome(ref: action.ref, changes: ["text updated"])
    }

    /// Rewords an action as ``setText(ref:to:)`` does, and records the old wording in
    /// `- Reworded DATE (AUTHOR): OLD TEXT` (continuation lines for a text of several
    /// lines), so that what the board agreed to first stays findable in the file.
    @discardableResult
    public mutating func reword(ref: String, to text: String, on date: PlanDate, by author: String?) throws(EditError)
        -> EditOutcome
    {
        let index = try actionIndex(ref)
        let old = plan.actions[index]
        let author = try checkedAuthor(author)
        var edited = self
        let outcome = try edited.setText(ref: ref, to: text)
        guard outcome.changed else { return outcome }
        var expected = edited.plan.actions[index]
        expected.history.append(HistoryEntry(date: date, author: author, change: .reworded(old.text), line: 0))
        let history = historyLines(
            "Reworded", date: date, author: author,
            text: old.text.split(separator: "\n", omittingEmptySubsequences: false), indent: spans[index].itemIndent)
        try edited.commit(
            [edited.appending(history, to: index)], to: index, expecting: expected, what: "the old wording")
        self = edited
        return EditOutcome(ref: old.ref, changes: ["text reworded (the old wording is kept in a Reworded line)"])
    }

    // MARK: - Pieces

    /// An action's text as it will be written, split into lines (see ``proseLines(_:what:)``),
    /// refused when a line after the first would read as a field of the action.
    func actionTextLines(_ text: String) throws(EditError) -> [Substring] {
        let paragraphs = try proseLines(text, what: "text")
        for (n, line) in paragraphs.enumerated().dropFirst() {
            let content = line.drop { $0 == " " || $0 == "\t" }
            if LineSyntax.plainActionField(content) != nil || LineSyntax.isDatedHistoryItem(content)
                || LineSyntax.isUndatedHistoryItem(content)
            {
                throw .invalidText(
                    "line \(n + 1) of the text starts with `- \(content.dropFirst(2).prefix { $0.isLetter })`, "
                        + "so the file would read it as a field of the action; reword it, e.g. without the leading `- `"
                )
            }
        }
        return paragraphs
    }

    /// Writes `- NAME: value` over the field's lines `existing` (keeping the indentation,
    /// the spelling of the name and the line ending) or as a new line at `insertAt`,
    /// appends `- NAME DATE (AUTHOR): change`, and commits.
    private mutating func writeField(
        _ name: String, value: String, over existing: Range<Int>?, orAt insertAt: Int,
        history change: String, on date: PlanDate, by author: String?,
        in index: Int, expecting expected: Action
    ) throws(EditError) {
        let indent = spans[index].itemIndent
        var field = inserting([indent + "- \(name): " + value], replacing: insertAt..<insertAt, in: index)
        if let existing {
            let text = lines[existing.lowerBound].text
            guard let head = LineSyntax.plainActionField(text[text.indentation.contentStart...]) else {
                throw .notStored("line \(existing.lowerBound + 1) is not a `\(name):` line")
            }
            let prefix = text[..<head.valueStart]
            field = rewriting(existing, to: prefix + (prefix.last == " " || prefix.last == "\t" ? "" : " ") + value)
            // Comments inside a multi-line value are kept, after the rewritten line.
            let isComment = PlanParser.commentLines(LineTable(lines[existing]))
            let comments = existing.dropFirst().filter { isComment[$0 - existing.lowerBound] }
            field.lines += comments.map { lines[$0] }
        }
        let history = appending([indent + historyHead(name, date: date, author: author) + change], to: index)
        try commit([field, history], to: index, expecting: expected, what: "the new \(name.lowercased())")
    }

    func checkedOwners(_ owners: [String]) throws(EditError) -> [String] {
        let names = owners.map { $0.trimmingWhitespace(newlines: true) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw .invalidText("give at least one owner") }
        for name in names {
            if name.contains(";") {
                throw .invalidText(
                    "an owner's name cannot contain `;`, which separates owners: '\(TerminalText.escaped(name))'")
            }
            if name.contains(where: \.isNewline) {
                throw .invalidText("an owner's name must be on one line: '\(TerminalText.escaped(name))'")
            }
            if name.unicodeScalars.contains(where: { $0 == "\t" || TerminalText.needsEscape($0, keepNewlines: false) })
            {
                throw .invalidText("an owner's name contains a control character: '\(TerminalText.escaped(name))'")
            }
        }
        try checkedArrow(names.joined(separator: "; "), what: "an owner's name")
        return names
    }

    /// The due text to store and the date it gives, or why it cannot be stored.
    func checkedDue(_ text: String) throws(EditError) -> Due {
        let trimmed = text.trimmingWhitespace(newlines: true)
        guard !trimmed.isEmpty else {
            throw .invalidText(
                "the due date is empty; type a date such as 2026-04-30, or text such as 'To be determined'")
        }
        if trimmed.contains(where: \.isNewline) { throw .invalidText("a due date must be on one line") }
        if trimmed.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepNewlines: false) }) {
            throw .invalidText("the due date contains a control character; remove it and try again")
        }
        try checkedArrow(trimmed, what: "a due date")
        var dates: [PlanDate] = []
        for mention in DateText.scan(trimmed) {
            switch mention.reading {
            case .date(let date): dates.append(date)
            case .impossible(let why): throw .invalidText(why)
            case .notADate: break
            }
        }
        if let date = DateText.parseUserDate(trimmed) { return Due(text: date.iso, date: date) }
        // As the parser reads it: a date only when the text names exactly one.
        return Due(text: trimmed, date: dates.count == 1 ? dates[0] : nil)
    }

    /// History lines split `OLD -> NEW` at the first arrow, so a value with one could not
    /// be read back once it is the old value of a later change.
    private func checkedArrow(_ value: String, what: String) throws(EditError) {
        if value.contains("->") || value.contains("→") {
            throw .invalidText(
                "\(what) cannot contain `->` or `→`, which history lines use between the old and new values")
        }
    }
}
