/// Who the board is, and what stops it closing an area: the rules the TUI's board
/// keys and the `review`, `sign-off` commands share.
extension Plan {
    /// The board a review is recorded for when nobody names one: the last board that
    /// reviewed the plan, else the plan's `Board:` header field.
    public var reviewingBoard: String? {
        lastReviewed?.by ?? extraFields.first { $0.name.lowercased() == "board" }?.value
    }

    /// The refs of the actions in `area` that are not complete: an area with any is
    /// signed off only when forced (``PlanDocument/signOff(area:on:by:monitoring:force:)``).
    public func incompleteActions(in area: Area) -> [String] {
        actions[area.actionRange].filter { !$0.status.isComplete }.map(\.ref)
    }
}
