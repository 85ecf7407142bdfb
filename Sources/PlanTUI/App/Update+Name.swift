import PlanCore

/// Asking once who is recording, when the name would be a bare login name or empty:
/// a one-line prompt in the footer; Enter keeps what is typed (and saves it for next
/// time, as `actionplan config name` does), Esc keeps the login name.
extension AppState {
    /// Opens the prompt, filled with the name as it stands (the login name, or nothing).
    public mutating func askForName() {
        nameInput = TextEditor(text: author ?? "", multiline: false)
    }

    mutating func handleNameInput(_ key: Key, input: TextEditor) -> [Effect] {
        var input = input
        switch key {
        case .escape:
            nameInput = nil
            defer { noticeAfterPrompt = nil }
            message =
                noticeAfterPrompt
                ?? Message(
                    text: author.map { "Recording as \($0). Set a full name with `actionplan config name`." }
                        ?? "No name: changes are recorded without one. Set it with `actionplan config name`.",
                    kind: .info)
        case .enter:
            let name = input.text.trimmingWhitespace()
            if name.isEmpty || name == author {
                return handleNameInput(.escape, input: input)
            }
            if let problem = Author.problem(with: name) {
                message = Message(text: problem, kind: .error)
                return [.bell]
            }
            nameInput = nil
            author = name
            return [.saveName(name)]
        default:
            if input.handle(key) { nameInput = input }
        }
        return []
    }

    mutating func nameSaved(_ name: String, failure: String?) {
        defer { noticeAfterPrompt = nil }
        message =
            if let failure {
                Message(text: "Recording as \(name) for now; not kept for next time: \(failure)", kind: .error)
            } else {
                noticeAfterPrompt ?? Message(text: "Recording as \(name), from now on.", kind: .info)
            }
    }

    /// On opening: the actions whose letter no status line explains (`HistoryCheck`),
    /// with the command that records when they changed. Shown in the footer (after
    /// the name prompt, if that is open).
    public mutating func announceStatusesWithoutHistory(_ refs: [String]) {
        guard let first = refs.first else { return }
        let which =
            refs.count == 1
            ? "\(first)'s letter has no status line saying when it"
            : "\(refs.count) letters (\(first)…) have no status line saying when they"
        let notice = Message(
            text: "\(which) changed: actionplan check \(fileName) --fix-history --date DATE",
            kind: .info)
        if nameInput != nil { noticeAfterPrompt = notice } else { message = notice }
    }
}
