import Foundation
import PlanCore
import PlanTUI

/// A generated plan on disk and in memory, and the states the measured operations
/// start from. Each operation works on a copy, so every run does the same work.
struct Workload {
    let size: Int
    let path: String
    let data: Data
    let lineCount: Int
    let document: PlanDocument
    let firstRef: String
    /// The TUI after its first frame: the first action (Amber) selected.
    let firstFrame: AppState
    /// The TUI with the last row selected.
    let atEnd: AppState
    /// The TUI after `g` on the first action: `u` takes it back.
    let greened: AppState
    /// The TUI with `/` pressed, its search index built as the runtime builds it while
    /// no key is waiting: the next letter typed filters the list.
    let searching: AppState
    /// The same with `e` typed: the next letter (`a`) narrows that search.
    let searchingE: AppState
    /// Where `set status + atomic save` writes, so the generated file stays as it was.
    let savePath: String
    /// Two edits of the plan made at the same time, for the merge: ours sets the first
    /// action green with a note, theirs adds a note to the last action and changes the
    /// header's `As at:` (text outside the actions).
    let ours: PlanDocument
    let theirs: PlanDocument

    static let today = PlanGenerator.today
    static let author = "Bench Runner"

    /// Generates the plan, writes it to `directory`, and checks that PlanCore reads it
    /// without errors, as `size` actions, so that the figures are for valid plans.
    init(size: Int, directory: String) throws {
        let generated = PlanGenerator.plan(actions: size)
        let path = directory + "/plan-\(size).plan"
        self.size = size
        self.path = path
        savePath = directory + "/saved-\(size).plan"
        data = Data(generated.text.utf8)
        lineCount = data.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        try data.write(to: URL(fileURLWithPath: path))
        Files.write(data, to: savePath, sync: false)

        do {
            document = try PlanDocument(data: data)
        } catch {
            let shown = error.errors.prefix(5).map { $0.formatted(path: path, sourceLine: nil) }
            fatalError("the generated plan of \(size) actions does not parse:\n" + shown.joined(separator: "\n"))
        }
        precondition(
            document.plan.actions.count == size, "generated \(document.plan.actions.count) actions, not \(size)")
        precondition(document.warnings.isEmpty, "the generated plan has warnings: \(document.warnings.prefix(3))")
        firstRef = generated.firstRef
        precondition(document.plan.actions.first?.ref == firstRef && document.plan.actions.first?.status == .amber)

        firstFrame = AppState(
            document: document, path: path, today: Self.today, author: Self.author,
            width: 120, height: 40, colors: true)
        var end = firstFrame
        _ = end.update(.key(.end))
        atEnd = end
        var greened = firstFrame
        _ = greened.update(.key(.character("g")))
        self.greened = greened
        var search = firstFrame
        while search.hasIdleWork { search.doIdleWork() }
        _ = search.update(.key(.character("/")))
        searching = search
        _ = search.update(.key(.character("e")))
        searchingE = search

        var ours = document
        try ours.setStatus(ref: firstRef, to: .green, on: Self.today, by: Self.author, note: "Done, and checked.")
        self.ours = ours
        let lastRef = document.plan.actions[document.plan.actions.count - 1].ref
        var theirs = try PlanDocument(
            text: generated.text.replacingOccurrences(of: "- As at: 2026-06-30\n", with: "- As at: 2026-07-01\n"))
        try theirs.addNote(ref: lastRef, text: "Reviewed by the board.", on: Self.today, by: "Another Member")
        self.theirs = theirs
    }

    /// Checks once that the edits measured really happen: `g` turns the first action
    /// green on screen, and the saved file reads back with the change.
    func checkEdits() throws {
        var state = firstFrame
        let effects = state.update(.key(.character("g")))
        precondition(
            state.plan.actions[0].status == .green && effects.count == 1, "g did not set the first action green")
        var undone = greened
        precondition(
            undone.update(.key(.character("u"))).count == 1 && undone.plan.actions[0].status == .amber,
            "u did not take g back")
        setStatusAndSave()
        let saved = try PlanFile.load(savePath)
        precondition(saved.plan.actions[0].status == .green, "the saved file does not hold the change")
        let merged = try PlanMerge.merge(base: document, ours: ours, theirs: theirs)
        precondition(
            merged.conflicts.isEmpty && merged.document?.plan.actions.first?.status == .green
                && merged.document?.plan.actions.last?.notes.last?.text == "Reviewed by the board."
                && merged.document?.plan.asAt?.iso == "2026-07-01",
            "the merge did not keep both edits")
    }

    // MARK: - Operations

    func parse() {
        consume(checked("parsing the plan") { try PlanDocument(data: data) })
    }

    func open() {
        let document = checked("loading \(path)") { try PlanFile.load(path) }
        consume(
            render(
                AppState(
                    document: document, path: path, today: Self.today, author: Self.author,
                    width: 120, height: 40, colors: true)))
    }

    func firstFrameFromDocument() {
        consume(
            render(
                AppState(
                    document: document, path: path, today: Self.today, author: Self.author,
                    width: 120, height: 40, colors: true)))
    }

    func key(_ key: Key, from start: AppState) {
        var state = start
        consume(state.update(.key(key)))
        consume(render(state))
    }

    /// What the runtime does for search between keys after the first frame: the whole index, slice by slice.
    func buildSearchIndex() {
        var state = firstFrame
        while state.hasIdleWork { state.doIdleWork() }
        consume(state)
    }

    func setStatusAndSave() {
        var edited = document
        checked("setting \(firstRef) green and saving") {
            try edited.setStatus(ref: firstRef, to: .green, on: Self.today, by: Self.author)
            try PlanFile.save(edited, to: savePath)
        }
    }

    /// Runs an operation that `init` or ``checkEdits()`` saw succeed once: a failure
    /// in a measured run is a fault of the benchmark, not a figure.
    private func checked<T>(_ operation: String, _ body: () throws -> T) -> T {
        do {
            return try body()
        } catch {
            preconditionFailure("\(operation) failed: \(error)")
        }
    }

    /// What `actionplan summary [--as-of DAY]` does after loading: the figures and their text.
    func summary(asOf day: PlanDate = Workload.today) {
        consume(SummaryText.render(PlanSummary(plan: document.plan, asOf: day), width: 100))
    }

    /// What `actionplan list --rag red --overdue` does after loading: filter the plan as of
    /// today and lay out the table.
    func filteredList() {
        let actions = document.plan.asOf(Self.today).actions(
            matching: ActionFilter(statuses: [.red], overdueOnly: true), on: Self.today)
        consume(ActionTable.text(actions, on: Self.today, width: 120))
    }

    /// A board pack as of today, rendered as one export format (what `actionplan export` does after loading).
    func export(_ format: ExportFormat) {
        consume(format.data(BoardPack(plan: document.plan, asOf: Self.today), path: path))
    }

    /// What a save does when someone else saved the plan since it was read, and what
    /// `actionplan merge-driver` does for git: the three-way merge by meaning.
    func merge() {
        do {
            consume(try PlanMerge.merge(base: document, ours: ours, theirs: theirs))
        } catch {
            fatalError("the merge failed: \(error)")
        }
    }

    /// The operation `--profile` names.
    func run(_ operation: ProfiledOperation) {
        switch operation {
        case .parse: parse()
        case .open: open()
        case .frame: firstFrameFromDocument()
        case .down: key(.down, from: firstFrame)
        case .up: key(.up, from: atEnd)
        case .green: key(.character("g"), from: firstFrame)
        case .undo: key(.character("u"), from: greened)
        case .search: key(.character("e"), from: searching)
        case .search2: key(.character("a"), from: searchingE)
        case .index: buildSearchIndex()
        case .save: setStatusAndSave()
        case .summary: summary()
        case .asof: summary(asOf: PlanGenerator.middleOfHistory)
        case .list: filteredList()
        case .html: export(.html)
        case .csv: export(.csv)
        case .json: export(.json)
        case .merge: merge()
        }
    }
}
