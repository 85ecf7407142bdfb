/// How a line ends. Every line keeps its own, so CRLF files stay CRLF.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
    /// The last line of a file without a final newline.
    case none = ""
}

/// One line of a plan file exactly as read: its text without the ending, and the ending.
public struct SourceLine: Sendable, Equatable {
    public var text: Substring
    public var ending: LineEnding

    public init(_ text: some StringProtocol, ending: LineEnding = .lf) {
        self.text = Substring(text)
        self.ending = ending
    }

    /// Splits text into lines on LF, keeping CRLF endings and a missing final newline.
    /// An empty text has no lines.
    static func split(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                var end = index
                var ending = LineEnding.lf
                if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
                    end = utf8.index(before: end)
                    ending = .crlf
                }
                lines.append(SourceLine(text[start..<end], ending: ending))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex {
            lines.append(SourceLine(text[start..<utf8.endIndex], ending: .none))
        }
        return lines
    }
}

extension Substring {
    /// Width of the leading spaces and tabs (a tab moves to the next multiple of 4),
    /// and where the rest of the line starts. Works on bytes: this runs for every line.
    var indentation: (width: Int, contentStart: Index) {
        var width = 0
        var index = utf8.startIndex
        while index < utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: " "): width += 1
            case UInt8(ascii: "\t"): width += 4 - width % 4
            default: return (width, index)
            }
            index = utf8.index(after: index)
        }
        return (width, index)
    }

    var isBlank: Bool { indentation.contentStart == endIndex }

    /// The line with up to `width` columns of indentation removed.
    func droppingIndentation(_ width: Int) -> Substring {
        var removed = 0
        var index = startIndex
        while index < endIndex, removed < width {
            switch self[index] {
            case " ": removed += 1
            case "\t": removed += 4 - removed % 4
            default: return self[index...]
            }
            index = self.index(after: index)
        }
        return self[index...]
    }

    func trimmingTrailingWhitespace() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
