import PlanCore

/// Where things go on the screen.
extension AppState {
    /// Below this the screen says it is too small; above it columns and hints give way.
    public static let minimumWidth = 60
    public static let minimumHeight = 20
    static let headerHeight = 3

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }
    /// The detail pane stands beside the list from this width on.
    public var isWide: Bool { width >= 120 }
    var listHeight: Int { max(1, height - Self.headerHeight - 1) }
    var listWidth: Int { isWide ? width * 3 / 5 : width }

    /// "12 of 10,000 actions": how many match the filter, for its heading.
    var matchSummary: String {
        let total = plan.actions.count
        return "\(Self.grouped(matchCount)) of \(Self.grouped(total)) action\(total == 1 ? "" : "s")"
    }

    /// 10000 as "10,000".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
