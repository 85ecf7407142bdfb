/// Measuring text in terminal cells, so that columns stay aligned with CJK,
/// emoji and combining characters. `String.count` counts characters, not cells.
public enum DisplayWidth {
    /// Cells a character takes: 0 for combining and format characters, 2 for wide
    /// (East Asian wide/fullwidth, emoji presentation), 1 otherwise.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        if scalars.contains("\u{FE0F}") { return 2 }
        return width(of: first)
    }

    public static func of(_ text: some StringProtocol) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The width of text that is all ASCII, counted on its bytes; nil for any other text.
    ///
    /// In ASCII every character is one byte except "\r\n", and ``of(_:)-(Character)``
    /// gives a character 0 cells when its first byte is a control below space (so "\r\n"
    /// too) and 1 otherwise (DEL included): the count of bytes from space up is the same
    /// sum, without building a `Character` for each.
    static func asciiWidth(_ text: some StringProtocol) -> Int? {
        text.utf8.withContiguousStorageIfAvailable { asciiWidth($0) } ?? asciiWidth(Array(text.utf8))
    }

    private static func asciiWidth(_ bytes: some Collection<UInt8>) -> Int? {
        var printable = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 { printable += 1 }
        }
        return printable
    }

    static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        let v = scalar.value
        for range in wideRanges where range.contains(v) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode 15, as glibc's `wcwidth` has them,
    /// which is what terminals use), besides the emoji with emoji presentation; among
    /// them the ideographs, kana and their supplements, Tangut and Khitan, the Yijing
    /// hexagrams and enclosed ideographs. Emoji that default to text presentation are one cell.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4DC0...0x4DFF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1B2FF,
        0x1F200...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// The text cut to at most `width` cells, ending in "…" when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        truncated(text, to: width).text
    }

    /// ``truncate(_:to:)``, with the cells the result takes: an ASCII text cut ends in
    /// "…", which would send a measure of the result down the `Character` path.
    public static func truncated(_ text: String, to width: Int) -> (text: String, cells: Int) {
        guard width > 0 else { return ("", 0) }
        if let ascii = asciiWidth(text) {
            guard ascii > width else { return (text, ascii) }
            // More than `width` printable bytes: the prefix takes exactly `width - 1` cells.
            return (asciiPrefix(text, cells: width - 1) + "…", width)
        }
        let cells = of(text)
        guard cells > width else { return (text, cells) }
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        // "…" takes one cell.
        return (out + "…", used + 1)
    }

    /// The longest start of ASCII `text` that takes at most `cells` cells, cut where
    /// ``truncate(_:to:)`` cuts it character by character: at the byte that would make
    /// one cell too many (a control byte takes none, so it never makes the cut).
    private static func asciiPrefix(_ text: String, cells: Int) -> String {
        var used = 0
        var end = text.utf8.startIndex
        for index in text.utf8.indices {
            let cost = text.utf8[index] >= 0x20 ? 1 : 0
            if used + cost > cells { break }
            used += cost
            end = text.utf8.index(after: index)
        }
        return String(text[..<end])
    }

    /// The text cut or padded with spaces to exactly `width` cells.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncated(text, to: width)
        return cut.text + String(repeating: " ", count: max(0, width - cut.cells))
    }

    /// Right-aligned in `width` cells.
    public static func fitRight(_ text: String, to width: Int) -> String {
        let cut = truncated(text, to: width)
        return String(repeating: " ", count: max(0, width - cut.cells)) + cut.text
    }
}
