import PlanCore

/// How wide the plan's refs and due labels are, for the REF and DUE columns: measured
/// once a document, without building the label of a due date in ISO form (most of them).
extension ListColumns {
    /// The widest ref of `actions` in cells, counted as far as the column grows; 4 for none.
    static func refWidth(of actions: some Collection<Action>) -> Int {
        guard !actions.isEmpty else { return 4 }
        var widest = 0
        // By index, and stopping where the column stops growing: iterating would copy each action.
        for i in actions.indices {
            if widest >= widestRef { break }
            widest = max(widest, DisplayWidth.of(actions[i].ref))
        }
        return widest
    }

    /// The widest due label (``ActionTable/dueLabel(_:)``) of `actions` in cells, counted as
    /// far as the column grows; 11 for none.
    static func dueWidth(of actions: some Collection<Action>) -> Int {
        guard !actions.isEmpty else { return 11 }
        var widest = 0
        for i in actions.indices {
            if widest >= widestDue { break }
            widest = max(widest, dueLabelWidth(actions[i].due))
        }
        return widest
    }

    /// The width of ``ActionTable/dueLabel(_:)`` for `due`: a date written in ISO form is
    /// shown as `30 Sep 2026`, whose width is its digits' and the month's; other text is measured.
    static func dueLabelWidth(_ due: Due?) -> Int {
        guard let due else { return 1 }
        guard let date = due.date, isISO(due.text, of: date) else { return DisplayWidth.of(ActionTable.dueLabel(due)) }
        return digits(date.day) + 5 + digits(date.year)
    }

    /// Whether `text` is `date.iso` (a plan's years are 1…9999, so it is 10 bytes), read
    /// by the byte-level ISO reading rather than compared with a string made for it.
    static func isISO(_ text: String, of date: PlanDate) -> Bool {
        text.utf8.count == 10 && DateText.parseISO(text) == date
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
