/// Column widths of action rows for a list `width` cells wide: owner and due give way
/// on narrow screens (the badge, ref and text stay), and widen on wide ones.
struct ListColumns: Equatable {
    var width: Int
    var ref: Int
    var owner: Int
    var due: Int
    var text: Int

    /// The REF and DUE columns grow no wider than this.
    static let widestRef = 8
    static let widestDue = 24

    init(width: Int, refWidth: Int, dueWidth: Int = 11) {
        self.width = width
        ref = min(Self.widestRef, max(4, refWidth))
        owner = width >= 70 ? min(40, max(10, width / 6)) : 0
        due = width >= 60 ? (width >= 100 ? min(Self.widestDue, max(11, dueWidth)) : 11) : 0
        // gutter 1, indent 4, ref, gap, badge 3, gap, text, gap, owner (and gap), due (and gap), mark 2
        let ownerCells = owner > 0 ? owner + 1 : 0
        let dueCells = due > 0 ? due + 1 : 0
        text = max(8, width - 1 - 4 - ref - 1 - 3 - 1 - ownerCells - dueCells - 2)
    }
}
