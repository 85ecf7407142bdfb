import FoundationEssentials
import Glibc
import PlanCore

/// Where commands write: standard output in one write, standard error, and the terminal's width.
enum Console {
    /// Writes a message to standard error. Control characters in it are escaped: messages
    /// quote paths and plan text, and neither may reach the terminal raw.
    static func error(_ text: String) {
        var message = TerminalText.escaped(text, keepNewlines: true) + "\n"
        message.withUTF8 { write(UnsafeRawBufferPointer($0), to: STDERR_FILENO) }
    }

    /// Everything on standard input, up to its end.
    static func standardInput() -> [UInt8] {
        var bytes: [UInt8] = []
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = piece.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return bytes }
            bytes += piece[..<count]
        }
    }

    /// Output for standard output: when that is a terminal, control characters are
    /// escaped (line breaks, CRLF ones included, are kept); to a file or a pipe the text
    /// is exact, for the program reading it.
    static func forStandardOutput(_ text: String) -> String {
        guard isatty(STDOUT_FILENO) == 1 else { return text }
        return text.components(separatedBy: "\r\n").map { TerminalText.escaped($0, keepNewlines: true) }
            .joined(separator: "\r\n")
    }

    /// The path `-o` names: `-` is standard output.
    static func outputPath(_ given: String) -> String {
        given == "-" ? "/dev/stdout" : given
    }

    /// Writes `text` to standard output as it is, in one `write` (a loop only when the
    /// system takes part of it), after anything `print` left in standard output's buffer:
    /// a long table or export is not copied through the C library's buffer 4 KB at a time.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes bytes to standard output; see ``write(_:)-(String)``.
    static func write(_ bytes: Data) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Writes bytes to standard output; see ``write(_:)-(String)``.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32 = STDOUT_FILENO) {
        fflush(nil)  // every C stream, so that what print left buffered comes first
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe or a full disk: nothing more can be written
            }
            next += written
            left -= written
        }
    }

    /// Prints text from a plan with control characters escaped.
    static func print(_ text: String) {
        Swift.print(TerminalText.escaped(text, keepNewlines: true))
    }

    /// The width to lay tables out in: `$COLUMNS`, the terminal's, else 120.
    static var width: Int {
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 {
            return columns
        }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return 120
    }
}
