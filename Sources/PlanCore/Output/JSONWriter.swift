/// A ``JSONOutput`` that streams the bytes ``JSONValue/serialized(indent:)`` would
/// give for the same value (two-space indentation, keys in the order written),
/// straight into one growing buffer: no tree is built and released.
public struct JSONWriter: JSONOutput {
    /// The UTF-8 written so far.
    public private(set) var bytes: [UInt8] = []
    private let indent: [UInt8]
    private var depth = 0
    /// Nothing is written yet in the innermost open object or array.
    private var isFirst = true
    /// A key was written and its value is next.
    private var afterKey = false
    /// `,` and a line break, then `indent` and the spaces of the deepest level this run
    /// covers: what goes before a value at depth d is a part of it (without the comma
    /// for the first), copied in one piece rather than built of three.
    private let breaks: [UInt8]
    private static let deepestBreak = 32

    /// Lines after the first start with `indent`, as in ``JSONValue/serialized(indent:)``.
    public init(indent: String = "", capacity: Int = 4_096) {
        self.indent = Array(indent.utf8)
        breaks =
            Array(",\n".utf8) + self.indent + [UInt8](repeating: UInt8(ascii: " "), count: 2 * Self.deepestBreak)
        bytes.reserveCapacity(capacity)
    }

    /// The bytes of what `body` writes about `actions` actions in full, and a newline: a
    /// command's whole output. The buffer is sized for them (1.5–3.5 KB an action, three
    /// notes of a paragraph) so that it seldom grows, since room not written to costs address
    /// space, not memory; at most 64 MB up front, so that a bigger plan's buffer grows rather
    /// than reserve a gigabyte. The newline goes in place: the writer is gone, so the bytes are
    /// not copied.
    public static func document(actions: Int, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var bytes = write(capacity: 4_096 + min(4_096 * actions, 64 << 20), body)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// The bytes of what `body` writes.
    public static func write(capacity: Int = 4_096, _ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: capacity)
        body(&writer)
        return writer.bytes
    }

    public mutating func beginObject() {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    public mutating func beginArray() {
        startValue()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func key(escaping name: String) {
        startValue()
        JSONValue.appendQuoted(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    public mutating func key(_ name: StaticString) {
        assert(!name.description.utf8.contains(where: JSONValue.mayNeedEscape), "a key to escape: \(name)")
        startValue()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        // Byte by byte: appending a literal array costs more than these three appends.
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    public mutating func string(_ text: String) {
        startValue()
        JSONValue.appendQuoted(text, to: &bytes)
    }

    public mutating func int(_ value: Int) {
        startValue()
        JSONValue.appendDecimal(value, to: &bytes)
    }

    public mutating func double(_ value: Double) {
        startValue()
        JSONValue.appendDouble(value, to: &bytes)
    }

    public mutating func bool(_ value: Bool) {
        startValue()
        bytes += value ? JSONValue.Literal.true : JSONValue.Literal.false
    }

    public mutating func null() {
        startValue()
        bytes += JSONValue.Literal.null
    }

    /// The digits written directly, without the `String` that ``PlanDate/iso`` makes.
    public mutating func date(_ date: PlanDate) {
        startValue()
        bytes.append(UInt8(ascii: "\""))
        date.appendISO(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    public mutating func value(_ value: JSONValue) {
        startValue()
        value.write(into: &bytes, indent: indent, depth: depth)
    }

    /// What goes before a value or key: nothing after a key or at the top, else the
    /// line break (after a comma unless it is the first) and the indentation.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        let first = isFirst
        isFirst = false
        guard depth <= Self.deepestBreak else {
            bytes += first ? [UInt8(ascii: "\n")] : JSONValue.Literal.comma
            JSONValue.appendIndent(indent, depth, to: &bytes)
            return
        }
        breaks.withUnsafeBufferPointer { run in
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: run[(first ? 1 : 0)..<2 + indent.count + 2 * depth]))
        }
    }

    private mutating func open() {
        depth += 1
        isFirst = true
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        if !isFirst {
            bytes.append(UInt8(ascii: "\n"))
            JSONValue.appendIndent(indent, depth, to: &bytes)
        }
        bytes.append(bracket)
        isFirst = false
    }
}
