/// What moved in a plan between two days: the report for a monthly review.
public struct Changes: Sendable {
    /// An action whose status at the end of the period differs from the start.
    public struct StatusMove: Sendable, Equatable {
        public var ref: String
        public var text: String
        public var from: Status
        public var to: Status
    }

    public struct NoteAdded: Sendable, Equatable {
        public var ref: String
        public var note: Note
    }

    public struct DueMove: Sendable, Equatable {
        public var ref: String
        public var date: PlanDate
        public var from: String
        public var to: String
        /// How many times this action's due date has moved in all, to the end of the period.
        public var totalMoves: Int
    }

    public struct Added: Sendable, Equatable {
        public var ref: String
        public var text: String
        public var date: PlanDate
    }

    /// How a status move is grouped in the report, in the order shown.
    public enum Group: String, Sendable, CaseIterable {
        case newlyComplete = "Newly complete"
        case impactEvidenced = "Impact evidenced"
        case newlyRed = "Newly red"
        case startedOrRecovered = "Started or back on track"
        case reopened = "Reopened"
        case other = "Other changes"

        static func of(_ move: StatusMove) -> Group {
            switch (move.from.isComplete, move.to.isComplete) {
            case (false, true): return .newlyComplete
            case (true, true): return move.to == .blue ? .impactEvidenced : .other
            case (true, false): return .reopened
            case (false, false): break
            }
            if move.to == .red { return .newlyRed }
            return move.to == .amber ? .startedOrRecovered : .other
        }
    }

    public var since: PlanDate
    public var until: PlanDate
    public var statusMoves: [StatusMove]
    public var notesAdded: [NoteAdded]
    public var dueMoves: [DueMove]
    public var added: [Action]
    public var statusKey: StatusKey
    public var before: StatusCounts
    public var after: StatusCounts

    /// Changes after the end of `since` up to the end of `until`.
    public init(plan: Plan, since: PlanDate, until: PlanDate) {
        self.init(plan: plan, end: plan.asOf(until), since: since, until: until)
    }

    /// Changes after the end of `since` up to the end of `until`, with `end` the plan as
    /// it stood at the end of `until` (``Plan/asOf(_:)``), already made by the caller.
    init(plan: Plan, end: Plan, since: PlanDate, until: PlanDate) {
        self.since = since
        self.until = until
        statusKey = plan.statusKey
        let start = plan.asOf(since)
        before = StatusCounts(start.actions, on: since)
        after = StatusCounts(end.actions, on: until)
        var moves: [StatusMove] = []
        var notes: [NoteAdded] = []
        var dues: [DueMove] = []
        var added: [Action] = []
        // The actions of `start` are those of `end` added by `since`, in the same order
        // (when `since` is not after `until`): met in step, without a lookup each.
        // Each action is read where it is stored, and of the earlier one only its ref and
        // status: copying every action out, its strings counted up and down, costs more.
        var next = start.actions.startIndex
        end.actions.forEachReading { index, action in
            let inStep = next < start.actions.endIndex && start.actions.ref(at: next) == action.ref
            guard let earlier = inStep ? next : start.index(ofRef: action.ref) else {
                // Kept, so copied out with its line numbers where they stand.
                added.append(end.actions[index])
                return
            }
            if inStep { next += 1 }
            let earlierStatus = start.actions.status(at: earlier)
            if earlierStatus != action.status {
                moves.append(
                    StatusMove(
                        ref: action.ref, text: Prose.firstLine(action.text), from: earlierStatus, to: action.status))
            }
            notes += action.notes.filter { $0.date > since }.map { NoteAdded(ref: action.ref, note: $0) }
            for entry in action.history where entry.date > since {
                if case .due(let from, let to) = entry.change {
                    dues.append(
                        DueMove(
                            ref: action.ref, date: entry.date, from: from, to: to, totalMoves: action.dueChangeCount))
                }
            }
        }
        statusMoves = moves
        notesAdded = notes.sorted { ($0.note.date, $0.ref) < ($1.note.date, $1.ref) }
        dueMoves = dues
        self.added = added
    }

    /// The status moves of one group.
    public func moves(in group: Group) -> [StatusMove] {
        statusMoves.filter { Group.of($0) == group }
    }

    public var isEmpty: Bool { statusMoves.isEmpty && notesAdded.isEmpty && dueMoves.isEmpty && added.isEmpty }
}

extension Changes {
    /// The actions that moved, got a note, had their due date moved or were added:
    /// what a review recorded on the day "changed".
    public var changedRefs: Set<String> {
        Set(statusMoves.map(\.ref) + notesAdded.map(\.ref) + dueMoves.map(\.ref) + added.map(\.ref))
    }
}
