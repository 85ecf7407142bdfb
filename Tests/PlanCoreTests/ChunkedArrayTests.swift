import PropertyBased
import Testing

@testable import PlanCore

/// The line table's chunked store of entries: what it reads is what a plain array given
/// the same edits reads, across the borders of its chunks, as chunks split and empty.
@Suite struct ChunkedArrayTests {
    static let size = ChunkedArray<Int>.chunkSize

    @Test func holdsWhatItWasGivenInOrder() {
        let elements = Array(0..<(2 * Self.size + 3))
        let chunked = ChunkedArray(elements)
        #expect(chunked.count == elements.count && Array(chunked) == elements)
        #expect(chunked[Self.size] == Self.size && chunked.last == 2 * Self.size + 2)
        #expect(ChunkedArray<Int>().isEmpty && Array(ChunkedArray<Int>()).isEmpty)
    }

    /// Whole chunks and single elements in any order: the same elements, each found at its index.
    @Test func chunksAppendedWholeAgreeWithAnArray() {
        var elements: [Int] = []
        var chunked = ChunkedArray<Int>()
        for (step, width) in [Self.size, 3, Self.size, Self.size - 1, 0, Self.size, 1].enumerated() {
            let chunk = (0..<width).map { step * 100_000 + $0 }
            if step == 1 {
                for element in chunk { chunked.append(element) }
            } else {
                chunked.append(chunk: chunk)
            }
            elements += chunk
            #expect(Array(chunked) == elements && chunked.count == elements.count)
            for index in Set([0, elements.count / 2, elements.count - 1]) where index >= 0 && index < elements.count {
                #expect(chunked[index] == elements[index])
            }
        }
    }

    @Test(arguments: [0, 1, size - 1, size, size + 1, 2 * size, 3 * size - 1, 3 * size])
    func anInsertAtOrNearABorderAgreesWithAnArray(at index: Int) {
        var elements = Array(0..<(3 * Self.size))
        var chunked = ChunkedArray(elements)
        for width in [1, 5, 2 * Self.size + 1] {
            let new = (0..<width).map { -$0 - 1 }
            elements.replaceSubrange(index..<index, with: new)
            chunked.replaceSubrange(index..<index, with: new)
            #expect(Array(chunked) == elements)
            #expect(chunked[index] == elements[index] && chunked.count == elements.count)
        }
    }

    @Test func aRemovalAcrossChunksAndOfEverythingAgreesWithAnArray() {
        var elements = Array(0..<(4 * Self.size))
        var chunked = ChunkedArray(elements)
        let range = (Self.size - 3)..<(3 * Self.size + 2)
        elements.removeSubrange(range)
        chunked.replaceSubrange(range, with: EmptyCollection())
        #expect(Array(chunked) == elements && chunked[Self.size - 3] == elements[Self.size - 3])
        chunked.replaceSubrange(chunked.indices, with: EmptyCollection())
        #expect(chunked.isEmpty)
        chunked.replaceSubrange(0..<0, with: [7, 8])
        #expect(Array(chunked) == [7, 8])
    }

    @Test func readingARangeChunkByChunkAgreesWithTheSlice() {
        var elements = Array(0..<(3 * Self.size))
        var chunked = ChunkedArray(elements)
        elements.replaceSubrange(10..<12, with: [-1, -2, -3])
        chunked.replaceSubrange(10..<12, with: [-1, -2, -3])
        for range in [0..<0, 5..<20, (Self.size - 2)..<(2 * Self.size + 9), 0..<elements.count] {
            var read: [Int] = []
            chunked.forEach(in: range) { index, element in
                #expect(elements[index] == element)
                read.append(element)
            }
            #expect(read == Array(elements[range]))
        }
    }

    @Test func aCopyIsNotChangedByAnEditOfTheOriginal() {
        let elements = Array(0..<(3 * Self.size))
        var chunked = ChunkedArray(elements)
        let copy = chunked
        chunked[Self.size + 1] = -1
        chunked.replaceSubrange(5..<Self.size + 3, with: [-2])
        #expect(Array(copy) == elements && copy != chunked)
        #expect(copy == ChunkedArray(elements))
    }

    @Test func randomInsertsRemovesAndReplacesAgreeWithAnArray() {
        var random = Xoshiro(seed: (3, 1, 4, 1))
        var elements = Array(0..<(3 * Self.size + 17))
        var chunked = ChunkedArray(elements)
        func draw(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }
        for step in 0..<1_000 {
            let lower = draw(elements.count + 1)
            // Mostly short edits, now and then one across a chunk or more.
            let long = step % 25 == 0
            let removed = min(draw(long ? 3 * Self.size : 4), elements.count - lower)
            let inserted = elements.count > 6 * Self.size ? 0 : draw(long ? 3 * Self.size : 4)
            let new = (0..<inserted).map { 100_000 * (step + 1) + $0 }
            let range = lower..<lower + removed
            if step % 7 == 0, !elements.isEmpty {
                let index = draw(elements.count)
                elements[index] = -step
                chunked[index] = -step
            } else {
                elements.replaceSubrange(range, with: new)
                chunked.replaceSubrange(range, with: new)
            }
            #expect(chunked.count == elements.count)
            if !elements.isEmpty {
                let probe = draw(elements.count)
                #expect(chunked[probe] == elements[probe])
            }
            if step % 50 == 0 { #expect(Array(chunked) == elements) }
        }
        #expect(Array(chunked) == elements)
    }
}
