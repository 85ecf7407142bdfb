/// ``ActionTable/dueLabel(_:)`` worked out once for each distinct due of a table or a
/// paper: dues repeat across a plan, and a due that is not an ISO date is read as a
/// date again to label it (the 10k plan's HTML spent 91 M instructions on 397 of them).
struct DueLabels {
    private var labels: [Due: String] = [:]

    /// The label of `due`: "31 Jan 2026", the text as written, or "-" for none.
    mutating func label(_ due: Due?) -> String {
        guard let due else { return ActionTable.dueLabel(nil) }
        if let label = labels[due] { return label }
        let label = ActionTable.dueLabel(due)
        labels[due] = label
        return label
    }
}
