extension Prose {
    /// A table cell of the first line of `text` after `prefix`: the same as
    /// `DisplayWidth.truncate(TerminalText.escaped(prefix + firstLine(text)), to: width)`,
    /// but on plain ASCII it reads the text only until the cell is full, without
    /// making the first line's string or measuring it whole.
    public static func firstLine(_ text: String, after prefix: String, fittedTo width: Int) -> String {
        guard width > 0 else { return "" }
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in
            var cell = ASCIICell(width: width)
            for byte in prefix.utf8 {
                guard cell.take(byte) else { return cell.isFull ? cell.text : nil }
            }
            return cell.takeFirstLine(of: bytes) ? cell.text : nil
        }
        return (ascii ?? nil) ?? DisplayWidth.truncate(TerminalText.escaped(prefix + firstLine(text)), to: width)
    }

    /// A cell being filled with bytes each of which is a character of its own that
    /// is not escaped: printable ASCII (one cell) or a tab (none, as `DisplayWidth`
    /// counts it). The cell stops at `width + 1` cells, when it is known to be cut.
    private struct ASCIICell {
        let width: Int
        var bytes: [UInt8] = []
        var cells = 0
        /// Where `DisplayWidth.truncate` cuts: before the byte that takes the `width`th cell.
        var cut = 0
        init(width: Int) {
            self.width = width
            bytes.reserveCapacity(width + 8)
        }

        var isFull: Bool { cells > width }

        var text: String {
            guard isFull else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: bytes[..<cut], as: UTF8.self) + "…"
        }

        /// Appends `byte`; false when the cell is full, or when the byte is not one it takes
        /// (the text then needs the reading on characters).
        mutating func take(_ byte: UInt8) -> Bool {
            guard byte == UInt8(ascii: "\t") || (0x20..<0x7F).contains(byte) else { return false }
            if byte != UInt8(ascii: "\t") {
                cells += 1
                if cells == width { cut = bytes.count }
            }
            bytes.append(byte)
            return !isFull
        }

        /// Takes the first logical line as ``Prose/logicalLines(_:)`` joins it: blank
        /// lines before it skipped, each line without its trailing blanks, the lines
        /// after the first without their indentation and after one space, until a blank
        /// line or a list item. False when a byte it needs is not plain ASCII (a CR, a
        /// control, a letter that a combining mark could follow).
        mutating func takeFirstLine(of text: UnsafeBufferPointer<UInt8>) -> Bool {
            func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            var start = 0
            var started = false
            while start <= text.count {
                let lineEnd = text[start...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
                var end = lineEnd
                while end > start, isBlank(text[end - 1]) { end -= 1 }
                if end == start {
                    if started { return true }
                } else {
                    var from = start
                    if started {
                        guard let item = Prose.asciiStartsListItem(text[start..<end]) else { return false }
                        if item { return true }
                        guard take(UInt8(ascii: " ")) else { return isFull }
                        while isBlank(text[from]) { from += 1 }
                    }
                    started = true
                    for byte in text[from..<end] {
                        guard take(byte) else { return isFull }
                    }
                }
                start = lineEnd + 1
            }
            return true
        }
    }
}
