/// The return sheet an owner fills in: one row per open action, with their current
/// status and two columns for them to fill: `new_status` and `progress_note`.
/// `actionplan import --updates` reads it back.
public enum ReturnSheet {
    /// The header row, in order. The reader finds columns by these names.
    public static let columns = [
        "owner", "plan", "ref", "action", "due", "current_status", "new_status", "progress_note",
    ]

    /// The sheet for `letter`'s owner, as CSV (formulas neutralised: plan text reaches a spreadsheet).
    public static func csv(_ letter: ChaseRound.Letter) -> String {
        let writer = CSVWriter(lineEnding: "\r\n", neutraliseFormulas: true)
        var out = writer.row(columns)
        for item in letter.openItems {
            let status = item.action.status
            out += writer.row([
                letter.owner.name, item.path, item.action.ref, Prose.firstLine(item.action.text),
                ActionTable.dueLabel(item.action.due),
                "\(status.code) (\(item.plan.statusKey.label(for: status)))", "", "",
            ])
        }
        return out
    }
}
