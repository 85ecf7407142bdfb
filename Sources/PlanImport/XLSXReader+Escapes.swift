extension XLSXReader {
    /// Text of a shared or inline string with Excel's escapes decoded: `_xHHHH_` is the
    /// UTF-16 code unit HHHH (Excel writes a line end typed as `\r\n` as `_x000D_` before
    /// the `\n`, and other controls so, since XML cannot hold them), a pair of them a
    /// character beyond U+FFFF, and `_x005F_` an underscore that keeps what follows literal.
    /// `_x0000_` and a lone surrogate are left as written: a plan holds no NUL, and the CSV
    /// reader refuses one. Other controls are kept, as the CSV reader keeps them (the plan's
    /// check then names them).
    static func excelUnescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if let unit = codeUnit(in: bytes, at: i) {
                if UTF16.isLeadSurrogate(unit), let trail = codeUnit(in: bytes, at: i + 7),
                    UTF16.isTrailSurrogate(trail),
                    let scalar = Unicode.Scalar(0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(trail) - 0xDC00))
                {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += 14
                    continue
                }
                if unit != 0, let scalar = Unicode.Scalar(unit) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += 7
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The code unit of `_xHHHH_` at `offset`, if there is one there.
    private static func codeUnit(in bytes: [UInt8], at offset: Int) -> UInt16? {
        guard offset + 7 <= bytes.count, bytes[offset] == UInt8(ascii: "_"), bytes[offset + 1] == UInt8(ascii: "x"),
            bytes[offset + 6] == UInt8(ascii: "_")
        else { return nil }
        var value: UInt16 = 0
        for b in bytes[(offset + 2)..<(offset + 6)] {
            guard let digit = hexDigit(b) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    private static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
