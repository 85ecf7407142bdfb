import PlanCore

/// A row of the plan list.
public enum Row: Hashable, Sendable {
    case section(Int)
    case area(section: Int, area: Int)
    case action(Int)
}

/// A row's identity across edits and reloads: numbers and refs, not indices.
public enum RowID: Hashable, Sendable {
    case section(String)
    case area(String)
    case action(String)
}

/// The TUI's filters: the core ones plus "due before the next review" (``ReviewCycle/days``).
public struct ListFilter: Equatable, Sendable {
    public var core = ActionFilter()
    public var dueSoon = false

    public var isEmpty: Bool { core.isEmpty && !dueSoon }

    func matches(_ action: Action, today: PlanDate) -> Bool {
        guard core.matches(action, on: today) else { return false }
        return !dueSoon || action.isDue(within: ReviewCycle.days, of: today)
    }

    /// "red, amber · owner "police" · overdue": what the header shows.
    func summary(key: StatusKey) -> String {
        var parts: [String] = []
        if !core.statuses.isEmpty {
            parts.append(core.statuses.sorted().map { key.label(for: $0).lowercased() }.joined(separator: ", "))
        }
        if let owner = core.owner, !owner.isEmpty { parts.append("owner \"\(owner)\"") }
        if core.overdueOnly { parts.append("overdue") }
        if dueSoon { parts.append("due within \(ReviewCycle.days) days") }
        if let section = core.section { parts.append("section \(section)") }
        if let search = core.search, !search.isEmpty { parts.append("search \"\(search)\"") }
        return parts.joined(separator: " · ")
    }
}

/// One change made in the TUI: the document before and after it, and what it did.
struct UndoStep {
    var before: PlanDocument
    var after: PlanDocument
    var description: String
}

/// A note being written, for a plain note or to go with a status change.
public struct NoteDraft: Equatable, Sendable {
    public var ref: String
    public var editor: TextEditor
    /// Set when the note goes with a status change (asked when going to red).
    public var status: Status?
    public var confirmingDiscard = false
}

/// The `e` form: owner, due and text of one action.
public struct ActionForm: Equatable, Sendable {
    public static let labels = ["Owner", "Due", "Action"]
    public var ref: String
    public var fields: [TextEditor]
    public var original: [String]
    public var focus = 0
    public var confirmingDiscard = false

    var isChanged: Bool { fields.map(\.text) != original }
}

/// What covers the main screen, if anything.
public enum Modal: Equatable, Sendable {
    case none
    /// The full-screen detail of the selected action.
    case detail
    case help(top: Int)
    case filters(ownerInput: TextEditor?)
    case note(NoteDraft)
    case form(ActionForm)
    case confirmQuit
    /// Walking through the actions that need attention, one at a time (`v`).
    case review
}

/// A monthly review: the actions that need attention, where we are, and what changed.
public struct ReviewSession: Equatable, Sendable {
    public var queue: [String]
    /// Why each action is in the queue, by ref.
    public var reasons: [String: [String]]
    public var position = 0
    /// The changes made during the review, in words.
    public var log: [String] = []
    /// The closing screen is showing.
    public var finished = false

    public var currentRef: String? { queue.indices.contains(position) ? queue[position] : nil }
}

public enum Focus: Sendable { case list, detail }

/// A line in the footer.
public struct Message: Equatable, Sendable {
    public enum Kind: Sendable { case info, error }
    public var text: String
    public var kind: Kind
}

/// Everything the TUI shows, in one value: `handle(_:)` turns a key into a new
/// state (and effects), `render(_:)` turns a state into a frame.
public struct AppState: Sendable {
    public private(set) var document: PlanDocument
    public let path: String
    public var today: PlanDate {
        // Overdue counts depend on the day.
        didSet {
            recount()
            refresh()
        }
    }
    public var author: String?
    public var width: Int
    public var height: Int
    public var colors: Bool

    public internal(set) var modal = Modal.none
    public internal(set) var focus = Focus.list
    public internal(set) var folded: Set<RowID> = []
    public internal(set) var filter = ListFilter()
    /// The order of each area's actions (`s`), as `list --sort` has them; nil for file order.
    public internal(set) var sort: ActionSort.Term?
    /// The search being typed, while `/` is active.
    public internal(set) var searchInput: TextEditor?
    /// The path being typed after `W`, to write the plan to another file.
    public internal(set) var saveAsInput: TextEditor?
    public internal(set) var selected: RowID?
    public internal(set) var listTop = 0
    public internal(set) var detailTop = 0
    public internal(set) var message: Message?
    /// True when the last save failed and the file is behind the screen.
    public internal(set) var unsaved = false
    /// The last save found the file changed on disk: w overwrites, Esc reloads.
    public internal(set) var conflict = false
    /// Why edits are paused (the file on disk has errors), if they are.
    public internal(set) var pausedReason: String?
    /// Where the note editor or edit form goes back to: the list, the detail or the review.
    var returnTo = Modal.none
    /// The review under way (`v`), if any.
    public internal(set) var review: ReviewSession?

    /// The changes made here, to take back (`u`) and make again (`Ctrl-R`). They survive
    /// a reload and a merge with another writer's save: each is taken back as the way
    /// from `after` to `before`, merged onto the document as it then is.
    var undoStack: [UndoStep] = []
    var redoStack: [UndoStep] = []

    public private(set) var rows: [Row] = []
    public private(set) var counts = StatusCounts()
    /// Where each visible row is, so that finding the selection does not scan the rows.
    private var rowIndex: [RowID: Int] = [:]
    /// The counts of each section (by index), for its heading row.
    private(set) var sectionCounts: [StatusCounts] = []
    /// The widest ref in cells, for the list's REF column.
    private(set) var refWidth = 4

    public init(
        document: PlanDocument, path: String, today: PlanDate, author: String?,
        width: Int = 80, height: Int = 24, colors: Bool = true
    ) {
        self.document = document
        self.path = path
        self.today = today
        self.author = author
        self.width = width
        self.height = height
        self.colors = colors
        recount()
        refresh()
        if let first = firstActionRow() { selected = id(of: rows[first]) }
    }

    public var plan: Plan { document.plan }

    /// Counts the whole plan and each section, and measures the refs: after the
    /// document changed shape (a reload, an undo), not after a key that only moves.
    mutating func recount() {
        counts = StatusCounts(plan.actions, on: today)
        sectionCounts = plan.sections.map { StatusCounts(plan.actions(in: $0), on: today) }
        refWidth = plan.actions.lazy.map { DisplayWidth.of($0.ref) }.max() ?? 4
    }

    /// Rebuilds the visible rows after any change to the document, the filters or the
    /// folds, keeping the selection where it can.
    mutating func refresh() {
        let oldIndex = selectedIndex
        var out: [Row] = []
        let filtering = !filter.isEmpty
        for (s, section) in plan.sections.enumerated() {
            let sectionMatches = section.areas.contains { area in
                area.actionRange.contains { filter.matches(plan.actions[$0], today: today) }
            }
            if filtering && !sectionMatches { continue }
            out.append(.section(s))
            if folded.contains(.section(section.number)) { continue }
            for (a, area) in section.areas.enumerated() {
                let matching = area.actionRange.filter { filter.matches(plan.actions[$0], today: today) }
                if filtering && matching.isEmpty { continue }
                out.append(.area(section: s, area: a))
                if folded.contains(.area(area.number)) { continue }
                out += sorted(matching).map(Row.action)
            }
        }
        rows = out
        rowIndex = Dictionary(uniqueKeysWithValues: rows.indices.map { (id(of: rows[$0]), $0) })
        if let selected, selectedIndex == nil {
            self.selected = nearestRow(to: selected, oldIndex: oldIndex).map { id(of: rows[$0]) }
        }
        if selected == nil, let first = rows.indices.first { selected = id(of: rows[first]) }
    }

    /// Action indices in ``sort``'s order (file order without one).
    private func sorted(_ indices: [Int]) -> [Int] {
        guard let sort else { return indices }
        let actions = ActionSort([sort]).sorted(indices.map { plan.actions[$0] }, on: today)
        return actions.compactMap { plan.index(ofRef: $0.ref) }
    }

    /// The orders `s` steps through, as a meeting reads a plan; then back to file order.
    static let sortCycle: [ActionSort.Term?] = [
        ActionSort.Term(.due), ActionSort.Term(.overdueDays, descending: true), ActionSort.Term(.status),
        ActionSort.Term(.owner), ActionSort.Term(.updated), ActionSort.Term(.ref), nil,
    ]

    /// `s`: the next order in ``sortCycle``, keeping the selection.
    mutating func cycleSort() {
        let position = Self.sortCycle.firstIndex { $0 == sort } ?? (Self.sortCycle.count - 1)
        sort = Self.sortCycle[(position + 1) % Self.sortCycle.count]
        refresh()
        scrollListToSelection()
        message = Message(
            text: sort.map { "Sorted by \(Self.sortLabel($0)) within each area." } ?? "In file order.", kind: .info)
    }

    /// "due", "most overdue first", …: what the header says.
    static func sortLabel(_ term: ActionSort.Term) -> String {
        switch (term.key, term.descending) {
        case (.overdueDays, true): "most overdue first"
        case (.updated, false): "least recently updated"
        case (let key, let descending): key.rawValue + (descending ? " (descending)" : "")
        }
    }

    public func id(of row: Row) -> RowID {
        switch row {
        case .section(let s): .section(plan.sections[s].number)
        case .area(let s, let a): .area(plan.sections[s].areas[a].number)
        case .action(let i): .action(plan.actions[i].ref)
        }
    }

    public var selectedIndex: Int? {
        selected.flatMap { rowIndex[$0] }
    }

    /// The selected action, if an action row is selected.
    public var selectedAction: Action? {
        guard case .action(let ref)? = selected else { return nil }
        return plan.action(ref: ref)
    }

    func firstActionRow() -> Int? {
        rows.firstIndex { if case .action = $0 { true } else { false } }
    }

    /// When the selected row disappears (filtered out, folded, removed), the row
    /// that now stands where it was: its heading, or the closest row.
    func nearestRow(to lost: RowID, oldIndex: Int?) -> Int? {
        guard !rows.isEmpty else { return nil }
        if case .action(let ref) = lost, let action = plan.action(ref: ref) {
            // Folded away: its heading. Filtered out: the action now in its place.
            let area = rowForArea(action.areaNumber)
            if folded.contains(.area(action.areaNumber)), let index = rows.firstIndex(of: area) { return index }
            if folded.contains(.section(action.sectionNumber)),
                let index = rows.firstIndex(where: { id(of: $0) == .section(action.sectionNumber) })
            {
                return index
            }
            if let oldIndex {
                let start = min(oldIndex, rows.count - 1)
                let next = rows[start...].firstIndex { if case .action = $0 { true } else { false } }
                let previous = rows[...start].lastIndex { if case .action = $0 { true } else { false } }
                if let index = next ?? previous { return index }
            }
            return firstActionRow() ?? 0
        }
        if case .area(let number) = lost, let section = number.split(separator: ".").first,
            let index = rows.firstIndex(where: { id(of: $0) == .section(String(section)) })
        {
            return index
        }
        return 0
    }

    private func rowForArea(_ number: String) -> Row {
        for (s, section) in plan.sections.enumerated() {
            if let a = section.areas.firstIndex(where: { $0.number == number }) { return .area(section: s, area: a) }
        }
        return .section(0)
    }

    // MARK: - Layout

    public static let minimumWidth = 80
    public static let minimumHeight = 24
    static let headerHeight = 3

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// The detail pane stands beside the list from this width on.
    public var isWide: Bool { width >= 120 }
    var listHeight: Int { max(1, height - Self.headerHeight - 1) }
    var listWidth: Int { isWide ? width * 3 / 5 : width }

    mutating func replaceDocument(_ new: PlanDocument) {
        document = new
        recount()
        refresh()
    }

    /// Takes a document in which only the action at `index` changed (an edit): the
    /// counts change by that action alone, and the rows only if a filter is on, since
    /// the action may now pass or fail it.
    mutating func replaceDocument(_ new: PlanDocument, changedAction index: Int) {
        guard plan.actions.indices.contains(index) else { return replaceDocument(new) }
        let old = plan.actions[index]
        guard new.plan.actions.count == plan.actions.count, new.plan.sections.count == plan.sections.count,
            new.plan.actions[index].ref == old.ref,
            let section = plan.sections.firstIndex(where: { $0.number == old.sectionNumber })
        else {
            return replaceDocument(new)
        }
        document = new
        let action = plan.actions[index]
        counts.remove(old, on: today)
        counts.add(action, on: today)
        sectionCounts[section].remove(old, on: today)
        sectionCounts[section].add(action, on: today)
        if !filter.isEmpty { refresh() }
    }
}
