/// The board pack as a Markdown board paper: dates, summary, RAG by section, what
/// needs attention, red and overdue actions, changes since the last review, then
/// the whole plan. Every piece of text from the plan is escaped (``Markdown``).
public enum BoardPackMarkdown {
    /// The full paper, or the short one (``BoardPack/length``). Table separator rows
    /// give each column its share of the page's width in dashes, which pandoc keeps
    /// when it makes a Word table (`pandoc pack.md -o pack.docx`).
    public static func render(_ pack: BoardPack) -> String {
        let marking = pack.marking.map { ["**\(Markdown.cell($0))**\n"] } ?? []
        let parts =
            pack.length == .short
            ? [header(pack), summary(pack), redOrOverdue(pack), changes(pack), trend(pack)]
            : [
                header(pack), summary(pack), sections(pack), areas(pack), measures(pack), reviews(pack),
                attention(pack), redOrOverdue(pack), trend(pack), changes(pack), wholePlan(pack), about(pack),
            ]
        return (marking + parts + marking).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    // MARK: - Front page

    static func header(_ pack: BoardPack) -> String {
        let plan = pack.plan
        var out = "# \(Markdown.escaped(plan.title))\n\n"
        var dates: [String] = []
        if let asAt = plan.asAt { dates.append("Updated as at \(asAt.ukLong)") }
        dates.append("figures as of \(pack.asOf.ukLong)")
        dates.append("changes since \(pack.since.ukLong)")
        out += dates.joined(separator: "; ") + ".\n"
        var lines: [String] = []
        if let period = plan.period { lines.append("**Period:** \(Markdown.cell(period))") }
        if let review = plan.lastReviewed {
            lines.append(
                "**Last reviewed:** \(review.date.ukLong)" + (review.by.map { ", \(Markdown.cell($0))" } ?? ""))
        }
        lines += pack.headerFields.map { "**\(Markdown.cell($0.name)):** \(Markdown.cell($0.value))" }
        if !lines.isEmpty { out += "\n" + lines.joined(separator: "  \n") + "\n" }
        return out
    }

    static func summary(_ pack: BoardPack) -> String {
        let overall = pack.summary.overall
        var out = "## Summary\n\n"
        out +=
            "\(overall.total) action\(overall.total == 1 ? "" : "s"), \(overall.complete) complete "
            + "(\(SummaryText.percent(overall.percentComplete))), \(overall.overdue) overdue.\n\n"
        out +=
            "| Status | Actions | % | What it means |\n|----------------|--------:|-----:|----------------------------------|\n"
        let key = pack.plan.statusKey
        for status in pack.statuses {
            let share = overall.total == 0 ? 0 : Double(overall[status]) * 100 / Double(overall.total)
            let definition = key.entries.first { $0.status == status }?.definition ?? status.defaultDefinition
            out +=
                "| \(status.code) \(Markdown.cell(pack.label(status))) | \(overall[status]) | \(SummaryText.percent(share)) "
                + "| \(Markdown.cell(definition)) |\n"
        }
        out += "| **All** | **\(overall.total)** | | |\n"
        return out
    }

    static func sections(_ pack: BoardPack) -> String {
        let statuses = pack.statuses
        var out = "## RAG by section\n\n"
        out += "| Section | Actions | " + statuses.map(\.code).joined(separator: " | ") + " | Complete | Overdue |\n"
        out +=
            "|------------------------------|--------:|" + statuses.map { _ in "---:|" }.joined()
            + "---------:|--------:|\n"
        func row(_ name: String, _ c: StatusCounts) -> String {
            "| \(name) | \(c.total) | " + statuses.map { String(c[$0]) }.joined(separator: " | ")
                + " | \(SummaryText.percent(c.percentComplete)) | \(c.overdue) |\n"
        }
        for section in pack.plan.sections {
            out += row(Markdown.cell("\(section.number) \(section.title)"), pack.counts(of: section))
        }
        out += row("**All sections**", pack.summary.overall)
        return out
    }

    static func attention(_ pack: BoardPack) -> String {
        var out = "## Needs attention\n\n"
        guard !pack.summary.attention.isEmpty else { return out + "The plan has switched every board check off.\n" }
        out += "| Board check | Actions |\n|---|--:|\n"
        for item in pack.summary.attention {
            out += "| \(BoardPack.describe(item.check)) (`\(item.check.rawValue)`) | \(item.count) |\n"
        }
        return out
    }

    static func redOrOverdue(_ pack: BoardPack) -> String {
        var out =
            pack.length == .short ? "## Exceptions: red and overdue actions\n\n" : "## Red and overdue actions\n\n"
        guard !pack.redOrOverdue.isEmpty else { return out + "No action is red or overdue.\n" }
        out += "| Ref | Status | Action | Owner | Due | Latest note |\n"
        out += "|------|---------|--------------------|-----------|--------|------------------------------|\n"
        for action in pack.redOrOverdue {
            let note = action.latestNote.map { note in
                "**\(note.date.ukShort)\(note.author.map { ", " + Markdown.cell($0) } ?? "")**: "
                    + Markdown.cell(Prose.logicalLines(note.text).filter { !$0.isEmpty }.joined(separator: " "))
            }
            out +=
                "| \(Markdown.cell(action.ref)) | \(statusText(action.status, pack)) | \(Markdown.cell(Prose.firstLine(action.text))) "
                + "| \(Markdown.cell(action.owners.joined(separator: "; "))) | \(due(action, pack)) "
                + "| \(note ?? "none") |\n"
        }
        return out
    }

    /// % complete at each month's end, as a table.
    static func trend(_ pack: BoardPack) -> String {
        let statuses = pack.statuses
        var out = "## Trend\n\n"
        out += "| Month end | Actions | " + statuses.map(\.code).joined(separator: " | ") + " | Complete | Overdue |\n"
        out += "|------------|--------:|" + statuses.map { _ in "---:|" }.joined() + "---------:|--------:|\n"
        for point in pack.trend.points {
            let c = point.counts
            out +=
                "| \(point.date.ukShort) | \(c.total) | " + statuses.map { String(c[$0]) }.joined(separator: " | ")
                + " | \(SummaryText.percent(c.percentComplete)) | \(c.overdue) |\n"
        }
        return out
    }

    /// The `changes` command's Markdown, under this paper's heading, its own
    /// headings one level down.
    static func changes(_ pack: BoardPack) -> String {
        let report = ChangesReport.markdown(pack.changes, title: pack.plan.title)
        var body: [String] = []
        for line in report.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
            if line.isEmpty, body.last?.isEmpty ?? true { continue }
            body.append(line.hasPrefix("## ") ? "#" + line : String(line))
        }
        while body.last?.isEmpty == true { body.removeLast() }
        return "## \(pack.changesHeading)\n\n" + body.joined(separator: "\n") + "\n"
    }

    // MARK: - The whole plan

    static func wholePlan(_ pack: BoardPack) -> String {
        var out = "## The plan\n"
        for section in pack.plan.sections {
            out += "\n### \(Markdown.escaped("\(section.number) \(section.title)"))\n"
            if !section.description.isEmpty { out += "\n" + blocks(section.description) }
            for area in section.areas {
                out += self.area(area, pack)
            }
        }
        return out
    }

    static func area(_ area: Area, _ pack: BoardPack) -> String {
        var out = "\n#### \(Markdown.escaped("\(area.number) \(area.title)"))\n"
        let findings: [(String, String?)] = [
            ("Needs to improve", area.needsToImprove), ("Priority action", area.priorityAction),
            ("Inspectors found", area.inspectorsFound),
        ]
        for case (let name, let value?) in findings {
            out += "\n" + labelled(name, value)
        }
        for field in area.extraFields { out += "\n" + labelled(field.name, field.value) }
        if !area.description.isEmpty { out += "\n" + blocks(area.description) }
        let actions = pack.actions(in: area)
        if actions.isEmpty { out += "\nNo actions.\n" }
        for action in actions { out += self.action(action, pack) }
        return out
    }

    static func action(_ action: Action, _ pack: BoardPack) -> String {
        var out =
            "\n##### \(Markdown.escaped(action.ref)) · \(statusText(action.status, pack))"
            + (pack.isOverdue(action) ? " · overdue" : "") + "\n\n"
        var meta = [
            "**\(action.owners.count > 1 ? "Owners" : "Owner"):** "
                + (action.owners.isEmpty ? "none" : Markdown.cell(action.owners.joined(separator: "; ")))
        ]
        meta.append("**Due:** \(due(action, pack))")
        out += meta.joined(separator: "  \n") + "\n\n" + blocks(action.text)
        for field in action.extraFields { out += "\n" + labelled(field.name, field.value) }
        let notes = BoardPack.notesNewestFirst(action)
        if notes.isEmpty {
            out += "\nNo progress notes.\n"
        } else {
            out += "\nProgress and impact, newest first:\n\n"
            for note in notes {
                let who = note.author.map { ", \(Markdown.cell($0))" } ?? ""
                out += listItem("**\(note.date.ukLong)**\(who): ", note.text)
            }
        }
        return out
    }

    static func about(_ pack: BoardPack) -> String {
        let plan = pack.plan
        var parts: [String] = []
        if !plan.introduction.isEmpty { parts.append("### Introduction\n\n" + blocks(plan.introduction)) }
        for section in pack.textSections {
            var part = "### \(Markdown.escaped(section.title))\n\n"
            if BoardPack.isGlossary(section), !plan.glossary.isEmpty {
                part +=
                    plan.glossary.map { "- **\(Markdown.cell($0.term))**: \(Markdown.cell($0.meaning))" }
                    .joined(separator: "\n") + "\n"
            } else {
                part += blocks(section.body)
            }
            parts.append(part)
        }
        guard !parts.isEmpty else { return "" }
        return "## About the plan\n\n" + parts.joined(separator: "\n")
    }

    // MARK: - Pieces

    /// "Red (R)": the plan's label and the letter.
    static func statusText(_ status: Status, _ pack: BoardPack) -> String {
        "\(Markdown.cell(pack.label(status))) (\(status.code))"
    }

    static func due(_ action: Action, _ pack: BoardPack) -> String {
        Markdown.cell(BoardPack.dueLabel(action)) + (pack.isOverdue(action) ? " (overdue)" : "")
    }

    /// "**Name:** value", the value's paragraphs and lists kept.
    static func labelled(_ name: String, _ value: String) -> String {
        let lines = Prose.logicalLines(value).map(Markdown.escaped)
        guard let first = lines.first else { return "**\(Markdown.cell(name)):**\n" }
        let joined = first.hasPrefix("- ") || first.hasPrefix("* ") ? "\n\n" + first : " " + first
        return "**\(Markdown.cell(name)):**" + joined + "\n" + lines.dropFirst().map { $0 + "\n" }.joined()
    }

    /// Text from the plan as Markdown paragraphs and lists, a blank line between paragraphs.
    static func blocks(_ text: String) -> String {
        Prose.logicalLines(text).map { Markdown.escaped($0) + "\n" }.joined()
    }

    /// A list item whose first line starts with `lead`; later lines are indented
    /// under it, so that lists and paragraphs in the text stay inside the item.
    static func listItem(_ lead: String, _ text: String) -> String {
        let lines = Prose.logicalLines(text).map(Markdown.escaped)
        var out = "- " + lead + (lines.first ?? "") + "\n"
        for line in lines.dropFirst() { out += line.isEmpty ? "\n" : "  " + line + "\n" }
        return out
    }
}
