import PlanCore

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

    var undoStack: [(document: PlanDocument, description: String)] = []
    var redoStack: [(document: PlanDocument, description: String)] = []

    public private(set) var rows: [Row] = []
    public private(set) var counts = StatusCounts()
    /// Where each visible row is, so that finding the selection does not scan the rows.
    private(set) var rowIndex: [RowID: Int] = [:]
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
                out += matching.map(Row.action)
            }
        }
        rows = out
        rowIndex = Dictionary(uniqueKeysWithValues: rows.indices.map { (id(of: rows[$0]), $0) })
        if let selected, selectedIndex == nil {
            self.selected = nearestRow(to: selected, oldIndex: oldIndex).map { id(of: rows[$0]) }
        }
        if selected == nil, let first = rows.indices.first { selected = id(of: rows[first]) }
    }

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
