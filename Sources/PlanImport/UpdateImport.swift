import FoundationEssentials
import PlanCore

/// Applies return-sheet rows to the plans they name, in memory, through the same
/// edits as `actionplan set` and `note` (history lines, validation). Writing is the
/// caller's: each changed document is saved through its ``PlanSession``.
public struct UpdateImport: Sendable {
    /// What one row did.
    public struct Applied: Sendable {
        public var sheet: String
        public var row: Int
        public var path: String
        public var ref: String
        public var changes: [String]
    }

    /// The plans, by path, with every accepted row applied.
    public var documents: [String: PlanDocument]
    public var applied: [Applied]
    /// `SHEET:ROW: error: …` for each row refused.
    public var problems: [String]

    /// Applies `rows` of `sheet` to `documents` (path → plan), each as a change dated
    /// `day` by the row's owner (else `author`). A row's plan is found by its path as
    /// given, else by file name when only one plan has it.
    public init(
        _ sheets: [(path: String, rows: [UpdateRow], errors: [ImportError])], documents: [String: PlanDocument],
        on day: PlanDate, author: String?
    ) {
        self.documents = documents
        applied = []
        problems = []
        var seen: [String: String] = [:]
        for sheet in sheets {
            problems += sheet.errors.map { $0.formatted(path: sheet.path) }
            for row in sheet.rows {
                do throws(ImportError) {
                    // One owner's sheet given twice (as .xlsx and as .csv) would add every note twice;
                    // two co-owners returning the same status for a shared action is not that.
                    let update = [
                        planPath(for: row.plan) ?? row.plan, row.ref.lowercased(), row.newStatus?.code ?? "",
                        row.note ?? "", row.owner.map(OwnerName.key) ?? "",
                    ].joined(separator: "\u{0}")
                    if let first = seen[update] {
                        throw ImportError(
                            row: row.row, "\(row.ref): the same update as \(first); is one sheet given twice?")
                    }
                    seen[update] = "\(sheet.path):\(row.row)"
                    applied.append(try apply(row, sheet: sheet.path, on: day, author: author))
                } catch {
                    problems.append(error.formatted(path: sheet.path))
                }
            }
        }
    }

    private mutating func apply(_ row: UpdateRow, sheet: String, on day: PlanDate, author: String?) throws(ImportError)
        -> Applied
    {
        guard let path = planPath(for: row.plan) else {
            throw ImportError(row: row.row, "\(row.ref): no plan '\(row.plan)' among the plans given")
        }
        guard var document = documents[path] else { throw ImportError(row: row.row, "no plan '\(row.plan)'") }
        let outcome: PlanDocument.EditOutcome
        do {
            if let status = row.newStatus {
                outcome = try document.setStatus(
                    ref: row.ref, to: status, on: day, by: row.owner ?? author, note: row.note)
            } else {
                outcome = try document.addNote(ref: row.ref, text: row.note ?? "", on: day, by: row.owner ?? author)
            }
        } catch {
            throw ImportError(row: row.row, "\(row.ref) in \(path): \(error.description)")
        }
        documents[path] = document
        return Applied(sheet: sheet, row: row.row, path: path, ref: outcome.ref, changes: outcome.changes)
    }

    private func planPath(for given: String) -> String? {
        if documents[given] != nil { return given }
        let standard = PathText.standardized(given)
        if let match = documents.keys.first(where: { PathText.standardized($0) == standard }) {
            return match
        }
        let name = PathText.lastComponent(given)
        let byName = documents.keys.filter { PathText.lastComponent($0) == name }
        return byName.count == 1 ? byName.first : nil
    }

    /// The dry-run report: one line per row applied, and the plans it changes.
    public var report: String {
        var out = ""
        for item in applied {
            let what = item.changes.isEmpty ? "no change" : item.changes.joined(separator: "; ")
            out += "\(item.sheet):\(item.row): \(item.path) \(item.ref): \(what)\n"
        }
        let changed = Set(applied.filter { !$0.changes.isEmpty }.map(\.path))
        out +=
            "\(applied.count) row\(applied.count == 1 ? "" : "s") to apply to \(changed.count) plan\(changed.count == 1 ? "" : "s")"
        out += problems.isEmpty ? "\n" : "; \(problems.count) row\(problems.count == 1 ? "" : "s") refused\n"
        return out
    }

    /// The plans that the applied rows change.
    public var changedPaths: [String] {
        var seen: Set<String> = []
        return applied.filter { !$0.changes.isEmpty }.map(\.path).filter { seen.insert($0).inserted }
    }
}
