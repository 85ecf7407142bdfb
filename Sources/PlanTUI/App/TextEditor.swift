import FoundationEssentials

/// A small multi-line text editor: lines of characters and a cursor. Used for
/// notes and for the fields of the edit form.
public struct TextEditor: Equatable, Sendable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var column = 0
    public var multiline: Bool

    public init(text: String = "", multiline: Bool = true) {
        self.multiline = multiline
        let split = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        lines = multiline ? split : [Array(text.replacingEvery("\n", with: " "))]
        if lines.isEmpty { lines = [[]] }
        row = lines.count - 1
        column = lines[row].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public var isBlank: Bool { text.trimmingWhitespace(newlines: true).isEmpty }

    /// Handles an editing key; returns false for keys it does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where c != "\n" && c != "\r":
            lines[row].insert(c, at: column)
            column += 1
        case .enter:
            guard multiline else { return false }
            let rest = Array(lines[row][column...])
            lines[row].removeSubrange(column...)
            lines.insert(rest, at: row + 1)
            row += 1
            column = 0
        case .backspace:
            if column > 0 {
                lines[row].remove(at: column - 1)
                column -= 1
            } else if row > 0 {
                column = lines[row - 1].count
                lines[row - 1] += lines[row]
                lines.remove(at: row)
                row -= 1
            }
        case .delete:
            if column < lines[row].count {
                lines[row].remove(at: column)
            } else if row + 1 < lines.count {
                lines[row] += lines[row + 1]
                lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 {
                column -= 1
            } else if row > 0 {
                row -= 1
                column = lines[row].count
            }
        case .right:
            if column < lines[row].count {
                column += 1
            } else if row + 1 < lines.count {
                row += 1
                column = 0
            }
        case .up:
            guard row > 0 else { return multiline }
            row -= 1
            column = min(column, lines[row].count)
        case .down:
            guard row + 1 < lines.count else { return multiline }
            row += 1
            column = min(column, lines[row].count)
        case .home:
            column = 0
        case .end:
            column = lines[row].count
        default:
            return false
        }
        return true
    }
}
