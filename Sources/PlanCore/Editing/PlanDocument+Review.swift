/// Recording a finished review in the plan's header.
extension PlanDocument {
    /// Sets `- Last reviewed: DATE, BY` in the header: the existing line is rewritten
    /// in place, or a new one goes after `As at:` (else after the last header field,
    /// else after the title). Nothing else changes.
    @discardableResult
    public mutating func setLastReviewed(on date: PlanDate, by board: String?) throws(EditError) -> EditOutcome {
        let board = board?.trimmingCharacters(in: .whitespaces)
        if let board,
            board.contains(where: {
                $0.isNewline || $0.unicodeScalars.contains { TerminalText.needsEscape($0, keepNewlines: false) }
            })
        {
            throw .invalidText("a board's name cannot contain line breaks or control characters")
        }
        let value = if let board, !board.isEmpty { date.iso + ", \(board)" } else { date.iso }
        let header = headerFieldLines()
        let replacement: (range: Range<Int>, lines: [SourceLine])
        if let existing = header.first(where: { $0.name == "last reviewed" }) {
            let line = lines[existing.index]
            let prefix = line.text[..<existing.valueStart]
            replacement = (
                existing.index..<existing.index + 1, [SourceLine(String(prefix) + value, ending: line.ending)]
            )
        } else {
            let anchor = header.first { $0.name == "as at" }?.index ?? header.last?.index ?? titleLineIndex()
            let ending = ending(near: anchor)
            var anchorLine = lines[anchor]
            var newLine = SourceLine("- Last reviewed: " + value, ending: ending)
            if anchorLine.ending == .none {
                // The anchor was the last line of a file without a final newline.
                anchorLine.ending = ending
                newLine.ending = .none
            }
            replacement = (anchor..<anchor + 1, [anchorLine, newLine])
        }
        var edited = self
        do {
            try edited.replaceLines(replacement.range, with: replacement.lines)
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "the edited file did not parse")
        }
        if let problem = edited.limitProblem { throw .notStored(problem) }
        guard edited.plan.lastReviewed == Review(date: date, by: (board?.isEmpty ?? true) ? nil : board) else {
            throw .notStored("the review date did not read back as written")
        }
        let changed = edited.plan.lastReviewed != plan.lastReviewed
        self = edited
        return EditOutcome(ref: "plan", changes: changed ? ["last reviewed \(date.iso)"] : [])
    }

    /// The header's `- NAME: value` lines (between the title and the first `## `).
    private func headerFieldLines() -> [(index: Int, name: String, valueStart: Substring.Index)] {
        var out: [(Int, String, Substring.Index)] = []
        for index in lines.indices {
            let text = lines[index].text
            if text.hasPrefix("## ") { break }
            guard let field = LineSyntax.field(text) else { continue }
            out.append((index, field.name.lowercased(), field.valueStart))
        }
        return out
    }

    private func titleLineIndex() -> Int {
        lines.firstIndex { $0.text.hasPrefix("# ") } ?? 0
    }
}
