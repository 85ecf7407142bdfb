import FoundationEssentials

/// How a line ends. Every line keeps its own, so CRLF files stay CRLF.
public enum LineEnding: String, Sendable {
    case lf = "\n"
    case crlf = "\r\n"
    /// The last line of a file without a final newline.
    case none = ""

    /// The ending's length in bytes, without making its string (a pass over every line asks).
    var byteCount: Int {
        switch self {
        case .lf: 1
        case .crlf: 2
        case .none: 0
        }
    }
}

/// One line of a plan file exactly as read: its text without the ending, and the ending.
public struct SourceLine: Sendable, Equatable {
    public var text: Substring
    public var ending: LineEnding

    public init(_ text: some StringProtocol, ending: LineEnding = .lf) {
        self.text = Substring(text)
        self.ending = ending
    }

    /// A line whose text is already a `Substring`: kept as it is, without the generic conversion.
    public init(_ text: Substring, ending: LineEnding = .lf) {
        self.text = text
        self.ending = ending
    }

    /// Splits text into lines on LF, keeping CRLF endings and a missing final newline.
    /// An empty text has no lines.
    static func split(_ text: String) -> [SourceLine] {
        Array(LineTable(text: text))
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
    /// The line with its indentation written in spaces: a tab goes to the next multiple of 4.
    func indentedWithSpaces() -> Substring {
        let (width, start) = indentation
        guard self[startIndex..<start].utf8.contains(UInt8(ascii: "\t")) else { return self }
        return Substring(String(repeating: " ", count: width) + self[start...])
    }

    func droppingIndentation(_ width: Int) -> Substring {
        var removed = 0
        var index = utf8.startIndex
        while index < utf8.endIndex, removed < width {
            switch utf8[index] {
            case UInt8(ascii: " "): removed += 1
            case UInt8(ascii: "\t"): removed += 4 - removed % 4
            default: return self[index...]
            }
            index = utf8.index(after: index)
        }
        return self[index...]
    }

    /// Without trailing spaces and tabs (read on bytes, like every per-line helper here).
    func trimmingTrailingWhitespace() -> Substring {
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == UInt8(ascii: " ") || utf8[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        return self[startIndex..<end]
    }

    /// Without leading spaces and tabs.
    func droppingBlanks() -> Substring {
        self[indentation.contentStart...]
    }

    /// The part before the first byte that `stop` accepts (all of it if none does).
    /// Only for ASCII stop bytes, so that the cut falls between characters.
    func prefix(beforeByte stop: (UInt8) -> Bool) -> Substring {
        self[startIndex..<(utf8.firstIndex(where: stop) ?? endIndex)]
    }
}
