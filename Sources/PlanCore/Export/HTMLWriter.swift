/// An HTML document written into one growing string: elements are opened and closed
/// around appends, so a piece of text is copied once, into the output, however deep
/// it is nested (functions that return the HTML of an element copy it again at every
/// level). Text from a plan goes in through ``escaped(_:)``, never ``raw(_:)``.
struct HTMLWriter {
    /// The HTML written so far.
    private(set) var html: String

    init(reservingCapacity capacity: Int = 0) {
        html = ""
        html.reserveCapacity(capacity)
    }

    /// HTML (or markup-free text such as a formatted date) appended as it is.
    mutating func raw(_ markup: String) { html += markup }

    /// Plain text, escaped (see ``HTML/escaped(_:)``).
    mutating func escaped(_ text: String) { html += HTML.escaped(text) }

    /// Plain text, escaped; a run with nothing to escape is appended without a copy of its own.
    mutating func escaped(_ text: Substring) {
        if HTML.anyMayNeedEscape(text.utf8) {
            html += HTML.escaped(String(text))
        } else {
            html += text
        }
    }

    /// `<name attributes>`; the attribute values are escaped.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        html += "<"
        html += name
        for (attribute, value) in attributes { self.attribute(attribute, value) }
        html += ">"
    }

    /// ` name="value"`, the value escaped, inside a tag being written.
    mutating func attribute(_ name: String, _ value: String) {
        html += " "
        html += name
        html += "=\""
        escaped(value)
        html += "\""
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        html += "</"
        html += name
        html += ">"
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
