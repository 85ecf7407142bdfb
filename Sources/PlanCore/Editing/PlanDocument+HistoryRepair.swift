/// Mending a history that does not explain the file: a status letter edited by hand.
extension PlanDocument {
    /// Records when an action's current status was reached, for a letter changed by
    /// hand: appends `- Status DATE (AUTHOR): FROM -> C` without touching the letter.
    @discardableResult
    public mutating func recordStatusReached(ref: String, from old: Status, on date: PlanDate, by author: String?)
        throws(EditError) -> EditOutcome
    {
        let index = try actionIndex(ref)
        let action = plan.actions[index]
        let author = try checkedAuthor(author)
        guard old != action.status else {
            throw .invalidText("\(action.ref) is already \(old.code); nothing to record")
        }
        if let latest = action.statusChanges.map(\.date).max(), date < latest {
            throw .invalidText(
                "\(action.ref)'s status last changed on \(latest.iso); a change dated \(date.iso) would come before it")
        }
        let indent = spans[index].itemIndent
        var expected = action
        expected.history.append(
            HistoryEntry(date: date, author: author, change: .status(from: old, to: action.status), line: 0))
        try commit(
            [
                appending(
                    [
                        indent + historyHead("Status", date: date, author: author)
                            + "\(old.code) -> \(action.status.code)"
                    ], to: index)
            ],
            to: index, expecting: expected, what: "the status line")
        return EditOutcome(
            ref: action.ref, changes: ["status \(old.code) -> \(action.status.code) recorded on \(date.iso)"])
    }
}
