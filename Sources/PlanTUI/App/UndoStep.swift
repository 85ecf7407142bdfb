import PlanCore

/// One change made in the TUI: the document before and after it, and what it did.
struct UndoStep {
    var before: PlanDocument
    var after: PlanDocument
    var description: String
    /// The action the change touched, when it touched one (by ref): taking the change
    /// back then changes that action alone, so the counts move by it instead of being
    /// counted again.
    var changedRef: String?
    /// ``AppState/revision`` right after the change. While the state's revision is still
    /// this, its document is `after` itself, and taking the change back is `before`.
    var revision: Int
}
