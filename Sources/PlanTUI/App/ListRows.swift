/// The rows of the plan list, made only when asked for: headings, and for each area
/// shown unfolded a block of its actions (its whole range, the members of the filter's
/// ``ActionBits`` in it, or the sorted indices), so that building the list is a pass
/// over the areas rather than over the actions, and the screen makes the rows it shows.
public struct ListRows: RandomAccessCollection, Sendable {
    public typealias Indices = Range<Int>

    enum Block: Sendable {
        case section(Int)
        /// An area's heading; `place` numbers the area through the plan.
        case area(section: Int, area: Int, place: Int)
        /// The `count` actions shown of the area at `place`: `order` when sorted, else the
        /// members of ``ListRows/shown`` in `range` (all of `range` without a filter).
        case actions(place: Int, range: Range<Int>, count: Int, order: [Int]?)

        var rowCount: Int {
            if case .actions(_, _, let count, _) = self { count } else { 1 }
        }
    }

    private var blocks: [Block] = []
    /// The row of each block's first row.
    private var starts: [Int] = []
    /// The actions a filter shows; nil without one (every action is shown).
    private let shown: ActionBits?
    /// By section index, and by area place: the row of its heading, -1 when not shown.
    private var sectionRows: [Int32] = []
    private var areaRows: [Int32] = []
    /// By area place: the block of its actions, -1 when none are shown.
    private var areaBlocks: [Int32] = []

    public let startIndex = 0
    public private(set) var endIndex = 0

    /// No rows yet, for a list that shows `shown` (every action when nil), with room for
    /// `blocks` blocks: a refresh appends one for each heading and each area's actions,
    /// so that its arrays are not regrown at every key.
    init(shown: ActionBits? = nil, blocks capacity: Int = 0) {
        self.shown = shown
        blocks.reserveCapacity(capacity)
        starts.reserveCapacity(capacity)
    }

    public subscript(position: Int) -> Row {
        precondition(indices.contains(position), "row \(position) of \(count)")
        let b = block(containing: position)
        switch blocks[b] {
        case .section(let s): return .section(s)
        case .area(let s, let a, _): return .area(section: s, area: a)
        case .actions(_, let range, _, let order):
            let offset = position - starts[b]
            if let order { return .action(order[offset]) }
            guard let shown else { return .action(range.lowerBound + offset) }
            guard let index = shown.member(offset, from: range.lowerBound) else {
                preconditionFailure("the block counts more actions than the filter shows")
            }
            return .action(index)
        }
    }

    /// The last block that starts at or before `position`.
    private func block(containing position: Int) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return low
    }

    // MARK: - Building

    /// How far the rows go: ``removeRows(after:)`` goes back to it.
    var mark: Int { blocks.count }

    mutating func append(_ block: Block) {
        guard block.rowCount > 0 else { return }
        blocks.append(block)
        starts.append(endIndex)
        endIndex += block.rowCount
    }

    /// Takes away the blocks appended since `mark`.
    mutating func removeRows(after mark: Int) {
        guard mark < blocks.count else { return }
        endIndex = starts[mark]
        blocks.removeSubrange(mark...)
        starts.removeSubrange(mark...)
    }

    /// Records where each heading and block is, for a plan of `sectionCount` sections and
    /// `areaCount` areas: after the last block is appended.
    mutating func finish(sectionCount: Int, areaCount: Int) {
        sectionRows = Array(repeating: -1, count: sectionCount)
        areaRows = Array(repeating: -1, count: areaCount)
        areaBlocks = Array(repeating: -1, count: areaCount)
        for (b, block) in blocks.enumerated() {
            switch block {
            case .section(let s): sectionRows[s] = Int32(starts[b])
            case .area(_, _, let place): areaRows[place] = Int32(starts[b])
            case .actions(let place, _, _, _): areaBlocks[place] = Int32(b)
            }
        }
    }

    // MARK: - Where a row is

    /// The row of section `s`'s heading, if it is shown.
    func row(ofSection s: Int) -> Int? {
        sectionRows.indices.contains(s) && sectionRows[s] >= 0 ? Int(sectionRows[s]) : nil
    }

    /// The row of the heading of the area at `place`, if it is shown.
    func row(ofArea place: Int) -> Int? {
        areaRows.indices.contains(place) && areaRows[place] >= 0 ? Int(areaRows[place]) : nil
    }

    /// The row of action `index`, in the area at `place`, if it is shown.
    func row(ofAction index: Int, inArea place: Int) -> Int? {
        guard areaBlocks.indices.contains(place), areaBlocks[place] >= 0 else { return nil }
        let b = Int(areaBlocks[place])
        guard case .actions(_, let range, _, let order) = blocks[b], range.contains(index) else { return nil }
        if let order { return order.firstIndex(of: index).map { starts[b] + $0 } }
        guard let shown else { return starts[b] + index - range.lowerBound }
        return shown[index] ? starts[b] + shown.population(in: range.lowerBound..<index) : nil
    }
}
