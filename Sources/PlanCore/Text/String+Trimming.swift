/// Trimming and replacing without Foundation's `CharacterSet` and `NSString`, which live
/// in the full Foundation (and its ICU) rather than in FoundationEssentials: the same
/// results, scalar by scalar, as `trimmingCharacters(in:)` with the predefined sets and
/// as `replacingOccurrences(of:with:)` on ASCII targets.
extension Unicode.Scalar {
    /// Foundation's `CharacterSet.whitespaces`: Unicode's space separators (Zs), the tab and,
    /// as Foundation on Linux has it, the zero-width space U+200B.
    var isSpaceOrTab: Bool {
        switch value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Foundation's `CharacterSet.newlines`: U+000A–U+000D, U+0085, U+2028 and U+2029.
    var isLineBreak: Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}

extension StringProtocol where UTF8View: BidirectionalCollection {
    /// Without spaces and tabs at either end (`trimmingCharacters(in: .whitespaces)`), or
    /// without line breaks too with `newlines` (`.whitespacesAndNewlines`). Both ends are
    /// nearly always visible ASCII, and then only bytes are looked at.
    public func trimmingWhitespace(newlines: Bool = false) -> String {
        let utf8 = self.utf8
        let isBlank = { (byte: UInt8) in
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || (newlines && (byte == 0x0A || byte == 0x0D))
        }
        let start = utf8.firstIndex { !isBlank($0) } ?? utf8.endIndex
        let end = utf8.lastIndex { !isBlank($0) }.map(utf8.index(after:)) ?? start
        guard start < end else { return "" }
        let (first, last) = (utf8[start], utf8[utf8.index(before: end)])
        if (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) {
            return String(self[start..<end])
        }
        return trimming { $0.isSpaceOrTab || (newlines && $0.isLineBreak) }
    }

    /// Without line breaks at either end: `trimmingCharacters(in: .newlines)`.
    public func trimmingNewlines() -> String { trimming(\.isLineBreak) }

    /// Without the scalars of `characters` at either end:
    /// `trimmingCharacters(in: CharacterSet(charactersIn: characters))`.
    public func trimming(charactersIn characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        return trimming { set.contains($0) }
    }

    /// Without the scalars for which `isTrimmed` holds at either end.
    func trimming(_ isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// With every occurrence of `target` replaced by `replacement`, matched byte for byte:
    /// `replacingOccurrences(of:with:)`, which on the ASCII targets used here finds the same.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let pattern = Array(target.utf8)
        precondition(!pattern.isEmpty, "a replacement needs something to find")
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == pattern[0], i + pattern.count <= bytes.count,
                bytes[i..<i + pattern.count].elementsEqual(pattern)
            {
                out += replacement.utf8
                i += pattern.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    /// The first range of `query` in the text, ignoring case (each character compared
    /// lower-cased): `range(of: query, options: .caseInsensitive)`, except that the text
    /// is not case-folded (`ß` does not match `SS`).
    public func rangeIgnoringCase(of query: String) -> Range<Index>? {
        let needle = query.map { $0.lowercased() }
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            var i = start
            var matched = 0
            while matched < needle.count, i < endIndex, self[i].lowercased() == needle[matched] {
                matched += 1
                i = index(after: i)
            }
            if matched == needle.count { return start..<i }
            start = index(after: start)
        }
        return nil
    }
}
