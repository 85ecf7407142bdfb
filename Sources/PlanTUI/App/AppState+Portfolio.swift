import PlanCore

/// What a portfolio asks of one of its plans' states.
extension AppState {
    /// Nothing open that Esc would close or clear (a detail, an editor, a prompt, a filter,
    /// a conflict to drop): Esc then goes back to the portfolio.
    var isAtRest: Bool {
        modal == .none && focus == .list && filter.isEmpty && searchInput == nil && saveAsInput == nil
            && nameInput == nil && !conflict
    }

    /// A note editor, edit form or question is open, so keys go to it.
    var isAsking: Bool {
        switch modal {
        case .note, .form, .confirmQuit: true
        default: false
        }
    }

    /// Runs `body` on this state in place (through an optional, without copying it).
    mutating func apply(_ body: (inout AppState) -> [Effect]) -> [Effect] { body(&self) }

    /// Shows the action `ref` in the list and selects it: its heading unfolded, and the
    /// filter cleared when the action does not pass it.
    mutating func reveal(ref: String) {
        guard let action = plan.action(ref: ref) else { return }
        folded.remove(.section(action.sectionNumber))
        folded.remove(.area(action.areaNumber))
        if !filter.isEmpty && !filter.matches(action, today: today) { filter = ListFilter() }
        refresh()
        if let index = plan.index(ofRef: ref), let row = rows.firstIndex(of: .action(index)) {
            modal = .none
            focus = .list
            select(row)
        }
    }

    /// Where the list stands: the selection and the scroll positions.
    struct ListPosition: Equatable, Sendable {
        var selection: RowID?
        var listTop: Int
        var detailTop: Int
    }

    /// Where the list stands, to put it back after an action elsewhere was worked on.
    var listPosition: ListPosition { ListPosition(selection: selected, listTop: listTop, detailTop: detailTop) }

    /// Puts the list back where ``listPosition`` found it.
    mutating func restore(_ position: ListPosition) {
        selected = position.selection
        if keptRef != nil {
            keptRef = nil
            refresh()
        }
        listTop = position.listTop
        detailTop = position.detailTop
        scrollListToSelection()
    }
}
