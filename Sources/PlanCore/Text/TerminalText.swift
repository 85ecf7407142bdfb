/// Text from a plan made safe to print: control characters and escape sequences
/// are shown escaped (`\e`, `\u{202E}`), never sent to a terminal raw.
public enum TerminalText {
    public static func escaped(_ text: String, keepNewlines: Bool = false) -> String {
        // Bytes first: most text has none that can start an escaped scalar.
        guard text.utf8.contains(where: { mayStartEscape($0, keepNewlines: keepNewlines) }),
            text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) })
        else {
            return text
        }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepNewlines: keepNewlines) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\u{1B}": out += "\\e"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            case "\0": out += "\\0"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// False when `byte` cannot be the first byte of a scalar that ``needsEscape(_:keepNewlines:)``
    /// flags (C0 and C1 controls, DEL, bidirectional controls): a quick test on bytes.
    static func mayStartEscape(_ byte: UInt8, keepNewlines: Bool) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\t") && !(keepNewlines && byte == UInt8(ascii: "\n")))
            || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
        if scalar == "\t" || (keepNewlines && scalar == "\n") { return false }
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: return true
        // Bidirectional overrides and isolates can reorder what a reader sees.
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
