/// An HTML document written into one growing byte buffer: elements are opened and
/// closed around appends, so a piece of text is copied once, into the output, however
/// deep it is nested (functions that return the HTML of an element copy it again at
/// every level). Text from a plan goes in through ``escaped(_:)``, never ``raw(_:)``.
struct HTMLWriter {
    /// The UTF-8 of the HTML written so far.
    private(set) var bytes: [UInt8] = []

    /// The HTML written so far.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// HTML (or markup-free text such as a formatted date) appended as it is.
    mutating func raw(_ markup: String) { append(markup.utf8) }

    /// Plain text, escaped (see ``HTML/escaped(_:)``).
    mutating func escaped(_ text: String) {
        if !appendIfNothingToEscape(text.utf8) { append(HTML.escaped(text).utf8) }
    }

    /// Plain text, escaped; a run with nothing to escape is appended without a copy of its own.
    mutating func escaped(_ text: Substring) {
        if !appendIfNothingToEscape(text.utf8) { append(HTML.escaped(String(text)).utf8) }
    }

    /// Appends `utf8` whole, in one reading of its storage, when none of it may need
    /// escaping; false, with nothing appended, otherwise.
    private mutating func appendIfNothingToEscape<Bytes: Sequence<UInt8>>(_ utf8: Bytes) -> Bool {
        utf8.withContiguousStorageIfAvailable { buffer in
            guard !HTML.anyMayNeedEscape(buffer) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        } ?? false
    }

    /// Copies the bytes whole from their contiguous storage (every native string's and
    /// substring's has it): appended as a sequence, a substring's go one at a time.
    private mutating func append<Bytes: Sequence<UInt8>>(_ utf8: Bytes) {
        if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: utf8)
        }
    }

    /// A date as ``PlanDate/iso`` prints it (`2023-02-28`), written as digits.
    mutating func iso(_ date: PlanDate) { date.appendISO(to: &bytes) }

    /// A date as ``PlanDate/ukLong`` prints it (`28 February 2023`).
    mutating func ukLong(_ date: PlanDate) { date.appendUKLong(to: &bytes) }

    /// A date as ``PlanDate/ukShort`` prints it (`28 Feb 2023`).
    mutating func ukShort(_ date: PlanDate) { date.appendUKShort(to: &bytes) }

    /// `<name attributes>`; the attribute values are escaped.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        raw("<")
        raw(name)
        for (attribute, value) in attributes { self.attribute(attribute, value) }
        raw(">")
    }

    /// ` name="value"`, the value escaped, inside a tag being written.
    mutating func attribute(_ name: String, _ value: String) {
        raw(" ")
        raw(name)
        raw("=\"")
        escaped(value)
        raw("\"")
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        raw("</")
        raw(name)
        raw(">")
    }

    /// `<name attributes>`, what `body` writes, `</name>`.
    mutating func element(_ name: String, _ attributes: [(String, String)] = [], _ body: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// An element holding plain text, escaped.
    mutating func text(_ name: String, _ attributes: [(String, String)] = [], _ text: String) {
        open(name, attributes)
        escaped(text)
        close(name)
    }
}
