/// Recording a finished review in the plan's header.
extension PlanDocument {
    /// Sets `- Last reviewed: DATE, BY` in the header: the existing field is rewritten
    /// in place (as one line, with the lines that continued it), or a new one goes after
    /// `As at:` (else after the last header field, else after the title). Nothing else changes.
    @discardableResult
    public mutating func setLastReviewed(on date: PlanDate, by board: String?) throws(EditError) -> EditOutcome {
        let board = board?.trimmingWhitespace()
        if let board,
            board.contains(where: {
                $0.isNewline || $0.unicodeScalars.contains { TerminalText.needsEscape($0, keepNewlines: false) }
            })
        {
            throw .invalidText("a board's name cannot contain line breaks or control characters")
        }
        let value = if let board, !board.isEmpty { date.iso + ", \(board)" } else { date.iso }
        let replacement = headerFieldReplacement(name: "Last reviewed", value: value)
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

    /// Lines that set the header field `name` to `value`: the field rewritten in place as
    /// one line (``headerFieldRewrite(_:as:)``), or a new line after the whole `As at:`
    /// field (else after the last header field, else after the title).
    func headerFieldReplacement(name: String, value: String) -> (range: Range<Int>, lines: [SourceLine]) {
        let header = headerFieldLines()
        if let existing = header.first(where: { $0.name == name.lowercased() }) {
            let prefix = lines[existing.index].text[..<existing.valueStart]
            return headerFieldRewrite(existing.index, as: String(prefix) + value)
        }
        return insertion(after: headerAnchor(header), [SourceLine("- \(name): " + value)])
    }

    /// The line a new header line goes after: the last of `As at:` (else of the last
    /// header field), so that it does not come between a field and the lines that continue
    /// it; else the title.
    func headerAnchor(_ header: [(index: Int, name: String, valueStart: Substring.Index)]) -> Int {
        guard let field = header.first(where: { $0.name == "as at" }) ?? header.last else { return titleLineIndex() }
        return headerFieldExtent(field.index).upperBound - 1
    }

    /// The lines of the header field at `index`: its own and those that continue it.
    func headerFieldExtent(_ index: Int) -> Range<Int> {
        fieldLinesAndComments(at: index).lines
    }

    /// The header field at `index`, with the lines that continue its value, rewritten as
    /// the one line `text`; the comments among them are kept after it, so that a value
    /// that wrapped over lines does not leave its rest behind to be read with the new one.
    func headerFieldRewrite(_ index: Int, as text: String) -> (range: Range<Int>, lines: [SourceLine]) {
        let field = fieldLinesAndComments(at: index)
        var rewritten = [SourceLine(text, ending: lines[index].ending)] + field.comments.map { lines[$0] }
        // The field's last line may end the file without a line break; the rewrite then does.
        rewritten[rewritten.count - 1].ending = lines[field.lines.upperBound - 1].ending
        if rewritten.count > 1, rewritten[0].ending == .none { rewritten[0].ending = ending(near: index) }
        return (field.lines, rewritten)
    }

    private func fieldLinesAndComments(at index: Int) -> (lines: Range<Int>, comments: [Int]) {
        PlanParser.itemLines(lines, at: index, before: headerEnd())
    }

    /// The first line after the header: the first `## `, else the end.
    private func headerEnd() -> Int {
        lines.indices.first { lines[$0].text.hasPrefix("## ") } ?? lines.count
    }

    /// `added` after the line at `anchor`, with the anchor's line ending; when the anchor
    /// was the last line of a file without a final newline, the file still ends without one.
    func insertion(after anchor: Int, _ added: [SourceLine]) -> (range: Range<Int>, lines: [SourceLine]) {
        let ending = ending(near: anchor)
        var anchorLine = lines[anchor]
        var added = added.map { SourceLine($0.text, ending: ending) }
        if anchorLine.ending == .none, !added.isEmpty {
            anchorLine.ending = ending
            added[added.count - 1].ending = .none
        }
        return (anchor..<anchor + 1, [anchorLine] + added)
    }

    /// The header's `- NAME: value` lines (between the title and the first `## `).
    /// A field inside a comment is not one.
    func headerFieldLines() -> [(index: Int, name: String, valueStart: Substring.Index)] {
        let end = headerEnd()
        let isComment = PlanParser.commentLines(LineTexts(lines, reading: 0..<end), in: 0..<end)
        var out: [(Int, String, Substring.Index)] = []
        for index in 0..<end where !isComment[index] {
            let text = lines[index].text
            guard let field = LineSyntax.field(text) else { continue }
            out.append((index, field.name.lowercased(), field.valueStart))
        }
        return out
    }

    func titleLineIndex() -> Int {
        lines.firstIndex { $0.text.hasPrefix("# ") } ?? 0
    }
}
