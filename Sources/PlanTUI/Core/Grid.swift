import PlanCore

/// How a cell is drawn. Status is never shown by colour alone: badges always carry a letter.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false

    public init(
        foreground: Color? = nil, background: Color? = nil, bold: Bool = false,
        reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let dim = Style(dim: true)
}

/// One terminal cell: a grapheme (or "" for the right half of a wide one) and its style.
public struct Cell: Hashable, Sendable {
    public var text: String
    public var style: Style

    public static let blank = Cell(text: " ", style: .plain)
}

/// An in-memory screen: what a frame looks like, independent of any terminal
/// (ratatui's Buffer). Screens draw into it; the ncurses adapter copies it out;
/// tests read it as text.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should be shown (in editors), if anywhere.
    public var cursor: (x: Int, y: Int)?

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
            && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    /// Writes text from column `x` of row `y`, clipped to `maxWidth` cells (and the
    /// grid). Text from a plan is escaped first; wide characters take two cells.
    /// Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width - x, maxWidth ?? width)
        var column = x
        for character in TerminalText.escaped(text) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A combining mark joins the previous cell's grapheme.
                if column > x { self[column - 1, y].text.append(character) }
                continue
            }
            guard column - x + w <= limit else { break }
            if column >= 0 {
                self[column, y] = Cell(text: String(character), style: style)
                if w == 2 { self[column + 1, y] = Cell(text: "", style: style) }
            }
            column += w
        }
        return column - x
    }

    /// Fills a rectangle with blanks of a style (e.g. a selection bar).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int = 1, style: Style = .plain) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                self[column, row] = Cell(text: " ", style: style)
            }
        }
    }

    /// The rows as text, trailing spaces removed: what a person would read.
    public var text: String {
        (0..<height).map { row(at: $0) }.joined(separator: "\n")
    }

    public func row(at y: Int) -> String {
        var line = ""
        for x in 0..<width { line += self[x, y].text }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}
