/// Something that stands at lines of a file, whose line positions an edit above it moves.
protocol LineShifting {
    /// Moves every line position by `delta` lines.
    mutating func moveLines(by delta: Int)
}

/// Elements in file order, kept in chunks of ``chunkSize`` with a line offset each,
/// so that moving every element after one by some lines (what an added or removed
/// line does to everything below it) costs O(n / chunkSize + chunkSize) instead of
/// touching every later element: the later chunks' offsets move, and only the
/// elements after it in its own chunk are moved one by one. A copy-on-write copy
/// after an edit copies the list of chunks and the one chunk the edit touched.
///
/// An element is stored with its chunk's offset taken off, and read with it put back.
struct LineChunks<Element: LineShifting> {
    /// Every chunk but the last holds exactly this many elements, so that an index
    /// finds its chunk by a shift.
    static var chunkSize: Int { 1 << chunkShift }
    private static var chunkShift: Int { 8 }

    fileprivate struct Chunk {
        var elements: [Element]
        /// Added to every line position of the chunk's elements when they are read.
        var lineOffset: Int
    }

    private var chunks: [Chunk] = []
    private(set) var count = 0

    init() {}

    init(_ elements: some Sequence<Element>) {
        for element in elements { append(element) }
    }

    /// Adds an element at the end.
    mutating func append(_ element: Element) {
        if chunks.last.map({ $0.elements.count == Self.chunkSize }) ?? true {
            var elements: [Element] = []
            elements.reserveCapacity(Self.chunkSize)
            chunks.append(Chunk(elements: elements, lineOffset: 0))
        }
        var stored = element
        stored.moveLines(by: -chunks[chunks.count - 1].lineOffset)
        chunks[chunks.count - 1].elements.append(stored)
        count += 1
    }

    /// Moves the line positions of every element after the one at `index` by `delta`.
    mutating func moveLines(after index: Int, by delta: Int) {
        guard delta != 0, index < count else { return }
        let chunk = index >> Self.chunkShift
        for k in (index & (Self.chunkSize - 1) + 1)..<chunks[chunk].elements.count {
            chunks[chunk].elements[k].moveLines(by: delta)
        }
        for c in (chunk + 1)..<chunks.count { chunks[c].lineOffset += delta }
    }

    /// Moves the line positions of every element by `delta`.
    mutating func moveAllLines(by delta: Int) {
        for c in chunks.indices { chunks[c].lineOffset += delta }
    }

    /// The position of the first element for which `matches` holds, looked at where it is
    /// stored, without a copy: `matches` sees its lines as stored, not moved by its chunk,
    /// so it must not look at them.
    func firstIndex(storedWhere matches: (Element) -> Bool) -> Int? {
        for (c, chunk) in chunks.enumerated() {
            if let i = chunk.elements.firstIndex(where: matches) { return c << Self.chunkShift + i }
        }
        return nil
    }

    /// What `read` takes from the element at `position` as it is stored, its lines not
    /// yet moved by its chunk's offset: for a part that is not a line position, read
    /// without copying the element out.
    func stored<T>(at position: Int, _ read: (Element) -> T) -> T {
        precondition(position >= 0 && position < count, "index out of range")
        return read(chunks[position >> Self.chunkShift].elements[position & (Self.chunkSize - 1)])
    }
}

extension LineChunks: RandomAccessCollection, MutableCollection {
    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "index out of range")
            let chunk = chunks[position >> Self.chunkShift]
            var element = chunk.elements[position & (Self.chunkSize - 1)]
            if chunk.lineOffset != 0 { element.moveLines(by: chunk.lineOffset) }
            return element
        }
        set {
            precondition(position >= 0 && position < count, "index out of range")
            let chunk = position >> Self.chunkShift
            var stored = newValue
            stored.moveLines(by: -chunks[chunk].lineOffset)
            chunks[chunk].elements[position & (Self.chunkSize - 1)] = stored
        }
    }
}

extension LineChunks: Sendable where Element: Sendable {}
extension LineChunks.Chunk: Sendable where Element: Sendable {}

extension LineChunks: Equatable where Element: Equatable {
    static func == (lhs: LineChunks, rhs: LineChunks) -> Bool {
        lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }
}
