/// A JSON value whose objects keep their keys in the order given, so that output
/// is stable and reads in a sensible order. Encodes any string safely.
public enum JSONValue: Sendable, Equatable {
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
        String(decoding: serializedBytes(indent: indent), as: UTF8.self)
    }

    /// ``serialized(indent:)`` as UTF-8, written into one byte buffer: a string
    /// append costs a fixed check or two, most of the time for appends this short.
    public func serializedBytes(indent: String = "") -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4_096)
        write(into: &out, indent: Array(indent.utf8), depth: 0)
        return out
    }

    /// Appends ``serialized(indent:)`` to `out`.
    public func write(to out: inout String, indent: String = "") {
        out += serialized(indent: indent)
    }

    /// Writes the value whose lines start with `indent` and then `depth` times two spaces.
    func write(into out: inout [UInt8], indent: [UInt8], depth: Int) {
        switch self {
        case .null: out += Literal.null
        case .bool(let b): out += b ? Literal.true : Literal.false
        case .int(let i): JSONValue.appendDecimal(i, to: &out)
        case .double(let d): JSONValue.appendDouble(d, to: &out)
        case .string(let s): JSONValue.appendQuoted(s, to: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += Literal.emptyArray
                return
            }
            out += Literal.openArray
            for (index, item) in items.enumerated() {
                if index > 0 { out += Literal.comma }
                JSONValue.appendIndent(indent, depth + 1, to: &out)
                item.write(into: &out, indent: indent, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            JSONValue.appendIndent(indent, depth, to: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else {
                out += Literal.emptyObject
                return
            }
            out += Literal.openObject
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += Literal.comma }
                JSONValue.appendIndent(indent, depth + 1, to: &out)
                JSONValue.appendQuoted(pair.0, to: &out)
                out += Literal.colon
                pair.1.write(into: &out, indent: indent, depth: depth + 1)
            }
            out.append(UInt8(ascii: "\n"))
            JSONValue.appendIndent(indent, depth, to: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The punctuation, as bytes made once.
    enum Literal {
        static let null = Array("null".utf8)
        static let `true` = Array("true".utf8)
        static let `false` = Array("false".utf8)
        static let emptyArray = Array("[]".utf8)
        static let emptyObject = Array("{}".utf8)
        static let openArray = Array("[\n".utf8)
        static let openObject = Array("{\n".utf8)
        static let comma = Array(",\n".utf8)
        static let colon = Array(": ".utf8)
    }

    /// Spaces to copy indentation from: appended as a repeated element, they go one at a time.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    static func appendIndent(_ indent: [UInt8], _ depth: Int, to out: inout [UInt8]) {
        if !indent.isEmpty { out += indent }
        var left = 2 * depth
        while left > 0 {
            let count = min(left, spaces.count)
            out += spaces[..<count]
            left -= count
        }
    }

    /// `value` rounded to one decimal place: `12` when that is whole, else `12.5`.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), let whole = Int(exactly: rounded) {
            appendDecimal(whole, to: &out)
        } else {
            out += (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).utf8
        }
    }

    /// `value` in decimal, as `String(value)` writes it, without a string of its own.
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        // The digits from the first, so that nothing is reversed in place afterwards.
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    static func quoted(_ s: String) -> String {
        var out: [UInt8] = []
        appendQuoted(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string. Text with no byte that could need escaping (quote,
    /// backslash, a control, or the first byte of a C1 control or of U+2028–U+206F) is
    /// copied whole; other text goes scalar by scalar. The bytes are read from the
    /// string's contiguous storage (every native string has it).
    static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            Array(s.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2
            || byte == 0xE2
    }

    /// Escapes on the bytes: everything escaped is one byte (quote, backslash, controls,
    /// DEL), two (C1 controls, `C2 80`–`C2 9F`) or three (`E2 80 A8`–`E2 80 AE`:
    /// U+2028–U+202E; `E2 81 A6`–`E2 81 A9`: U+2066–U+2069), and the runs between them
    /// are copied whole.
    private static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var run = 0
        var i = firstMayNeedEscape(in: utf8, from: 0)
        while i < utf8.count {
            let (escape, length) = escapeAt(i, in: utf8)
            guard let escape else {
                i = firstMayNeedEscape(in: utf8, from: i + 1)
                continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
            out += escape.utf8
            i += length
            run = i
            i = firstMayNeedEscape(in: utf8, from: i)
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
    }

    /// The escape for the scalar starting at `i`, and its length in bytes; nil for a
    /// byte that is copied as it is.
    private static func escapeAt<Bytes: RandomAccessCollection<UInt8>>(_ i: Int, in utf8: Bytes) -> (String?, Int)
    where Bytes.Index == Int {
        let byte = utf8[i]
        switch byte {
        case UInt8(ascii: "\""): return ("\\\"", 1)
        case UInt8(ascii: "\\"): return ("\\\\", 1)
        case UInt8(ascii: "\n"): return ("\\n", 1)
        case UInt8(ascii: "\r"): return ("\\r", 1)
        case UInt8(ascii: "\t"): return ("\\t", 1)
        case 0..<0x20, 0x7F: return (unicodeEscape(UInt32(byte)), 1)
        case 0xC2:
            let next = i + 1
            guard next < utf8.endIndex, (0x80...0x9F).contains(utf8[next]) else { return (nil, 1) }
            return (unicodeEscape(UInt32(utf8[next])), 2)
        case 0xE2:
            let second = i + 1
            let third = i + 2
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
