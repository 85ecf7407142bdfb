/// The board pack's small repeated pieces written straight into the document: they
/// are in every action's block and every row of the action tables.
extension HTMLWriter {
    /// The status letter on its colour (`<span class="badge rag-R" title="Red">R</span>`):
    /// colour is never the only sign.
    mutating func badge(_ status: Status, _ pack: BoardPack) {
        raw("<span class=\"badge rag-")
        escaped(status.code)
        raw("\" title=\"")
        escaped(pack.label(status))
        raw("\">")
        raw(status.code)
        raw("</span>")
    }

    /// Badge and label: "[A] Amber".
    mutating func statusCell(_ status: Status, _ pack: BoardPack) {
        raw("<span class=\"status\">")
        badge(status, pack)
        raw(" ")
        escaped(pack.label(status))
        raw("</span>")
    }

    /// A link to an action's block: `<a href="#action-1.1">1.1</a>`.
    mutating func refLink(_ ref: String) {
        raw("<a href=\"#")
        escaped(BoardPackHTML.anchor(ref))
        raw("\">")
        escaped(ref)
        raw("</a>")
    }

    /// An action's due label, and a flag when it is overdue on the pack's day.
    mutating func due(_ action: Action, _ pack: BoardPack) {
        escaped(BoardPack.dueLabel(action))
        if pack.isOverdue(action) { raw(" <span class=\"flag\">Overdue</span>") }
    }
}
