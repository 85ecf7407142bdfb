/// The JSON of the commands run over several plans (see `docs/json.md`): the same
/// objects as for one plan, gathered under `plans`, with totals.
public enum PortfolioJSON {
    /// The multi-plan documents are a shape of their own, hence their own version.
    public static let schemaVersion = 2

    public static func summary(_ summary: PortfolioSummary, title: String?) -> JSONValue {
        var plans: [JSONValue] = []
        for line in summary.plans {
            guard case .object(let pairs) = PlanJSON.summary(line.summary, path: line.path) else { continue }
            plans.append(
                .object(
                    pairs.filter { $0.0 != "schemaVersion" } + [
                        ("name", .string(line.name)), ("lastReviewed", .optional(line.lastReviewed?.iso)),
                    ]))
        }
        return .object(
            [
                ("schemaVersion", .int(schemaVersion)),
                ("portfolio", .optional(title)),
                ("asOf", .string(summary.asOf.iso)),
            ] + PlanJSON.counts(summary.total, key: StatusKey(entries: [])) + [
                ("plans", .array(plans)),
                ("failed", failures(summary.failed)),
            ])
    }

    public static func failures(_ failed: [(path: String, error: PlanFileError)]) -> JSONValue {
        .array(
            failed.map { .object([("plan", .string($0.path)), ("error", .string($0.error.description))]) })
    }

    /// `list` over several plans: every action carries `plan` (the path) and `planTitle`.
    public static func list(
        _ rows: [(path: String, plan: Plan, action: Action)], failed: [(path: String, error: PlanFileError)],
        on day: PlanDate
    ) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("asOf", .string(day.iso)),
            ("count", .int(rows.count)),
            ("actions", .array(rows.map { action($0.action, path: $0.path, plan: $0.plan, on: day) })),
            ("failed", failures(failed)),
        ])
    }

    /// An action's object with the plan it belongs to.
    public static func action(_ action: Action, path: String, plan: Plan, on day: PlanDate) -> JSONValue {
        guard case .object(let pairs) = PlanJSON.action(action, key: plan.statusKey, on: day) else { return .null }
        return .object([("plan", .string(path)), ("planTitle", .string(plan.title))] + pairs)
    }

    public static func owners(_ report: OwnerReport) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("asOf", .string(report.asOf.iso)),
            ("dueWithinDays", .int(report.dueWithin)),
            (
                "owners",
                .array(
                    report.owners.map { owner in
                        .object([
                            ("name", .string(owner.name)), ("key", .string(owner.key)),
                            ("spellings", .array(owner.spellings.map(JSONValue.string))),
                            ("actions", .int(owner.items.count)), ("open", .int(owner.open)),
                            ("overdue", .int(owner.overdue)), ("dueSoon", .int(owner.dueSoon)),
                            ("notUpdated", .int(owner.notUpdated)), ("red", .int(owner.red)),
                            (
                                "refs",
                                .array(
                                    owner.items.map {
                                        .object([("plan", .string($0.path)), ("ref", .string($0.action.ref))])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }
}

extension PortfolioJSON {
    /// `trend` over several plans: the portfolio's points, then each plan's trend.
    public static func trend(
        total: Trend, plans: [(path: String, title: String, trend: Trend)],
        failed: [(path: String, error: PlanFileError)], every interval: Trend.Interval
    ) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            ("interval", .string(interval.rawValue)),
            ("points", TrendReport.points(total)),
            (
                "plans",
                .array(
                    plans.map {
                        .object([
                            ("plan", .string($0.path)), ("title", .string($0.title)),
                            ("points", TrendReport.points($0.trend)),
                        ])
                    })
            ),
            ("failed", failures(failed)),
        ])
    }

    /// `changes` over several plans: each plan's object from `changes --format json`.
    public static func changes(
        _ plans: [(path: String, title: String, changes: Changes)], failed: [(path: String, error: PlanFileError)]
    ) -> JSONValue {
        .object([
            ("schemaVersion", .int(schemaVersion)),
            (
                "plans",
                .array(
                    plans.map {
                        guard case .object(let pairs) = ChangesReport.json($0.changes, path: $0.path, title: $0.title)
                        else { return .null }
                        return .object(pairs.filter { $0.0 != "schemaVersion" })
                    })
            ),
            ("failed", failures(failed)),
        ])
    }
}
