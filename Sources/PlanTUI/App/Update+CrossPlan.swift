import PlanCore

/// The cross-plan view's keys: move, open an action in its plan, and the status, note,
/// edit and undo keys, carried out by the action's own plan.
extension PortfolioState {
    mutating func openCrossView(_ query: CrossPlanQuery) {
        crossView = CrossPlanView(query: query)
        refreshCrossView(keeping: nil)
        screen = .actions
    }

    /// Lists again what the query selects, keeping the selection on `kept` where it still is.
    mutating func refreshCrossView(keeping kept: PortfolioActionRef?) {
        guard var view = crossView else { return }
        view.rows = view.query.filter.matches(in: openPlans, on: today)
        if let kept, let index = view.rows.firstIndex(of: kept) {
            view.selected = index
        } else {
            view.selected = min(view.selected, max(0, view.rows.count - 1))
        }
        view.isStale = false
        view.scrollToSelection(listHeight: listHeight)
        crossView = view
    }

    mutating func handleCrossView(_ key: Key) -> [PortfolioEffect] {
        guard let view = crossView else {
            screen = .overview
            return []
        }
        if let editing = view.editing { return handleCrossEditor(key, editing: editing) }
        if case .mouse(let event) = key {
            if let row = clickedRow(event, top: view.top, count: view.rows.count) {
                crossView?.selected = row
            } else if let step = wheelStep(event) {
                moveCrossView(step)
            }
            return []
        }
        message = nil
        if let step = step(for: key, rows: view.rows.count) {
            moveCrossView(step)
            return []
        }
        switch key {
        case .escape:
            crossView = nil
            screen = .overview
            recountOverviews()
        case .enter:
            guard let row = view.selectedRow else { return [] }
            members[row.plan].state?.reveal(ref: row.ref)
            enterPlan(row.plan, from: .actions)
        case .character("?"): helpTop = 0
        case .character("q"), .control("c"): return quit()
        default:
            guard let command = KeyMap.command(for: key) else { return [] }
            switch command {
            case .setStatus, .addNote, .edit: return act(command)
            case .undo: return undoLastChange()
            default:
                message = Message(text: "Enter opens the action in its plan, where every key works.", kind: .info)
            }
        }
        return []
    }

    private mutating func moveCrossView(_ delta: Int) {
        guard var view = crossView else { return }
        if view.isStale {
            let kept = view.selectedRow
            refreshCrossView(keeping: kept)
            view = crossView ?? view
        }
        guard !view.rows.isEmpty else { return }
        view.selected = min(max(0, view.selected + delta), view.rows.count - 1)
        view.scrollToSelection(listHeight: listHeight)
        crossView = view
    }

    /// A status, note or edit key on the selected action: its plan does it as though the
    /// action were selected there, then gets its own selection back.
    private mutating func act(_ command: Command) -> [PortfolioEffect] {
        // Only the position is read first: holding a copy of the plan's state would make the
        // edit copy its arrays instead of changing them in place.
        guard let row = crossView?.selectedRow, let position = members[row.plan].state?.listPosition else { return [] }
        guard members[row.plan].state?.plan.action(ref: row.ref) != nil else {
            message = Message(text: "\(row.ref) is no longer in \(members[row.plan].name).", kind: .error)
            return []
        }
        let effects = withPlan(row.plan) { plan in
            plan.selected = .action(row.ref)
            return plan.handleMainCommand(command)
        }
        crossView?.isStale = true
        if members[row.plan].state?.isAsking == true {
            crossView?.editing = CrossPlanView.Editing(plan: row.plan, position: position)
        } else {
            members[row.plan].state?.restore(position)
        }
        return effects
    }

    /// Keys while a plan's note editor or edit form, opened from here, is open.
    private mutating func handleCrossEditor(_ key: Key, editing: CrossPlanView.Editing) -> [PortfolioEffect] {
        let effects = withPlan(editing.plan) { $0.update(.key(key)) }
        if members[editing.plan].state?.isAsking != true {
            members[editing.plan].state?.restore(editing.position)
            crossView?.editing = nil
        }
        return effects
    }

    /// `u`: takes back the last change still on any plan's undo stack, in that plan.
    private mutating func undoLastChange() -> [PortfolioEffect] {
        guard let index = changeOrder.last else {
            message = Message(text: "Nothing to undo.", kind: .info)
            return []
        }
        crossView?.isStale = true
        return withPlan(index) { $0.handleMainCommand(.undo) }
    }
}

extension CrossPlanView {
    mutating func scrollToSelection(listHeight: Int) {
        // The column headings take the list's first row.
        let height = max(1, listHeight - 1)
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, rows.count - height)))
    }
}
