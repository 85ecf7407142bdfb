/// One action of an ``ActionList``: made, or deferred until it is read.
enum ActionEntry: Sendable, LineShifting {
    case made(Action)
    case deferred(DeferredAction)

    var ref: String {
        switch self {
        case .made(let action): action.ref
        case .deferred(let deferred): deferred.ref
        }
    }

    var status: Status {
        switch self {
        case .made(let action): action.status
        case .deferred(let deferred): deferred.status
        }
    }

    /// The action, made from its lines in `source` if it was deferred.
    func made(from source: DeferredActionSource?) -> Action {
        switch self {
        case .made(let action): return action
        case .deferred(let deferred):
            guard let source else { preconditionFailure("a deferred action without the lines to read it from") }
            return source.action(deferred)
        }
    }

    var isDeferred: Bool {
        if case .deferred = self { true } else { false }
    }

    /// The 1-based line of the `- [C] REF` line, where it stands now.
    var line: Int {
        switch self {
        case .made(let action): action.line
        case .deferred(let deferred): deferred.line
        }
    }

    mutating func moveLines(by delta: Int) {
        switch self {
        case .made(var action):
            action.moveLines(by: delta)
            self = .made(action)
        case .deferred(var deferred):
            deferred.line += delta
            deferred.linesMoved += delta
            self = .deferred(deferred)
        }
    }
}

/// An action the parse checked but did not make: what lookups and the checks after
/// the whole file need, and where its lines were read.
struct DeferredAction: Sendable {
    var ref: String
    var status: Status
    /// The 1-based line of the `- [C] REF` line, where it stands now.
    var line: Int
    /// How far the action has moved since it was read (see ``Action/linesMoved``).
    var linesMoved = 0
    var sectionNumber: String
    var areaNumber: String
    /// The action's lines in the source, as read (0-based, half-open).
    var readLines: Range<Int>
}

/// The lines a plan was read from and its status key: what the one-action parse
/// needs to make a ``DeferredAction`` as the whole parse would have made it.
final class DeferredActionSource: Sendable {
    let lines: LineTable
    let statusKey: StatusKey

    init(lines: LineTable, statusKey: StatusKey) {
        self.lines = lines
        self.statusKey = statusKey
    }

    /// The action `deferred` stands for, with its line numbers where it stands now.
    func action(_ deferred: DeferredAction) -> Action {
        var parser = PlanParser(
            lines: lines, action: deferred.readLines, statusKey: statusKey, section: deferred.sectionNumber,
            area: deferred.areaNumber)
        let read = parser.parse()
        precondition(read.actions.count == 1, "deferred action \(deferred.ref) does not read as one action")
        var action = read.actions[0]
        action.moveLines(by: deferred.linesMoved)
        return action
    }
}
