/// The monthly update round: for each owner, the actions they are asked to update
/// (overdue, due soon, red, or not updated since the last review), and every open
/// action of theirs for the return sheet.
public struct ChaseRound: Sendable {
    public struct Entry: Sendable {
        public var item: OwnerReport.Item
        public var needs: [ReviewQueue.Reason]
    }

    /// What one owner is sent.
    public struct Letter: Sendable {
        public var owner: OwnerReport.Owner
        /// The actions that need an update, in portfolio then file order.
        public var entries: [Entry]
        /// Every open action of the owner's: the rows of their return sheet.
        public var openItems: [OwnerReport.Item]
        /// From the portfolio's owners' address list, when it has one.
        public var address: String?
    }

    public var asOf: PlanDate
    public var dueWithin: Int
    /// The day the updates are asked for.
    public var replyBy: PlanDate
    /// One per owner with at least one action that needs an update, by name.
    public var letters: [Letter]

    /// `owner`, when given, keeps the owners whose folded name contains it.
    public init(
        _ portfolio: Portfolio, asOf day: PlanDate, dueWithin days: Int = 30, replyBy: PlanDate, owner: String? = nil
    ) {
        asOf = day
        dueWithin = days
        self.replyBy = replyBy
        let wanted = owner.map(OwnerName.key) ?? ""
        letters = OwnerReport(portfolio, asOf: day, dueWithin: days).owners.compactMap { owner in
            guard wanted.isEmpty || owner.key.contains(wanted) else { return nil }
            let entries = owner.items.compactMap { item -> Entry? in
                let needs = ReviewQueue.reasons(for: item.action, in: item.plan, on: day, cycle: days)
                return needs.isEmpty ? nil : Entry(item: item, needs: needs)
            }
            guard !entries.isEmpty else { return nil }
            return Letter(
                owner: owner, entries: entries, openItems: owner.items.filter(\.action.isOpen),
                address: portfolio.address(for: owner.name))
        }
    }
}
