import PlanCore

/// Where things go on the screen.
extension AppState {
    public static let minimumWidth = 80
    public static let minimumHeight = 24
    static let headerHeight = 3

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// The detail pane stands beside the list from this width on.
    public var isWide: Bool { width >= 120 }
    var listHeight: Int { max(1, height - Self.headerHeight - 1) }
    var listWidth: Int { isWide ? width * 3 / 5 : width }
}
