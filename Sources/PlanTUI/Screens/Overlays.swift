import PlanCore

func drawHelp(_ state: AppState, top: Int, _ theme: Theme, into grid: inout Grid) {
    // Two columns where each has room for a key and a readable description; one otherwise.
    let columns = state.width >= 110 ? 2 : 1
    let gap = 3
    let columnWidth = (state.width - 2 - gap * (columns - 1)) / columns
    func section(_ title: String, _ rows: [(String, String)]) -> [StyledLine] {
        var lines: [StyledLine] = [[Span(title, .bold)]]
        // The key column as wide as its widest key, and a space, so that keys never run into their text.
        let keyWidth = min(20, (rows.map { DisplayWidth.of($0.0) }.max() ?? 8) + 2)
        for (key, help) in rows {
            let wrapped = Wrap.lines(help, width: max(10, columnWidth - 2 - keyWidth))
            for (index, line) in wrapped.enumerated() {
                let label = index == 0 ? key : ""
                lines.append([Span("  " + DisplayWidth.fit(label, to: keyWidth), theme.accent), Span(line)])
            }
        }
        lines.append([])
        return lines
    }
    var sections = [
        section("Plan list and detail", KeyMap.main.filter { !$0.label.isEmpty }.map { ($0.label, $0.help) }),
        section("Writing a note or editing an action", KeyMap.editor),
        section("Review (v)", KeyMap.review),
        section("Filter panel (f)", KeyMap.filters),
    ]
    var legend: [StyledLine] = [[Span("Status letters:", .bold)]]
    legend += state.plan.statusKey.entries.map { [Span("  "), theme.badge($0.status), Span(" \($0.label)")] }
    legend += Wrap.lines("! after a due date: overdue (past due and not complete).", width: columnWidth).map {
        [Span($0, theme.dim)]
    }
    sections.append(legend)
    // The first column takes the list's keys; the others the rest, in order.
    var laidOut: [[StyledLine]] = Array(repeating: [], count: columns)
    for (index, lines) in sections.enumerated() {
        laidOut[columns == 1 || index == 0 ? 0 : 1] += lines
    }
    let header: StyledLine = [Span("Keys", theme.accent), Span("   any key closes · ↑↓ PgUp PgDn scroll", theme.dim)]
    grid.put(header, x: 1, y: 2, maxWidth: state.width - 2)
    let height = state.height - 4
    let longest = laidOut.map(\.count).max() ?? 0
    let first = min(top, max(0, longest - height))
    for (column, lines) in laidOut.enumerated() {
        let x = 1 + column * (columnWidth + gap)
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            grid.put(line, x: x, y: 3 + offset, maxWidth: columnWidth)
        }
    }
}

func drawFilters(_ state: AppState, panel: FilterPanel, _ theme: Theme, into grid: inout Grid) {
    let filter = state.filter
    let width = min(64, state.width - 4)
    let statuses = state.plan.statusKey.statuses
    var rows: [StyledLine] = []
    func tick(_ on: Bool) -> String { on ? "[x]" : "[ ]" }
    for status in statuses {
        let key = status == .notStarted ? "n" : status.code.lowercased()
        rows.append([
            Span(" \(key)  "), Span(tick(filter.core.statuses.contains(status)) + " "), theme.badge(status),
            Span(" " + state.plan.statusKey.label(for: status)),
        ])
    }
    if let picker = panel.ownerPicker {
        // Below the statuses: the name being typed, the owners it matches, and what the keys do;
        // wider than the panel, for the names.
        let room = max(3, state.height - 3 - 1 - 2 - rows.count - 2)
        let width = min(76, state.width - 4)
        let list = ownerList(picker, width: width - 4, height: room, theme)
        let inner = grid.box(
            x: (state.width - width) / 2, y: 3, width: width, height: rows.count + list.count + 4,
            title: "Filters · pick an owner")
        rows.append([Span(" o  Owner: "), Span(picker.input.text, Style(underline: true))])
        rows += list
        rows.append([Span(" ↑↓ choose · Enter apply · Esc no owner filter", theme.dim)])
        for (offset, row) in rows.prefix(inner.height).enumerated() {
            grid.put(row, x: inner.x, y: inner.y + offset, maxWidth: inner.width)
        }
        let prefix = DisplayWidth.of(" o  Owner: ")
        grid.cursor = (
            inner.x + prefix + DisplayWidth.of(String(picker.input.lines[0].prefix(picker.input.column))),
            inner.y + statuses.count
        )
        return
    }
    let inner = grid.box(
        x: (state.width - width) / 2, y: 3, width: width, height: statuses.count + 7,
        title: "Filters · Enter or Esc to close")
    if let picked = filter.pickedOwner {
        rows.append([Span(" o  Owner: "), Span(picked, .bold)])
    } else if let owner = filter.core.owner, !owner.isEmpty {
        rows.append([Span(" o  Owner contains: "), Span(owner)])
    } else {
        rows.append([Span(" o  Owner: (any)"), Span("  o picks from the plan's owners", theme.dim)])
    }
    rows.append([Span(" d  " + tick(filter.core.overdueOnly) + " Overdue only")])
    rows.append([Span(" s  " + tick(filter.dueSoon) + " Due within \(ReviewCycle.days) days")])
    let sections = state.plan.sections.map(\.number).prefix(9).joined(separator: " ")
    rows.append([Span(" 1-9 Section: " + (filter.core.section ?? "all")), Span("  (\(sections))", theme.dim)])
    rows.append([Span(" c  Clear all", theme.dim)])
    for (offset, row) in rows.prefix(inner.height).enumerated() {
        grid.put(row, x: inner.x, y: inner.y + offset, maxWidth: inner.width)
    }
}

/// The picker's rows, at most `height`, scrolled to keep the selection in view: the typed
/// text as "containing …" first, then each owner with their open and overdue actions.
func ownerList(_ picker: OwnerPicker, width: Int, height: Int, _ theme: Theme) -> [StyledLine] {
    let matches = picker.matches
    let first: StyledLine
    if picker.text.isEmpty {
        first = [Span("Any owner"), Span("  \(matches.count) name\(matches.count == 1 ? "" : "s")", theme.dim)]
    } else {
        let names =
            matches.isEmpty
            ? "no name has it: filters by the text" : "\(matches.count) name\(matches.count == 1 ? "" : "s")"
        first = [Span("Any owner containing \"\(picker.text)\""), Span("  " + names, theme.dim)]
    }
    var lines = [first]
    let counts = matches.map { "\($0.open) open" + ($0.overdue > 0 ? " · \($0.overdue) overdue" : "") }
    let countsWidth = counts.map(DisplayWidth.of).max() ?? 0
    let nameWidth = max(4, width - 3 - countsWidth - 2)
    for (owner, count) in zip(matches, counts) {
        let name = DisplayWidth.fit(TerminalText.escaped(owner.name), to: nameWidth)
        lines.append([
            Span(name + "  "),
            Span(DisplayWidth.fitRight(count, to: countsWidth), owner.overdue > 0 ? theme.overdue : theme.dim),
        ])
    }
    let top = min(max(0, picker.selection - height + 1), max(0, lines.count - height))
    return lines.enumerated().dropFirst(top).prefix(height).map { index, line in
        let selected = index == picker.selection
        let marker = Span(selected ? " › " : "   ", selected ? theme.accent : .plain)
        guard selected else { return [marker] + line }
        return [marker] + line.map { Span($0.text, theme.selected) }
    }
}

func drawNoteEditor(_ state: AppState, _ draft: NoteDraft, _ theme: Theme, into grid: inout Grid) {
    let leavingBlue = draft.status != nil && draft.status != .blue && state.plan.action(ref: draft.ref)?.status == .blue
    let title =
        if leavingBlue {
            "Why does \(draft.ref) leave blue? Back to \(state.plan.statusKey.label(for: draft.status ?? .amber)): \(draft.actionLabel)"
        } else if draft.status == .blue, let board = state.plan.impactAgreedBy.first {
            "Blue for \(draft.ref), agreed by \(board): what evidences the impact?"
        } else if draft.status == .red {
            "Going red: \(draft.actionLabel). Why? A short note (may be left empty)"
        } else if let status = draft.status {
            "Back to \(state.plan.statusKey.label(for: status)): \(draft.actionLabel). Why? (Esc keeps it as it is)"
        } else {
            "New progress note for \(draft.actionLabel)"
        }
    let height = max(8, min(state.height - 8, 16))
    grid.fill(x: 0, y: 3, width: state.width, height: height)
    let inner = grid.box(x: 2, y: 3, width: state.width - 4, height: height, title: title)
    let help =
        draft.confirmingDiscard
        ? "Discard this note? y/n"
        : "Ctrl-D save · Esc cancel · blank line: new paragraph · Ctrl-E \(state.editorName)"
    grid.put(help, x: inner.x, y: inner.y + inner.height - 1, style: draft.confirmingDiscard ? theme.error : theme.dim)
    drawEditor(draft.editor, x: inner.x, y: inner.y, width: inner.width, height: inner.height - 2, into: &grid)
}

func drawForm(_ state: AppState, _ form: ActionForm, _ theme: Theme, into grid: inout Grid) {
    let height = max(10, min(state.height - 8, 20))
    grid.fill(x: 0, y: 3, width: state.width, height: height)
    let inner = grid.box(x: 2, y: 3, width: state.width - 4, height: height, title: "Edit \(form.ref)")
    let labelWidth = 8
    var y = inner.y
    for field in ActionForm.Field.allCases {
        let focused = field == form.focus
        grid.put(DisplayWidth.fit(field.label, to: labelWidth), x: inner.x, y: y, style: focused ? theme.accent : .bold)
        let editor = form[field]
        let fieldWidth = inner.width - labelWidth
        // Long owners show whole: wrapped onto a second row when they do not fit one.
        let ownerRows = field == .owner ? min(2, wrappedRanges(editor.lines[0], width: fieldWidth - 1).count) : 1
        let fieldHeight = field == .text ? max(1, inner.y + inner.height - 2 - y) : ownerRows
        if focused && editor.multiline {
            drawEditor(editor, x: inner.x + labelWidth, y: y, width: fieldWidth, height: fieldHeight, into: &grid)
        } else if focused && fieldHeight == 1 {
            drawEditor(editor, x: inner.x + labelWidth, y: y, width: fieldWidth, height: 1, into: &grid)
        } else {
            // Wrapped to the box, not cut at its edge.
            var multiline = editor
            multiline.multiline = true
            let cursor = grid.cursor
            drawEditor(multiline, x: inner.x + labelWidth, y: y, width: fieldWidth, height: fieldHeight, into: &grid)
            if !focused { grid.cursor = cursor }
        }
        y += fieldHeight + (field != .text ? 1 : 0)
    }
    let help =
        form.confirmingDiscard
        ? "Discard your changes? y/n"
        : "Tab field · Ctrl-D save · Esc cancel · separate owners with ; · Ctrl-E \(state.editorName)"
    grid.put(
        help, x: inner.x, y: inner.y + inner.height - 1, style: form.confirmingDiscard ? theme.error : theme.dim,
        maxWidth: inner.width)
}

/// Draws an editor's text soft-wrapped to `width` (at spaces where it can) and
/// puts the cursor where it is, scrolling so that the cursor's row is visible.
/// Single-line fields scroll sideways instead.
func drawEditor(_ editor: TextEditor, x: Int, y: Int, width: Int, height: Int, into grid: inout Grid) {
    guard width > 1, height > 0 else { return }
    if !editor.multiline {
        let line = editor.lines[0]
        var start = 0
        while DisplayWidth.of(String(line[start..<editor.column])) >= width { start += 1 }
        grid.put(String(line[start...]), x: x, y: y, maxWidth: width)
        grid.cursor = (x + DisplayWidth.of(String(line[start..<editor.column])), y)
        return
    }
    // Visual rows: (line, start, end) in characters of that line.
    var rows: [(line: Int, start: Int, end: Int)] = []
    for (index, line) in editor.lines.enumerated() {
        rows += wrappedRanges(line, width: width - 1).map { (index, $0.lowerBound, $0.upperBound) }
    }
    let cursorRow = rows.lastIndex { $0.line == editor.row && $0.start <= editor.column } ?? 0
    let top = max(0, cursorRow - height + 1)
    for (offset, row) in rows.dropFirst(top).prefix(height).enumerated() {
        let text = String(editor.lines[row.line][row.start..<row.end])
        grid.put(text, x: x, y: y + offset, maxWidth: width)
        if offset + top == cursorRow {
            let before = String(editor.lines[row.line][row.start..<min(editor.column, row.end)])
            grid.cursor = (x + DisplayWidth.of(before), y + offset)
        }
    }
}

/// Where a line breaks to fit `width` cells: after the last space that fits, or
/// mid-word when a word is longer than a row. An empty line is one empty row.
func wrappedRanges(_ line: [Character], width: Int) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var start = 0
    while start < line.count {
        var end = start
        var used = 0
        var lastBreak: Int?
        while end < line.count, used + DisplayWidth.of(line[end]) <= width {
            used += DisplayWidth.of(line[end])
            if line[end] == " " { lastBreak = end + 1 }
            end += 1
        }
        if end < line.count, line[end] == " " {
            end += 1  // the row ends exactly at a word; its space may hang over the edge
        } else if end < line.count, let lastBreak, lastBreak > start {
            end = lastBreak
        }
        if end == start { end = start + 1 }
        ranges.append(start..<end)
        start = end
    }
    return ranges.isEmpty ? [0..<0] : ranges
}

/// The review: a banner with where we are and why this action needs attention,
/// the action in full below it; at the end, what changed and whether to record it.
func drawReview(_ state: AppState, _ theme: Theme, into grid: inout Grid) {
    guard let session = state.review else { return }
    guard !session.finished else {
        var lines: [StyledLine] = [[Span("Review finished", theme.accent)], []]
        lines.append([Span("Looked at \(session.lookedAt) of \(session.queue.count) actions that needed attention.")])
        lines.append([])
        if session.log.isEmpty {
            lines.append([Span("No changes were made in this review.", theme.dim)])
        } else {
            lines.append([Span("Changes made in this review (\(session.log.count)), all saved:", .bold)])
            lines += session.log.map { [Span("  " + $0)] }
        }
        lines.append([])
        lines += Wrap.lines(closingWords(state, session), width: state.width - 2).map {
            [Span($0, session.question == nil ? .plain : theme.accent)]
        }
        for (offset, line) in lines.prefix(state.height - 3).enumerated() {
            grid.put(line, x: 1, y: 2 + offset, maxWidth: state.width - 2)
        }
        return
    }
    let reasons = session.currentRef.flatMap { session.reasons[$0] } ?? []
    let label = " Review \(session.position + 1) of \(session.queue.count) "
    let labelWidth = DisplayWidth.of(label) + 2
    // The reasons wrap beside the label (at most three rows), never cut at the edge.
    let reasonLines = Wrap.lines(reasons.joined(separator: " · "), width: max(10, state.width - labelWidth - 1))
        .prefix(3)
    grid.put(label, x: 0, y: 2, style: Style(bold: true, reverse: true))
    for (offset, line) in reasonLines.enumerated() {
        grid.put(line, x: labelWidth, y: 2 + offset, style: theme.accent, maxWidth: state.width - labelWidth)
    }
    drawDetail(state, theme, x: 0, width: state.width, top: 2 + max(1, reasonLines.count), into: &grid)
}

/// What the closing screen says it will do, or the question it is asking.
private func closingWords(_ state: AppState, _ session: ReviewSession) -> String {
    let today = state.today
    switch session.question {
    case .partial:
        return "Record a partial review (\(session.lookedAt) of \(session.queue.count) looked at)? y/n"
    case .asAt:
        let from = state.plan.asAt.map { " from \($0.ukShort)" } ?? ""
        return "The review is recorded. Move the plan's As at date\(from) to \(today.ukShort), "
            + "as actionplan as-at does? y/n"
    case nil:
        let line = PlanDocument.reviewLine(
            on: today, by: state.plan.reviewingBoard, counts: session.counts(in: state.plan, on: today))
        return "Enter records it in the plan's log of reviews (\(line)). Esc closes without recording."
    }
}
