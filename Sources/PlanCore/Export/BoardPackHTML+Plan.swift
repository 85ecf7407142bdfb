import Foundation

/// The later parts of the HTML paper: changes since the last review, the whole
/// plan action by action, and the plan's introduction and text sections.
extension BoardPackHTML {
    // MARK: - Changes since the last review

    static func changes(_ pack: BoardPack) -> String {
        let changes = pack.changes
        var out = HTML.text(
            "p", [],
            ChangesReport.headline(changes).trimmingTrailingNewline
                .replacingOccurrences(of: " -> ", with: " → "))
        for group in Changes.Group.allCases {
            let moves = changes.moves(in: group)
            guard !moves.isEmpty else { continue }
            out += "\n" + HTML.text("h3", [], "\(group.rawValue) (\(moves.count))") + "\n"
            out += table(
                head: ["Ref", "From", "To", "Action"], classes: [0: "nowrap", 1: "nowrap", 2: "nowrap"],
                rows: moves.map {
                    [refLink($0.ref), statusCell($0.from, pack), statusCell($0.to, pack), HTML.escaped($0.text)]
                })
        }
        if !changes.added.isEmpty {
            out += "\n" + HTML.text("h3", [], "Actions added (\(changes.added.count))") + "\n"
            out += table(
                head: ["Ref", "Status", "Action"], classes: [0: "nowrap", 1: "nowrap"],
                rows: changes.added.map {
                    [refLink($0.ref), statusCell($0.status, pack), HTML.escaped(Prose.firstLine($0.text))]
                })
        }
        if !changes.dueMoves.isEmpty {
            out += "\n" + HTML.text("h3", [], "Due dates moved (\(changes.dueMoves.count))") + "\n"
            out += table(
                head: ["Ref", "On", "From", "To", "Moves in all"], classes: [0: "nowrap", 1: "nowrap", 4: "num"],
                rows: changes.dueMoves.map {
                    [
                        refLink($0.ref), $0.date.ukShort, HTML.escaped($0.from), HTML.escaped($0.to),
                        String($0.totalMoves),
                    ]
                })
        }
        if !changes.notesAdded.isEmpty {
            out += "\n" + HTML.text("h3", [], "Notes added (\(changes.notesAdded.count))") + "\n"
            out += HTML.element(
                "ol", [("class", "notes")],
                changes.notesAdded.map { added in
                    let who = added.note.author.map { ", " + HTML.escaped($0) } ?? ""
                    return HTML.element(
                        "li", [],
                        HTML.element(
                            "p", [("class", "note-head")],
                            refLink(added.ref) + ", " + added.note.date.ukLong + who)
                            + HTML.prose(added.note.text))
                }.joined(separator: "\n"))
        }
        if changes.isEmpty { out += "\n" + HTML.text("p", [], "Nothing changed in this period.") }
        return part("changes", pack.changesHeading, out)
    }

    // MARK: - The whole plan

    static func wholePlan(_ pack: BoardPack) -> String {
        let sections = pack.plan.sections.map { section in
            let heading = HTML.text("h3", [], "\(section.number) \(section.title)")
            let description = section.description.isEmpty ? "" : HTML.prose(section.description) + "\n"
            let areas = section.areas.map { area($0, pack) }.joined(separator: "\n")
            return HTML.element(
                "section", [("class", "section"), ("id", "section-\(section.number)")],
                "\n" + heading + "\n" + description + areas + "\n")
        }
        return part("plan", "The plan", sections.joined(separator: "\n"), className: "plan-part")
    }

    static func area(_ area: Area, _ pack: BoardPack) -> String {
        var fields: [(String, String)] = []
        if let value = area.needsToImprove { fields.append(("Needs to improve", HTML.prose(value))) }
        if let value = area.priorityAction { fields.append(("Priority action", HTML.prose(value))) }
        if let value = area.inspectorsFound { fields.append(("Inspectors found", HTML.prose(value))) }
        fields += area.extraFields.map { (HTML.escaped($0.name), HTML.prose($0.value)) }
        let actions = pack.actions(in: area)
        let blocks =
            actions.isEmpty
            ? HTML.text("p", [("class", "muted")], "No actions.")
            : actions.map { action($0, pack) }.joined(separator: "\n")
        return HTML.element(
            "section", [("class", "area"), ("id", "area-\(area.number)")],
            "\n"
                + HTML.text("h4", [], "\(area.number) \(area.title)") + "\n"
                + definitionList(fields) + (fields.isEmpty ? "" : "\n")
                + (area.description.isEmpty ? "" : HTML.prose(area.description) + "\n")
                + blocks + "\n")
    }

    static func action(_ action: Action, _ pack: BoardPack) -> String {
        var title = HTML.text("span", [("class", "ref")], action.ref) + " " + statusCell(action.status, pack)
        if pack.isOverdue(action) { title += " " + HTML.text("span", [("class", "flag")], "Overdue") }
        var fields = [
            (
                action.owners.count > 1 ? "Owners" : "Owner",
                action.owners.isEmpty
                    ? HTML.text("span", [("class", "muted")], "none")
                    : HTML.escaped(action.owners.joined(separator: "; "))
            ),
            ("Due", HTML.escaped(BoardPack.dueLabel(action))),
        ]
        fields += action.extraFields.map { (HTML.escaped($0.name), HTML.prose($0.value)) }
        let notes = BoardPack.notesNewestFirst(action)
        // A table, so that on paper its head (the ref and status) repeats on every page
        // the action runs onto; each note is a row, kept whole on one page.
        var rows = [
            HTML.element(
                "tr", [("class", "action-body")],
                HTML.element("td", [], HTML.prose(action.text) + "\n" + definitionList(fields)))
        ]
        if notes.isEmpty {
            rows.append(
                HTML.element(
                    "tr", [], HTML.element("td", [], HTML.text("p", [("class", "muted")], "No progress notes."))))
        } else {
            rows.append(
                HTML.element(
                    "tr", [("class", "notes-head")],
                    HTML.element("td", [], HTML.text("h6", [], "Progress and impact, newest first"))))
            rows += notes.map { note in
                let who = note.author.map { " · " + HTML.escaped($0) } ?? ""
                return HTML.element(
                    "tr", [("class", "note")],
                    HTML.element(
                        "td", [],
                        HTML.element(
                            "p", [("class", "note-head")],
                            HTML.element("time", [("datetime", note.date.iso)], note.date.ukLong) + who)
                            + HTML.prose(note.text)))
            }
        }
        let head = HTML.element(
            "thead", [], HTML.element("tr", [], HTML.element("th", [("scope", "col")], HTML.element("h5", [], title))))
        return HTML.element(
            "article", [("class", "action action-\(action.status.code)"), ("id", anchor(action.ref))],
            "\n"
                + HTML.element(
                    "table", [("class", "action-frame")],
                    "\n" + head + "\n" + HTML.element("tbody", [], "\n" + rows.joined(separator: "\n") + "\n") + "\n")
                + "\n")
    }

    // MARK: - About the plan

    static func about(_ pack: BoardPack) -> String {
        let plan = pack.plan
        var parts: [String] = []
        if !plan.introduction.isEmpty {
            parts.append(HTML.text("h3", [], "Introduction") + "\n" + HTML.prose(plan.introduction))
        }
        for section in pack.textSections {
            let body: String
            if BoardPack.isGlossary(section), !plan.glossary.isEmpty {
                body = definitionList(plan.glossary.map { (HTML.escaped($0.term), HTML.escaped($0.meaning)) })
            } else {
                body = HTML.prose(section.body)
            }
            parts.append(HTML.text("h3", [], section.title) + "\n" + body)
        }
        guard !parts.isEmpty else { return "" }
        return part("about", "About the plan", parts.joined(separator: "\n"))
    }
}

extension String {
    fileprivate var trimmingTrailingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}
