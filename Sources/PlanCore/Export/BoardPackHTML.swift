/// The board pack as one self-contained HTML file: no scripts, no external assets,
/// no web fonts; inline SVG charts; a print stylesheet for A4. The same content as
/// ``BoardPackMarkdown``. Every piece of text from the plan goes through
/// ``HTML/escaped(_:)``, in content and in attributes alike.
public enum BoardPackHTML {
    /// The paper ``BoardPack/length`` asks for: the full pack, or the short one
    /// (summary, exceptions, changes, trend). A protective marking heads and ends it.
    public static func render(_ pack: BoardPack) -> String { String(decoding: bytes(pack), as: UTF8.self) }

    /// ``render(_:)`` as its UTF-8 bytes, as they were written.
    public static func bytes(_ pack: BoardPack) -> [UInt8] {
        // The whole paper goes into one buffer; the parts that grow with the plan
        // (the whole plan, the tables of actions) write into it, the others are small.
        var writer = HTMLWriter(reservingCapacity: estimatedSize(pack))
        let parts: [(inout HTMLWriter, BoardPack) -> Void] =
            pack.length == .short
            ? [
                { $0.raw(header($1)) }, { $0.raw(summary($1)) }, { redOrOverdue($1, into: &$0) },
                { $0.raw(changes($1)) }, { $0.raw(trendTable($1)) },
            ]
            : [
                { $0.raw(header($1)) }, { $0.raw(summary($1)) }, { $0.raw(sections($1)) }, { $0.raw(areas($1)) },
                { $0.raw(measures($1)) }, { $0.raw(reviews($1)) }, { $0.raw(attention($1)) },
                { redOrOverdue($1, into: &$0) }, { $0.raw(changes($1)) }, { wholePlan($1, into: &$0) },
                { $0.raw(about($1)) },
            ]
        let marking = pack.marking.map { HTML.text("p", [("class", "marking")], $0) }
        writer.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n")
        writer.raw(head(pack))
        writer.raw("\n<body>\n")
        if let marking { writer.raw(marking + "\n") }
        for (index, part) in parts.enumerated() {
            if index > 0 { writer.raw("\n") }
            part(&writer, pack)
        }
        if let marking { writer.raw("\n" + marking) }
        writer.raw("\n</body>\n</html>\n")
        return writer.bytes
    }

    /// About the size of the paper: the plan's texts and notes with their markup
    /// (an over- or underestimate costs at most one more growth of the buffer).
    static func estimatedSize(_ pack: BoardPack) -> Int {
        pack.plan.actions.reduce(64 * 1024) { size, action in
            size + 1_200 + action.text.utf8.count + action.notes.reduce(0) { $0 + 160 + $1.text.utf8.count }
        }
    }

    static func head(_ pack: BoardPack) -> String {
        HTML.element(
            "head", [],
            "\n"
                + [
                    HTML.open("meta", [("charset", "utf-8")]),
                    HTML.open("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                    HTML.text("title", [], "\(pack.plan.title): board pack, \(pack.asOf.ukLong)"),
                    HTML.element("style", [], "\n" + stylesheet + "\n" + pageRules(pack) + "\n"),
                ].joined(separator: "\n") + "\n")
    }

    // MARK: - Front page

    static func header(_ pack: BoardPack) -> String {
        let plan = pack.plan
        var dates: [String] = []
        if let asAt = plan.asAt { dates.append("Updated as at \(asAt.ukLong)") }
        dates.append("figures as of \(pack.asOf.ukLong)")
        dates.append("changes since \(pack.since.ukLong)")
        var fields: [(String, String)] = []
        if let period = plan.period { fields.append(("Period", HTML.escaped(period))) }
        if let review = plan.lastReviewed {
            fields.append(("Last reviewed", review.date.ukLong + (review.by.map { ", " + HTML.escaped($0) } ?? "")))
        }
        fields += pack.headerFields.map { (HTML.escaped($0.name), HTML.prose($0.value)) }
        return HTML.element(
            "header", [],
            "\n" + HTML.text("h1", [], plan.title) + "\n"
                + HTML.text("p", [("class", "dates")], dates.joined(separator: "; ") + ".") + "\n"
                + definitionList(fields) + "\n")
    }

    static func summary(_ pack: BoardPack) -> String {
        let overall = pack.summary.overall
        let figures = [
            (
                SummaryText.percent(overall.percentComplete),
                "complete (\(overall.complete) of \(overall.total) actions)"
            ),
            (String(overall.overdue), "overdue"),
            (String(overall.total), "action\(overall.total == 1 ? "" : "s") in the plan"),
        ].map { HTML.element("div", [("class", "figure")], HTML.text("strong", [], $0.0) + HTML.escaped($0.1)) }
        let key = pack.plan.statusKey
        let rows = pack.statuses.map { status -> [String] in
            let share = overall.total == 0 ? 0 : Double(overall[status]) * 100 / Double(overall.total)
            let definition = key.entries.first { $0.status == status }?.definition ?? status.defaultDefinition
            return [
                statusCell(status, pack), String(overall[status]), SummaryText.percent(share), HTML.escaped(definition),
            ]
        }
        let table = self.table(
            head: ["Status", "Actions", "%", "What it means"], classes: [0: "nowrap", 1: "num", 2: "num"], rows: rows,
            total: ["All", String(overall.total), "", ""])
        return part(
            "summary", "Summary",
            HTML.element("div", [("class", "figures")], figures.joined()) + "\n" + table + "\n" + trendChart(pack))
    }

    static func sections(_ pack: BoardPack) -> String {
        let statuses = pack.statuses
        func row(_ name: String, _ c: StatusCounts) -> [String] {
            [name, String(c.total)] + statuses.map { String(c[$0]) } + [
                SummaryText.percent(c.percentComplete), String(c.overdue),
            ]
        }
        let rows = pack.plan.sections.map { section in
            row(
                HTML.element(
                    "a", [("href", "#section-\(section.number)")], HTML.escaped("\(section.number) \(section.title)")),
                pack.counts(of: section))
        }
        let head = ["Section", "Actions"] + statuses.map { badge($0, pack) } + ["Complete", "Overdue"]
        let table = self.table(
            head: head, classes: Dictionary(uniqueKeysWithValues: (1..<head.count).map { ($0, "num") }), rows: rows,
            total: row("All sections", pack.summary.overall), escapeHead: false)
        return part("rag-by-section", "RAG by section", ragChart(pack) + "\n" + table)
    }

    static func attention(_ pack: BoardPack) -> String {
        guard !pack.summary.attention.isEmpty else {
            return part(
                "attention", "Needs attention", HTML.text("p", [], "The plan has switched every board check off."))
        }
        let rows = pack.summary.attention.map {
            [
                HTML.escaped(BoardPack.describe($0.check)) + " "
                    + HTML.text("span", [("class", "muted")], "(\($0.check.rawValue))"),
                String($0.count),
            ]
        }
        return part(
            "attention", "Needs attention", table(head: ["Board check", "Actions"], classes: [1: "num"], rows: rows))
    }

    /// The red actions, then the other overdue ones, each with the text of its latest
    /// note: why it is red, and what happens next.
    static func redOrOverdue(_ pack: BoardPack, into writer: inout HTMLWriter) {
        let title = pack.length == .short ? "Exceptions: red and overdue actions" : "Red and overdue actions"
        part("red-and-overdue", title, into: &writer) { writer in
            guard !pack.redOrOverdue.isEmpty else {
                writer.text("p", [], "No action is red or overdue.")
                return
            }
            table(
                head: ["Ref", "Status", "Action", "Owner", "Due", "Latest note"],
                classes: [0: "nowrap", 1: "nowrap", 2: "what", 3: "owner", 4: "due", 5: "latest"],
                rows: pack.redOrOverdue, into: &writer
            ) { action, row, writer in
                row.cell(0, &writer) {
                    if pack.length == .short { $0.escaped(action.ref) } else { $0.refLink(action.ref) }
                }
                row.cell(1, &writer) { $0.statusCell(action.status, pack) }
                row.cell(2, &writer) { $0.escaped(Prose.firstLine(action.text)) }
                row.cell(3, &writer) { $0.escaped(action.owners.joined(separator: "; ")) }
                row.cell(4, &writer) { $0.due(action, pack) }
                row.cell(5, &writer) { latestNote(action, into: &$0) }
            }
        }
    }

    /// The latest note's date, who wrote it, and its text; "none" without a note.
    static func latestNote(_ action: Action, into writer: inout HTMLWriter) {
        guard let note = action.latestNote else {
            writer.raw("<span class=\"muted\">none</span>")
            return
        }
        writer.raw("<p class=\"note-head\">")
        writer.ukShort(note.date)
        if let author = note.author {
            writer.raw(", ")
            writer.escaped(author)
        }
        writer.raw("</p>")
        writer.prose(note.text)
    }

    /// % complete at each month's end, as a table (the short pack's trend).
    static func trendTable(_ pack: BoardPack) -> String {
        let statuses = pack.statuses
        let rows = pack.trend.points.map { point in
            [point.date.ukShort, String(point.counts.total)] + statuses.map { String(point.counts[$0]) }
                + [SummaryText.percent(point.counts.percentComplete), String(point.counts.overdue)]
        }
        let head = ["Month end", "Actions"] + statuses.map { badge($0, pack) } + ["Complete", "Overdue"]
        return part(
            "trend", "Trend",
            table(
                head: head, classes: Dictionary(uniqueKeysWithValues: (1..<head.count).map { ($0, "num") }),
                rows: rows, escapeHead: false))
    }

    // MARK: - Shared pieces

    /// An `<h2>` part of the paper.
    static func part(_ id: String, _ title: String, _ content: String, className: String? = nil) -> String {
        var writer = HTMLWriter()
        part(id, title, className: className, into: &writer) { $0.raw(content) }
        return writer.html
    }

    /// An `<h2>` part of the paper, its content written by `content`.
    static func part(
        _ id: String, _ title: String, className: String? = nil, into writer: inout HTMLWriter,
        _ content: (inout HTMLWriter) -> Void
    ) {
        var attributes = [("id", id)]
        if let className { attributes.append(("class", className)) }
        writer.open("section", attributes)
        writer.raw("\n")
        writer.text("h2", [], title)
        writer.raw("\n")
        content(&writer)
        writer.raw("\n</section>")
    }

    /// `<dl>` of names and values, both HTML already.
    static func definitionList(_ fields: [(String, String)]) -> String {
        guard !fields.isEmpty else { return "" }
        return HTML.element(
            "dl", [("class", "fields")],
            fields.map { HTML.element("dt", [], $0.0) + HTML.element("dd", [], $0.1) }.joined())
    }

    /// The status letter on its colour: colour is never the only sign.
    static func badge(_ status: Status, _ pack: BoardPack) -> String {
        var writer = HTMLWriter()
        writer.badge(status, pack)
        return writer.html
    }

    /// Badge and label: "[A] Amber".
    static func statusCell(_ status: Status, _ pack: BoardPack) -> String {
        var writer = HTMLWriter()
        writer.statusCell(status, pack)
        return writer.html
    }

    static func refLink(_ ref: String) -> String {
        var writer = HTMLWriter()
        writer.refLink(ref)
        return writer.html
    }

    /// The id of an action's block: refs hold only letters, digits and `. _ / -`.
    static func anchor(_ ref: String) -> String { "action-" + ref }
}
