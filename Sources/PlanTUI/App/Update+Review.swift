import PlanCore

/// The monthly review (`v`): the actions that need attention, one at a time, with
/// the list's keys for status and notes, and a closing screen that can record the
/// review's date in the plan.
extension AppState {
    /// What the review walks: ``ReviewQueue`` on today, the same queue as
    /// `actionplan list --review`, with each reason in words.
    public func actionsNeedingAttention() -> [(ref: String, reasons: [String])] {
        ReviewQueue(plan: plan, on: today).entries.map { ($0.ref, $0.reasons.map(\.text)) }
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
            case .backspace:
                session.previous()
                review = session
                showReviewAction()
            case .control("c"):
                return [.quit]
            default:
                break
            }
            return []
        }
        switch key {
        case .character(" "), .enter:
            session.next()
            review = session
            showReviewAction()
        case .backspace:
            session.previous()
            review = session
            showReviewAction()
        case .escape, .character("q"):
            session.finish()
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
        }.effects
    }
}
