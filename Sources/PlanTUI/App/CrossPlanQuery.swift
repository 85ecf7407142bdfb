import PlanCore

/// Which actions the cross-plan view lists, from every plan of the portfolio.
public enum CrossPlanQuery: Equatable, Sendable {
    case red
    case overdue
    /// Not complete and due within ``ReviewCycle/days`` days.
    case dueSoon
    /// Open actions with an owner whose folded name contains this (see ``OwnerName``).
    case owner(String)
    /// Open actions of this owner, picked from the list (their whole folded name).
    case pickedOwner(String)

    /// The filter that selects them (computed in PlanCore): only open actions.
    var filter: ActionFilter {
        switch self {
        case .red: ActionFilter(statuses: [.red], incompleteOnly: true)
        case .overdue: ActionFilter(overdueOnly: true, incompleteOnly: true)
        case .dueSoon: ActionFilter(incompleteOnly: true, dueWithin: ReviewCycle.days)
        case .owner(let name): ActionFilter(owner: name, incompleteOnly: true)
        case .pickedOwner(let name):
            {
                var filter = ActionFilter(incompleteOnly: true)
                filter.exactOwner = name
                return filter
            }()
        }
    }

    /// "Every red action", for the view's title.
    var title: String {
        switch self {
        case .red: "Every red action"
        case .overdue: "Every overdue action"
        case .dueSoon: "Every open action due within \(ReviewCycle.days) days"
        case .owner(let name): "Every open action of an owner containing \"\(name)\""
        case .pickedOwner(let name): "Every open action owned by \(name)"
        }
    }
}
