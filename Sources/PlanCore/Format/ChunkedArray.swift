/// An array kept in chunks of about ``chunkSize`` elements, each chunk its own array,
/// so that a copy-on-write copy after an edit (every edit of a document an undo step
/// shares makes one) copies the list of chunks and the one or two chunks the edit
/// touches, not every element, and an insert or removal shifts only the elements after
/// it in its own chunk.
///
/// A chunk that grows past twice ``chunkSize`` is split; an empty one is dropped. Chunks
/// start full, as ``append(_:)`` and ``append(chunk:)`` fill them, so an index finds its chunk by a shift until
/// edits change their sizes, and then by a binary search over the chunks' ends.
struct ChunkedArray<Element> {
    /// How many elements ``append(_:)`` puts in a chunk before it starts the next.
    static var chunkSize: Int { 1 << chunkShift }
    private static var chunkShift: Int { 12 }

    private var chunks: [[Element]] = []
    /// Per chunk, the number of elements in it and every chunk before it.
    private var ends: [Int] = []

    init() {}

    init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Adds an element at the end.
    mutating func append(_ element: Element) {
        if chunks.last.map({ $0.count >= Self.chunkSize }) ?? true {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunks.append(chunk)
            ends.append(ends.last ?? 0)
        }
        chunks[chunks.count - 1].append(element)
        ends[ends.count - 1] += 1
    }

    /// Adds `chunk`, at most ``chunkSize`` elements, at the end: as a chunk of its own
    /// when the last chunk is full, so that a bulk load (every line of a file) checks
    /// the chunks' uniqueness once a chunk, not once an element as ``append(_:)`` does.
    mutating func append(chunk: [Element]) {
        precondition(chunk.count <= Self.chunkSize, "a chunk holds at most chunkSize elements")
        guard !chunk.isEmpty, chunks.last.map({ $0.count >= Self.chunkSize }) ?? true else {
            for element in chunk { append(element) }
            return
        }
        chunks.append(chunk)
        ends.append((ends.last ?? 0) + chunk.count)
    }

    /// The index of the element's chunk and its place in it; for `endIndex`, the last
    /// chunk and its count. Only called with a chunk to find (`count > 0`).
    private func locate(_ index: Int) -> (chunk: Int, offset: Int) {
        if index >= count { return (chunks.count - 1, index - start(of: chunks.count - 1)) }
        // The chunk a shift gives holds the index while the chunks are full.
        let guess = Swift.min(index >> Self.chunkShift, chunks.count - 1)
        if start(of: guess) <= index && index < ends[guess] { return (guess, index - start(of: guess)) }
        var (low, high) = (0, chunks.count - 1)
        while low < high {
            let middle = (low + high) / 2
            if ends[middle] > index { high = middle } else { low = middle + 1 }
        }
        return (low, index - start(of: low))
    }

    private func start(of chunk: Int) -> Int { chunk == 0 ? 0 : ends[chunk - 1] }

    /// Calls `body` with each element of `range` and its index, in order, reading
    /// chunk by chunk.
    func forEach(in range: Range<Int>, _ body: (Int, Element) throws -> Void) rethrows {
        guard !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        var (chunk, offset) = locate(range.lowerBound)
        var index = range.lowerBound
        while index < range.upperBound {
            let elements = chunks[chunk]
            let stop = Swift.min(elements.count, offset + range.upperBound - index)
            for k in offset..<stop {
                try body(index, elements[k])
                index += 1
            }
            (chunk, offset) = (chunk + 1, 0)
        }
    }

    /// Puts `elements` in place of the elements at `range`. Only the chunks `range`
    /// touches are changed; the ends of the later chunks move by the change in count.
    mutating func replaceSubrange(_ range: Range<Int>, with elements: some Collection<Element>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        guard !chunks.isEmpty else {
            for element in elements { append(element) }
            return
        }
        let (first, lower) = locate(range.lowerBound)
        var last = first
        while ends[last] < range.upperBound { last += 1 }
        let upper = range.upperBound - start(of: last)
        var joined: [Element]
        if first == last {
            chunks[first].replaceSubrange(lower..<upper, with: elements)
            guard chunks[first].count > 2 * Self.chunkSize || chunks[first].isEmpty else {
                let delta = elements.count - range.count
                for c in first..<ends.count { ends[c] += delta }
                return
            }
            joined = chunks[first]
        } else {
            joined = Array(chunks[first][..<lower])
            joined.append(contentsOf: elements)
            joined.append(contentsOf: chunks[last][upper...])
        }
        // `joined` takes the place of chunks `first...last`, cut into chunks of chunkSize.
        var pieces: [[Element]] = []
        var from = 0
        while from < joined.count {
            let piece = joined.count - from <= 2 * Self.chunkSize ? joined.count : from + Self.chunkSize
            pieces.append(Array(joined[from..<piece]))
            from = piece
        }
        chunks.replaceSubrange(first...last, with: pieces)
        var end = start(of: first)
        ends.removeSubrange(first..<ends.count)
        for c in first..<chunks.count {
            end += chunks[c].count
            ends.append(end)
        }
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { ends.last ?? 0 }
    /// The last end, rather than the collection's generic distance from start to end:
    /// every subscript checks its index against it.
    var count: Int { endIndex }

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            let (chunk, offset) = locate(position)
            return chunks[chunk][offset]
        }
        set {
            precondition(position >= 0 && position < count, "index out of range")
            let (chunk, offset) = locate(position)
            chunks[chunk][offset] = newValue
        }
    }

    /// Walks the chunks instead of finding every index's chunk.
    struct Iterator: IteratorProtocol {
        fileprivate var chunks: IndexingIterator<[[Element]]>
        fileprivate var current: IndexingIterator<[Element]>

        mutating func next() -> Element? {
            while true {
                if let element = current.next() { return element }
                guard let chunk = chunks.next() else { return nil }
                current = chunk.makeIterator()
            }
        }
    }

    func makeIterator() -> Iterator {
        Iterator(chunks: chunks.makeIterator(), current: [].makeIterator())
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}
extension ChunkedArray.Iterator: Sendable where Element: Sendable {}

extension ChunkedArray: Equatable where Element: Equatable {
    /// The same elements in order, however they are cut into chunks.
    static func == (lhs: ChunkedArray, rhs: ChunkedArray) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
