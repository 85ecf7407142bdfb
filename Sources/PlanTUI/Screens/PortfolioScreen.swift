import PlanCore

/// The portfolio's render: a plan as `actionplan open` draws it, or the list of plans,
/// or the cross-plan view, with the portfolio's header and footer.
public func render(_ portfolio: PortfolioState) -> Grid {
    if case .plan(let index) = portfolio.screen, let state = portfolio.members[index].state { return render(state) }
    if portfolio.isTooSmall, let state = portfolio.members.lazy.compactMap(\.state).first { return render(state) }
    var grid = Grid(width: portfolio.width, height: portfolio.height)
    let theme = Theme(name: portfolio.colors ? portfolio.theme : .mono, colorCount: portfolio.colorCount)
    drawPortfolioHeader(portfolio, theme, into: &grid)
    if let top = portfolio.helpTop {
        drawPortfolioHelp(portfolio, top: top, theme, into: &grid)
    } else if let picker = portfolio.ownerPicker {
        drawOwnerChoices(portfolio, picker, theme, into: &grid)
    } else if portfolio.screen == .actions, let view = portfolio.crossView {
        drawCrossView(portfolio, view, theme, into: &grid)
    } else {
        drawOverview(portfolio, theme, into: &grid)
    }
    drawPortfolioFooter(portfolio, theme, into: &grid)
    if let editing = portfolio.crossView?.editing, portfolio.screen == .actions,
        let state = portfolio.members[editing.plan].state
    {
        // A note or an edit of an action, opened from the cross-plan view, over it.
        switch state.modal {
        case .note(let draft): drawNoteEditor(state, draft, theme, into: &grid)
        case .form(let form): drawForm(state, form, theme, into: &grid)
        default: break
        }
        if case .confirmQuit = state.modal, let message = state.message {
            grid.put(message.text, x: 0, y: portfolio.height - 1, style: theme.error, maxWidth: portfolio.width)
        }
    }
    return grid
}

private func drawPortfolioHeader(_ portfolio: PortfolioState, _ theme: Theme, into grid: inout Grid) {
    let width = portfolio.width
    grid.fill(x: 0, y: 0, width: width, style: theme.titleBar)
    let plans = portfolio.members.count
    let right = "\(plans) plan\(plans == 1 ? "" : "s") "
    let title = portfolio.screen == .actions ? portfolio.crossView?.query.title ?? portfolio.title : portfolio.title
    grid.put(
        " " + DisplayWidth.truncate(TerminalText.escaped(title), to: width - DisplayWidth.of(right) - 3), x: 0, y: 0,
        style: theme.titleBar)
    grid.put(right, x: width - DisplayWidth.of(right), y: 0, style: theme.titleBar)

    var line: StyledLine = [Span(" ")]
    if portfolio.screen == .actions, let view = portfolio.crossView {
        let inPlans = Set(view.rows.map(\.plan)).count
        line.append(
            Span(
                "\(view.rows.count) action\(view.rows.count == 1 ? "" : "s") in \(inPlans) of \(plans) plans", .bold))
    } else {
        let counts = portfolio.total
        for status in Status.allCases { line += [theme.statusLetter(status), Span(" \(counts[status])  ")] }
        line.append(Span("\(SummaryText.percent(counts.percentComplete)) complete", .bold))
        line.append(Span("  "))
        line.append(Span("\(counts.overdue) overdue", counts.overdue > 0 ? theme.overdue : .plain))
    }
    line.append(Span(" on \(portfolio.today.ukShort) (today)", theme.dim))
    grid.put(line, x: 0, y: 1, maxWidth: width)
}

/// Column widths of the list of plans: the name takes what the figures leave.
private struct OverviewColumns {
    static let figures = ["R", "A", "G", "B", "N"]
    var trend: Int
    var name: Int

    init(width: Int) {
        trend = width >= 100 ? 13 : 8
        // pointer 2, name, gap, DONE 5, five counts of 4, OVERDUE 8, gap, REVIEWED 11, gap, trend
        name = max(10, width - 2 - 1 - 5 - 20 - 8 - 1 - 11 - 1 - trend - 1)
    }
}

private func drawOverview(_ portfolio: PortfolioState, _ theme: Theme, into grid: inout Grid) {
    let width = portfolio.width
    let columns = OverviewColumns(width: width)
    var heading = "  " + DisplayWidth.fit("PLAN", to: columns.name) + " " + "DONE "
    heading += OverviewColumns.figures.map { "   " + $0 }.joined() + " OVERDUE " + DisplayWidth.fit("REVIEWED", to: 11)
    heading += " TREND"
    grid.put(heading, x: 0, y: 2, style: theme.dim, maxWidth: width)
    let top = PortfolioState.headerHeight
    let visible = portfolio.overviewTop..<min(portfolio.members.count, portfolio.overviewTop + portfolio.overviewRows)
    for (offset, index) in visible.enumerated() {
        let y = top + offset
        let member = portfolio.members[index]
        let isSelected = index == portfolio.selected
        var line: StyledLine = [Span(DisplayWidth.fit(TerminalText.escaped(member.name), to: columns.name) + " ")]
        if let overview = member.overview, let plan = member.state?.plan {
            line.append(Span(DisplayWidth.fit(SummaryText.percent(overview.counts.percentComplete), to: 4) + " "))
            for code in OverviewColumns.figures {
                let status = Status(code: code) ?? .notStarted
                let count = overview.counts[status]
                let text = plan.statusKey.contains(status) || count > 0 ? String(count) : "–"
                line.append(Span(String(repeating: " ", count: max(0, 4 - text.count)) + text))
            }
            let overdue = String(overview.counts.overdue)
            line.append(
                Span(
                    String(repeating: " ", count: max(0, 8 - overdue.count)) + overdue,
                    overview.counts.overdue > 0 ? theme.overdue : .plain))
            line.append(Span(" " + DisplayWidth.fit(overview.lastReviewed?.ukShort ?? "never", to: 11) + " "))
            let trend = overview.percentByMonth.suffix(columns.trend)
            line.append(
                trend.count < 2
                    ? Span("–", theme.dim) : Span(Sparkline.of(Array(trend), from: 0, to: 100), theme.accent))
        } else {
            let error = member.error.map { $0.split(separator: "\n").first.map(String.init) ?? $0 } ?? ""
            line.append(Span("cannot be read: " + TerminalText.escaped(error), theme.error))
        }
        grid.putListRow(line, y: y, width: width, selected: isSelected, theme: theme)
    }
    let below = top + visible.count + 1
    guard below < portfolio.height - 2, portfolio.members.indices.contains(portfolio.selected) else { return }
    drawPlanAbout(portfolio.members[portfolio.selected], portfolio, theme, y: below, into: &grid)
}

/// Under the list, the selected plan: its file, title, sections and trend, or why it cannot be read.
private func drawPlanAbout(
    _ member: PortfolioState.Member, _ portfolio: PortfolioState, _ theme: Theme, y top: Int, into grid: inout Grid
) {
    let width = portfolio.width - 2
    var lines: [StyledLine] = [[Span(TerminalText.escaped(member.name), .bold), Span("  " + member.path, theme.dim)]]
    if let state = member.state, let overview = member.overview {
        let plan = state.plan
        var about = TerminalText.escaped(plan.title)
        if let asAt = plan.asAt { about += " · plan as at \(asAt.ukShort)" }
        lines += Wrap.lines(about, width: width).map { [Span($0)] }
        if let first = overview.percentByMonth.first, let last = overview.percentByMonth.last,
            overview.percentByMonth.count > 1
        {
            lines.append([
                Span("% complete by month: ", theme.dim),
                Span(Sparkline.of(Array(overview.percentByMonth.suffix(width / 2)), from: 0, to: 100), theme.accent),
                Span("  \(SummaryText.percent(first)) → \(SummaryText.percent(last))"),
            ])
        }
        lines.append([])
        let figures = zip(plan.sections, state.sectionCounts).map { section, counts in
            let text =
                "\(counts.total) action\(counts.total == 1 ? "" : "s") · \(SummaryText.percent(counts.percentComplete)) complete"
                + (counts.overdue > 0 ? " · \(counts.overdue) overdue" : "")
            return (title: "\(section.number) " + TerminalText.escaped(section.title), figures: text)
        }
        // The titles in one column, as wide as the longest or as the figures leave room for.
        let widest = figures.map { DisplayWidth.of($0.figures) }.max() ?? 0
        let column = min(figures.map { DisplayWidth.of($0.title) }.max() ?? 0, max(10, width - widest - 4))
        for (title, text) in figures {
            lines.append([Span("  " + DisplayWidth.fit(title, to: column) + "  "), Span(text, theme.dim)])
        }
    } else if let error = member.error {
        lines += error.split(separator: "\n").flatMap { Wrap.lines(String($0), width: width) }.map {
            [Span($0, theme.error)]
        }
    }
    for (offset, line) in lines.prefix(portfolio.height - 1 - top).enumerated() {
        grid.put(line, x: 1, y: top + offset, maxWidth: width)
    }
}

private func drawPortfolioFooter(_ portfolio: PortfolioState, _ theme: Theme, into grid: inout Grid) {
    let y = portfolio.height - 1
    if let asking = portfolio.askingName, let input = portfolio.members[asking].state?.nameInput {
        return drawNamePrompt(input, theme, into: &grid)
    }
    if let input = portfolio.ownerPicker?.input {
        return drawPrompt(
            "Owned by: ", input, hint: "↑↓ pick · Enter list their open actions · Esc cancel", theme, into: &grid)
    }
    if let message = portfolio.message {
        grid.put(message.text, x: 0, y: y, style: message.kind == .error ? theme.error : .plain)
        return
    }
    let hints: [(text: String, priority: Int)]
    if portfolio.helpTop != nil {
        hints = [("any key closes", 0), ("↑↓ scroll", 1)]
    } else if portfolio.screen == .actions {
        hints = [
            ("↑↓ move", 6), ("Enter open in its plan", 1), ("r a g b status", 0), ("n note", 2), ("e edit", 4),
            ("u undo", 3), ("Esc back", 0),
        ]
    } else {
        hints = [
            ("↑↓ move", 6), ("Enter open", 0), ("r red", 1), ("d overdue", 2), ("s due soon", 3), ("o owner", 4),
        ]
    }
    let text = fittedHints(hints, always: "? help  q quit", width: portfolio.width)
    grid.put(text, x: 0, y: y, style: theme.dim, maxWidth: portfolio.width)
}

private func drawPortfolioHelp(_ portfolio: PortfolioState, top: Int, _ theme: Theme, into grid: inout Grid) {
    var lines: [StyledLine] = []
    for (title, rows) in [("Portfolio", KeyMap.portfolio), ("Actions across plans", KeyMap.crossPlan)] {
        lines.append([Span(title, .bold)])
        let keyWidth = (rows.map { DisplayWidth.of($0.label) }.max() ?? 8) + 2
        for (key, help) in rows {
            for (index, text) in Wrap.lines(help, width: max(10, portfolio.width - 4 - keyWidth)).enumerated() {
                lines.append([
                    Span("  " + DisplayWidth.fit(index == 0 ? key : "", to: keyWidth), theme.accent), Span(text),
                ])
            }
        }
        lines.append([])
    }
    lines += Wrap.lines("In a plan every key works as in `actionplan open`; Esc goes back.", width: portfolio.width - 2)
        .map { [Span($0, theme.dim)] }
    grid.put(
        [Span("Keys", theme.accent), Span("   any key closes · ↑↓ scroll", theme.dim)], x: 1, y: 2,
        maxWidth: portfolio.width - 2)
    let height = portfolio.height - 4
    let first = min(top, max(0, lines.count - height))
    for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
        grid.put(line, x: 1, y: 3 + offset, maxWidth: portfolio.width - 2)
    }
}

/// The owners to pick from after `o`: the same list as the filter panel's, the typed text first.
private func drawOwnerChoices(
    _ portfolio: PortfolioState, _ picker: OwnerPicker, _ theme: Theme, into grid: inout Grid
) {
    let width = portfolio.width
    grid.put("  Owners of open actions in every plan", x: 0, y: 2, style: theme.dim, maxWidth: width)
    let top = PortfolioState.headerHeight
    let lines = ownerList(picker, width: width - 1, height: max(1, portfolio.height - top - 1), theme)
    for (offset, line) in lines.enumerated() {
        grid.put(line, x: 0, y: top + offset, maxWidth: width)
    }
}

extension Grid {
    /// A row of a list: with the selection bar and a pointer when selected (so that the
    /// selection shows without colour), its text reversed with the bar and badges as they are.
    mutating func putListRow(_ line: StyledLine, y: Int, width: Int, selected: Bool, theme: Theme) {
        if selected { fill(x: 0, y: y, width: width, style: theme.selected) }
        let pointer = Span(selected ? "› " : "  ", selected ? Style(bold: true, reverse: true) : .plain)
        put(
            [pointer] + (selected ? line.map { Span($0.text, selectedStyle($0.style)) } : line), x: 0, y: y,
            maxWidth: width)
    }
}
