import PlanCore

/// One change made in the TUI: the document before and after it, and what it did.
struct UndoStep {
    var before: PlanDocument
    var after: PlanDocument
    var description: String
}
