import FoundationEssentials
import PlanCore

/// What `actionplan import` is asked to do with a table.
public struct ImportOptions: Sendable {
    public var title: String
    /// The plan's `As at` date and the date of the notes made from the progress column.
    public var asAt: PlanDate
    /// `--map COLUMN=FIELD`, in the order given.
    public var columnMap: [(column: String, field: ImportField)]
    /// List rows that cannot become actions in the report instead of stopping.
    public var skipBadRows: Bool
    /// `--section-rows`: a row of one text is a section's heading, numbered or not.
    public var sectionRows: Bool
    /// `--area-rows`: a row of one text is an area's heading, numbered or not.
    public var areaRows: Bool

    public init(
        title: String, asAt: PlanDate, columnMap: [(column: String, field: ImportField)] = [],
        skipBadRows: Bool = false,
        sectionRows: Bool = false, areaRows: Bool = false
    ) {
        self.title = title
        self.asAt = asAt
        self.columnMap = columnMap
        self.skipBadRows = skipBadRows
        self.sectionRows = sectionRows
        self.areaRows = areaRows
    }
}

/// The import stopped: one problem with the whole table, or every row that cannot become an action.
public struct ImportFailure: Error, Sendable {
    public var errors: [ImportError]
}

public struct ImportResult: Sendable {
    /// The plan, parsed back without errors.
    public var document: PlanDocument
    public var report: ImportReport
}

/// Turns a spreadsheet tracker into a plan: one action per row, in sections and areas
/// from their columns or from the refs, and a report of what was read and how.
public enum PlanImporter {
    public static func makePlan(from table: ImportTable, options: ImportOptions) throws(ImportFailure) -> ImportResult {
        var reader = try RowReader(table: table, options: options)
        var drafts = reader.readRows()
        var bad = reader.bad
        if !bad.isEmpty && !options.skipBadRows { throw ImportFailure(errors: bad) }
        // Placing rows and reading the plan back can find more rows that cannot be
        // actions; without them, try again (each round drops at least one row).
        while true {
            let (placed, misplaced) = ImportLayout.place(drafts, columns: reader.present)
            var problems = misplaced
            var document: PlanDocument?
            if problems.isEmpty {
                let written = ImportPlanText.render(placed, options: options)
                let (parsed, unreadable) = ImportPlanText.readBack(written.text, lines: written.lines, placed)
                document = parsed
                problems = unreadable
            }
            if problems.isEmpty, let document {
                guard !placed.isEmpty else {
                    throw ImportFailure(errors: [
                        ImportError("no rows to import" + (bad.isEmpty ? "" : ": every row was skipped"))
                    ])
                }
                var report = reader.report
                report.skipped = bad.sorted { ($0.row ?? 0) < ($1.row ?? 0) }
                report.values.removeAll { value in bad.contains { $0.row == value.row } }
                for action in placed {
                    guard let trackerRef = action.trackerRef else { continue }
                    report.values.append(
                        ImportError(
                            row: action.draft.row,
                            "ref '\(short(trackerRef))' is not in area \(action.area.number); written as \(action.ref), "
                                + "the tracker's ref kept as the extra field 'Tracker ref'"))
                }
                report.values.sort { ($0.row ?? 0) < ($1.row ?? 0) }
                report.actions = placed.count
                report.sections = document.plan.sections.count
                report.areas = document.plan.sections.reduce(0) { $0 + $1.areas.count }
                report.statusCounts = Status.allCases.compactMap { status in
                    let n = placed.count { $0.draft.status == status }
                    return n > 0 || [.red, .amber, .green].contains(status) ? (status, n) : nil
                }
                return ImportResult(document: document, report: report)
            }
            bad += problems
            if !options.skipBadRows { throw ImportFailure(errors: bad.sorted { ($0.row ?? 0) < ($1.row ?? 0) }) }
            let dropped = Set(problems.compactMap(\.row))
            guard !dropped.isEmpty else { throw ImportFailure(errors: problems) }
            drafts.removeAll { dropped.contains($0.row) }
        }
    }
}

/// One row read as an action, before it is placed in a section and an area.
struct ActionDraft {
    var row: Int
    var ref: String?
    /// Prose lines: the first goes on the action line.
    var text: [String]
    var status: Status
    var owners: [String]
    var due: String?
    /// Notes from the progress columns, in date order.
    var notes: [(date: PlanDate, text: [String])] = []
    /// Status changes from the RAG columns of several update rounds, in date order.
    var history: [(date: PlanDate, from: Status, to: Status)] = []
    var extras: [(name: String, value: [String])]
    /// The section and area cells (blank ones take the value above), or the heading rows above.
    var sectionCell: String?
    var areaCell: String?
    /// The area fields (`Needs to improve`, …) of the area rows above.
    var findings: [AreaFinding] = []
}

/// An area field a tracker's area row carries: `Needs to improve`, `Priority action` or
/// `Inspectors found`, and its text as prose lines.
struct AreaFinding: Equatable {
    var field: String
    var text: [String]
}

/// A cell's text shortened for a message.
func short(_ text: String) -> String {
    let line = ImportValues.oneLine(text)
    return line.count > 40 ? line.prefix(39) + "…" : line
}
