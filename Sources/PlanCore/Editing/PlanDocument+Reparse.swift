/// Reading an edited action back without reading the whole file again: an edit
/// changes the lines of one action, so only those lines are parsed, in the context
/// the whole parse would give them, and the rest of the parsed plan is kept with its
/// line positions moved.
extension PlanDocument {
    /// The document with `edited` as its lines, where the action at `index` now spans
    /// `range` of them and nothing else changed. Throws what the full parse would throw
    /// when the action's lines have errors; nil when the lines around the action could
    /// read differently now, so that only the full parse can tell.
    func reparsingAction(_ index: Int, in edited: [SourceLine], from range: Range<Int>) throws(PlanParseError)
        -> PlanDocument?
    {
        let old = plan.actions[index]
        guard range.lowerBound < range.upperBound, range.upperBound <= edited.count,
            // A comment opened or closed by the edit changes how later lines read, and
            // a comment right after the action may belong to it or not: leave both to the full parse.
            !edited[range].contains(where: { $0.text.utf8.contains(UInt8(ascii: "<")) && $0.text.contains("<!--") }),
            !(range.upperBound < edited.count && edited[range.upperBound].text.indentation.width == 0
                && edited[range.upperBound].text.droppingBlanks().hasPrefix("<!--"))
        else { return nil }

        var parser = PlanParser(
            lines: edited, action: range, statusKey: plan.statusKey,
            section: old.sectionNumber, area: old.areaNumber)
        let read = parser.parse()
        if parser.diagnostics.contains(where: { $0.severity == .error }) {
            throw PlanParseError(diagnostics: parser.diagnostics)
        }
        // The lines must still make exactly this one action, running to the end of the range.
        guard read.actions.count == 1, read.actions[0].lineRange == range, read.actions[0].ref == old.ref else {
            return nil
        }

        let delta = range.count - old.lineRange.count
        var document = self
        document.lines = edited
        document.plan.replaceAction(at: index, with: read.actions[0], shiftingLaterLinesBy: delta)
        // Warnings about the action's old lines go; those after it move with their lines.
        let oldLines = (old.lineRange.lowerBound + 1)...old.lineRange.upperBound
        var warnings = warnings.filter { !oldLines.contains($0.line) }
        for k in warnings.indices where warnings[k].line > old.lineRange.upperBound { warnings[k].line += delta }
        warnings += parser.diagnostics
        document.warnings = warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return document
    }
}

extension Plan {
    /// Puts `action` in place of the action at `index` and moves the line positions of
    /// everything after that action's lines by `delta`.
    mutating func replaceAction(at index: Int, with action: Action, shiftingLaterLinesBy delta: Int) {
        let firstLaterLine = actions[index].lineRange.upperBound
        actions[index] = action
        guard delta != 0 else { return }
        for k in actions.indices.dropFirst(index + 1) { actions[k].shiftLines(by: delta) }
        // Headings and fields are 1-based lines; the action's lines were 0-based.
        let moves = { (line: Int) in line > firstLaterLine }
        for s in sections.indices {
            if moves(sections[s].line) { sections[s].line += delta }
            for a in sections[s].areas.indices {
                if moves(sections[s].areas[a].line) { sections[s].areas[a].line += delta }
                // An area's fields may also stand after its actions.
                for f in sections[s].areas[a].extraFields.indices where moves(sections[s].areas[a].extraFields[f].line)
                {
                    sections[s].areas[a].extraFields[f].line += delta
                }
                sections[s].areas[a].shiftBoardLines(by: delta, where: moves)
            }
        }
        for t in textSections.indices where moves(textSections[t].line) { textSections[t].line += delta }
    }
}

extension Action {
    /// Moves every line position of the action by `delta` lines.
    mutating func shiftLines(by delta: Int) {
        let move = { (range: Range<Int>) in (range.lowerBound + delta)..<(range.upperBound + delta) }
        line += delta
        lineRange = move(lineRange)
        textLines = move(textLines)
        ownerLines = ownerLines.map(move)
        dueLines = dueLines.map(move)
        for i in notes.indices { notes[i].line += delta }
        for i in history.indices { history[i].line += delta }
        for i in extraFields.indices { extraFields[i].line += delta }
        for i in agreements.indices { agreements[i].line += delta }
        for m in measures.indices { measures[m].shiftLines(by: delta, where: { _ in true }) }
    }
}
