/// Recording reviews as a log, and moving the plan's `As at` date. This is the one rule
/// for recording a review: the TUI and `actionplan review --record` both call it.
extension PlanDocument {
    /// What a review looked at, for its line in the log.
    public struct ReviewCounts: Sendable, Equatable {
        public var lookedAt: Int
        public var of: Int
        public var changed: Int

        public init(lookedAt: Int, of: Int, changed: Int) {
            self.lookedAt = lookedAt
            self.of = of
            self.changed = changed
        }

        /// Fewer actions were looked at than the review held: the TUI asks before
        /// recording such a review, and `review --record` needs `--partial`.
        public var isPartial: Bool { lookedAt < of }
    }

    /// The line a review is recorded with: `- Reviewed DATE (BOARD): looked at N of M, changed K`.
    public static func reviewLine(on date: PlanDate, by board: String?, counts: ReviewCounts?) -> String {
        "- Reviewed \(date.iso)" + (board.map { " (\($0))" } ?? "")
            + (counts.map { ": looked at \($0.lookedAt) of \($0.of), changed \($0.changed)" } ?? "")
    }

    /// Appends a review to the plan's log of reviews, after the newest `- Reviewed` line
    /// and any lines that continue it (else after `As at:`, the last header field or the
    /// title). A plan that still has a `- Last reviewed:` line gets it turned into the
    /// log's first line, so no review is lost and the latest stays easy to find. A review
    /// dated before the latest one is refused.
    @discardableResult
    public mutating func recordReview(on date: PlanDate, by board: String?, counts: ReviewCounts?) throws(EditError)
        -> EditOutcome
    {
        let board = try checkedAuthor(board)
        if let latest = plan.lastReviewed?.date, date < latest {
            throw .invalidText("the last review was on \(latest.iso); a review dated \(date.iso) would come before it")
        }
        let line = SourceLine(Self.reviewLine(on: date, by: board, counts: counts))
        let replacement: (range: Range<Int>, lines: [SourceLine])
        let header = headerFieldLines()
        var expectedCount = plan.reviews.count + 1
        if let last = plan.reviews.map(\.line).max() {
            replacement = insertion(after: headerFieldExtent(last - 1).upperBound - 1, [line])
        } else if let old = header.first(where: { $0.name == "last reviewed" }), let review = plan.lastReviewed {
            // The old field, lines that continue it too, becomes the first line of the log,
            // in place; a name it wrapped over lines is put on one.
            let board = review.by.map { $0.split(whereSeparator: \.isNewline).joined(separator: " ") }
            let converted = headerFieldRewrite(
                old.index, as: Self.reviewLine(on: review.date, by: board, counts: nil))
            var added = SourceLine(line.text, ending: ending(near: old.index))
            var rewritten = converted.lines
            if rewritten[rewritten.count - 1].ending == .none {
                // The field ended the file without a line break: now the new line does.
                rewritten[rewritten.count - 1].ending = added.ending
                added.ending = .none
            }
            replacement = (converted.range, rewritten + [added])
            expectedCount += 1
        } else {
            replacement = insertion(after: headerAnchor(header), [line])
        }
        var edited = self
        do {
            try edited.replaceLines(replacement.range, with: replacement.lines)
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "the edited file did not parse")
        }
        guard edited.plan.reviews.count == expectedCount, edited.plan.lastReviewed == Review(date: date, by: board),
            edited.plan.reviews.last(where: { $0.date == date })?.changed == counts?.changed
        else {
            throw .notStored("the review did not read back as written")
        }
        self = edited
        return EditOutcome(ref: "plan", changes: ["reviewed \(date.iso)"])
    }

    /// Moves the plan's `- As at:` date (the date of its latest update round).
    @discardableResult
    public mutating func setAsAt(_ date: PlanDate) throws(EditError) -> EditOutcome {
        guard plan.asAt != date else { return EditOutcome(ref: "plan", changes: []) }
        let replacement = headerFieldReplacement(name: "As at", value: date.iso)
        var edited = self
        do {
            try edited.replaceLines(replacement.range, with: replacement.lines)
        } catch {
            throw .notStored(error.diagnostics.first.map(\.message) ?? "the edited file did not parse")
        }
        guard edited.plan.asAt == date else { throw .notStored("the As at date did not read back as written") }
        let old = plan.asAt?.iso ?? "none"
        self = edited
        return EditOutcome(ref: "plan", changes: ["as at \(old) -> \(date.iso)"])
    }
}
