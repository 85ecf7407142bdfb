import PlanCore

/// The monthly review (`v`): the actions that need attention, one at a time, with
/// the list's keys for status and notes, and a closing screen that can record the
/// review's date in the plan.
extension AppState {
    /// Actions that are not complete and are red, overdue, due before the next
    /// review (within 30 days), or not updated since the last review.
    public func actionsNeedingAttention() -> [(ref: String, reasons: [String])] {
        let lastReview = plan.lastReviewed?.date
        let nextReview = today.adding(days: 30)
        return plan.actions.compactMap { action in
            guard !action.status.isComplete else { return nil }
            var reasons: [String] = []
            if action.status == .red { reasons.append("red") }
            if let due = action.due?.date {
                if due < today {
                    reasons.append("overdue since \(due.ukShort)")
                } else if due <= nextReview {
                    reasons.append("due \(due.ukShort), before the next review")
                }
            }
            if let lastReview {
                let latest = (action.notes.map(\.date) + action.history.map(\.date)).max()
                if latest.map({ $0 <= lastReview }) ?? true {
                    reasons.append("no update since the last review (\(lastReview.ukShort))")
                }
            }
            return reasons.isEmpty ? nil : (action.ref, reasons)
        }
    }

    mutating func startReview() {
        let queue = actionsNeedingAttention()
        guard !queue.isEmpty else {
            message = Message(
                text: "Nothing needs attention: no action is red, overdue, due soon or without an update.", kind: .info)
            return
        }
        review = ReviewSession(
            queue: queue.map(\.ref), reasons: Dictionary(uniqueKeysWithValues: queue.map { ($0.ref, $0.reasons) }))
        modal = .review
        showReviewAction()
    }

    private mutating func showReviewAction() {
        guard let ref = review?.currentRef else { return }
        selected = .action(ref)
        detailTop = 0
        // The action may be filtered out or folded; the review shows it whatever the list shows.
        scrollListToSelection()
    }

    mutating func handleReview(_ key: Key) -> [Effect] {
        guard var session = review else {
            modal = .none
            return []
        }
        if session.finished {
            switch key {
            case .enter:
                review = nil
                modal = .none
                return recordReview(session)
            case .escape, .character("q"):
                review = nil
                modal = .none
                message = Message(text: "Review closed without recording it.", kind: .info)
            case .control("c"):
                return [.quit]
            default:
                break
            }
            return []
        }
        switch key {
        case .character(" "), .enter:
            session.position += 1
            if session.position >= session.queue.count { session.finished = true }
            review = session
            showReviewAction()
        case .backspace:
            session.position = max(0, session.position - 1)
            review = session
            showReviewAction()
        case .escape, .character("q"):
            session.finished = true
            review = session
        case .up, .character("k"): detailTop = max(0, detailTop - 1)
        case .down, .character("j"): detailTop = min(detailTop + 1, maxDetailTop)
        case .pageUp: detailTop = max(0, detailTop - (listHeight - 1))
        case .pageDown: detailTop = min(detailTop + listHeight - 1, maxDetailTop)
        case .control("c"):
            return [.quit]
        default:
            // Status, note, edit, undo and help work as in the list.
            guard let command = KeyMap.command(for: key) else { return [] }
            switch command {
            case .setStatus, .addNote, .edit, .undo, .redo, .retrySave, .saveElsewhere, .help:
                let effects = handleMainCommand(command)
                if modal == .none { modal = .review }
                return effects
            default:
                return []
            }
        }
        return []
    }

    private mutating func recordReview(_ session: ReviewSession) -> [Effect] {
        let board = plan.lastReviewed?.by ?? plan.extraFields.first { $0.name.lowercased() == "board" }?.value
        // The review's line in the plan's log: how many of the queue were looked at, and changes made.
        let counts = PlanDocument.ReviewCounts(
            lookedAt: min(session.position + 1, session.queue.count),
            of: session.queue.count, changed: session.log.count)
        return change { [today] document in
            try document.recordReview(on: today, by: board, counts: counts)
        }
    }
}
