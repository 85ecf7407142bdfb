import CNcursesw
import Glibc
import PlanTUI

/// Graphemes ncurses cannot hold whole: a cell keeps at most five wide characters
/// (one spacing, four combining), and ncurses counts a ZWJ sequence such as 👨‍👩‍👧‍👦
/// as one column per emoji in it. Such a cell goes to ncurses shortened (``printable(_:cells:)``,
/// which keeps the columns right), and after each refresh the whole grapheme is
/// written over it, straight to the terminal, in the cell's style; the cursor and
/// attributes are saved and restored around it, so ncurses' idea of the screen
/// stays true. Combining marks take no column anywhere, so long runs of them are
/// always written whole; ZWJ sequences only on a terminal that draws one as a single
/// two-column glyph, which ``probeJoinsGraphemes()`` asks the terminal at start.
extension NcursesTerminal {
    struct Overlay {
        var x: Int
        var y: Int
        var text: String
        var style: Style
    }

    /// Whether a cell whose grapheme is `text`, given to ncurses as `printable`, must be
    /// written whole after the refresh.
    static func needsOverlay(_ text: String, printable: String, joins: Bool) -> Bool {
        guard !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return false }
        if printable != text { return joins }  // scalars past the first emoji of a ZWJ sequence were dropped
        return text.unicodeScalars.count > 5
    }

    /// Writes the overlays after ncurses has drawn the frame.
    func drawOverlays(_ overlays: [Overlay]) {
        guard !overlays.isEmpty else { return }
        var out = "\u{1B}7"
        for overlay in overlays {
            out += "\u{1B}[\(overlay.y + 1);\(overlay.x + 1)H" + sgr(overlay.style) + overlay.text
        }
        out += "\u{1B}8"
        let bytes = Array(out.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return }
            offset += n
        }
    }

    /// The style as an SGR sequence, with the colours ``cursesColor(_:)`` gives ncurses.
    func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if colorsEnabled {
            if let foreground = style.foreground { codes.append(Self.sgrColor(cursesColor(foreground), base: 30)) }
            if let background = style.background { codes.append(Self.sgrColor(cursesColor(background), base: 40)) }
        }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    static func sgrColor(_ color: Int16, base: Int) -> String {
        color < 8 ? String(base + Int(color)) : String(base + 60 + Int(color) - 8)
    }

    /// Asks the terminal where the cursor is after a three-person ZWJ family at the start
    /// of a line: column 3 means it drew the sequence as one two-column glyph. No answer
    /// within 300 ms (or any other column) means no. The line is cleared afterwards and
    /// the next refresh repaints the whole screen.
    static func probeJoinsGraphemes() -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
        let probe = Array("\r\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{1B}[6n".utf8)
        guard probe.withUnsafeBytes({ write(STDOUT_FILENO, $0.baseAddress, $0.count) }) == probe.count else {
            return false
        }
        defer {
            let clear = Array("\r\u{1B}[K".utf8)
            _ = clear.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            clearok(shim_curscr(), true)
        }
        var reply: [UInt8] = []
        var waited = 0
        while waited < 300, reply.last != UInt8(ascii: "R"), reply.count < 32 {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 20) >= 0 else { return false }
            waited += 20
            guard descriptor.revents & Int16(POLLIN) != 0 else { continue }
            var byte: UInt8 = 0
            guard Glibc.read(STDIN_FILENO, &byte, 1) == 1 else { return false }
            reply.append(byte)
        }
        return column(fromCursorReport: reply) == 3
    }

    /// The column of a cursor position report, `ESC [ row ; column R`.
    static func column(fromCursorReport reply: [UInt8]) -> Int? {
        guard let start = reply.lastIndex(of: 0x1B), reply.last == UInt8(ascii: "R"),
            let semicolon = reply[start...].firstIndex(of: UInt8(ascii: ";"))
        else { return nil }
        return Int(String(decoding: reply[(semicolon + 1)..<(reply.count - 1)], as: UTF8.self))
    }
}
