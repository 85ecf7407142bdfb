/// Text from a plan as a reader sees it: like Markdown, lines that follow each
/// other form one paragraph (the file may be wrapped at any width), a blank line
/// separates paragraphs, and a line starting with `- `, `* ` or `1. ` starts a
/// list item.
public enum Prose {
    /// The logical lines: paragraphs and list items with their line breaks joined,
    /// and an empty string between paragraphs. List items keep their marker and
    /// their indentation.
    public static func logicalLines(_ text: String) -> [String] {
        var out: [String] = []
        var current: String?
        // On bytes when there is no CR (which would join "\r\n" into one character).
        let lines =
            text.utf8.contains(UInt8(ascii: "\r"))
            ? text.split(separator: "\n", omittingEmptySubsequences: false)
            : text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        for raw in lines {
            let line = raw.trimmingTrailingWhitespace()
            if line.isEmpty {
                if let c = current { out.append(c) }
                current = nil
                if out.last != "" && !out.isEmpty { out.append("") }
                continue
            }
            if current == nil || startsListItem(line) {
                if let c = current { out.append(c) }
                current = String(line)
            } else {
                current?.append(" " + line.droppingBlanks())
            }
        }
        if let c = current { out.append(c) }
        while out.last == "" { out.removeLast() }
        return out
    }

    /// The first paragraph (or list item) on one line, for a one-line summary.
    public static func firstLine(_ text: String) -> String {
        logicalLines(text).first ?? ""
    }

    package static func startsListItem(_ line: Substring) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        if content.hasPrefix("- ") || content.hasPrefix("* ") || content.hasPrefix("• ") { return true }
        let digits = content.prefix { $0.isASCII && $0.isNumber }
        return !digits.isEmpty && digits.count <= 3 && content.dropFirst(digits.count).hasPrefix(". ")
    }
}
