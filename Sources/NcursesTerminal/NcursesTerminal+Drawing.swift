import CNcursesw
import Glibc
import PlanTUI

extension NcursesTerminal {
    /// Copies a frame: consecutive cells of one style go out in one `mvaddstr`, the
    /// "" right halves of wide characters are skipped (the wide grapheme already
    /// advanced two columns), and `refresh` sends only what changed.
    public func draw(_ grid: Grid) {
        guard !restored else { return }
        let screen = size
        if lastScreenSize.map({ $0 != screen }) ?? true {
            erase()
            lastScreenSize = screen
        }
        let width = min(grid.width, screen.width)
        let height = min(grid.height, screen.height)
        var overlays: [Overlay] = []

        for y in 0..<height {
            var x = 0
            while x < width {
                let style = grid[x, y].style
                let start = x
                var text = ""
                var cursor = x  // the column ncurses will be at after writing `text`
                while x < width, grid[x, y].style == style {
                    let cell = grid[x, y]
                    if cell.text.isEmpty {
                        if cursor > x {
                            x += 1
                            continue
                        }  // covered by the wide grapheme before it
                        // An orphaned right half, or one ncurses thinks its grapheme does
                        // not cover: blank it so ncurses' columns stay the grid's.
                        text += " "
                        cursor = x + 1
                        x += 1
                        continue
                    }
                    if cursor != x { break }  // ncurses drifted: start a new run here
                    let graphemeCells = x + 1 < grid.width && grid[x + 1, y].text.isEmpty ? 2 : 1
                    if x + graphemeCells > width {  // a wide grapheme cut by the screen edge
                        text += " "
                        cursor = x + 1
                        x += 1
                        break
                    }
                    let (printable, cells) = Self.printable(cell.text, cells: graphemeCells)
                    if Self.needsOverlay(cell.text, printable: printable, joins: joinsGraphemes) {
                        overlays.append(Overlay(x: x, y: y, text: cell.text, style: style))
                    }
                    text += printable
                    cursor = x + cells
                    x += 1
                }
                apply(style)
                // Writing the bottom-right cell returns ERR because the cursor cannot
                // advance (scrollok is off, so nothing scrolls); the cell is drawn anyway.
                _ = mvaddstr(Int32(y), Int32(start), text)
                if x == start { x += 1 }  // never loop without progress
            }
        }
        shim_attr_set(shim_A_NORMAL(), 0)

        if let cursor = grid.cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < screen.width, cursor.y < screen.height {
            move(Int32(cursor.y), Int32(cursor.x))
            if cursorVisible != true {
                curs_set(1)
                cursorVisible = true
            }
        } else {
            if cursorVisible != false {
                curs_set(0)
                cursorVisible = false
            }
            move(Int32(max(0, screen.height - 1)), Int32(max(0, screen.width - 1)))
        }
        refresh()
        drawOverlays(overlays)
    }

    /// The grapheme as ncurses should get it, and the columns ncurses will advance
    /// for it. ncurses measures each scalar with glibc's `wcwidth` (zero-width ones
    /// join the cell), which can disagree with the grid's per-grapheme width:
    /// a ZWJ sequence such as 👨‍👩‍👧 is one 2-cell grapheme to the grid but 6 columns
    /// to ncurses. Scalars past the grid's `cells` are dropped (with the joiner that
    /// led to them: a dangling U+200D showed up elsewhere on the screen in tmux), so
    /// ncurses draws such a sequence as its first emoji and the row stays aligned; the
    /// whole sequence is then written over it (see NcursesTerminal+Graphemes.swift).
    /// Control and unprintable characters become "?" so they cannot shift the row.
    static func printable(_ text: String, cells budget: Int) -> (String, Int) {
        var out = String.UnicodeScalarView()
        var cells = 0
        for scalar in text.unicodeScalars {
            let w = scalar.value < 0x20 || scalar.value == 0x7F ? -1 : Int(shim_wcwidth(scalar.value))
            if w == 0 {
                if cells > 0 { out.append(scalar) }
                continue
            }
            let (piece, width): (Unicode.Scalar, Int) = w < 0 ? ("?", 1) : (scalar, w)
            if cells > 0, cells + width > budget { break }
            out.append(piece)
            cells += width
        }
        while out.last == "\u{200D}" { out.removeLast() }
        if cells == 0 { return (" ", 1) }
        return (String(out), cells)
    }

    func apply(_ style: Style) {
        var attributes = shim_A_NORMAL()
        if style.bold { attributes |= shim_A_BOLD() }
        if style.reverse { attributes |= shim_A_REVERSE() }
        if style.underline { attributes |= shim_A_UNDERLINE() }
        if style.dim { attributes |= shim_A_DIM() }
        var pair: Int16 = 0
        if colorsEnabled, style.foreground != nil || style.background != nil {
            pair = colorPair(foreground: style.foreground, background: style.background)
        }
        shim_attr_set(attributes, pair)
    }

    /// One pair per (foreground, background) actually used, made on first use.
    func colorPair(foreground: Color?, background: Color?) -> Int16 {
        let key = PairKey(foreground: foreground, background: background)
        if let pair = pairs[key] { return pair }
        guard Int32(nextPair) < shim_COLOR_PAIRS() else { return 0 }
        let pair = nextPair
        let fallbackForeground = hasDefaultColors ? -1 : Int16(COLOR_WHITE)
        let fallbackBackground = hasDefaultColors ? -1 : Int16(COLOR_BLACK)
        guard
            init_pair(
                pair,
                foreground.map(cursesColor) ?? fallbackForeground,
                background.map(cursesColor) ?? fallbackBackground) == OK
        else { return 0 }
        nextPair += 1
        pairs[key] = pair
        return pair
    }

    func cursesColor(_ color: Color) -> Int16 {
        Int16(color.index(colorCount: colorCount))
    }
}
