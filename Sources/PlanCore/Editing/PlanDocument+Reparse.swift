/// Reading an edited action back without reading the whole file again: an edit
/// changes the lines of one action, so only those lines are parsed, in the context
/// the whole parse would give them, and the rest of the parsed plan is kept with its
/// line positions moved.
extension PlanDocument {
    /// The document with `edited` as its lines, where the action at `index` now spans
    /// `range` of them and nothing else changed. Throws what the full parse would throw
    /// when the action's lines have errors; nil when the lines around the action could
    /// read differently now, so that only the full parse can tell.
    func reparsingAction(_ index: Int, in edited: LineTable, from range: Range<Int>) throws(PlanParseError)
        -> PlanDocument?
    {
        let old = plan.actions[index]
        let oldSpan = spans[index]
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
        guard read.actions.count == 1, parser.spans[0].lines == range, read.actions[0].ref == old.ref else {
            return nil
        }

        let delta = range.count - oldSpan.lines.count
        var document = self
        document.lines = edited
        document.replaceAction(at: index, with: read.actions[0], spanning: parser.spans[0], shiftingLaterLinesBy: delta)
        // Warnings about the action's old lines go; those after it move with their lines.
        let oldLines = (oldSpan.lines.lowerBound + 1)...oldSpan.lines.upperBound
        var warnings = warnings.filter { !oldLines.contains($0.line) }
        for k in warnings.indices where warnings[k].line > oldSpan.lines.upperBound { warnings[k].line += delta }
        warnings += parser.diagnostics
        document.warnings = warnings.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        return document
    }
}

extension PlanDocument {
    /// Puts `action` (at `span`) in place of the action at `index`, and moves the spans
    /// of the later actions and the line numbers of everything after the old action's
    /// lines by `delta`.
    mutating func replaceAction(
        at index: Int, with action: Action, spanning span: ActionSpan, shiftingLaterLinesBy delta: Int
    ) {
        let firstLaterLine = spans[index].lines.upperBound
        plan.actions[index] = action
        spans[index] = span
        guard delta != 0 else { return }
        spans.moveLines(after: index, by: delta)
        plan.actions.moveLines(after: index, by: delta)
        plan.shiftLines(after: firstLaterLine, by: delta)
    }
}

extension Plan {
    /// Moves the line numbers of the headings and fields after line `firstLaterLine` by
    /// `delta`: the later sections and areas move whole, by their chunks' offsets (see
    /// ``AreaList``), and only the area holding the edit moves its parts one by one.
    mutating func shiftLines(after firstLaterLine: Int, by delta: Int) {
        // A heading's or field's 1-based number above the 0-based index just past the old
        // action's lines is a line after the action.
        var s = sections.count
        while s > 0, sections[s - 1].line > firstLaterLine {
            s -= 1
            sections[s].moveLines(by: delta)
        }
        if s > 0 {
            // The areas of the section holding the edit stand in file order: the later ones
            // move whole, and the one before them holds the edit (its parts may stand after it).
            var low = 0
            var high = sections[s - 1].areas.count
            while low < high {
                let mid = (low + high) / 2
                if sections[s - 1].areas[mid].line > firstLaterLine { high = mid } else { low = mid + 1 }
            }
            if low < sections[s - 1].areas.count { sections[s - 1].areas.moveLines(from: low, by: delta) }
            if low > 0 { sections[s - 1].areas[low - 1].moveParts(after: firstLaterLine, by: delta) }
        }
        for t in textSections.indices where textSections[t].line > firstLaterLine { textSections[t].line += delta }
    }
}
