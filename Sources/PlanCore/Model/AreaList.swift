/// A section's areas in file order: a random-access collection of ``Area``, kept in
/// chunks like ``ActionList``, so that an edit which adds or removes lines moves the
/// areas after it, and every area of the later sections, without touching each of
/// them (see ``Area/linesMoved``).
public struct AreaList: Sendable, Equatable {
    private var storage: LineChunks<Area>

    /// No areas.
    public init() {
        storage = LineChunks()
    }

    /// The areas of `areas`, in order.
    public init(_ areas: some Sequence<Area>) {
        storage = LineChunks(areas)
    }

    /// Moves the line numbers of every area from the one at `index` on by `delta`.
    mutating func moveLines(from index: Int, by delta: Int) {
        if index == 0 { storage.moveAllLines(by: delta) } else { storage.moveLines(after: index - 1, by: delta) }
    }

    /// The position of the area numbered `number`, found without copying every area out
    /// of its chunk (the detail view asks for an action's area at every frame).
    public func firstIndex(ofNumber number: String) -> Int? {
        storage.firstIndex(storedWhere: { $0.number == number })
    }

    /// The actions of the area at `index`, read where it is stored: the list's rows are
    /// rebuilt from every area's at each letter typed in a search, and copying each
    /// area out was a third of that at 100k actions.
    public func actionRange(at index: Int) -> Range<Int> {
        storage.stored(at: index) { $0.actionRange }
    }

    /// The number of the area at `index`, read where it is stored.
    public func number(at index: Int) -> String {
        storage.stored(at: index) { $0.number }
    }
}

extension AreaList: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    public subscript(position: Int) -> Area {
        get { storage[position] }
        set { storage[position] = newValue }
    }
}

extension AreaList: ExpressibleByArrayLiteral {
    public init(arrayLiteral areas: Area...) {
        self.init(areas)
    }
}

extension Section: LineShifting {
    /// Moves the heading's line and every area's.
    mutating func moveLines(by delta: Int) {
        line += delta
        areas.moveLines(from: 0, by: delta)
    }
}
