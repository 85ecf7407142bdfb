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
    /// The program Ctrl-E opens ("vim", "nano"…), named in the editors' hints.
    public var editorName = "$EDITOR"
    public var width: Int
    public var height: Int
    public var colors: Bool
    /// The colour scheme (for a dark or light background); mono when `colors` is off.
    public var theme: ThemeName
    /// Colours the terminal has (8, 16 or 256): the theme picks its palette by it.
    public var colorCount: Int

    public internal(set) var modal = Modal.none
    public internal(set) var focus = Focus.list
    public internal(set) var folded: Set<RowID> = []
    public internal(set) var filter = ListFilter() {
        didSet { if filter != oldValue { keptRef = nil } }
    }
    /// The order of each area's actions (`s`), as `list --sort` has them; nil for file order.
    public internal(set) var sort: ActionSort.Term?
    /// An action changed in a filtered view that no longer matches the filter: it stays
    /// visible and selected, marked, until the cursor moves or the filter changes, so
    /// that the next key (`n`, say) still goes to it.
    public internal(set) var keptRef: String?
    /// How many actions match the filter (all of them when there is none).
    public private(set) var matchCount = 0
    /// What `/` searches, built while the runtime is idle (see ``doIdleWork()``).
    var searchIndex = SearchIndex(actionCount: 0)
    /// The search being typed, while `/` is active.
    public internal(set) var searchInput: TextEditor?
    /// The path being typed after `W`, to write the plan to another file.
    public internal(set) var saveAsInput: TextEditor?
    /// The full name being typed when the interface asks who is recording (see ``askForName()``).
    public internal(set) var nameInput: TextEditor?
    /// A notice from opening (see ``announceStatusesWithoutHistory(_:)``) held back while the name prompt is open.
    var noticeAfterPrompt: Message?
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
    /// The portfolio this plan was opened from, if any: Esc at rest goes back to it.
    public internal(set) var portfolioName: String?

    /// The changes made here, to take back (`u`) and make again (`Ctrl-R`). They survive
    /// a reload and a merge with another writer's save: each is taken back as the way
    /// from `after` to `before`, merged onto the document as it then is.
    var undoStack: [UndoStep] = []
    var redoStack: [UndoStep] = []
    /// Counts the documents this state has held: every replacement of ``document`` adds
    /// one, so an undo step knows, without comparing texts, whether the document is
    /// still the one its change made.
    private(set) var revision = 0

    /// The list's rows, made as they are shown.
    public private(set) var rows = ListRows()
    public private(set) var counts = StatusCounts()
    /// Where each visible row is, so that finding the selection does not scan the rows.
    private(set) var rowPositions = RowPositions()
    /// The counts of each section (by index), for its heading row.
    private(set) var sectionCounts: [StatusCounts] = []
    /// The widest ref in cells (as far as the column grows), for the list's REF column.
    private(set) var refWidth = 4
    /// The widest due label in cells (as far as the column grows), for the DUE column on wide screens.
    private(set) var dueWidth = 11

    public init(
        document: PlanDocument, path: String, today: PlanDate, author: String?,
        width: Int = 80, height: Int = 24, colors: Bool = true, theme: ThemeName = .dark, colorCount: Int = 256
    ) {
        self.document = document
        self.path = path
        self.today = today
        self.author = author
        self.width = width
        self.height = height
        self.colors = colors
        self.theme = theme
        self.colorCount = colorCount
        recount()
        refresh()
        if let first = firstActionRow() { selected = id(of: rows[first]) }
    }

    public var plan: Plan { document.plan }

    /// Counts the whole plan and each section, and measures the refs: after the
    /// document changed shape (a reload, an undo), not after a key that only moves.
    mutating func recount() {
        // By index: `StatusCounts(actions)` iterates copies of each action, which
        // were most of the first frame at 100k actions.
        let actions = plan.actions
        counts = StatusCounts()
        for index in actions.indices { counts.add(actions[index], on: today) }
        sectionCounts = plan.sections.indices.map { s in
            var section = StatusCounts()
            for index in plan.actions(in: plan.sections[s]).indices { section.add(actions[index], on: today) }
            return section
        }
        refWidth = ListColumns.refWidth(of: plan.actions)
        dueWidth = ListColumns.dueWidth(of: plan.actions)
        searchIndex = SearchIndex(actionCount: plan.actions.count)
        rowPositions = RowPositions(plan: plan)
    }

    /// Rebuilds the visible rows after any change to the document, the filters or the
    /// folds, keeping the selection where it can. An action just changed in this view
    /// (``keptRef``) stays in it though it no longer matches, until the cursor moves.
    mutating func refresh() {
        let oldIndex = selectedIndex
        let shown = filter.isEmpty ? nil : filteredActions()
        let filtering = shown != nil
        if !filtering { matchCount = plan.actions.count }
        func isFolded(_ id: @autoclosure () -> RowID) -> Bool { !folded.isEmpty && folded.contains(id()) }
        // Headings go in first and come out again when filtering leaves them nothing to show.
        var out = ListRows(shown: shown, blocks: plan.sections.count + 2 * rowPositions.areaCount)
        // By index, not `for area in`: copying each area (its texts, fields, sign-offs) was
        // most of the work of a refresh at 100k actions.
        let sections = plan.sections
        for s in sections.indices {
            let sectionStart = out.mark
            out.append(.section(s))
            let sectionFolded = isFolded(.section(sections[s].number))
            var shownInSection = 0
            for a in sections[s].areas.indices {
                let place = rowPositions.firstArea[s] + a
                let areaStart = out.mark
                let areaFolded = sectionFolded || isFolded(.area(sections[s].areas.number(at: a)))
                if !sectionFolded { out.append(.area(section: s, area: a, place: place)) }
                let range = sections[s].areas.actionRange(at: a)
                let count = shown?.population(in: range) ?? range.count
                if !areaFolded {
                    let order =
                        sort == nil ? nil : sorted(shown.map { bits in range.filter { bits[$0] } } ?? Array(range))
                    out.append(.actions(place: place, range: range, count: count, order: order))
                }
                if filtering && count == 0 && !sectionFolded { out.removeRows(after: areaStart) }
                shownInSection += count
            }
            if filtering && shownInSection == 0 { out.removeRows(after: sectionStart) }
        }
        out.finish(sectionCount: plan.sections.count, areaCount: rowPositions.areaCount)
        rows = out
        if let selected, selectedIndex == nil {
            self.selected = nearestRow(to: selected, oldIndex: oldIndex).map { id(of: rows[$0]) }
        }
        if selected == nil, let first = rows.indices.first { selected = id(of: rows[first]) }
    }

    /// The actions the filter shows, and ``matchCount``: those that match it, with the one
    /// kept in view (``keptRef``) though it no longer does.
    private mutating func filteredActions() -> ActionBits {
        let actions = plan.actions
        let query = filter.core.search.map { $0.lowercased() } ?? ""
        var shown = query.isEmpty ? ActionBits(count: actions.count, filled: true) : searchHits(Array(query.utf8))
        var structural = filter
        structural.core.search = nil
        if !structural.isEmpty {
            for index in shown.members where !structural.matches(actions[index], today: today) { shown[index] = false }
        }
        matchCount = shown.population
        if let keptIndex = keptRef.flatMap({ plan.index(ofRef: $0) }) { shown[keptIndex] = true }
        return shown
    }

    mutating func replaceDocument(_ new: PlanDocument) {
        document = new
        revision += 1
        recount()
        refresh()
    }

    /// Takes a document in which only the action `changedRef` changed, when that is
    /// given and still in it; else a document that may differ anywhere.
    mutating func replaceDocument(_ new: PlanDocument, changedRef: String?) {
        if let changedRef, let index = new.plan.index(ofRef: changedRef) {
            replaceDocument(new, changedAction: index)
        } else {
            replaceDocument(new)
        }
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
        revision += 1
        let action = plan.actions[index]
        counts.remove(old, on: today)
        counts.add(action, on: today)
        sectionCounts[section].remove(old, on: today)
        sectionCounts[section].add(action, on: today)
        searchIndex.update(index, with: action)
        if !filter.isEmpty {
            // Still on screen, marked, though it may no longer match: the next key goes to it.
            if selected == .action(action.ref), !filter.matches(action, today: today) { keptRef = action.ref }
            refresh()
        }
    }
}
