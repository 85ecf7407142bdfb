import PlanCore

/// The render: a state becomes a frame. Pure; draws only the visible rows.
public func render(_ state: AppState) -> Grid {
    var grid = Grid(width: state.width, height: state.height)
    let theme = Theme(state)
    if state.isTooSmall {
        drawTooSmall(state, into: &grid)
        return grid
    }
    drawHeader(state, theme, into: &grid)
    // An editor covers what it was opened from: the list, the full detail or the review.
    let base: Modal
    switch state.modal {
    case .note, .form, .areaForm: base = state.returnTo
    default: base = state.modal
    }
    switch base {
    case .help(let top):
        drawHelp(state, top: top, theme, into: &grid)
    case .detail:
        drawDetail(state, theme, x: 0, width: state.width, into: &grid)
    case .review:
        drawReview(state, theme, into: &grid)
    default:
        drawList(state, theme, into: &grid)
        if state.isWide {
            for y in 2..<(state.height - 1) { grid.put("│", x: state.listWidth, y: y, style: theme.dim) }
            drawDetail(state, theme, x: state.listWidth + 1, width: state.width - state.listWidth - 1, into: &grid)
        }
    }
    drawFooter(state, theme, into: &grid)
    switch state.modal {
    case .filters(let panel): drawFilters(state, panel: panel, theme, into: &grid)
    case .note(let draft): drawNoteEditor(state, draft, theme, into: &grid)
    case .form(let form): drawForm(state, form, theme, into: &grid)
    case .areaForm(let form): drawAreaForm(state, form, theme, into: &grid)
    default: break
    }
    return grid
}

private func drawTooSmall(_ state: AppState, into grid: inout Grid) {
    let text =
        "Terminal too small: \(state.width)×\(state.height). actionplan needs at least "
        + "\(AppState.minimumWidth)×\(AppState.minimumHeight). Make the window larger, or press q to quit."
    // Wrapped to the width, so that even a tiny window shows all of it.
    let lines = Wrap.lines(text, width: max(1, state.width - 2))
    let top = max(0, (state.height - lines.count) / 2)
    for (i, line) in lines.enumerated() {
        let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
        grid.put(line, x: x, y: top + i, style: i == 0 ? .bold : .plain)
    }
}

private func drawHeader(_ state: AppState, _ theme: Theme, into grid: inout Grid) {
    let plan = state.plan
    grid.fill(x: 0, y: 0, width: state.width, style: theme.titleBar)
    let asAt = plan.asAt.map { "plan as at \($0.ukShort) " } ?? ""
    grid.put(
        " " + DisplayWidth.truncate(TerminalText.escaped(plan.title), to: state.width - DisplayWidth.of(asAt) - 3),
        x: 0, y: 0, style: theme.titleBar)
    grid.put(asAt, x: state.width - DisplayWidth.of(asAt), y: 0, style: theme.titleBar)

    let counts = state.counts
    var line: StyledLine = [Span(" ")]
    for status in plan.statusKey.statuses + Status.allCases.filter({ !plan.statusKey.contains($0) && counts[$0] > 0 }) {
        line += [theme.statusLetter(status), Span(" \(counts[status])  ")]
    }
    line.append(Span("\(SummaryText.percent(counts.percentComplete)) complete", .bold))
    line.append(Span("  "))
    line.append(Span("\(counts.overdue) overdue", counts.overdue > 0 ? theme.overdue : .plain))
    line.append(Span(" on \(state.today.ukShort) (today)", theme.dim))
    grid.put(line, x: 0, y: 1, maxWidth: state.width)
    // Who is recording, on the right where it fits: the first thing dropped when narrow.
    if let author = state.author {
        let recording = "recording as \(TerminalText.escaped(author)) "
        let used = line.reduce(0) { $0 + DisplayWidth.of($1.text) }
        if used + 2 + DisplayWidth.of(recording) <= state.width {
            grid.put(recording, x: state.width - DisplayWidth.of(recording), y: 1, style: theme.dim)
        }
    }
}

/// The question who is recording (see ``AppState/askForName()``), in the footer.
func drawNamePrompt(_ input: TextEditor, _ theme: Theme, into grid: inout Grid) {
    drawPrompt(
        "Your full name, for the history: ", input, hint: "Enter keep · Esc use the login name", theme, into: &grid)
}

/// A one-line prompt in the last row: the label, what is typed (with the cursor in it), then the keys.
func drawPrompt(_ label: String, _ input: TextEditor, hint: String, _ theme: Theme, into grid: inout Grid) {
    let y = grid.height - 1
    grid.put(label, x: 0, y: y, style: theme.accent)
    grid.put(input.text, x: DisplayWidth.of(label), y: y)
    let end = DisplayWidth.of(label + input.text)
    grid.put("  " + hint, x: end + 1, y: y, style: theme.dim)
    grid.cursor = (
        min(grid.width - 1, DisplayWidth.of(label) + DisplayWidth.of(String(input.lines[0].prefix(input.column)))), y
    )
}

private func drawFooter(_ state: AppState, _ theme: Theme, into grid: inout Grid) {
    let y = state.height - 1
    if let input = state.nameInput {
        return drawNamePrompt(input, theme, into: &grid)
    }
    if let input = state.saveAsInput {
        return drawPrompt("Write to: ", input, hint: "Enter write · Esc cancel", theme, into: &grid)
    }
    if let input = state.searchInput {
        let text = "/" + input.text
        grid.put(text, x: 0, y: y, style: theme.accent)
        let hint = "  Enter keep · Esc clear"
        grid.put(hint, x: DisplayWidth.of(text) + 1, y: y, style: theme.dim)
        grid.cursor = (min(state.width - 1, DisplayWidth.of(text)), y)
        return
    }
    if let message = state.message {
        grid.put(message.text, x: 0, y: y, style: message.kind == .error ? theme.error : .plain)
        return
    }
    // As many hints as fit, the most needed in a meeting first, shown in reading order;
    // help and quit always show.
    let hints: [(text: String, priority: Int)]
    switch state.modal {
    case .detail:
        hints = [("↑↓ scroll", 5), ("Esc back", 4), ("r a g b status", 0), ("n note", 1), ("e edit", 2), ("u undo", 3)]
    case .review where state.review?.question != nil:
        hints = [("y yes", 0), ("n no", 1)]
    case .review where state.review?.finished == true:
        hints = [("Enter record the review", 0), ("⌫ back", 2), ("Esc close without recording", 1)]
    case .review:
        hints = [
            ("Space next", 0), ("⌫ back", 4), ("r a g b status", 1), ("n note", 2), ("e edit", 3), ("Esc finish", 5),
        ]
    default:
        hints =
            [
                ("↑↓ move", 9), ("Enter open", 10), ("r a g b status", 0), ("n note", 1), ("/ search", 5),
                ("f filter", 6), ("v review", 2), ("e edit", 3), ("u undo", 4),
            ] + (state.portfolioName != nil && state.isAtRest ? [("Esc all plans", 2)] : [])
    }
    let always = state.modal == .review ? "? help" : "? help  q quit"
    grid.put(fittedHints(hints, always: always, width: state.width), x: 0, y: y, style: theme.dim)
}

/// As many `hints` as fit in `width` beside `always`, the lowest priority number first,
/// shown in reading order: a footer's line of keys.
func fittedHints(_ hints: [(text: String, priority: Int)], always: String, width: Int) -> String {
    var budget = width - DisplayWidth.of(always)
    var shown = Set<Int>()
    for (index, hint) in hints.enumerated().sorted(by: { $0.element.priority < $1.element.priority }) {
        let cost = DisplayWidth.of(hint.text) + 2
        if cost <= budget {
            budget -= cost
            shown.insert(index)
        }
    }
    return hints.indices.filter(shown.contains).map { hints[$0].text + "  " }.joined() + always
}

// MARK: - The list

private func drawList(_ state: AppState, _ theme: Theme, into grid: inout Grid) {
    let width = state.listWidth
    let plan = state.plan
    let columns = ListColumns(width: width, refWidth: state.refWidth, dueWidth: state.dueWidth)
    var heading = String(repeating: " ", count: 5) + DisplayWidth.fit("REF", to: columns.ref) + " " + "RAG" + " "
    heading += DisplayWidth.fit("ACTION", to: columns.text) + " "
    if columns.owner > 0 { heading += DisplayWidth.fit("OWNER", to: columns.owner) + " " }
    if columns.due > 0 { heading += "DUE" }
    // An active filter takes the place of the column headings: it explains why rows are missing.
    var filter = state.filter.summary(key: plan.statusKey)
    if let sort = state.sort {
        filter += (filter.isEmpty ? "" : " · ") + "sorted by " + AppState.sortLabel(sort)
    }
    if filter.isEmpty {
        grid.put(heading, x: 0, y: 2, style: theme.dim, maxWidth: width)
    } else {
        var line = [
            Span((state.filter.isEmpty ? " " : " Filter: ") + filter, theme.accent),
            Span(state.filter.isEmpty ? "" : "  \(state.matchSummary)", .plain),
        ]
        if let kept = state.keptRef {
            line.append(Span("  × \(kept) no longer matches; it goes when you move", theme.accent))
        } else {
            line.append(Span(state.filter.isEmpty ? "  (s: next order)" : "  (Esc clears)", theme.dim))
        }
        grid.put(line, x: 0, y: 2, maxWidth: width)
    }
    if state.rows.isEmpty {
        let text =
            state.filter.isEmpty ? "This plan has no sections yet." : "No action matches the filter. Esc clears it."
        grid.put(text, x: 2, y: AppState.headerHeight + 1, style: theme.dim, maxWidth: width - 2)
        return
    }
    let selected = state.selectedIndex
    let visible = state.listTop..<min(state.rows.count, state.listTop + state.listHeight)
    for (offset, index) in visible.enumerated() {
        let y = AppState.headerHeight + offset
        let isSelected = index == selected
        let line = listRow(state.rows[index], state: state, columns: columns, theme: theme)
        if isSelected {
            grid.fill(x: 0, y: y, width: width, style: theme.selected)
        }
        // A pointer as well as the bar, so the selection shows without colour or reverse video.
        let gutter = Span(isSelected ? "›" : " ", isSelected ? Style(bold: true, reverse: true) : .plain)
        grid.put(
            [gutter] + (isSelected ? line.map { Span($0.text, selectedStyle($0.style)) } : line), x: 0, y: y,
            maxWidth: width)
    }
}

/// On the selection bar plain text is reversed with the bar, and badges (already
/// reversed) flip back, so that they still stand out from the bar.
func selectedStyle(_ style: Style) -> Style {
    // A colour badge keeps its own pair; coloured text loses its colour, which the bar
    // (reverse video of the terminal's own colours) might make unreadable.
    if style.background != nil { return style }
    var selected = style
    selected.foreground = nil
    selected.reverse.toggle()
    selected.dim = false
    return selected
}

private func listRow(_ row: Row, state: AppState, columns: ListColumns, theme: Theme) -> StyledLine {
    let plan = state.plan
    switch row {
    case .section(let s):
        let section = plan.sections[s]
        let marker = state.folded.contains(.section(section.number)) ? "▸ " : "▾ "
        let counts = state.sectionCounts[s]
        let figures =
            "  \(counts.total) action\(counts.total == 1 ? "" : "s") · \(SummaryText.percent(counts.percentComplete)) complete"
        let title = marker + "\(section.number) " + TerminalText.escaped(section.title)
        return [
            Span(DisplayWidth.truncate(title, to: columns.width - 2 - DisplayWidth.of(figures)), theme.heading),
            Span(figures, theme.dim),
        ]
    case .area(let s, let a):
        let area = plan.sections[s].areas[a]
        let marker = state.folded.contains(.area(area.number)) ? "▸ " : "▾ "
        let figures = "  " + areaFigures(AreaRollup(area: area, in: plan, on: state.today))
        let title = "  " + marker + "\(area.number) " + TerminalText.escaped(area.title)
        return [
            Span(DisplayWidth.truncate(title, to: columns.width - 2 - DisplayWidth.of(figures)), theme.heading),
            Span(figures, theme.dim),
        ]
    case .action(let i):
        let action = plan.actions[i]
        let overdue = action.isOverdue(on: state.today)
        // Escape before measuring: `\e` takes two cells where ESC took none.
        let safe = { (text: String) in TerminalText.escaped(text) }
        let search = state.filter.core.search
        let retired = action.isRetired ? "(retired) " : ""
        let text = [
            Span(
                " " + DisplayWidth.fit(retired + safe(Prose.firstLine(action.text)), to: columns.text) + " ",
                action.isRetired ? theme.dim : .plain)
        ]
        let owner = action.owners.joined(separator: "; ")
        let due = ActionTable.dueLabel(action.due)
        return [
            Span("    " + DisplayWidth.fit(safe(action.ref), to: columns.ref) + " "),
            theme.badge(action.status),
        ] + Highlight.matches(of: search, in: text, mark: theme.match) + [
            Span(columns.owner > 0 ? DisplayWidth.fit(safe(owner), to: columns.owner) + " " : ""),
            Span(columns.due > 0 ? DisplayWidth.fit(safe(due), to: columns.due) : "", overdue ? theme.overdue : .plain),
            action.ref == state.keptRef
                ? Span(" ×", theme.accent)
                : Span(overdue ? " !" : action.isRetired ? " x" : "  ", overdue ? theme.overdue : theme.dim),
        ]
    }
}
