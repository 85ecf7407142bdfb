import FoundationEssentials

/// Everything a board paper shows, worked out once from the plan and read by every
/// export format (Markdown, HTML, CSV, JSON): the plan as it stood on the day, the
/// summary figures, the board checks, what changed since the last review, the trend
/// of % complete, and the red and overdue actions.
public struct BoardPack: Sendable {
    /// The plan as it stood at the end of ``asOf``: statuses, owners, due dates and
    /// notes rebuilt from the history, without the actions added later.
    public var plan: Plan
    /// The day the figures are for; "overdue" is judged on it.
    public var asOf: PlanDate
    /// The start of "changes since the last review" (changes after the end of this day).
    public var since: PlanDate
    /// Counts overall and by section, and the board checks' counts ("Needs attention").
    public var summary: PlanSummary
    /// What moved after ``since`` up to the end of ``asOf``.
    public var changes: Changes
    /// % complete at the end of each month from the first date in the plan's history
    /// to ``asOf`` (the last point is ``asOf`` itself).
    public var trend: Trend
    /// The red actions, then the other overdue ones, each in file order.
    public var redOrOverdue: [Action]
    /// The full paper (with the whole plan) or the short one for circulation.
    public var length: PackLength = .full

    /// Builds the pack for `plan` as it stood at the end of `day`. `since` defaults
    /// to ``defaultSince(for:asOf:)``. A `since` after `day` is treated as `day`.
    public init(plan current: Plan, asOf day: PlanDate, since: PlanDate? = nil) {
        let past = current.asOf(day)
        let start = min(since ?? BoardPack.defaultSince(for: current, asOf: day), day)
        plan = past
        asOf = day
        self.since = start
        // The plan as of the day is made once, for the summary and the changes too.
        summary = PlanSummary(past: past, asOf: day)
        changes = Changes(plan: current, end: past, since: start, until: day)
        let first = min(Trend.firstDate(of: current) ?? day, day)
        trend = Trend(plan: current, from: first, to: day, every: .month)
        // The red and overdue part of what the monthly review walks, reds first.
        let queue = ReviewQueue(plan: past, on: day).entries
        let reds = queue.filter { $0.reasons.contains(.red) }
        let late = queue.filter { entry in
            !entry.reasons.contains(.red) && entry.reasons.contains { if case .overdue = $0 { true } else { false } }
        }
        redOrOverdue = (reds + late).compactMap { past.action(ref: $0.ref) }
    }

    /// The plan's `Last reviewed` date when it is on or before `day`, else one review
    /// cycle (``ReviewCycle/days``) before `day`.
    public static func defaultSince(for plan: Plan, asOf day: PlanDate) -> PlanDate {
        if let reviewed = plan.lastReviewed?.date, reviewed <= day { return reviewed }
        return day.adding(days: -ReviewCycle.days)
    }

    // MARK: - What the renderers share

    /// The statuses to show in tables: the plan's key, then any other status that
    /// some action had on the day (possible when the key has changed since).
    public var statuses: [Status] {
        let key = plan.statusKey.statuses
        return key + Status.allCases.filter { !key.contains($0) && summary.overall[$0] > 0 }
    }

    /// The plan's name for a status, e.g. "Amber" or "On track".
    public func label(_ status: Status) -> String { plan.statusKey.label(for: status) }

    /// The figures of each plan section, in file order (the same order as `plan.sections`).
    public func counts(of section: Section) -> StatusCounts {
        summary.sections.first { $0.number == section.number }?.counts ?? StatusCounts()
    }

    /// The actions of an area on the day.
    public func actions(in area: Area) -> Slice<ActionList> { plan.actions[area.actionRange] }

    /// Header fields the tool does not interpret (e.g. `Board`, `Inspection`), without
    /// the `Checks off` setting, which is for the tool rather than for readers, and
    /// without the protective marking, which the paper prints on every page instead.
    public var headerFields: [Field] {
        plan.extraFields.filter {
            $0.name.lowercased() != "checks off" && !BoardPack.markingFields.contains($0.name.lowercased())
        }
    }

    /// Header field names that give the paper's protective marking.
    public static let markingFields = ["classification", "protective marking", "security classification"]

    /// The protective marking (`- Classification: OFFICIAL-SENSITIVE`) printed at the
    /// top and bottom of every page, on one line; nil when the plan has none.
    public var marking: String? {
        let field = plan.extraFields.first { BoardPack.markingFields.contains($0.name.lowercased()) }
        let words = field?.value.split(whereSeparator: \.isWhitespace).joined(separator: " ") ?? ""
        return words.isEmpty ? nil : words
    }

    /// The `Board` header field, for the running footer.
    public var board: String? {
        plan.extraFields.first { $0.name.lowercased() == "board" }?.value
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public func isOverdue(_ action: Action) -> Bool { action.isOverdue(on: asOf) }

    /// "Changes since the last review (28 October 2026)" when ``since`` is the plan's
    /// `Last reviewed` date, else "Changes since 30 January 2026".
    public var changesHeading: String {
        plan.lastReviewed?.date == since
            ? "Changes since the last review (\(since.ukLong))" : "Changes since \(since.ukLong)"
    }

    /// An action's notes, newest first (by date, then the later in the file first).
    public static func notesNewestFirst(_ action: Action) -> [Note] {
        // Notes are mostly written in date order, one way or the other: no sort then.
        let notes = action.notes
        if zip(notes, notes.dropFirst()).allSatisfy({ $0.date > $1.date }) { return notes }
        if zip(notes, notes.dropFirst()).allSatisfy({ $0.date <= $1.date }) { return notes.reversed() }
        return notes.enumerated()
            .sorted { ($0.element.date, $0.offset) > ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// "31 Jan 2026" for a due that is a date, the text as written otherwise, "-" for none.
    public static func dueLabel(_ action: Action) -> String { ActionTable.dueLabel(action.due) }

    /// The text sections to show after the plan: glossary entries come from
    /// ``Plan/glossary``, the other sections' bodies as written.
    public var textSections: [TextSection] { plan.textSections }

    /// A board check as a table row reads it: "Amber or red past the due date".
    public static func describe(_ check: BoardCheck) -> String {
        check.summary.prefix(1).uppercased() + check.summary.dropFirst()
    }

    public static func isGlossary(_ section: TextSection) -> Bool {
        section.title.trimmingWhitespace().lowercased() == "glossary"
    }
}
