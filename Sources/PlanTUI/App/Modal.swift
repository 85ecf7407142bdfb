import PlanCore

/// What covers the main screen, if anything.
public enum Modal: Equatable, Sendable {
    case none
    /// The full-screen detail of the selected action.
    case detail
    case help(top: Int)
    case filters(FilterPanel)
    case note(NoteDraft)
    case form(ActionForm)
    /// The board signing an area off or assessing it (`S`, `A`).
    case areaForm(AreaForm)
    case confirmQuit
    /// Walking through the actions that need attention, one at a time (`v`).
    case review
}
