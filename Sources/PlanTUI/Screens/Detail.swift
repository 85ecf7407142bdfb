import PlanCore

/// The selected action in full: area findings, text, owners, due, notes newest
/// first, history. Beside the list on wide terminals, full screen otherwise.
func drawDetail(_ state: AppState, _ theme: Theme, x: Int, width: Int, top: Int = 2, into grid: inout Grid) {
    let height = state.height - 1 - top
    guard width > 10 else { return }
    guard let action = state.selectedAction else {
        grid.put("Select an action to see it here.", x: x + 1, y: top + 1, style: theme.dim, maxWidth: width - 2)
        return
    }
    var titleLine: StyledLine = [
        theme.badge(action.status), Span(" \(action.ref) ", .bold),
        Span(state.plan.statusKey.label(for: action.status)),
    ]
    if action.isOverdue(on: state.today) { titleLine.append(Span("  OVERDUE", theme.overdue)) }
    if let retired = action.retirement { titleLine.append(Span("  RETIRED \(retired.date.ukShort)", theme.dim)) }

    let lines = detailLines(action, state: state, theme: theme, width: width - 2)
    let visible = height - 1
    let first = min(state.detailTop, max(0, lines.count - visible))
    // Where we are in a long detail, on the title row so that it never covers text.
    var position = ""
    if lines.count > visible {
        position = "\(first + 1)–\(min(lines.count, first + visible))/\(lines.count)"
        if state.focus == .detail || state.modal == .detail || state.modal == .review { position = "↑↓ " + position }
    }
    let positionWidth = DisplayWidth.of(position)
    grid.put(titleLine, x: x + 1, y: top, maxWidth: width - 3 - positionWidth)
    grid.put(position, x: x + width - positionWidth - 1, y: top, style: theme.dim)
    for (offset, line) in lines.dropFirst(first).prefix(visible).enumerated() {
        let marked = Highlight.matches(of: state.filter.core.search, in: line, mark: theme.match)
        grid.put(marked, x: x + 1, y: top + 1 + offset, maxWidth: width - 2)
    }
}

func detailLines(_ action: Action, state: AppState, theme: Theme, width: Int) -> [StyledLine] {
    var out: [StyledLine] = []
    func paragraph(_ text: String, _ style: Style = .plain, indent: Int = 0) {
        let pad = String(repeating: " ", count: indent)
        out += Wrap.lines(text, width: width - indent).map { [Span(pad + $0, style)] }
    }
    func heading(_ text: String) {
        if !out.isEmpty { out.append([]) }
        out.append([Span(text, theme.accent)])
    }

    paragraph(action.text)
    out.append([])
    /// `Label: value`, the value wrapped under itself.
    func labelled(_ label: String, _ value: String, _ style: Style = .plain) {
        let pad = String(repeating: " ", count: 7)
        for (index, line) in Wrap.lines(value, width: width - 7).enumerated() {
            out.append(
                index == 0
                    ? [Span(DisplayWidth.fit(label, to: 7), .bold), Span(line, style)] : [Span(pad + line, style)])
        }
    }
    labelled("Owner:", action.owners.isEmpty ? "none" : action.owners.joined(separator: "; "))
    if let d = action.due {
        let overdue = action.isOverdue(on: state.today)
        labelled(
            "Due:", d.date.map { $0.ukLong + (overdue ? " (overdue)" : "") } ?? d.text, overdue ? theme.overdue : .plain
        )
        if d.date == nil {
            labelled("", "No date can be read from this, so it is never counted as overdue.", theme.dim)
        } else if !d.isPlainDate {
            labelled("", "Written as: " + d.text, theme.dim)
        }
    } else {
        labelled("Due:", "none", theme.dim)
    }
    if action.dueChangeCount > 0 {
        labelled(
            "", "The due date has moved \(action.dueChangeCount == 1 ? "once" : "\(action.dueChangeCount) times").",
            theme.dim)
    }
    for field in action.extraFields {
        labelled(field.name + ":", field.value.replacingEvery("\n", with: " "))
    }

    let measures = action.measures + (state.plan.area(number: action.areaNumber)?.measures ?? [])
    if !measures.isEmpty { heading("Measures") }
    for measure in measures {
        out.append([
            Span(measure.name, .bold), Span("  " + Sparkline.of(measure.chronological.map(\.value)), theme.accent),
        ])
        if let summary = MeasureText.summary(measure) { paragraph(summary, theme.dim, indent: 2) }
    }

    let notes = action.notes.enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }.map(
        \.element)
    heading(notes.isEmpty ? "No progress notes yet" : "Progress and impact (newest first)")
    for note in notes {
        out.append([Span(note.date.ukLong, .bold), Span(note.author.map { " · \($0)" } ?? "", theme.dim)])
        paragraph(note.text, indent: 2)
    }

    if let area = state.plan.area(number: action.areaNumber) {
        heading("Area \(area.number) \(area.title)")
        for (label, text) in [
            ("Needs to improve", area.needsToImprove), ("Priority action", area.priorityAction),
            ("Inspectors found", area.inspectorsFound),
        ] {
            guard let text else { continue }
            out.append([Span(label + ":", theme.dim)])
            paragraph(text, theme.dim, indent: 2)
        }
    }

    if !action.history.isEmpty {
        heading("History")
        let ordered = action.history.enumerated().sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }
            .map(\.element)
        for entry in ordered {
            let what: String
            switch entry.change {
            case .status(let from, let to):
                what = "status \(state.plan.statusKey.label(for: from)) → \(state.plan.statusKey.label(for: to))"
            case .due(let from, let to):
                what = "due \(from) → \(to)"
            case .owner(let from, let to):
                what = "owner \(from.joined(separator: "; ")) → \(to.joined(separator: "; "))"
            case .added:
                what = "added to the plan"
            case .retired(let reason):
                what = "retired: \(reason)"
            case .moved(let from, let to):
                what = "moved from area \(from) to \(to)"
            case .reworded(let old):
                what = "reworded; it read: \(old)"
            }
            let text = what + (entry.author.map { " · \($0)" } ?? "")
            let date = DisplayWidth.fit(entry.date.ukShort, to: 12)
            for (index, line) in Wrap.lines(text, width: width - 13).enumerated() {
                out.append(
                    index == 0
                        ? [Span(date + " ", theme.dim), Span(line)] : [Span(String(repeating: " ", count: 13) + line)])
            }
        }
    }
    return out
}
