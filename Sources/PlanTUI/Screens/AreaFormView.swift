import PlanCore

/// The board's form on an area (`S`, `A`): its fields, the line it will write, and the
/// question it asks before signing off an area whose actions are not all complete.
func drawAreaForm(_ state: AppState, _ form: AreaForm, _ theme: Theme, into grid: inout Grid) {
    let width = state.width - 4
    let labelWidth = 11
    let fieldWidth = width - 2 - labelWidth
    let heading = "\(form.area) \(TerminalText.escaped(form.areaTitle))"
    let title =
        form.kind == .signOff
        ? "Sign off " + DisplayWidth.truncate(heading, to: width - 14)
        : "Assess " + DisplayWidth.truncate(heading, to: width - 12)
    let board = form.boardName.map { " (\(TerminalText.escaped($0)))" } ?? ""
    let writes =
        form.kind == .signOff
        ? "Writes - Signed off \(state.today.iso)\(board): … at the end of the area; the heading then shows it."
        : "Writes - Assessed \(state.today.iso)\(board): STATUS, why; it holds until something in the area changes."
    var notes = Wrap.lines(writes, width: width - 4).map { [Span($0, theme.dim)] }
    if form.kind == .assess {
        notes.insert([Span("Status: a letter of the key (\(state.plan.statusKey.listing)).", theme.dim)], at: 0)
    }
    let question: [StyledLine]
    if let open = form.confirmingForce {
        let text =
            "\(form.area) has actions that are not complete: \(open.joined(separator: ", ")). "
            + "Sign it off anyway (as sign-off --force)? y/n"
        question = Wrap.lines(text, width: width - 4).prefix(3).map { [Span($0, theme.error)] }
    } else if form.confirmingDiscard {
        question = [[Span("Discard what you typed? y/n", theme.error)]]
    } else {
        question = Wrap.lines(
            "Tab or Enter next field · Enter on the last or Ctrl-D saves · Esc cancel", width: width - 4
        )
        .map { [Span($0, theme.dim)] }
    }
    let height = form.fields.count * 2 + 1 + notes.count + question.count + 2
    grid.fill(x: 0, y: 3, width: state.width, height: height)
    let inner = grid.box(x: 2, y: 3, width: width, height: height, title: title)
    var y = inner.y
    var cursor = grid.cursor
    for field in form.fields {
        let focused = field == form.focus
        grid.put(
            DisplayWidth.fit(field.label(for: form.kind), to: labelWidth), x: inner.x, y: y,
            style: focused ? theme.accent : .bold)
        drawEditor(form[field], x: inner.x + labelWidth, y: y, width: fieldWidth, height: 1, into: &grid)
        if focused { cursor = grid.cursor }
        y += 2
    }
    grid.cursor = cursor
    for line in notes + [[]] + question {
        grid.put(line, x: inner.x, y: y, maxWidth: inner.width)
        y += 1
    }
}
