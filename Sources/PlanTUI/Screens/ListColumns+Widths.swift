import PlanCore

/// How wide the plan's refs and due labels are, for the REF and DUE columns: measured
/// once a document, without building the label of a due date in ISO form (most of them).
extension ListColumns {
    /// The widest ref of `actions` in cells, counted as far as the column grows; 4 for none.
    static func refWidth(of actions: some Collection<Action>) -> Int {
        guard !actions.isEmpty else { return 4 }
        var widest = 0
        for action in actions where widest < widestRef { widest = max(widest, DisplayWidth.of(action.ref)) }
        return widest
    }

    /// The widest due label (``ActionTable/dueLabel(_:)``) of `actions` in cells, counted as
    /// far as the column grows; 11 for none.
    static func dueWidth(of actions: some Collection<Action>) -> Int {
        guard !actions.isEmpty else { return 11 }
        var widest = 0
        for action in actions where widest < widestDue { widest = max(widest, dueLabelWidth(action.due)) }
        return widest
    }

    /// The width of ``ActionTable/dueLabel(_:)`` for `due`: a date written in ISO form is
    /// shown as `30 Sep 2026`, whose width is its digits' and the month's; other text is measured.
    static func dueLabelWidth(_ due: Due?) -> Int {
        guard let due else { return 1 }
        guard let date = due.date, isISO(due.text, of: date) else { return DisplayWidth.of(ActionTable.dueLabel(due)) }
        return digits(date.day) + 5 + digits(date.year)
    }

    /// Whether `text` is `date.iso` (the year padded to four digits, month and day to two),
    /// read from its bytes rather than compared with a string made for it.
    static func isISO(_ text: String, of date: PlanDate) -> Bool {
        var values = (0, 0, 0)
        var lengths = (0, 0, 0)
        var field = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                field += 1
                if field > 2 { return false }
                continue
            }
            let digit = Int(byte &- UInt8(ascii: "0"))
            guard digit < 10 else { return false }
            switch field {
            case 0: (values.0, lengths.0) = (values.0 &* 10 &+ digit, lengths.0 + 1)
            case 1: (values.1, lengths.1) = (values.1 &* 10 &+ digit, lengths.1 + 1)
            default: (values.2, lengths.2) = (values.2 &* 10 &+ digit, lengths.2 + 1)
            }
            if lengths.0 > 18 { return false }
        }
        return field == 2 && values == (date.year, date.month, date.day)
            && lengths == (max(4, digits(date.year)), 2, 2)
    }

    private static func digits(_ number: Int) -> Int {
        var count = 1
        var rest = number / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}
