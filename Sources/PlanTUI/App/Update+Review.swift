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

    /// The review walks what it held as the day began (see ``ReviewDay``), so an action
    /// completed earlier in the day, or at a review closed without recording, is still in it.
    mutating func startReview() {
        let now = Dictionary(uniqueKeysWithValues: actionsNeedingAttention().map { ($0.ref, $0.reasons) })
        let retained = ReviewDay(plan: plan, on: today).retained
        let queue = plan.actions.map(\.ref).filter { now[$0] != nil || retained.contains($0) }
            .map { ($0, now[$0] ?? ["no longer needs attention"]) }
        guard !queue.isEmpty else {
            message = Message(
                text: "Nothing needs attention: no action is red, overdue, due soon or without an update.", kind: .info)
            return
        }
        review = ReviewSession(
            queue: queue.map(\.0), reasons: Dictionary(uniqueKeysWithValues: queue))
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
            if let question = session.question { return answer(question, key: key, session: session) }
            switch key {
            case .enter:
                if session.counts(in: plan, on: today).isPartial {
                    session.question = .partial
                    review = session
                    return []
                }
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

    /// y or n to the closing screen's question: record a partial review, move the As at date.
    private mutating func answer(_ question: ReviewSession.Question, key: Key, session: ReviewSession) -> [Effect] {
        var session = session
        let yes = key == .character("y")
        if key == .control("c") { return [.quit] }
        switch question {
        case .partial:
            session.question = nil
            review = session
            if yes { return recordReview(session) }
            message = Message(text: "Not recorded: Enter asks again, Backspace goes back to the actions.", kind: .info)
        case .asAt:
            review = nil
            modal = .none
            if yes {
                return change { [today] document in try document.setAsAt(today) }.effects
            }
            message = Message(text: "The plan's As at date stays \(plan.asAt?.ukShort ?? "unset").", kind: .info)
        }
        return []
    }

    /// Appends the review to the plan's log (the same edit as `review --record`), then
    /// offers to move the plan's As at date to the review's day when it is earlier.
    private mutating func recordReview(_ session: ReviewSession) -> [Effect] {
        review = nil
        modal = .none
        let board = plan.reviewingBoard
        let counts = session.counts(in: plan, on: today)
        let outcome = change { [today] document in
            try document.recordReview(on: today, by: board, counts: counts)
        }
        if case .applied = outcome, plan.asAt.map({ $0 < today }) ?? true {
            var session = session
            session.question = .asAt
            review = session
            modal = .review
        }
        return outcome.effects
    }
}
