import FoundationEssentials
import PlanCore

/// A run of text in one style.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// A line of spans.
public typealias StyledLine = [Span]

enum Wrap {
    /// Reflows text (see ``Prose``) and wraps it to `width` cells by words; list
    /// items keep a hanging indent. Words longer than a line are cut.
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 4 else { return [String(text.prefix(max(0, width)))] }
        var out: [String] = []
        let text = TerminalText.escaped(text, keepNewlines: true)
        for paragraph in Prose.logicalLines(text).map({ Substring($0) }) {
            let leading = paragraph.prefix { $0 == " " }.count
            let bullet = paragraph.dropFirst(leading).hasPrefix("- ") ? 2 : 0
            let hang = String(repeating: " ", count: min(leading + bullet, width / 2))
            var line = String(paragraph.prefix(leading))
            var lineWidth = leading
            var hasWord = false
            for word in paragraph.dropFirst(leading).split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                let w = DisplayWidth.of(word)
                if hasWord && lineWidth + 1 + w > width {
                    out.append(line)
                    line = hang
                    lineWidth = hang.count
                    hasWord = false
                }
                if !hasWord && lineWidth + w > width {
                    word = DisplayWidth.truncate(word, to: width - lineWidth)
                }
                if hasWord {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += DisplayWidth.of(word)
                hasWord = true
            }
            out.append(line)
        }
        return out
    }
}

extension Grid {
    /// Draws spans from `x`, clipped to `maxWidth`; returns the cells used.
    @discardableResult
    mutating func put(_ line: StyledLine, x: Int, y: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in line where used < maxWidth {
            used += put(span.text, x: x + used, y: y, style: span.style, maxWidth: maxWidth - used)
        }
        return used
    }

    /// A box with a title in its top border; returns the inner rectangle.
    @discardableResult
    mutating func box(x: Int, y: Int, width w: Int, height h: Int, title: String, style: Style = .plain) -> (
        x: Int, y: Int, width: Int, height: Int
    ) {
        fill(x: x, y: y, width: w, height: h)
        put("┌" + String(repeating: "─", count: max(0, w - 2)) + "┐", x: x, y: y, style: style)
        for row in (y + 1)..<(y + h - 1) {
            put("│", x: x, y: row, style: style)
            put("│", x: x + w - 1, y: row, style: style)
        }
        put("└" + String(repeating: "─", count: max(0, w - 2)) + "┘", x: x, y: y + h - 1, style: style)
        put(" \(title) ", x: x + 2, y: y, style: .bold, maxWidth: w - 4)
        return (x + 2, y + 1, w - 4, h - 2)
    }
}

enum Highlight {
    /// `line` with every case-insensitive occurrence of `query` restyled by `mark`
    /// (on top of the span's own style), so that a search shows where it matched.
    static func matches(of query: String?, in line: StyledLine, mark: (Style) -> Style) -> StyledLine {
        guard let query, !query.isEmpty else { return line }
        var out: StyledLine = []
        for span in line {
            var rest = span.text[...]
            while let range = rest.rangeIgnoringCase(of: query) {
                if range.lowerBound > rest.startIndex {
                    out.append(Span(String(rest[..<range.lowerBound]), span.style))
                }
                out.append(Span(String(rest[range]), mark(span.style)))
                rest = rest[range.upperBound...]
            }
            if !rest.isEmpty { out.append(Span(String(rest), span.style)) }
        }
        return out
    }
}
