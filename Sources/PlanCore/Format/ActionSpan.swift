/// Where one action's parts sit among the document's lines: the layout an edit
/// splices, kept by ``PlanDocument`` beside the ``Action`` (what the action says),
/// as toml_edit keeps the decor beside the value.
///
/// Every line position here is a 0-based index into the document's lines, and a
/// range of them is half-open. (The 1-based ``LineNumber``s on actions, notes and
/// fields are where they were read, for messages; nothing here is 1-based.)
struct ActionSpan: Sendable, Equatable {
    /// The action's lines, from the `- [C] REF` line up to its last non-blank line.
    var lines: Range<Int>
    /// UTF-8 offset of the status code in the action line.
    var statusOffset: Int
    /// Indentation of the field lines, reused for lines the tool adds.
    var fieldIndent: String?
    /// UTF-8 offset in the action line where the text starts (after the ref and its spaces).
    var textOffset = 0
    /// The lines after the action line up to its last text line; empty (and starting
    /// right after the action line) when the text is all on the action line.
    var textLines = 0..<0
    /// The `- Owner:` line and its continuation lines, if the action has one.
    var ownerLines: Range<Int>?
    /// The `- Due:` line and its continuation lines, if the action has one.
    var dueLines: Range<Int>?

    /// The indentation for a field or history line the tool adds: the action's own,
    /// else two spaces.
    var itemIndent: String { fieldIndent ?? "  " }

    /// The index of the `- [C] REF` line.
    var actionLine: Int { lines.lowerBound }

    /// The span moved by `delta` lines.
    func shifted(by delta: Int) -> ActionSpan {
        guard delta != 0 else { return self }
        let move = { (range: Range<Int>) in (range.lowerBound + delta)..<(range.upperBound + delta) }
        var span = self
        span.lines = move(lines)
        span.textLines = move(textLines)
        span.ownerLines = ownerLines.map(move)
        span.dueLines = dueLines.map(move)
        return span
    }
}

extension ActionSpan: LineShifting {
    mutating func moveLines(by delta: Int) {
        self = shifted(by: delta)
    }
}
