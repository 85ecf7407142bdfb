/// The paper's tables, written into the document row by row: a table of the plan's
/// actions writes each cell's text straight in, without a string per cell.
extension BoardPackHTML {
    /// A table. Cells are HTML already; `classes` gives columns a class: `num`
    /// (right-aligned figures), `nowrap`, `owner` or `due` (set widths).
    static func table(
        head: [String], classes: [Int: String] = [:], rows: [[String]],
        total: [String]? = nil, escapeHead: Bool = true
    ) -> String {
        var writer = HTMLWriter()
        table(head: head, classes: classes, rows: rows, total: total, escapeHead: escapeHead, into: &writer)
        return writer.html
    }

    /// A table (see ``table(head:classes:rows:total:escapeHead:)``) written into `writer`.
    static func table(
        head: [String], classes: [Int: String] = [:], rows: [[String]],
        total: [String]? = nil, escapeHead: Bool = true, into writer: inout HTMLWriter
    ) {
        table(head: head, classes: classes, rows: rows, total: total, escapeHead: escapeHead, into: &writer) {
            cells, row, writer in
            for (column, content) in cells.enumerated() { row.cell(column, &writer) { $0.raw(content) } }
        }
    }

    /// A table with a row for each of `rows`, whose cells `cells` writes (each through
    /// ``Row/cell(_:_:_:)``, in column order); the head and total cells are escaped
    /// text (the head unless `escapeHead` is false).
    static func table<Rows: Sequence>(
        head: [String], classes: [Int: String] = [:], rows: Rows, total: [String]? = nil,
        escapeHead: Bool = true, into writer: inout HTMLWriter,
        _ cells: (Rows.Element, Row, inout HTMLWriter) -> Void
    ) {
        let headRow = Row(name: "th", classes: classes)
        let bodyRow = Row(name: "td", classes: classes)
        writer.raw("<table>\n<thead><tr>")
        for (column, content) in head.enumerated() {
            headRow.cell(column, &writer) { if escapeHead { $0.escaped(content) } else { $0.raw(content) } }
        }
        writer.raw("</tr></thead>\n<tbody>\n")
        var isFirst = true
        for element in rows {
            writer.raw(isFirst ? "<tr>" : "\n<tr>")
            isFirst = false
            cells(element, bodyRow, &writer)
            writer.raw("</tr>")
        }
        if let total {
            writer.raw(isFirst ? "<tr class=\"total\">" : "\n<tr class=\"total\">")
            for (column, content) in total.enumerated() { bodyRow.cell(column, &writer) { $0.escaped(content) } }
            writer.raw("</tr>")
        }
        writer.raw("\n</tbody>\n</table>")
    }

    /// How a row's cells are written: `th` in the head, `td` in the body, with the
    /// column's class.
    struct Row {
        let name: String
        let classes: [Int: String]

        /// `<td class="…">`, what `body` writes, `</td>`.
        func cell(_ column: Int, _ writer: inout HTMLWriter, _ body: (inout HTMLWriter) -> Void) {
            writer.raw("<")
            writer.raw(name)
            if name == "th" { writer.attribute("scope", "col") }
            if let cls = classes[column] { writer.attribute("class", cls) }
            writer.raw(">")
            body(&writer)
            writer.close(name)
        }
    }
}
