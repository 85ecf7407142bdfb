/// Building HTML from text that came from a plan, which is data and never markup.
public enum HTML {
    /// Text made safe for HTML content and attribute values alike: `&`, `<`, `>`,
    /// `"` and `'` become entities, and control characters, escape sequences and
    /// bidirectional overrides are shown escaped as ``TerminalText`` shows them
    /// (`\e`, `\u{202E}`), so they can neither hide nor reorder what a reader sees.
    /// Line breaks and tabs are kept.
    public static func escaped(_ text: String) -> String {
        // One pass over the bytes first: most text has nothing to replace at all.
        guard anyMayNeedEscape(text.utf8) else { return text }
        let safe = TerminalText.escaped(text, keepNewlines: true)
        // The characters to replace are ASCII, so the bytes can be copied through
        // (an export escapes every text of the plan: this is its inner loop).
        let entity = { (byte: UInt8) -> String? in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
        guard safe.utf8.contains(where: { entity($0) != nil }) else { return safe }
        var out: [UInt8] = []
        out.reserveCapacity(safe.utf8.count + 16)
        for byte in safe.utf8 {
            if let replacement = entity(byte) { out += replacement.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether any of `bytes` may need replacing (see ``mayNeedEscape(_:)``),
    /// read from contiguous storage where there is some (every native string).
    static func anyMayNeedEscape<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.withContiguousStorageIfAvailable { ByteScan.first(Escapes.self, in: $0, from: 0) < $0.count }
            ?? bytes.contains { mayNeedEscape($0) }
    }

    /// The bytes ``mayNeedEscape(_:)`` flags, eight at a time first.
    private enum Escapes: ByteClass {
        static func mayHold(_ word: UInt64) -> Bool {
            // `&` and `'` (0x26, 0x27) differ in bit 0 only, `<` and `>` (0x3C, 0x3E) in bit 1:
            // with that bit cleared in every byte, one test finds either of a pair.
            let ones: UInt64 = 0x0101_0101_0101_0101
            return ByteScan.holdsBelowSpace(word) || ByteScan.holdsDELAndUp(word)
                || ByteScan.holds(word & ~ones, UInt8(ascii: "&"))
                || ByteScan.holds(word & ~(ones &* 2), UInt8(ascii: "<")) || ByteScan.holds(word, UInt8(ascii: "\""))
        }

        static func contains(_ byte: UInt8) -> Bool { mayNeedEscape(byte) }
    }

    /// Whether `byte` may need replacing: one ``TerminalText`` may escape, or one of the
    /// characters that become entities.
    static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: TerminalText.mayStartEscape(byte, keepNewlines: true)
        }
    }

    /// `<name attributes>inner</name>`. Attribute values are escaped here; `inner`
    /// must already be HTML.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ inner: String) -> String {
        var out = open(name, attributes, reserving: inner.utf8.count + name.utf8.count + 3)
        out += inner
        out += "</"
        out += name
        out += ">"
        return out
    }

    /// An element holding plain text, escaped.
    static func text(_ name: String, _ attributes: [(String, String)] = [], _ text: String) -> String {
        element(name, attributes, escaped(text))
    }

    /// An opening tag (also used for void elements such as `<meta>`).
    static func open(_ name: String, _ attributes: [(String, String)] = [], reserving extra: Int = 0) -> String {
        var out = "<"
        out.reserveCapacity(name.utf8.count + 2 + attributes.count * 24 + extra)
        out += name
        for (attribute, value) in attributes {
            out += " "
            out += attribute
            out += "=\""
            out += escaped(value)
            out += "\""
        }
        out += ">"
        return out
    }

    /// Text from a plan as paragraphs and lists (see ``Prose``): consecutive list
    /// items (`- `, `* `, `• `, `1. `) form one list; every other logical line is a
    /// paragraph.
    static func prose(_ text: String) -> String {
        var writer = HTMLWriter()
        writer.prose(text)
        return writer.html
    }

    /// The marker and text of a list item line, or nil for a paragraph.
    static func listItem(_ content: Substring) -> (ordered: Bool, number: Int, text: String)? {
        guard Prose.startsListItem(content) else { return nil }
        if content.hasPrefix("- ") || content.hasPrefix("* ") || content.hasPrefix("• ") {
            return (false, 1, String(content.dropFirst(2)))
        }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        return (true, Int(digits) ?? 1, String(content.dropFirst(digits.count + 2)))
    }
}
