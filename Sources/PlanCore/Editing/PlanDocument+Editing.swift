/// Edits that board members make: a status change and a progress note. Each appends
/// history lines at the end of the action and touches no other line. The owner, due
/// date and text edits are in `PlanDocument+FieldEdits.swift`; the splicing and
/// read-back that every edit goes through are at the end of this file.
extension PlanDocument {
    /// What an edit did, in words for a person.
    public struct EditOutcome: Sendable, Equatable {
        public var ref: String
        public var changes: [String]
        /// False when there was nothing to change (e.g. the status was already set).
        public var changed: Bool { !changes.isEmpty }

        public init(ref: String, changes: [String]) {
            self.ref = ref
            self.changes = changes
        }
    }

    public enum EditError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownRef(String, suggestions: [String])
        case statusNotInKey(Status, key: StatusKey)
        case invalidText(String)
        case notStored(String)
        case unknownArea(String, areas: [String])
        case duplicateRef(String)

        public var description: String {
            switch self {
            case .unknownRef(let ref, let suggestions):
                "no action with ref '\(ref)'"
                    + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
            case .statusNotInKey(let status, let key):
                "status \(status.name) (\(status.code)) is not in this plan's key, which has \(key.listing)"
            case .invalidText(let why): why
            case .notStored(let why): "the change could not be stored: \(why)"
            case .unknownArea(let area, let areas):
                "no area \(area) in this plan"
                    + (areas.isEmpty ? "; it has no areas" : "; its areas are \(areas.joined(separator: ", "))")
            case .duplicateRef(let ref): "the plan already has an action \(ref); refs are unique (ignoring case)"
            }
        }
    }

    /// Sets an action's status, recording `- Status DATE (AUTHOR): FROM -> TO`, and
    /// adds a note with it when one is given.
    @discardableResult
    public mutating func setStatus(
        ref: String, to status: Status, on date: PlanDate, by author: String?,
        note: String? = nil
    ) throws(EditError) -> EditOutcome {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        guard plan.statusKey.contains(status) else { throw .statusNotInKey(status, key: plan.statusKey) }
        let author = try checkedAuthor(author)
        if status != action.status, let latest = action.statusChanges.map(\.date).max(), date < latest {
            throw .invalidText(
                "\(action.ref)'s status last changed on \(latest.iso); a change dated \(date.iso) would come before it")
        }
        let span = spans[index]
        let indent = span.itemIndent
        var expected = action
        var splices: [Splice] = []
        var appended: [String] = []
        var changes: [String] = []
        if status != action.status {
            let line = lines[span.actionLine]
            let codeStart = line.text.utf8.index(line.text.startIndex, offsetBy: span.statusOffset)
            let rewritten = line.text[..<codeStart] + status.code + line.text[line.text.index(after: codeStart)...]
            splices.append(rewriting(span.actionLine..<span.actionLine + 1, to: rewritten))
            appended.append(
                indent + historyHead("Status", date: date, author: author) + "\(action.status.code) -> \(status.code)")
            expected.status = status
            expected.history.append(
                HistoryEntry(date: date, author: author, change: .status(from: action.status, to: status), line: 0))
            changes.append("status \(plan.statusKey.label(for: action.status)) -> \(plan.statusKey.label(for: status))")
        }
        if let note, !note.trimmingWhitespace(newlines: true).isEmpty {
            appended += try noteLines(note, date: date, author: author, fieldIndent: indent)
            expected.notes.append(Note(date: date, author: author, text: PlanDocument.normalizedNote(note), line: 0))
            changes.append("note added")
        }
        guard !changes.isEmpty else { return EditOutcome(ref: action.ref, changes: []) }
        splices.append(appending(appended, to: index))
        try commit(splices, to: index, expecting: expected, what: "the status change or note")
        return EditOutcome(ref: action.ref, changes: changes)
    }

    /// Adds a dated progress note to an action.
    @discardableResult
    public mutating func addNote(ref: String, text: String, on date: PlanDate, by author: String?) throws(EditError)
        -> EditOutcome
    {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let author = try checkedAuthor(author)
        let lines = try noteLines(text, date: date, author: author, fieldIndent: spans[index].itemIndent)
        var expected = action
        expected.notes.append(Note(date: date, author: author, text: PlanDocument.normalizedNote(text), line: 0))
        try commit([appending(lines, to: index)], to: index, expecting: expected, what: "the note")
        return EditOutcome(ref: action.ref, changes: ["note added"])
    }

    // MARK: - Pieces

    func actionIndex(_ ref: String) throws(EditError) -> Int {
        if let index = plan.index(ofRef: ref) { return index }
        // Suggest the refs of the same area: "1.1z" → 1.1a, 1.1b…
        let area = String(ref.lowercased().reversed().drop { $0.isLetter }.reversed())
        let near =
            area.isEmpty
            ? []
            : plan.actions.refs.filter {
                $0.lowercased().hasPrefix(area) && $0.dropFirst(area.count).first?.isNumber != true
            }
        throw .unknownRef(ref, suggestions: Array(near.prefix(5)))
    }

    func checkedAuthor(_ author: String?) throws(EditError) -> String? {
        guard let trimmed = author?.trimmingWhitespace(), !trimmed.isEmpty else { return nil }
        if let problem = Author.problem(with: trimmed) { throw .invalidText(problem) }
        return trimmed
    }

    func historyHead(_ keyword: String, date: PlanDate, author: String?) -> String {
        "- \(keyword) \(date.iso)" + (author.map { " (\($0))" } ?? "") + ": "
    }

    /// A note's text as it will read back: line breaks normalised, trailing spaces
    /// and surrounding blank lines removed, tabs in indentation made spaces (to tab
    /// stops every 4 columns, as the parser reads them), so that lines indented with
    /// tabs keep their indentation relative to each other.
    static func normalizedNote(_ text: String) -> String {
        let lines = text.replacingEvery("\r\n", with: "\n").replacingEvery("\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingWhitespace().indentedWithSpaces() }
        let kept = lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()
        var out: [Substring] = []
        for line in kept where !(line.isEmpty && out.last?.isEmpty == true) { out.append(line) }
        guard let first = out.first else { return "" }
        // The first line goes on the head line; the others keep their shape relative to each other.
        let rest = out.dropFirst()
        let indent = rest.filter { !$0.isEmpty }.map { $0.indentation.width }.min() ?? 0
        return ([String(first.drop { $0 == " " || $0 == "\t" })] + rest.map { String($0.droppingIndentation(indent)) })
            .joined(separator: "\n")
    }

    /// Text typed for a note or an action's text, normalised and split into lines: the
    /// first goes on the head line, the others (empty for a paragraph break) below it.
    func proseLines(_ text: String, what: String) throws(EditError) -> [Substring] {
        try checkLineCount(of: text, what: what)
        let normalized = PlanDocument.normalizedNote(text)
        guard !normalized.isEmpty else { throw .invalidText("the \(what) is empty") }
        if normalized.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepNewlines: true) }) {
            throw .invalidText("the \(what) contains a control character; remove it and try again")
        }
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        if let n = lines.indices.dropFirst().first(where: {
            lines[$0].drop { $0 == " " || $0 == "\t" }.hasPrefix("<!--")
        }) {
            throw .invalidText(
                "line \(n + 1) of the \(what) starts with `<!--`, which the file would read as the start of a comment")
        }
        return lines
    }

    /// Refuses at once, before any work on it, text with so many lines that the plan
    /// could not be read back with them (``PlanFile/maximumLines``). Only lines with a
    /// visible ASCII character are counted: they survive normalising for certain.
    private func checkLineCount(of text: String, what: String) throws(EditError) {
        var count = 0
        var visible = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if visible { count += 1 }
                visible = false
            } else if byte > 32 && byte < 127 {
                visible = true
            }
        }
        if visible { count += 1 }
        guard lines.count + count > PlanFile.maximumLines else { return }
        throw .notStored(
            "the \(what) has \(count) lines; with the plan's \(lines.count) that is more than the "
                + "\(PlanFile.maximumLines / 1_000_000) million a plan may have, so it could not be read back")
    }

    private func noteLines(_ text: String, date: PlanDate, author: String?, fieldIndent: String) throws(EditError)
        -> [String]
    {
        historyLines("Note", date: date, author: author, text: try proseLines(text, what: "note"), indent: fieldIndent)
    }

    /// A history item with free text (a note, a retirement, an old wording): the head
    /// line with the first line of `text`, the others as continuation lines two
    /// deeper (empty lines stay empty, between paragraphs).
    func historyLines(
        _ keyword: String, date: PlanDate, author: String?, text: [Substring], indent: String
    ) -> [String] {
        [indent + historyHead(keyword, date: date, author: author) + (text.first ?? "")]
            + text.dropFirst().map { $0.isEmpty ? "" : indent + "  " + $0 }
    }

    // MARK: - Splicing and read-back

    /// Lines to put in place of `range` of the document's lines; an empty range inserts.
    struct Splice {
        var range: Range<Int>
        var lines: [SourceLine]
    }

    /// Replaces `range` (a line and its continuation lines) with one line that keeps the
    /// first line's ending.
    func rewriting(_ range: Range<Int>, to text: some StringProtocol) -> Splice {
        Splice(range: range, lines: [SourceLine(text, ending: lines[range.lowerBound].ending)])
    }

    /// Puts new lines in place of `range` with the ending of the action's line.
    func inserting(_ texts: [String], replacing range: Range<Int>, in index: Int) -> Splice {
        let ending = ending(near: spans[index].lines.lowerBound)
        return Splice(range: range, lines: texts.map { SourceLine($0, ending: ending) })
    }

    /// Adds lines at the end of an action: after its last non-blank line, before any blank lines.
    func appending(_ texts: [String], to index: Int) -> Splice {
        let end = spans[index].lines.upperBound
        return inserting(texts, replacing: end..<end, in: index)
    }

    /// Where a new `- Owner:` or `- Due:` line goes when the action has none: right after
    /// the action's text, or after `line` (the other one of the two) when given.
    func fieldInsertionPoint(of index: Int, after line: Range<Int>?) -> Int {
        line?.upperBound ?? spans[index].textLines.upperBound
    }

    /// Applies splices (in file order, not overlapping, all within the action's lines) to a
    /// copy, reads the action back, and keeps the copy only if the action reads back as
    /// `expected` (``Action`` equality compares what it says, not where), so a refused edit leaves the document exactly
    /// as it was. Only the action's lines are parsed again (see ``reparsingAction(_:in:from:)``).
    mutating func commit(_ splices: [Splice], to index: Int, expecting expected: Action, what: String) throws(EditError)
    {
        var edited = lines
        // Back to front, so that earlier ranges stay valid and insertions at one place keep their order.
        for splice in splices.reversed() { edited.replaceSubrange(splice.range, with: splice.lines) }
        let old = spans[index].lines
        let new = old.lowerBound..<(old.upperBound + edited.count - lines.count)
        // Only a last line may lack an ending; if the file had none at the end, it still has none.
        // Lines outside the action are as they were, so only its lines (and the one after) can need it.
        let ending = ending(near: old.lowerBound)
        for k in new.lowerBound..<min(new.upperBound + 1, edited.count - 1) where edited[k].ending == .none {
            edited[k].ending = ending
        }
        if lines.last?.ending == LineEnding.none, !edited.isEmpty { edited[edited.count - 1].ending = .none }
        if let problem = PlanDocument.limitProblem(edited, byteOrderMark: hasByteOrderMark) {
            throw .notStored(problem)
        }

        let inside = splices.allSatisfy {
            old.lowerBound <= $0.range.lowerBound && $0.range.upperBound <= old.upperBound
        }
        var document: PlanDocument
        do {
            if inside, let reparsed = try reparsingAction(index, in: edited, from: new) {
                document = reparsed
            } else {
                document = self
                try document.replaceLines(0..<lines.count, with: edited)
            }
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "the edited file did not parse")
        }
        let actions = document.plan.actions
        guard actions.count == plan.actions.count, actions[index] == expected else {
            throw .notStored("\(what) did not read back as written")
        }
        self = document
    }
}
