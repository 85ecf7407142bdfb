import PropertyBased
import Testing

@testable import PlanCore

/// The chunked store of actions and spans: what it reads is what a plain array, moved
/// one element at a time, would read, across the borders of its chunks.
@Suite struct LineChunksTests {
    /// An element with one line position.
    struct Mark: LineShifting, Equatable, CustomStringConvertible {
        var id: Int
        var line: Int
        mutating func moveLines(by delta: Int) { line += delta }
        var description: String { "\(id)@\(line)" }
    }

    static let size = LineChunks<Mark>.chunkSize

    static func marks(_ count: Int) -> [Mark] { (0..<count).map { Mark(id: $0, line: 10 * $0) } }

    /// What `moveLines(after:by:)` must do, one element at a time.
    static func moved(_ marks: [Mark], after index: Int, by delta: Int) -> [Mark] {
        var out = marks
        for k in out.indices where k > index { out[k].line += delta }
        return out
    }

    @Test func holdsWhatItWasGivenInOrder() {
        let marks = Self.marks(2 * Self.size + 3)
        let chunks = LineChunks(marks)
        #expect(chunks.count == marks.count && Array(chunks) == marks)
        #expect(LineChunks<Mark>().isEmpty)
    }

    @Test(arguments: [0, 1, size - 2, size - 1, size, size + 1, 2 * size - 1, 2 * size, 2 * size + 2])
    func movingTheLaterElementsAgreesWithAnArray(after index: Int) {
        let marks = Self.marks(2 * Self.size + 3)
        var chunks = LineChunks(marks)
        chunks.moveLines(after: index, by: 3)
        #expect(Array(chunks) == Self.moved(marks, after: index, by: 3))
        chunks.moveLines(after: index, by: -3)
        #expect(Array(chunks) == marks)
    }

    /// A part that is not a line position reads the same where it is stored as copied out,
    /// in chunks whose lines were moved.
    @Test func aStoredPartReadsAsTheElementsPart() {
        var chunks = LineChunks(Self.marks(2 * Self.size + 3))
        chunks.moveLines(after: Self.size - 2, by: 7)
        chunks.moveAllLines(by: -3)
        for index in chunks.indices { #expect(chunks.stored(at: index) { $0.id } == chunks[index].id) }
        var areas = AreaList(
            (0..<(2 * Self.size + 1)).map { k in
                Area(
                    number: "1.\(k)", title: "", needsToImprove: nil, priorityAction: nil, inspectorsFound: nil,
                    description: "", extraFields: [], actionRange: (2 * k)..<(2 * k + 2), line: 3 * k)
            })
        areas.moveLines(from: Self.size, by: 11)
        for index in areas.indices {
            #expect(areas.actionRange(at: index) == areas[index].actionRange)
            #expect(areas.number(at: index) == areas[index].number)
        }
    }

    @Test func anElementSetInAMovedChunkReadsBackAsSet() {
        var chunks = LineChunks(Self.marks(2 * Self.size))
        chunks.moveLines(after: Self.size - 1, by: 7)
        #expect(chunks[Self.size].line == 10 * Self.size + 7)
        chunks[Self.size] = Mark(id: -1, line: 5)
        #expect(chunks[Self.size] == Mark(id: -1, line: 5))
        chunks.moveLines(after: 0, by: 1)
        #expect(chunks[Self.size] == Mark(id: -1, line: 6) && chunks[0] == Mark(id: 0, line: 0))
    }

    @Test func appendingAfterAMoveKeepsTheNewElementWhereItWasPut() {
        var chunks = LineChunks(Self.marks(Self.size + 1))
        chunks.moveLines(after: 0, by: 4)
        chunks.append(Mark(id: 99, line: 1000))
        #expect(chunks.last == Mark(id: 99, line: 1000))
        #expect(chunks[Self.size] == Mark(id: Self.size, line: 10 * Self.size + 4))
    }

    @Test func aCopyIsNotChangedByAMoveOfTheOriginal() {
        let marks = Self.marks(3 * Self.size)
        var chunks = LineChunks(marks)
        let copy = chunks
        chunks.moveLines(after: 5, by: 2)
        chunks[700] = Mark(id: -7, line: 1)
        #expect(Array(copy) == marks && copy != chunks)
    }

    @Test func randomSetsAndMovesAgreeWithAnArray() {
        var random = Xoshiro(seed: (12, 34, 56, 78))
        var marks = Self.marks(3 * Self.size + 17)
        var chunks = LineChunks(marks)
        for step in 0..<400 {
            let index = Int(random.next() % UInt64(marks.count))
            if step % 3 == 0 {
                let mark = Mark(id: -step, line: Int(random.next() % 10_000))
                marks[index] = mark
                chunks[index] = mark
            } else {
                let delta = Int(random.next() % 7) - 3
                marks = Self.moved(marks, after: index, by: delta)
                chunks.moveLines(after: index, by: delta)
            }
        }
        #expect(Array(chunks) == marks)
    }
}
