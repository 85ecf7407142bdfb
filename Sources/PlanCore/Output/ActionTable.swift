/// The `list` command's table and CSV: one row per action.
public enum ActionTable {
    /// A text table fitted to `width` cells: the action text takes what is left
    /// and is cut with "…". Text from the plan is escaped for the terminal.
    ///
    /// With `plans` (one name per action), a first PLAN column says which plan each
    /// action belongs to.
    public static func text(_ actions: [Action], plans: [String]? = nil, on day: PlanDate, width: Int) -> String {
        String(decoding: bytes(actions, plans: plans, on: day, width: width), as: UTF8.self)
    }

    /// ``text(_:plans:on:width:)``'s UTF-8, for a caller that writes it out as it is: a
    /// string made of it would check every byte of it again.
    public static func bytes(_ actions: [Action], plans: [String]? = nil, on day: PlanDate, width: Int) -> [UInt8] {
        let ownerTexts = actions.map { safe(owners($0)) }
        let refWidth = max(3, actions.map { DisplayWidth.of($0.ref) }.max() ?? 3)
        let dueWidth = 12
        let ownerWidth = min(28, max(5, ownerTexts.map { DisplayWidth.of($0) }.max() ?? 5))
        let planWidth = plans.map { names in min(24, max(4, names.map { DisplayWidth.of(safe($0)) }.max() ?? 4)) } ?? 0
        let fixed = refWidth + 2 + 3 + 2 + 1 + 1 + dueWidth + 2 + ownerWidth + 2 + (plans == nil ? 0 : planWidth + 2)
        let textWidth = max(10, width - fixed)
        let header =
            (plans == nil ? "" : DisplayWidth.fit("PLAN", to: planWidth) + "  ")
            + DisplayWidth.fit("REF", to: refWidth) + "  RAG    " + DisplayWidth.fit("DUE", to: dueWidth)
            + "  " + DisplayWidth.fit("OWNER", to: ownerWidth) + "  ACTION\n"
        // Bytes, not a string: a string's append checks what it joins, which costs more
        // than these short cells do to copy.
        var out = Array(header.utf8)
        out.reserveCapacity(out.count + actions.count * (width + 8))
        // Due dates repeat across a plan: each distinct one is read and labelled once.
        var dueCells: [DueKey: String] = [:]
        for (index, action) in actions.enumerated() {
            // A retired action keeps its letter; `x` beside it and the text say it is closed.
            let flag = action.isRetired ? "x " : action.isOverdue(on: day) ? "! " : "  "
            if let plans, index < plans.count { append(safe(plans[index]), fittedTo: planWidth, to: &out) }
            append(safe(action.ref), fittedTo: refWidth, to: &out)
            out += action.status.code.utf8
            out += "  ".utf8
            out += flag.utf8
            let key = DueKey(text: action.due?.text, date: action.due?.date)
            if let cell = dueCells[key] {
                out += cell.utf8
            } else {
                let start = out.count
                append(safe(dueLabel(action.due)), fittedTo: dueWidth, to: &out)
                dueCells[key] = String(decoding: out[start...], as: UTF8.self)
            }
            append(ownerTexts[index], fittedTo: ownerWidth, to: &out)
            out += Prose.firstLine(action.text, after: action.isRetired ? "(retired) " : "", fittedTo: textWidth).utf8
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// What a due cell is made from.
    private struct DueKey: Hashable {
        var text: String?
        var date: PlanDate?
    }

    /// A cell and the two spaces after it: `text` cut or padded to `width` cells.
    private static func append(_ text: String, fittedTo width: Int, to out: inout [UInt8]) {
        let cut = DisplayWidth.truncated(text, to: width)
        out += cut.text.utf8
        out += repeatElement(UInt8(ascii: " "), count: max(0, width - cut.cells) + 2)
    }

    public static func csv(_ actions: [Action], key: StatusKey, on day: PlanDate) -> String {
        csv(actions.map { (key, $0) }, plans: nil, on: day)
    }

    /// Rows from several plans, each action with its own plan's status key; with
    /// `plans` (one path per row), a first `plan` column.
    public static func csv(_ rows: [(key: StatusKey, action: Action)], plans: [String]?, on day: PlanDate) -> String {
        // Plan text may reach a spreadsheet: cells that would run as formulas are neutralised.
        let writer = CSVWriter(neutraliseFormulas: true)
        var out = writer.row(
            (plans == nil ? [] : ["plan"]) + [
                "ref", "section", "area", "status", "due", "due_date", "overdue", "owners", "action",
                "latest_note_date", "latest_note",
            ])
        for (index, (key, action)) in rows.enumerated() {
            let note = action.latestNote
            let plan = plans.map { index < $0.count ? [$0[index]] : [""] } ?? []
            out += writer.row(
                plan + [
                    action.ref, action.sectionNumber, action.areaNumber,
                    key.label(for: action.status) + (action.isRetired ? " (retired)" : ""),
                    action.due?.text ?? "", action.due?.date?.iso ?? "", action.isOverdue(on: day) ? "yes" : "no",
                    action.owners.joined(separator: "; "), action.text, note?.date.iso ?? "", note?.text ?? "",
                ])
        }
        return out
    }

    /// "28 Feb 2023" when the due is just a date (in any form), else the text as written.
    public static func dueLabel(_ due: Due?) -> String {
        guard let due else { return "-" }
        if let date = due.date, due.isPlainDate || DateText.parseUserDate(due.text) == date { return date.ukShort }
        return due.text
    }

    static func owners(_ action: Action) -> String { action.owners.joined(separator: "; ") }

    private static func safe(_ text: String) -> String { TerminalText.escaped(text) }
}
