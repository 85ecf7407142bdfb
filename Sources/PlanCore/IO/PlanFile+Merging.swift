import Foundation
import Glibc

extension PlanFile {
    /// What a save wrote.
    public struct Saved: Sendable {
        /// The plan as it now is on disk: the edited document, or that merged with
        /// changes made elsewhere.
        public var document: PlanDocument
        /// Refs of the actions that were changed elsewhere and merged in.
        public var mergedRefs: [String]
        /// Whether the file had changed on disk since it was read (and was merged).
        public var merged: Bool
    }

    /// Saves `document`, an edit of `base` (the plan as it was read), without losing a
    /// change made to the file in the meantime.
    ///
    /// Under the plan's lock (``PlanLock``) the file is read again. If it is still what
    /// was read, the document is written. If someone changed it, the two changes are
    /// merged (``PlanMerge``): edits to other actions, other fields and new notes are
    /// kept on both sides and the merge is written. If the same field of the same
    /// action was changed there, or the file is gone or now has errors, nothing is
    /// written and ``PlanFileError/changedElsewhere(path:reasons:)`` says why.
    public static func save(
        _ document: PlanDocument, editedFrom base: PlanDocument, to path: String,
        lockTimeout: Double = 10
    ) throws(PlanFileError) -> Saved {
        let lock = try PlanLock.acquire(for: path, timeout: lockTimeout)
        defer { lock.release() }
        let current: Data
        do {
            current = try read(path)
        } catch {
            if case .system(_, ENOENT, _) = error {
                throw .changedElsewhere(path: path, reasons: ["the file is no longer there (moved or deleted)"])
            }
            throw error
        }
        if base.hasBytes(current) || document.hasBytes(current) {
            if !document.hasBytes(current) { try AtomicFile.write(document, to: path) }
            return Saved(document: document, mergedRefs: [], merged: false)
        }
        let theirs: PlanDocument
        do {
            theirs = try PlanDocument(data: current)
        } catch {
            let first = error.diagnostics.first { $0.severity == .error }
            throw .changedElsewhere(
                path: path,
                reasons: [
                    "it now has errors" + (first.map { " (line \($0.line): \($0.message))" } ?? "")
                        + ", so this change could not be merged into it"
                ])
        }
        let result: PlanMerge.Result
        do {
            result = try PlanMerge.merge(base: base, ours: document, theirs: theirs)
        } catch {
            throw .changedElsewhere(path: path, reasons: [error.description])
        }
        guard let merged = result.document else {
            throw .changedElsewhere(path: path, reasons: result.conflicts.map(Self.reason))
        }
        try AtomicFile.write(merged, to: path)
        return Saved(document: merged, mergedRefs: result.theirChangedRefs, merged: true)
    }

    /// A conflict in the words of someone whose save it stopped.
    static func reason(_ conflict: PlanMerge.Conflict) -> String {
        guard let ref = conflict.ref else {
            return "the same lines outside the actions were changed there"
                + (conflict.ours.isEmpty ? "" : " (near \"\(conflict.ours)\")")
        }
        switch conflict.field {
        case "text": return "\(ref)'s text was reworded there too"
        default:
            return
                "\(ref)'s \(conflict.field) was changed there to \(conflict.theirs) while this change set it to \(conflict.ours)"
        }
    }
}
