/// Recognising the shapes of single lines: headings, `- NAME: value` fields,
/// action lines and history heads. Pure functions over one line's content.
enum LineSyntax {
    /// Words that start an action's known fields and history lines.
    static let historyKeywords: Set<String> = ["note", "status", "due", "owner", "added"]

    /// `- [C] …`: one character in brackets and a space, the shape of an action line.
    static func looksLikeActionLine(_ content: Substring) -> Bool {
        let chars = Array(content.prefix(6))
        return chars.count >= 6 && chars[0] == "-" && chars[1] == " " && chars[2] == "[" && chars[4] == "]" && chars[5] == " "
    }

    /// `## 1 Title` → ("1", "Title"); `## Glossary` → (nil, "Glossary").
    static func heading(_ content: Substring, level: Int) -> (number: String?, title: Substring, titleStart: Substring.Index)? {
        let marker = String(repeating: "#", count: level)
        guard content.hasPrefix(marker + " ") else { return nil }
        var rest = content.dropFirst(level)
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let token = rest.prefix { $0 != " " && $0 != "\t" }
        var number = token
        if number.hasSuffix(".") { number = number.dropLast() }
        let isNumber = !number.isEmpty && number.first!.isASCIIDigit
            && number.allSatisfy { $0.isASCIIDigit || $0 == "." }
            && !number.contains("..")
        guard isNumber else { return (nil, rest.trimmingTrailingWhitespace(), rest.startIndex) }
        let title = rest.dropFirst(token.count).drop { $0 == " " || $0 == "\t" }
        return (String(number), title.trimmingTrailingWhitespace(), title.startIndex)
    }

    /// The heading level of a `#…` line (1 for `# `), or nil.
    static func headingLevel(_ content: Substring) -> Int? {
        let hashes = content.prefix { $0 == "#" }.count
        guard hashes > 0, content.dropFirst(hashes).first == " " || content.count == hashes else { return nil }
        return hashes
    }

    /// A `- NAME: value` line: NAME starts with a letter and holds letters, digits,
    /// spaces and `( ) / _ ' -`, at most 60 characters.
    static func field(_ content: Substring) -> (name: Substring, value: Substring, valueStart: Substring.Index)? {
        guard content.hasPrefix("- ") else { return nil }
        let rest = content.dropFirst(2)
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let name = rest[rest.startIndex..<colon]
        guard let first = name.first, first.isLetter, name.count <= 60, name.last != " ",
              name.allSatisfy({ $0.isLetter || $0.isNumber || " ()/_'-".contains($0) })
        else { return nil }
        let afterColon = rest[rest.index(after: colon)...]
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        return (name, value.trimmingTrailingWhitespace(), value.startIndex)
    }

    /// The first word of a `- ` item and what follows it: `- Note 2023-…` → ("note", " 2023-…").
    static func itemKeyword(_ content: Substring) -> (keyword: String, rest: Substring)? {
        guard content.hasPrefix("- ") else { return nil }
        let rest = content.dropFirst(2)
        let word = rest.prefix { $0.isLetter }
        guard !word.isEmpty else { return nil }
        return (word.lowercased(), rest.dropFirst(word.count))
    }

    /// A dated history item at the start of `content`: `- Note 2023-01-05 …`.
    static func isDatedHistoryItem(_ content: Substring) -> Bool {
        guard let (keyword, rest) = itemKeyword(content), historyKeywords.contains(keyword),
              rest.first == " " else { return false }
        return rest.dropFirst().first?.isASCIIDigit == true
    }

    /// `- Note:` or `- Status:`: a history keyword used as if it were a plain field.
    static func isUndatedHistoryItem(_ content: Substring) -> Bool {
        guard let (keyword, rest) = itemKeyword(content) else { return false }
        return ["note", "status", "added"].contains(keyword) && rest.first == ":"
    }

    /// `- Owner:`, `- Owners:` and `- Due:`.
    static func plainActionField(_ content: Substring) -> (kind: PlainActionField, value: Substring, valueStart: Substring.Index)? {
        guard let (keyword, rest) = itemKeyword(content), rest.first == ":" else { return nil }
        let kind: PlainActionField
        switch keyword {
        case "owner", "owners": kind = .owner
        case "due": kind = .due
        default: return nil
        }
        let afterColon = rest.dropFirst()
        guard afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t" else { return nil }
        let value = afterColon.drop { $0 == " " || $0 == "\t" }
        return (kind, value.trimmingTrailingWhitespace(), value.startIndex)
    }

    enum PlainActionField { case owner, due }

    /// Splits `A; B ;C` into owners, dropping empty ones.
    static func owners(_ text: some StringProtocol) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A line git writes around a merge conflict: seven `<` (or `>`) at the start of the
    /// line, then a space and a name, or nothing.
    static func isConflictMarker(_ text: Substring, _ marker: Character) -> Bool {
        let utf8 = text.utf8
        guard utf8.count >= 7, utf8.prefix(7).allSatisfy({ $0 == marker.asciiValue }) else { return false }
        return utf8.count == 7 || utf8.dropFirst(7).first == UInt8(ascii: " ")
    }

    /// `- [A] 1.1 b Train staff`: the lone lowercase letter after a ref ending in a
    /// digit, which is usually the end of the ref (`1.1b`) typed with a space.
    static func letterAfterRef(_ action: Action) -> Character? {
        guard action.ref.last?.isASCIIDigit == true, let letter = action.text.first,
              letter.isASCII, letter.isLowercase else { return nil }
        let rest = action.text.dropFirst()
        return rest.isEmpty || rest.first == " " || rest.first == "\n" ? letter : nil
    }

    /// Splits `OLD -> NEW` (or `→`) at the first arrow.
    static func arrow(_ text: Substring) -> (old: Substring, new: Substring)? {
        for arrow in [" -> ", " → "] {
            if let range = text.range(of: arrow) {
                return (text[..<range.lowerBound].trimmingTrailingWhitespace(),
                        text[range.upperBound...].drop { $0 == " " })
            }
        }
        return nil
    }
}

import Foundation
