import Glibc
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
    /// Each action's searchable text, lower-cased, by action index: built on the first
    /// search after the document changed, so a letter typed costs a scan, not a re-casing.
    private(set) var searchIndex: [[UInt8]] = []
    /// The last search and which actions matched it: a letter typed after it only
    /// rechecks those, since a longer query matches a subset.
    private var lastSearch: (query: [UInt8], hits: [Bool])?
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

    public private(set) var rows: [Row] = []
    public private(set) var counts = StatusCounts()
    /// Where each visible row is, so that finding the selection does not scan the rows.
    private(set) var rowIndex: [RowID: Int] = [:]
    /// The counts of each section (by index), for its heading row.
    private(set) var sectionCounts: [StatusCounts] = []
    /// The widest ref in cells, for the list's REF column.
    private(set) var refWidth = 4
    /// The widest due label in cells, for the DUE column on wide screens.
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
        counts = StatusCounts(plan.actions, on: today)
        sectionCounts = plan.sections.map { StatusCounts(plan.actions(in: $0), on: today) }
        refWidth = plan.actions.lazy.map { DisplayWidth.of($0.ref) }.max() ?? 4
        dueWidth = plan.actions.lazy.map { DisplayWidth.of(ActionTable.dueLabel($0.due)) }.max() ?? 11
        searchIndex = []
        lastSearch = nil
    }

    /// Which actions contain `query` (lower-cased UTF-8), narrowing the last search's
    /// hits when the query extends it.
    private mutating func searchHits(_ query: [UInt8]) -> [Bool] {
        if searchIndex.count != plan.actions.count {
            searchIndex = plan.actions.map(Self.searchText)
            lastSearch = nil
        }
        var hits: [Bool]
        if let last = lastSearch, last.hits.count == searchIndex.count, query.starts(with: last.query) {
            hits = last.hits
            for index in hits.indices where hits[index] { hits[index] = Self.bytes(searchIndex[index], contain: query) }
        } else {
            hits = searchIndex.map { Self.bytes($0, contain: query) }
        }
        lastSearch = (query, hits)
        return hits
    }

    /// What `/` searches in an action: ref, text, owners and notes, lower-cased, as UTF-8.
    ///
    /// As `String.lowercased()` would make it, which maps each scalar on its own: ASCII
    /// bytes are lower-cased in place and only other scalars are looked up, so that the
    /// first letter of a search does not wait for the whole plan to be re-cased.
    static func searchText(_ action: Action) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in ([action.ref, action.text] + action.owners + action.notes.map(\.text)).enumerated() {
            if index > 0 { out.append(UInt8(ascii: "\n")) }
            appendLowercased(part, to: &out)
        }
        return out
    }

    private static func appendLowercased(_ text: String, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count)
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    // A run of ASCII: copied whole, then lower-cased where it now is.
                    var end = i + 1
                    while end < bytes.count, bytes[end] < 0x80 { end += 1 }
                    let start = out.count
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<end]))
                    out.withUnsafeMutableBufferPointer { copied in
                        for k in start..<copied.count where copied[k] &- UInt8(ascii: "A") < 26 { copied[k] += 32 }
                    }
                    i = end
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte gives the scalar's length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for next in bytes[(i + 1)..<(i + length)] { value = value << 6 | UInt32(next & 0x3F) }
                if let scalar = Unicode.Scalar(value) { out += scalar.properties.lowercaseMapping.utf8 }
                i += length
            }
        }
        if done != nil { return }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.isASCII {
                let byte = UInt8(truncatingIfNeeded: scalar.value)
                out.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
            } else {
                out += scalar.properties.lowercaseMapping.utf8
            }
        }
    }

    /// Whether `needle` occurs in `haystack`, byte for byte.
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                // Candidates by memchr (the C library's vectorised scan), each checked with memcmp;
                // a start is a candidate only while the whole needle still fits after it.
                var start = 0
                let last = hay.count - pin.count
                while start <= last {
                    guard let found = memchr(hayStart + start, Int32(first), last - start + 1) else { return false }
                    let at = hayStart.distance(to: UnsafeRawPointer(found))
                    if memcmp(hayStart + at, pinStart, pin.count) == 0 { return true }
                    start = at + 1
                }
                return false
            }
        }
    }

    /// Rebuilds the visible rows after any change to the document, the filters or the
    /// folds, keeping the selection where it can. An action just changed in this view
    /// (``keptRef``) stays in it though it no longer matches, until the cursor moves.
    mutating func refresh() {
        let oldIndex = selectedIndex
        var out: [Row] = []
        let filtering = !filter.isEmpty
        let query = filter.core.search.map { $0.lowercased() } ?? ""
        let hits = query.isEmpty ? nil : searchHits(Array(query.utf8))
        var structural = filter
        structural.core.search = nil
        let keptIndex = keptRef.flatMap { plan.index(ofRef: $0) }
        func matches(_ index: Int) -> Bool {
            guard filtering else { return true }
            if let hits, !hits[index] { return false }
            return structural.matches(plan.actions[index], today: today)
        }
        func visible(_ index: Int) -> Bool { index == keptIndex || matches(index) }
        matchCount = 0
        for (s, section) in plan.sections.enumerated() {
            let areas = section.areas.map { $0.actionRange.filter(visible) }
            matchCount += areas.reduce(0) { $0 + $1.count }
            if filtering && areas.allSatisfy(\.isEmpty) { continue }
            out.append(.section(s))
            if folded.contains(.section(section.number)) { continue }
            for (a, area) in section.areas.enumerated() {
                let matching = areas[a]
                if filtering && matching.isEmpty { continue }
                out.append(.area(section: s, area: a))
                if folded.contains(.area(area.number)) { continue }
                out += sorted(matching).map(Row.action)
            }
        }
        if let keptIndex, !matches(keptIndex) { matchCount -= 1 }
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
        if searchIndex.indices.contains(index) {
            searchIndex[index] = Self.searchText(action)
            lastSearch = nil
        }
        if !filter.isEmpty {
            // Still on screen, marked, though it may no longer match: the next key goes to it.
            if selected == .action(action.ref), !filter.matches(action, today: today) { keptRef = action.ref }
            refresh()
        }
    }
}
