/// A ``JSONOutput`` that builds the ``JSONValue`` tree, for callers that take the
/// JSON forms apart or put them into other trees.
public struct JSONTree: JSONOutput {
    /// An object or array being built, and the key it goes under in its parent.
    private struct Container {
        var key: String?
        var isObject: Bool
        var pairs: [(String, JSONValue)] = []
        var items: [JSONValue] = []
    }

    private var open: [Container] = []
    private var pendingKey: String?
    /// The value written at the top level, once it is complete.
    public private(set) var root: JSONValue = .null

    public init() {}

    /// The tree of what `body` writes.
    public static func build(_ body: (inout JSONTree) -> Void) -> JSONValue {
        var tree = JSONTree()
        body(&tree)
        return tree.root
    }

    /// The pairs that `body` writes into an object.
    static func pairs(_ body: (inout JSONTree) -> Void) -> [(String, JSONValue)] {
        guard case .object(let pairs) = build({ $0.object(body) }) else { return [] }
        return pairs
    }

    public mutating func beginObject() { begin(isObject: true) }
    public mutating func beginArray() { begin(isObject: false) }
    public mutating func endObject() { end() }
    public mutating func endArray() { end() }
    public mutating func key(escaping name: String) { pendingKey = name }
    public mutating func key(_ name: StaticString) { pendingKey = name.description }
    public mutating func string(_ text: String) { add(.string(text)) }
    public mutating func int(_ value: Int) { add(.int(value)) }
    public mutating func double(_ value: Double) { add(.double(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
    public mutating func date(_ date: PlanDate) { add(.string(date.iso)) }
    public mutating func value(_ value: JSONValue) { add(value) }

    private mutating func begin(isObject: Bool) {
        open.append(Container(key: pendingKey, isObject: isObject))
        pendingKey = nil
    }

    private mutating func end() {
        guard let done = open.popLast() else { return }
        pendingKey = done.key
        add(done.isObject ? .object(done.pairs) : .array(done.items))
    }

    private mutating func add(_ value: JSONValue) {
        guard !open.isEmpty else {
            root = value
            return
        }
        if open[open.count - 1].isObject {
            open[open.count - 1].pairs.append((pendingKey ?? "", value))
        } else {
            open[open.count - 1].items.append(value)
        }
        pendingKey = nil
    }
}
