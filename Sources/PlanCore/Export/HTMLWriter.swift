/// An HTML document written into one growing buffer of UTF-8: elements are opened
/// and closed around appends, so a piece of text is copied once, into the output,
/// however deep it is nested (functions that return the HTML of an element copy it
/// again at every level). The buffer is bytes, not a `String`, because a string's
/// append checks the text it joins each time, which costs more than copying appends
/// this short. Text from a plan goes in through ``escaped(_:)``, never ``raw(_:)``.
struct HTMLWriter {
    private var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// The HTML written so far.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// HTML (or markup-free text such as a formatted date) appended as it is.
    mutating func raw(_ markup: String) { bytes += markup.utf8 }

    /// Plain text, escaped (see ``HTML/escaped(_:)``).
    mutating func escaped(_ text: String) { bytes += HTML.escaped(text).utf8 }

    /// Plain text, escaped; a run with nothing to escape is appended without a copy of its own.
    mutating func escaped(_ text: Substring) {
        if HTML.anyMayNeedEscape(text.utf8) {
            bytes += HTML.escaped(String(text)).utf8
        } else {
            bytes += text.utf8
        }
    }

    /// `<name attributes>`; the attribute values are escaped.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        bytes.append(UInt8(ascii: "<"))
        bytes += name.utf8
        for (attribute, value) in attributes { self.attribute(attribute, value) }
        bytes.append(UInt8(ascii: ">"))
    }

    /// ` name="value"`, the value escaped, inside a tag being written.
    mutating func attribute(_ name: String, _ value: String) {
        bytes.append(UInt8(ascii: " "))
        bytes += name.utf8
        bytes += "=\"".utf8
        escaped(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `</name>`.
    mutating func close(_ name: String) {
        bytes += "</".utf8
        bytes += name.utf8
        bytes.append(UInt8(ascii: ">"))
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
