/// A plan's actions in file order: a random-access collection of ``Action``, kept in
/// chunks so that an edit which adds or removes lines in one action moves the line
/// numbers of all the actions after it without touching each of them (see
/// ``Action/linesMoved``): the edit stays flat in the size of the plan, and the copy
/// an undo step shares copies one chunk, not every action.
public struct ActionList: Sendable, Equatable {
    private var storage: LineChunks<Action>

    /// No actions.
    public init() {
        storage = LineChunks()
    }

    /// The actions of `actions`, in order.
    public init(_ actions: some Sequence<Action>) {
        storage = LineChunks(actions)
    }

    /// Moves the line numbers of every action after the one at `index` by `delta`.
    mutating func moveLines(after index: Int, by delta: Int) {
        storage.moveLines(after: index, by: delta)
    }
}

extension ActionList: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> Action {
        get { storage[position] }
        set { storage[position] = newValue }
    }
}

extension ActionList: ExpressibleByArrayLiteral {
    public init(arrayLiteral actions: Action...) {
        self.init(actions)
    }
}
