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
            (`- Reviewed DATE (BOARD)`; an old `Last reviewed:` line becomes the log's first entry).
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

    @OptionGroup var write: WriteOptions

    var day: PlanDate { date?.date ?? PlanDate.today() }

    func validate() throws {
        try AuthorOptions.refuseFuture(date?.date, allowed: allowFuture)
        if !record, by != nil || write.dryRun { throw ValidationError("--by and --dry-run go with --record") }
    }

    func run() throws {
        guard record else { return try printQueue() }
        try EditCommand.run(
            path: plan.path, options: write, author: by, day: day,
            unchanged: { _, _ in "plan: already recorded as reviewed on \(day.iso); nothing changed" },
            edit: { document throws(PlanDocument.EditError) in
                let board =
                    by ?? document.plan.lastReviewed?.by
                    ?? document.plan.extraFields.first { $0.name.lowercased() == "board" }?.value
                // The CLI does not walk the queue, so the line carries no counts (the TUI's review does).
                return try document.recordReview(on: day, by: board, counts: nil)
            })
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
