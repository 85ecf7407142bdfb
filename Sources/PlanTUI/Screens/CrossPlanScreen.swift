import PlanCore

/// The cross-plan view: each action with its plan, ref, status, text, owner and due;
/// beside it on wide screens, the selected action's detail as its plan shows it.
func drawCrossView(_ portfolio: PortfolioState, _ view: CrossPlanView, _ theme: Theme, into grid: inout Grid) {
    let wide = portfolio.width >= 120
    let listWidth = wide ? portfolio.width * 3 / 5 : portfolio.width
    let columns = CrossPlanColumns(width: listWidth)
    var heading = "  " + DisplayWidth.fit("PLAN", to: columns.plan) + " " + DisplayWidth.fit("REF", to: columns.ref)
    heading += " RAG " + DisplayWidth.fit("ACTION", to: columns.text) + " "
    if columns.owner > 0 { heading += DisplayWidth.fit("OWNER", to: columns.owner) + " " }
    heading += "DUE"
    grid.put(heading, x: 0, y: 2, style: theme.dim, maxWidth: listWidth)
    let top = PortfolioState.headerHeight
    if view.rows.isEmpty {
        grid.put(
            "No action in any plan. Esc goes back.", x: 2, y: top + 1, style: theme.dim, maxWidth: listWidth - 2)
    }
    let height = max(1, portfolio.listHeight - 1)
    let visible = view.top..<min(view.rows.count, view.top + height)
    for (offset, index) in visible.enumerated() {
        let y = top + offset
        let row = view.rows[index]
        let member = portfolio.members[row.plan]
        guard let state = member.state, let action = state.plan.action(ref: row.ref) else { continue }
        let isSelected = index == view.selected
        let overdue = action.isOverdue(on: portfolio.today)
        let safe = { (text: String) in TerminalText.escaped(text) }
        var line: StyledLine = [
            Span(
                DisplayWidth.fit(shortName(safe(member.name), width: columns.plan), to: columns.plan) + " ", theme.dim),
            Span(DisplayWidth.fit(safe(action.ref), to: columns.ref) + " "),
            theme.badge(action.status),
            Span(" " + DisplayWidth.fit(safe(Prose.firstLine(action.text)), to: columns.text) + " "),
        ]
        if columns.owner > 0 {
            line.append(Span(DisplayWidth.fit(safe(action.owners.joined(separator: "; ")), to: columns.owner) + " "))
        }
        line.append(
            Span(
                DisplayWidth.fit(safe(ActionTable.dueLabel(action.due)), to: columns.due),
                overdue ? theme.overdue : .plain))
        line.append(Span(overdue ? " !" : "  ", theme.overdue))
        grid.putListRow(line, y: y, width: listWidth, selected: isSelected, theme: theme)
    }
    guard wide, let row = view.selectedRow, var state = portfolio.members[row.plan].state else { return }
    for y in 2..<(portfolio.height - 1) { grid.put("│", x: listWidth, y: y, style: theme.dim) }
    // The plan's own detail of the action, as if it were selected there (a copy: the plan keeps its selection).
    state.selected = .action(row.ref)
    state.detailTop = 0
    drawDetail(state, theme, x: listWidth + 1, width: portfolio.width - listWidth - 1, into: &grid)
}

/// Column widths of the cross-plan list: the owner gives way on narrow lists.
private struct CrossPlanColumns {
    var plan: Int
    var ref = 6
    var owner: Int
    var due = 11
    var text: Int

    init(width: Int) {
        plan = width >= 100 ? 16 : 12
        owner = width >= 70 ? min(24, max(10, width / 7)) : 0
        // pointer 2, plan and gap, ref and gap, badge 3 and gap, text and gap, owner and gap, due, mark 2
        let ownerCells = owner > 0 ? owner + 1 : 0
        text = max(8, width - 2 - plan - 1 - ref - 1 - 4 - 1 - ownerCells - due - 2)
    }
}

/// As many whole words of a plan's name as fit ("JTAI written" of "JTAI written statement
/// of action"), else its start, cut.
private func shortName(_ name: String, width: Int) -> String {
    var short = ""
    for word in name.split(separator: " ") {
        let longer = short.isEmpty ? String(word) : short + " " + word
        guard DisplayWidth.of(longer) <= width else { break }
        short = longer
    }
    return short.isEmpty ? DisplayWidth.truncate(name, to: width) : short
}
