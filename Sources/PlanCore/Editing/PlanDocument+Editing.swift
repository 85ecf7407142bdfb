/// Edits that board members make: a status change and a progress note. Each appends
/// history lines at the end of the action and touches no other line.
extension PlanDocument {
    /// What an edit did, in words for a person.
    public struct EditOutcome: Sendable, Equatable {
        public var ref: String
        public var changes: [String]
        /// False when there was nothing to change (e.g. the status was already set).
        public var changed: Bool { !changes.isEmpty }
    }

    public enum EditError: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownRef(String, suggestions: [String])
        case statusNotInKey(Status, key: StatusKey)
        case invalidText(String)
        case notStored(String)

        public var description: String {
            switch self {
            case .unknownRef(let ref, let suggestions):
                "no action with ref '\(ref)'" + (suggestions.isEmpty ? "" : "; did you mean \(suggestions.joined(separator: ", "))?")
            case .statusNotInKey(let status, let key):
                "status \(status.name) (\(status.code)) is not in this plan's key, which has \(key.listing)"
            case .invalidText(let why): why
            case .notStored(let why): "the change could not be stored: \(why)"
            }
        }
    }

    /// Sets an action's status, recording `- Status DATE (AUTHOR): FROM -> TO`, and
    /// adds a note with it when one is given.
    @discardableResult
    public mutating func setStatus(ref: String, to status: Status, on date: PlanDate, by author: String?,
                                   note: String? = nil) throws(EditError) -> EditOutcome {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        guard plan.statusKey.contains(status) else { throw .statusNotInKey(status, key: plan.statusKey) }
        let author = try checkedAuthor(author)
        let indent = action.fieldIndent ?? "  "
        var newLines: [String] = []
        var changes: [String] = []
        if status != action.status {
            newLines.append(indent + historyHead("Status", date: date, author: author) + "\(action.status.code) -> \(status.code)")
            changes.append("status \(plan.statusKey.label(for: action.status)) -> \(plan.statusKey.label(for: status))")
        }
        if let note, !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            newLines += try noteLines(note, date: date, author: author, fieldIndent: indent)
            changes.append("note added")
        }
        guard !changes.isEmpty else { return EditOutcome(ref: action.ref, changes: []) }
        let addsNote = changes.count > (status != action.status ? 1 : 0)
        try commit(newLines, to: index, statusCode: status == action.status ? nil : status,
                   expecting: status, note: addsNote ? note : nil)
        return EditOutcome(ref: action.ref, changes: changes)
    }

    /// Adds a dated progress note to an action.
    @discardableResult
    public mutating func addNote(ref: String, text: String, on date: PlanDate, by author: String?) throws(EditError) -> EditOutcome {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let author = try checkedAuthor(author)
        let lines = try noteLines(text, date: date, author: author, fieldIndent: action.fieldIndent ?? "  ")
        try commit(lines, to: index, statusCode: nil, expecting: action.status, note: text)
        return EditOutcome(ref: action.ref, changes: ["note added"])
    }

    // MARK: - Pieces

    /// Applies an edit to a copy and keeps it only if the action reads back as intended,
    /// so a refused edit leaves the document exactly as it was.
    private mutating func commit(_ newLines: [String], to index: Int, statusCode: Status?,
                                 expecting status: Status, note: String?) throws(EditError) {
        var edited = self
        try edited.append(newLines, to: index, statusCode: statusCode)
        try edited.verify(index, status: status, notesBefore: plan.actions[index].notes.count, note: note)
        self = edited
    }

    /// Reads the edited action back and checks it holds what was written.
    private func verify(_ index: Int, status: Status, notesBefore: Int, note: String?) throws(EditError) {
        let action = plan.actions[index]
        guard action.status == status else { throw .notStored("the status did not read back as written") }
        guard let note else { return }
        guard action.notes.count == notesBefore + 1, action.notes.last?.text == PlanDocument.normalizedNote(note) else {
            throw .notStored("the note did not read back as written; a line starting with `<!--` would be taken for a comment")
        }
    }

    func actionIndex(_ ref: String) throws(EditError) -> Int {
        if let index = plan.index(ofRef: ref) { return index }
        // Suggest the refs of the same area: "1.1z" → 1.1a, 1.1b…
        let area = String(ref.lowercased().reversed().drop { $0.isLetter }.reversed())
        let near = area.isEmpty ? [] : plan.actions.map(\.ref).filter { $0.lowercased().hasPrefix(area) }
        throw .unknownRef(ref, suggestions: Array(near.prefix(5)))
    }

    private func checkedAuthor(_ author: String?) throws(EditError) -> String? {
        guard let trimmed = author?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        if trimmed.contains(where: { "()\n\r".contains($0) }) {
            throw .invalidText("a name cannot contain brackets or line breaks: '\(trimmed)'")
        }
        return trimmed
    }

    private func historyHead(_ keyword: String, date: PlanDate, author: String?) -> String {
        "- \(keyword) \(date.iso)" + (author.map { " (\($0))" } ?? "") + ": "
    }

    /// A note's text as it will read back: line breaks normalised, trailing spaces
    /// and surrounding blank lines removed.
    static func normalizedNote(_ text: String) -> String {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingTrailingWhitespace() }
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

    private func noteLines(_ text: String, date: PlanDate, author: String?, fieldIndent: String) throws(EditError) -> [String] {
        let normalized = PlanDocument.normalizedNote(text)
        guard !normalized.isEmpty else { throw .invalidText("the note is empty") }
        if normalized.unicodeScalars.contains(where: { TerminalText.needsEscape($0, keepNewlines: true) }) {
            throw .invalidText("the note contains a control character; remove it and try again")
        }
        let paragraphs = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        return [fieldIndent + historyHead("Note", date: date, author: author) + paragraphs[0]]
            + paragraphs.dropFirst().map { $0.isEmpty ? "" : fieldIndent + "  " + $0 }
    }

    /// Appends lines at the end of an action (after its last non-blank line) and, when
    /// `statusCode` is given, rewrites the status letter in the action line.
    private mutating func append(_ newLines: [String], to index: Int, statusCode: Status?) throws(EditError) {
        let action = plan.actions[index]
        let insertAt = action.lineRange.upperBound
        let ending = ending(near: action.lineRange.lowerBound)
        var replacement: [SourceLine] = []
        var first = action.lineRange.lowerBound
        if let statusCode {
            let line = lines[first]
            let utf8 = line.text.utf8
            let codeStart = utf8.index(utf8.startIndex, offsetBy: action.statusOffset)
            let codeEnd = line.text.index(after: codeStart)
            let rewritten = String(line.text[..<codeStart]) + statusCode.code + line.text[codeEnd...]
            replacement.append(SourceLine(rewritten, ending: line.ending))
            replacement += lines[(first + 1)..<insertAt]
        } else {
            first = insertAt
        }
        var added = newLines.map { SourceLine($0, ending: ending) }
        if insertAt == lines.count, let last = (replacement.isEmpty ? lines.last : replacement.last), last.ending == .none {
            // The file had no final newline: the new last line keeps it that way.
            if replacement.isEmpty {
                replacement.append(SourceLine(last.text, ending: ending))
                first = insertAt - 1
            } else {
                replacement[replacement.count - 1].ending = ending
            }
            added[added.count - 1].ending = .none
        }
        do {
            try replaceLines(first..<insertAt, with: replacement + added)
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "the edited file did not parse")
        }
    }
}
