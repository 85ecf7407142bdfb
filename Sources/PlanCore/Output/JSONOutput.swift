/// Where the JSON forms (``PlanJSON``, ``GovernanceJSON``, ``BoardPackJSON``) are
/// written: ``JSONWriter`` streams the bytes of ``JSONValue/serialized(indent:)``,
/// ``JSONTree`` builds the ``JSONValue``. The forms are written once, generically,
/// so the schema stays in one place and both give the same JSON.
///
/// Inside an object each value follows its ``key(_:)``; inside an array values
/// follow each other.
public protocol JSONOutput {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The key of the next value in the current object, escaped as a string is.
    mutating func key(escaping name: String)
    /// The key of the next value in the current object, written in the source: a plain
    /// name with nothing to escape, copied as it is.
    mutating func key(_ name: StaticString)
    mutating func string(_ text: String)
    mutating func int(_ value: Int)
    /// Rounded to one decimal place, as ``JSONValue/double(_:)`` is written.
    mutating func double(_ value: Double)
    mutating func bool(_ value: Bool)
    mutating func null()
    /// A date as its `2023-02-28` string.
    mutating func date(_ date: PlanDate)
    /// A value already built as a tree.
    mutating func value(_ value: JSONValue)
}

extension JSONOutput {
    /// An object whose pairs `body` writes.
    mutating func object(_ body: (inout Self) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// An array of `items`, each written by `body`.
    mutating func array<Items: Sequence>(_ items: Items, _ body: (inout Self, Items.Element) -> Void) {
        beginArray()
        for item in items { body(&self, item) }
        endArray()
    }

    mutating func strings(_ items: [String]) { array(items) { $0.string($1) } }

    mutating func string(_ name: StaticString, _ text: String) {
        key(name)
        string(text)
    }

    mutating func optional(_ name: StaticString, _ text: String?) {
        key(name)
        if let text { string(text) } else { null() }
    }

    mutating func int(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    mutating func bool(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    mutating func date(_ name: StaticString, _ date: PlanDate) {
        key(name)
        self.date(date)
    }

    mutating func optionalDate(_ name: StaticString, _ date: PlanDate?) {
        key(name)
        if let date { self.date(date) } else { null() }
    }

    mutating func value(_ name: StaticString, _ value: JSONValue) {
        key(name)
        self.value(value)
    }
}
