/// The board pack as a spreadsheet: one row per action, made to open correctly in
/// Excel: UTF-8 with a byte order mark, CRLF line endings, multi-line cells quoted,
/// and cells that a spreadsheet would run as a formula neutralised with `'`.
public enum BoardPackCSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static let header = [
        "Section", "Area", "Ref", "Action", "Owners", "Due", "Due date", "RAG", "Overdue",
        "Latest note date", "Latest note",
    ]

    /// The actions in file order with their section, area and the values of the extra
    /// columns, and the names of those columns: one for each extra field (`- Evidence: …`)
    /// any action has, by name in order of first use, so that `import` keeps them.
    /// The CSV and the workbook's Actions sheet are both made from it.
    public static func table(_ pack: BoardPack) -> (
        rows: [(section: Section, area: Area, action: Action, extras: [String])], extraNames: [String]
    ) {
        let actions = pack.plan.sections.flatMap { section in
            section.areas.flatMap { area in pack.actions(in: area).map { (section, area, $0) } }
        }
        var extraNames: [String] = []
        for (_, _, action) in actions {
            for field in action.extraFields where !extraNames.contains(field.name) { extraNames.append(field.name) }
        }
        let rows = actions.map { section, area, action in
            let extras = extraNames.map { name in
                action.extraFields.filter { $0.name == name }.map { cellText($0.value) }.joined(separator: "\n")
            }
            return (section: section, area: area, action: action, extras: extras)
        }
        return (rows, extraNames)
    }

    /// The fixed columns, then the extra fields' columns (see ``table(_:)``).
    public static func render(_ pack: BoardPack) -> String {
        let writer = CSVWriter(lineEnding: "\r\n", neutraliseFormulas: true)
        let table = table(pack)
        var out = Array(byteOrderMark.utf8)
        out.reserveCapacity(table.rows.count * 1_024)
        writer.append(row: header + table.extraNames, to: &out)
        for (section, area, action, extras) in table.rows {
            let note = action.latestNote
            writer.append(
                row: [
                    "\(section.number) \(section.title)", "\(area.number) \(area.title)", action.ref,
                    cellText(action.text), action.owners.joined(separator: "; "), action.due?.text ?? "",
                    action.due?.date?.iso ?? "", pack.label(action.status), pack.isOverdue(action) ? "yes" : "no",
                    note?.date.iso ?? "", note.map { cellText($0.text) } ?? "",
                ] + extras, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text as a reader sees it (see ``Prose``): each paragraph and list item on one
    /// line of the cell, an empty line between paragraphs, rather than the file's
    /// own line wrapping.
    static func cellText(_ text: String) -> String {
        Prose.logicalLines(text).joined(separator: "\n")
    }
}
