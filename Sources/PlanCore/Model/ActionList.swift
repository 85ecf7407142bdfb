/// A plan's actions in file order: a random-access collection of ``Action``, kept in
/// chunks so that an edit which adds or removes lines in one action moves the line
/// numbers of all the actions after it without touching each of them (see
/// ``Action/linesMoved``): the edit stays flat in the size of the plan, and the copy
/// an undo step shares copies one chunk, not every action.
///
/// A plan opened for one action (``PlanDocument/ActionReading/onDemand``) holds most
/// of its actions as their lines only: an action is made from them each time it is
/// read, by the same one-action parse an edit uses, so that opening the plan builds
/// no text, note or owner list the command will not read. ``ref(at:)`` and
/// ``status(at:)`` answer without making the action.
public struct ActionList: Sendable {
    private var storage: LineChunks<ActionEntry>
    /// The lines the deferred actions are read from; nil when every action is made.
    private let source: DeferredActionSource?

    /// No actions.
    public init() {
        storage = LineChunks()
        source = nil
    }

    /// The actions of `actions`, in order.
    public init(_ actions: some Sequence<Action>) {
        storage = LineChunks(actions.lazy.map(ActionEntry.made))
        source = nil
    }

    /// Actions as the parse left them, the deferred ones read from `source`.
    init(entries: [ActionEntry], source: DeferredActionSource?) {
        storage = LineChunks(entries)
        self.source = source
    }

    /// Moves the line numbers of every action after the one at `index` by `delta`.
    mutating func moveLines(after index: Int, by delta: Int) {
        storage.moveLines(after: index, by: delta)
    }

    /// The ref of the action at `index`, without making the action or copying it out.
    public func ref(at index: Int) -> String { storage.stored(at: index) { $0.ref } }

    /// The refs of the actions in order, without making them.
    public var refs: [String] { indices.map(ref(at:)) }

    /// The list with every deferred action made: for a caller about to read every
    /// action several times (a merge), so that each is made once.
    func madeInFull() -> ActionList {
        guard storage.contains(where: \.isDeferred) else { return self }
        return ActionList(self)
    }

    /// The status of the action at `index`, without making the action or copying it out.
    public func status(at index: Int) -> Status { storage.stored(at: index) { $0.status } }

    /// What `read` takes from the action at `index`: a made action is read where it is
    /// stored, not copied out of its chunk (a pass over every action, such as the board
    /// pack's counts, copied each one, its strings counted up and down). Its line numbers
    /// are as stored, not moved by its chunk, so `read` must not look at them.
    func reading<T>(_ index: Int, _ read: (Action) -> T) -> T {
        storage.stored(at: index) { entry in
            if case .made(let action) = entry { return read(action) }
            return read(entry.made(from: source))
        }
    }

    /// Calls `body` with the index and the action of each position of `range` (every
    /// action by default), in order, each read where it is stored (``reading(_:_:)``):
    /// `body` must not look at the action's line numbers.
    func forEachReading(in range: Range<Int>? = nil, _ body: (Int, Action) -> Void) {
        for index in range ?? indices { reading(index) { body(index, $0) } }
    }
}

extension ActionList: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> Action {
        get { storage[position].made(from: source) }
        set { storage[position] = .made(newValue) }
    }
}

extension ActionList: Equatable {
    public static func == (lhs: ActionList, rhs: ActionList) -> Bool {
        guard lhs.count == rhs.count else { return false }
        // Deferred on both sides from the same lines of the same text: the same action,
        // said alike (`==` ignores where it stands), without making either.
        return lhs.indices.allSatisfy { index in
            if case .deferred(let left) = lhs.storage[index], case .deferred(let right) = rhs.storage[index],
                let source = lhs.source, source === rhs.source, left.readLines == right.readLines
            {
                return true
            }
            return lhs[index] == rhs[index]
        }
    }
}

extension ActionList: ExpressibleByArrayLiteral {
    public init(arrayLiteral actions: Action...) {
        self.init(actions)
    }
}

extension ActionList {
    /// The entry at `index`, as stored.
    func entry(at index: Int) -> ActionEntry { storage[index] }
}
