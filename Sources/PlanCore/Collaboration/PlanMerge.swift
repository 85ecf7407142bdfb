import FoundationEssentials

/// A three-way merge of plans by meaning, keyed by action ref: what `actionplan
/// merge-driver` does for git, and what a save does when the file changed on disk
/// after it was read.
///
/// - Actions changed on one side only take that side's version; actions added on
///   either side are kept; an action removed on one side and untouched on the other
///   is removed.
/// - An action changed on both sides is merged field by field: its status, its text,
///   `Owner:`, `Due:` and extra fields each come from the side that changed them; the
///   history (notes, status, due and owner changes) is the union of both sides, the
///   other side's new lines put in date order among ours.
/// - The same field changed to different values on both sides is a conflict: the
///   action is written twice between conflict markers, once as each side would have
///   it (everything else merged in both), for a person to choose (`docs/format.md`).
/// - A note reworded differently on both sides is a conflict too; two status changes
///   made at once are kept as a chain, the later one's `FROM` re-based on the earlier's `TO`.
/// - Everything outside the actions (header, headings, prose) is merged line by line.
/// - When one side converted the file's line endings (LF to CRLF or back), every line
///   of the merge gets the new ending; otherwise each line keeps its own. A byte order
///   mark added or removed on one side is added or removed.
///
/// The work is linear in the size of the plans: actions are found by ref, an action
/// unchanged on a side is compared line by line and taken as it is, only actions
/// changed on both sides are merged field by field, and the lines outside the actions
/// are diffed only between the actions that stand in the same order in all three
/// versions (and there only between their common first and last lines).
public enum PlanMerge {
    /// One field of one action changed differently on the two sides.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        /// The action's ref; nil for text outside the actions.
        public var ref: String?
        /// `status`, `text`, `owner`, `due date`, an extra field's name, or `lines` outside the actions.
        public var field: String
        public var ours: String
        public var theirs: String

        public var description: String {
            guard let ref else { return "the plan's text outside its actions (around \"\(ours)\")" }
            return "\(ref)'s \(field) (\(ours) here, \(theirs) there)"
        }
    }

    public struct Result: Sendable {
        /// The merged file; with conflict markers when there are conflicts.
        public var data: Data
        public var conflicts: [Conflict]
        /// The merged plan, when there is no conflict.
        public var document: PlanDocument?
        /// Refs of the actions that the other side changed, added or removed, in its order.
        public var theirChangedRefs: [String]
        /// Whether the other side changed anything outside the actions.
        public var theirFrameChanged: Bool
        /// Tokens compared and actions read: a measure of the work done, for tests of linearity.
        var work = 0
    }

    /// The versions could not be merged by meaning at all (the result would not be a
    /// valid plan); nothing is written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func merge(
        base: PlanDocument, ours: PlanDocument, theirs: PlanDocument,
        markerSize: Int = 7
    ) throws(Failure) -> Result {
        // The merge reads every action of each version more than once: a version opened for
        // one action has each made now, once, not at each read.
        var merger = PlanMerger(
            base: base.madeInFull(), ours: ours.madeInFull(), theirs: theirs.madeInFull(),
            markerSize: max(7, markerSize))
        return try merger.run()
    }
}
