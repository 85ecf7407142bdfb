import FoundationEssentials
import Glibc

/// Text from a plan as paragraphs and lists, written straight into the document.
extension HTMLWriter {
    /// See ``HTML/prose(_:)``: consecutive list items (`- `, `* `, `• `, `1. `) form
    /// one list; every other logical line is a paragraph.
    ///
    /// Writes each line of the text as it reads it, the same HTML as
    /// ``proseByLogicalLines(_:)`` (tested against it) without building the logical
    /// lines: a paragraph's lines go out escaped one by one, joined by a space (the
    /// escaping is scalar by scalar, so the pieces escape as the whole would). Text
    /// with a CR, which splits into lines on characters, takes that path instead.
    mutating func prose(_ source: String) {
        let utf8 = source.utf8
        let read = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "\r")), bytes.count) == nil
            else { return false }
            var state = ProseState()
            var start = 0
            while true {
                let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
                let end = found.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? bytes.count
                // The line without its trailing spaces and tabs (ASCII, so the cut is between characters).
                var trimmed = end
                while trimmed > start,
                    bytes[trimmed - 1] == UInt8(ascii: " ") || bytes[trimmed - 1] == UInt8(ascii: "\t")
                {
                    trimmed -= 1
                }
                let from = utf8.index(utf8.startIndex, offsetBy: start)
                proseLine(Substring(utf8[from..<utf8.index(from, offsetBy: trimmed - start)]), &state)
                guard end < bytes.count else { break }
                start = end + 1
            }
            finishLogicalLine(&state)
            if let list = state.openList { close(list) }
            return true
        }
        if read != true { proseByLogicalLines(source) }
    }

    /// What ``prose(_:)`` has open while it reads the lines.
    private struct ProseState {
        /// `ol` or `ul`, while consecutive items of one kind are written.
        var openList: String?
        /// The element of the logical line being written (`p` or `li`).
        var openLine: String?
        /// A logical line whose first line is too short to tell whether it starts a
        /// list item before the lines after it are joined to it: collected whole.
        var pending: String?
    }

    private mutating func proseLine(_ line: Substring, _ state: inout ProseState) {
        if line.isEmpty {
            finishLogicalLine(&state)
            if let list = state.openList { close(list) }
            state.openList = nil
            return
        }
        let continues = (state.openLine != nil || state.pending != nil) && !Prose.startsListItem(line)
        guard !continues else {
            if state.pending != nil {
                state.pending?.append(" " + line.droppingBlanks())
            } else {
                raw(" ")
                escaped(line.droppingBlanks())
            }
            return
        }
        finishLogicalLine(&state)
        let content = line.drop { $0 == " " || $0 == "\t" }
        // A list marker is at most five characters ("123. "): with eight ASCII bytes
        // of the first line, the lines joined after it cannot change what it is.
        guard content.utf8.count >= 8, content.utf8.prefix(8).allSatisfy({ $0 < 0x80 }) else {
            state.pending = String(line)
            return
        }
        state.openLine = logicalLineStart(content, &state)
    }

    /// Opens the element of a logical line (and its list) and writes its first text;
    /// returns the element to close.
    private mutating func logicalLineStart(_ content: Substring, _ state: inout ProseState) -> String? {
        if let item = HTML.listItem(content) {
            let name = item.ordered ? "ol" : "ul"
            if state.openList != name {
                if let list = state.openList { close(list) }
                open(name, item.ordered && item.number != 1 ? [("start", String(item.number))] : [])
                state.openList = name
            }
            raw("<li>")
            escaped(item.text)
            return "li"
        }
        if let list = state.openList { close(list) }
        state.openList = nil
        guard !content.isEmpty else { return nil }
        raw("<p>")
        escaped(content)
        return "p"
    }

    private mutating func finishLogicalLine(_ state: inout ProseState) {
        if let pending = state.pending {
            state.pending = nil
            if let name = logicalLineStart(pending.drop { $0 == " " || $0 == "\t" }, &state) { close(name) }
        }
        if let name = state.openLine { close(name) }
        state.openLine = nil
    }

    /// ``prose(_:)`` by ``Prose/logicalLines(_:)``: each logical line built, then written.
    mutating func proseByLogicalLines(_ source: String) {
        var openList: String?
        for line in Prose.logicalLines(source) {
            let content = line.drop { $0 == " " || $0 == "\t" }
            if let item = HTML.listItem(content) {
                let name = item.ordered ? "ol" : "ul"
                if openList != name {
                    if let openList { close(openList) }
                    open(name, item.ordered && item.number != 1 ? [("start", String(item.number))] : [])
                    openList = name
                }
                text("li", [], item.text)
            } else {
                if let list = openList { close(list) }
                openList = nil
                if !content.isEmpty {
                    raw("<p>")
                    escaped(content)
                    raw("</p>")
                }
            }
        }
        if let openList { close(openList) }
    }
}
