/// Checks that the history can be trusted, so that the letters in the file, `--as-of`,
/// `trend` and the figures tell one story. `actionplan check` reports them as warnings.
public enum HistoryCheck: String, Sendable, CaseIterable {
    /// A note or history line dated after today: it counts in no figure until then.
    case futureHistory = "future-history"
    /// The due date of an overdue action moved, with no note that day to say why.
    case redatedWithoutReason = "redated-without-reason"
    /// A status letter that no status line explains: changed since `baseline` (the
    /// last committed version) without a new status line, or, for an action the
    /// baseline does not have, complete with no status line at all. A plan with no status
    /// line anywhere and no baseline (one just imported from a tracker) is taken as it
    /// stands: its letters are where its history starts.
    case statusWithoutHistory = "status-without-history"

    /// Every finding in `plan` on `day`, as warnings at the lines concerned.
    /// `baseline` is the version to compare letters with (e.g. git's last commit).
    public static func warnings(for plan: Plan, on day: PlanDate, baseline: Plan? = nil) -> [Diagnostic] {
        let unexplained = Dictionary(
            actionsWithoutStatusHistory(in: plan, baseline: baseline).map { ($0.action.ref, $0.from) },
            uniquingKeysWith: { first, _ in first })
        return plan.actions.flatMap { action in
            futureLines(action, on: day) + redated(action)
                + (unexplained[action.ref].map { [missingStatusLine(action, from: $0)] } ?? [])
        }
    }

    /// The actions whose letter no status line explains (see ``statusWithoutHistory``),
    /// each with the status it had before: the baseline's letter, else Not started
    /// (or, when the key has no N, Amber, then Red).
    public static func actionsWithoutStatusHistory(in plan: Plan, baseline: Plan? = nil) -> [(
        action: Action, from: Status
    )] {
        let start: Status = [.notStarted, .amber, .red].first { plan.statusKey.contains($0) } ?? .notStarted
        if baseline == nil, plan.actions.allSatisfy({ $0.statusChanges.isEmpty }) { return [] }
        return plan.actions.compactMap { action in
            if let old = baseline?.action(ref: action.ref) {
                guard old.status != action.status, old.statusChanges.count == action.statusChanges.count else {
                    return nil
                }
                return (action, old.status)
            }
            guard action.status.isComplete, action.statusChanges.isEmpty else { return nil }
            return (action, start)
        }
    }

    private static func futureLines(_ action: Action, on day: PlanDate) -> [Diagnostic] {
        let dated =
            action.notes.map { (line: action.currentLine($0.line), date: $0.date, what: "note") }
            + action.history.map { (line: action.currentLine($0.line), date: $0.date, what: "history line") }
        return dated.filter { $0.date > day }.sorted { $0.line < $1.line }.map {
            Diagnostic(
                .warning, line: $0.line, column: 3,
                "\(action.ref)'s \($0.what) is dated \($0.date.iso), after today (\(day.iso))",
                hint:
                    "a change counts from its date, so no figure shows it yet; correct the date if it is a typing slip",
                code: HistoryCheck.futureHistory.rawValue)
        }
    }

    private static func redated(_ action: Action) -> [Diagnostic] {
        action.history.compactMap { entry in
            guard case .due(let from, let to) = entry.change, let old = DateText.parseUserDate(from), old < entry.date,
                !action.notes.contains(where: { $0.date == entry.date })
            else { return nil }
            return Diagnostic(
                .warning, line: action.currentLine(entry.line), column: 3,
                "\(action.ref) was overdue (due \(old.iso)) when its due date moved to \(to) on \(entry.date.iso), with no note saying why",
                hint:
                    "add a note of that day, or give the reason when moving it: `actionplan edit PLAN \(action.ref) --due DATE --reason TEXT`",
                code: HistoryCheck.redatedWithoutReason.rawValue)
        }
    }

    private static func missingStatusLine(_ action: Action, from old: Status) -> Diagnostic {
        Diagnostic(
            .warning, line: action.line, column: 1,
            "\(action.ref) is \(action.status.code) but has no status line; when did it change?",
            hint:
                "without one, --as-of and trend count it as \(action.status.code) all along; record the change (\(old.code) -> \(action.status.code)) with `actionplan check PLAN --fix-history --date DATE`",
            code: HistoryCheck.statusWithoutHistory.rawValue)
    }
}
