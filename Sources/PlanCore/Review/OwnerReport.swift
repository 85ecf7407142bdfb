/// Every owner named across a portfolio's plans, folded by ``OwnerName/key(_:)``,
/// with how many of their actions need what.
public struct OwnerReport: Sendable {
    /// One action of one plan.
    public struct Item: Sendable {
        public var path: String
        public var planName: String
        public var plan: Plan
        public var action: Action
    }

    public struct Owner: Sendable {
        /// The folded name the spellings share.
        public var key: String
        /// The spelling used most often (the first seen among equals).
        public var name: String
        /// Every spelling seen, most used first.
        public var spellings: [String]
        public var items: [Item]
        public var open = 0
        public var overdue = 0
        public var dueSoon = 0
        public var notUpdated = 0
        public var red = 0
    }

    public var asOf: PlanDate
    public var dueWithin: Int
    /// By name, ignoring case.
    public var owners: [Owner]

    /// Owners of the plans that parsed, as they stood on `day`. What counts as overdue,
    /// due soon (within `days` days) and not updated is the monthly review's rule
    /// (``ReviewQueue``).
    public init(_ portfolio: Portfolio, asOf day: PlanDate, dueWithin days: Int = 30) {
        self.init(
            plans: portfolio.loaded.map { ($0.member.path, $0.member.name, $0.document.plan) }, asOf: day,
            dueWithin: days)
    }

    /// The owners of one plan (the terminal interface's owner filter offers them).
    public init(_ plan: Plan, path: String = "", asOf day: PlanDate, dueWithin days: Int = 30) {
        self.init(plans: [(path, plan.title, plan)], asOf: day, dueWithin: days)
    }

    private init(plans: [(path: String, name: String, plan: Plan)], asOf day: PlanDate, dueWithin days: Int) {
        asOf = day
        dueWithin = days
        var byKey: [String: Owner] = [:]
        var spellingCounts: [String: [String: (count: Int, first: Int)]] = [:]
        var order = 0
        for (path, planName, whole) in plans {
            let plan = whole.asOf(day)
            for action in plan.actions {
                for name in Set(OwnerName.split(action.owners)) {
                    let key = OwnerName.key(name)
                    guard !key.isEmpty else { continue }
                    order += 1
                    spellingCounts[key, default: [:]][name, default: (0, order)].count += 1
                    var owner = byKey[key] ?? Owner(key: key, name: name, spellings: [], items: [])
                    owner.items.append(Item(path: path, planName: planName, plan: plan, action: action))
                    let reasons = ReviewQueue.reasons(for: action, in: plan, on: day, cycle: days).map(\.identifier)
                    if action.isOpen { owner.open += 1 }
                    if reasons.contains("overdue") { owner.overdue += 1 }
                    if reasons.contains("due-soon") { owner.dueSoon += 1 }
                    if reasons.contains(BoardCheck.notUpdated.rawValue) { owner.notUpdated += 1 }
                    if reasons.contains("red") { owner.red += 1 }
                    byKey[key] = owner
                }
            }
        }
        owners = byKey.values.map { owner in
            var owner = owner
            let spellings = (spellingCounts[owner.key] ?? [:]).sorted {
                $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.value.first < $1.value.first
            }
            owner.spellings = spellings.map(\.key)
            owner.name = owner.spellings.first ?? owner.name
            return owner
        }.sorted {
            $0.name.lowercased() != $1.name.lowercased() ? $0.name.lowercased() < $1.name.lowercased() : $0.key < $1.key
        }
    }
}
