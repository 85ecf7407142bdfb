/// A parsed action plan: the read-only view of a ``PlanDocument``.
public struct Plan: Sendable, Equatable {
    public var title: String
    public var period: String?
    public var asAt: PlanDate?
    /// The latest review: the newest `- Reviewed` line, else `- Last reviewed:`.
    public var lastReviewed: Review?
    /// The log of reviews (`- Reviewed DATE (BOARD): …` header lines), in file order.
    public var reviews: [ReviewRecord] = []
    /// Who may agree that an action's impact is evidenced (`- Impact agreed by: …`);
    /// empty when the plan does not say, and then anyone may set blue.
    public var impactAgreedBy: [String] = []
    /// How long a measure may go without a value: `- Review cycle: 31 days` (default 31).
    public var reviewCycleDays = 31
    public var statusKey: StatusKey
    /// Prose between the header fields and the first section.
    public var introduction: String
    public var glossary: [GlossaryEntry]
    public var textSections: [TextSection]
    public var extraFields: [Field]
    public var sections: [Section]
    /// Every action in file order; sections and areas index into it. Set only here, so
    /// that ``index(ofRef:)`` always agrees with it.
    public internal(set) var actions: ActionList

    /// Lower-cased ref → index in ``actions``; whatever sets `actions` sets this too.
    var indexByRef: [String: Int]

    public func action(ref: String) -> Action? {
        indexByRef[ref.lowercased()].map { actions[$0] }
    }

    public func index(ofRef ref: String) -> Int? { indexByRef[ref.lowercased()] }

    public func actions(in section: Section) -> Slice<ActionList> {
        guard let first = section.areas.first, let last = section.areas.last else { return actions[0..<0] }
        return actions[first.actionRange.lowerBound..<last.actionRange.upperBound]
    }

    public func area(number: String) -> Area? {
        for s in sections.indices {
            if let a = sections[s].areas.firstIndex(ofNumber: number) { return sections[s].areas[a] }
        }
        return nil
    }
}

public struct Review: Sendable, Equatable {
    public var date: PlanDate
    public var by: String?
}

public struct GlossaryEntry: Sendable, Equatable {
    public var term: String
    public var meaning: String
}

/// A `## ` section without a number: Introduction, Governance, Glossary…
public struct TextSection: Sendable, Equatable {
    public var title: String
    public var body: String
    @LineNumber public var line: Int
}

/// A numbered section of the plan, e.g. "1 Children's voices".
public struct Section: Sendable, Equatable {
    public var number: String
    public var title: String
    public var description: String
    public var areas: AreaList
    @LineNumber public var line: Int
}

/// A numbered area under a section, e.g. "1.1 Partnership practice".
public struct Area: Sendable, Equatable {
    public var number: String
    public var title: String
    public var needsToImprove: String?
    public var priorityAction: String?
    public var inspectorsFound: String?
    public var description: String
    /// The parts below the heading (``extraFields``, ``signOffs``, ``assessments``,
    /// ``measures``) with the lines they were read at; ``linesMoved`` says how far the
    /// area has moved since (see `Area+Lines.swift`).
    var extraFieldsAsRead: [Field]
    var signOffsAsRead: [SignOff] = []
    var assessmentsAsRead: [Assessment] = []
    var measuresAsRead: [Measure] = []
    /// Indices into ``Plan/actions``.
    public var actionRange: Range<Int>
    @LineNumber public var line: Int
    /// How many lines the area has moved since its parts were read.
    @LineNumber public internal(set) var linesMoved: Int = 0

    init(
        number: String, title: String, needsToImprove: String?, priorityAction: String?, inspectorsFound: String?,
        description: String, extraFields: [Field], actionRange: Range<Int>, line: Int
    ) {
        self.number = number
        self.title = title
        self.needsToImprove = needsToImprove
        self.priorityAction = priorityAction
        self.inspectorsFound = inspectorsFound
        self.description = description
        extraFieldsAsRead = extraFields
        self.actionRange = actionRange
        self.line = line
    }
}
