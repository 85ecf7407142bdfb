import ArgumentParser
import PlanCore

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The monthly review: list what needs attention, or --record that the review took place.",
        discussion: """
            Without --record, prints the actions the TUI's review (v) walks, each with why: red, overdue, \
            due before the next review (within \(ReviewCycle.days) days), or no update since the last review. \
            With --record, appends the review to the plan's log of reviews \
            (`- Reviewed DATE (BOARD)`; an old `Last reviewed:` line becomes the log's first entry) \
            and says the line it records. With --looked-at the line says how many actions the board \
            looked at of how many, and how many changed; a review that looked at fewer than it held \
            needs --partial.
            """)

    @OptionGroup var plan: PlanPathArgument

    @Flag(help: "Record the review in the plan's log of reviews (- Reviewed DATE (BOARD)).")
    var record = false

    @Option(
        help: ArgumentHelp(
            "The board that reviewed (default: the last one recorded, else the plan's Board field).",
            valueName: "board"))
    var by: String?

    @Option(help: ArgumentHelp("The day of the review (default: today).", valueName: "date"))
    var date: DateArgument?

    @Flag(name: .customLong("allow-future"), help: "Accept a --date after today.")
    var allowFuture = false

    @Option(
        name: .customLong("looked-at"),
        help: ArgumentHelp(
            "How many actions the board looked at, for the line: looked at N of M, changed K.", valueName: "n"))
    var lookedAt: Int?

    @Option(
        help: ArgumentHelp(
            "How many actions the review held (default: those it listed as the day began, and any that joined).",
            valueName: "m"))
    var of: Int?

    @Option(
        help: ArgumentHelp(
            "How many actions the review changed (default: those with a change or note dated the day).",
            valueName: "k"))
    var changed: Int?

    @Flag(help: "Record a partial review: the board looked at fewer actions than the review held.")
    var partial = false

    @OptionGroup var write: WriteOptions

    var day: PlanDate { date?.date ?? PlanDate.today() }

    func validate() throws {
        try AuthorOptions.refuseFuture(date?.date, allowed: allowFuture)
        if !record, by != nil || write.dryRun || lookedAt != nil {
            throw ValidationError("--by, --looked-at and --dry-run go with --record")
        }
        if lookedAt == nil, of != nil || changed != nil || partial {
            throw ValidationError("--of, --changed and --partial go with --looked-at")
        }
        if [lookedAt, of, changed].contains(where: { ($0 ?? 0) < 0 }) {
            throw ValidationError("--looked-at, --of and --changed count actions: 0 or more")
        }
    }

    func run() throws {
        guard record else { return try printQueue() }
        try EditCommand.run(
            path: plan.path, options: write, author: by, day: day,
            unchanged: { _, _ in "plan: already recorded as reviewed on \(day.iso); nothing changed" },
            edit: { document throws(PlanDocument.EditError) in
                let board = by ?? document.plan.reviewingBoard
                let counts = try reviewCounts(document.plan)
                var outcome = try document.recordReview(on: day, by: board, counts: counts)
                // Say the line itself, so that what the log now holds is plain.
                outcome.changes = ["recorded \(PlanDocument.reviewLine(on: day, by: board, counts: counts))"]
                return outcome
            })
    }

    /// The counts for the review's line, from --looked-at, --of and --changed; nil without
    /// --looked-at (the CLI does not walk the queue; the TUI's review counts for itself).
    private func reviewCounts(_ plan: Plan) throws(PlanDocument.EditError) -> PlanDocument.ReviewCounts? {
        guard let lookedAt else { return nil }
        let counts = ReviewDay(plan: plan, on: day).counts(lookedAt: lookedAt, of: of, changed: changed)
        if counts.lookedAt > counts.of {
            throw .invalidText(
                "looked at \(counts.lookedAt) of \(counts.of): more than the \(counts.of) the review holds on \(day.iso); give --of"
            )
        }
        if counts.isPartial, !partial {
            throw .invalidText(
                "the board looked at \(counts.lookedAt) of the \(counts.of) actions the review holds: "
                    + "record a partial review with --partial")
        }
        return counts
    }

    private func printQueue() throws {
        let document = try PlanLoading.load(plan.path)
        let queue = ReviewQueue(plan: document.plan, on: day)
        switch write.format {
        case .json:
            print(
                JSONValue.object([
                    ("schemaVersion", .int(PlanJSON.schemaVersion)), ("plan", .string(plan.path)),
                    ("asOf", .string(day.iso)), ("cycleDays", .int(ReviewCycle.days)),
                    ("lastReviewed", .optional(document.plan.lastReviewed?.date.iso)),
                    (
                        "actions",
                        .array(
                            queue.entries.map { entry in
                                .object([
                                    ("ref", .string(entry.ref)),
                                    ("reasons", .array(entry.reasons.map { .string($0.identifier) })),
                                    ("text", .array(entry.reasons.map { .string($0.text) })),
                                ])
                            })
                    ),
                ]).serialized())
        case .text:
            for entry in queue.entries {
                Console.print("\(entry.ref)  " + entry.reasons.map(\.text).joined(separator: "; "))
            }
            print("\(queue.entries.count) of \(document.plan.actions.count) actions need attention")
        }
    }
}
