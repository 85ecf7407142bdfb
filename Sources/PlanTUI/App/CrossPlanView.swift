import PlanCore

/// The cross-plan view: the actions of every plan that a ``CrossPlanQuery`` selects,
/// each with its plan, where the status, note, edit and undo keys work as in a plan.
public struct CrossPlanView: Equatable, Sendable {
    public internal(set) var query: CrossPlanQuery
    public internal(set) var rows: [PortfolioActionRef] = []
    /// The selected row's position in ``rows``.
    public internal(set) var selected = 0
    public internal(set) var top = 0
    /// An action changed here may no longer match: the rows are rebuilt when the cursor
    /// next moves, so that it stays in view (and the next key still goes to it) until then.
    var isStale = false
    /// The plan whose note editor or edit form was opened from here, and that plan's own
    /// selection, put back when the editor closes.
    var editing: Editing?

    struct Editing: Equatable, Sendable {
        var plan: Int
        var position: AppState.ListPosition
    }

    init(query: CrossPlanQuery) {
        self.query = query
    }

    public var selectedRow: PortfolioActionRef? { rows.indices.contains(selected) ? rows[selected] : nil }
}
