/// Text from a plan as a reader sees it: like Markdown, lines that follow each
/// other form one paragraph (the file may be wrapped at any width), a blank line
/// separates paragraphs, and a line starting with `- `, `* ` or `1. ` starts a
/// list item.
public enum Prose {
    /// The logical lines: paragraphs and list items with their line breaks joined,
    /// and an empty string between paragraphs. List items keep their marker and
    /// their indentation.
    public static func logicalLines(_ text: String) -> [String] {
        logicalLines(text, upTo: .max)
    }

    /// The first `limit` logical lines, reading no further than they need.
    private static func logicalLines(_ text: String, upTo limit: Int) -> [String] {
        var out: [String] = []
        var current: String?
        forEachLine(of: text) { raw in
            if out.count >= limit { return false }
            let line = raw.trimmingTrailingWhitespace()
            if line.isEmpty {
                if let c = current { out.append(c) }
                current = nil
                if out.last != "" && !out.isEmpty { out.append("") }
                return true
            }
            if current == nil || startsListItem(line) {
                if let c = current { out.append(c) }
                current = String(line)
            } else {
                current?.append(" " + line.droppingBlanks())
            }
            return true
        }
        if let c = current, out.count < limit { out.append(c) }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// Calls `body` with each line of `text` (split at "\n") until it returns false.
    /// On bytes, one line at a time, when there is no CR (which would join "\r\n" into
    /// one character); with CRs, on characters, as the lines were always split.
    private static func forEachLine(of text: String, _ body: (Substring) -> Bool) {
        let newline = UInt8(ascii: "\n")
        guard !text.utf8.contains(UInt8(ascii: "\r")) else {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !body(line) { return }
            return
        }
        let utf8 = text.utf8
        // The line breaks' byte offsets, found in the contiguous bytes (a native string's).
        let breaks =
            utf8.withContiguousStorageIfAvailable { bytes in
                bytes.indices.filter { bytes[$0] == newline }
            } ?? utf8.indices.filter { utf8[$0] == newline }.map { utf8.distance(from: utf8.startIndex, to: $0) }
        var start = utf8.startIndex
        var offset = 0
        for end in breaks + [utf8.count] {
            let stop = utf8.index(start, offsetBy: end - offset)
            guard body(Substring(utf8[start..<stop])), stop < utf8.endIndex else { return }
            start = utf8.index(after: stop)
            offset = end + 1
        }
    }

    /// The first paragraph (or list item) on one line, for a one-line summary.
    public static func firstLine(_ text: String) -> String {
        logicalLines(text, upTo: 1).first ?? ""
    }

    package static func startsListItem(_ line: Substring) -> Bool {
        if let ascii = asciiStartsListItem(line.utf8) { return ascii }
        let content = line.drop { $0 == " " || $0 == "\t" }
        if content.hasPrefix("- ") || content.hasPrefix("* ") || content.hasPrefix("• ") { return true }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && digits.count <= 3 && content.dropFirst(digits.count).hasPrefix(". ")
    }

    /// ``startsListItem(_:)`` read on bytes, where every byte it looks at, and the one
    /// after, is ASCII: each byte is then a character of its own (a non-ASCII byte could
    /// be a combining mark that joins the one before it into another character). Nil
    /// when that does not hold (a `•` bullet, say), for the reading on characters.
    static func asciiStartsListItem<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool? {
        var i = utf8.startIndex
        func byte(at index: Bytes.Index) -> UInt8? { index < utf8.endIndex ? utf8[index] : nil }
        while let b = byte(at: i), b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") { i = utf8.index(after: i) }
        guard let first = byte(at: i), first < 0x80 else { return byte(at: i) == nil ? false : nil }
        var probe = i
        var digits = 0
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") {
            probe = utf8.index(after: i)
        } else {
            while let b = byte(at: probe), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
                digits += 1
                probe = utf8.index(after: probe)
            }
            guard digits > 0 else { return false }
            guard let dot = byte(at: probe), dot < 0x80 else { return byte(at: probe) == nil ? false : nil }
            guard dot == UInt8(ascii: "."), digits <= 3 else { return false }
            probe = utf8.index(after: probe)
        }
        // The space after the marker, and the byte after it, which must not join it.
        guard let space = byte(at: probe), space < 0x80 else { return byte(at: probe) == nil ? false : nil }
        guard space == UInt8(ascii: " ") else { return false }
        let after = byte(at: utf8.index(after: probe))
        if let after, after >= 0x80 { return nil }
        return true
    }
}
