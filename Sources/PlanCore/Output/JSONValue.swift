/// A JSON value whose objects keep their keys in the order given, so that output
/// is stable and reads in a sensible order. Encodes any string safely.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }

    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// Pretty-printed with two-space indentation, ending without a newline.
    public func serialized(indent: String = "") -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    /// Appends ``serialized(indent:)`` to `out`: the whole document is written into one
    /// string, not joined from the strings of its members at every level.
    public func write(to out: inout String, indent: String = "") {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            let rounded = (d * 10).rounded() / 10
            out += rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            let inner = indent + "  "
            out += "[\n"
            for (index, item) in items.enumerated() {
                if index > 0 { out += ",\n" }
                out += inner
                item.write(to: &out, indent: inner)
            }
            out += "\n"
            out += indent
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += "{}"
                return
            }
            let inner = indent + "  "
            out += "{\n"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += ",\n" }
                out += inner
                JSONValue.appendQuoted(pair.0, to: &out)
                out += ": "
                pair.1.write(to: &out, indent: inner)
            }
            out += "\n"
            out += indent
            out += "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = ""
        appendQuoted(s, to: &out)
        return out
    }

    /// Appends `s` as a JSON string. Text with no byte that could need escaping (quote,
    /// backslash, a control, or the first byte of a C1 control or of U+2028–U+206F) is
    /// copied whole; other text goes scalar by scalar.
    static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        if s.utf8.contains(where: mayNeedEscape) {
            appendEscaped(s, to: &out)
        } else {
            out += s
        }
        out += "\""
    }

    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2
            || byte == 0xE2
    }

    /// Escapes on the bytes: everything escaped is one byte (quote, backslash, controls,
    /// DEL), two (C1 controls, `C2 80`–`C2 9F`) or three (`E2 80 A8`–`E2 80 AE`:
    /// U+2028–U+202E; `E2 81 A6`–`E2 81 A9`: U+2066–U+2069), and the runs between them
    /// are copied whole.
    private static func appendEscaped(_ s: String, to out: inout String) {
        let utf8 = s.utf8
        var run = utf8.startIndex
        var i = run
        while i < utf8.endIndex {
            let (escape, length) = escapeAt(i, in: utf8)
            guard let escape else {
                i = utf8.index(after: i)
                continue
            }
            out += Substring(utf8[run..<i])
            out += escape
            i = utf8.index(i, offsetBy: length)
            run = i
        }
        out += Substring(utf8[run..<utf8.endIndex])
    }

    /// The escape for the scalar starting at `i`, and its length in bytes; nil for a
    /// byte that is copied as it is.
    private static func escapeAt(_ i: String.Index, in utf8: String.UTF8View) -> (String?, Int) {
        let byte = utf8[i]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20, 0x7F: return (unicodeEscape(UInt32(byte)), 1)
        case 0xC2:
            let next = utf8.index(after: i)
            guard next < utf8.endIndex, (0x80...0x9F).contains(utf8[next]) else { return (nil, 1) }
            return (unicodeEscape(UInt32(utf8[next])), 2)
        case 0xE2:
            let second = utf8.index(after: i)
            guard second < utf8.endIndex else { return (nil, 1) }
            let third = utf8.index(after: second)
            guard third < utf8.endIndex else { return (nil, 1) }
            let value = 0x2000 + (UInt32(utf8[second] & 0x3F) << 6) + UInt32(utf8[third] & 0x3F)
            guard utf8[second] & 0xC0 == 0x80, utf8[third] & 0xC0 == 0x80,
                (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
            else { return (nil, 1) }
            return (unicodeEscape(value), 3)
        default:
            return (nil, 1)
        }
    }

    /// `\u001b`: four lower-case hex digits.
    private static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
