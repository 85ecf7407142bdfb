/// Reading an action's lines from their bytes: the fields ``ASCIIFieldReader`` reads, and
/// values joined over their continuation lines with one write. Positions in a line are
/// UTF-8 offsets from its start; a column is counted from them only for a message.
extension PlanParser {
    /// The history line, owner or due of the plain ASCII line `j`, read from its bytes;
    /// nil when the line is another field, or one of these with something to report.
    func asciiFieldHead(line j: Int) -> PendingField? {
        let lead = lines.lead(j)
        let empty = (j + 1)..<(j + 1)
        return lines.withBytes(j) { bytes -> PendingField? in
            if let head = ASCIIFieldReader.historyHead(bytes, from: lead) {
                return PendingField(
                    kind: .history(keyword: head.keyword, date: head.date, author: head.author),
                    line: j, value: head.value, continuation: empty)
            }
            if let plain = ASCIIFieldReader.plainField(bytes, from: lead) {
                return PendingField(
                    kind: plain.kind == .owner ? .owner : .due, line: j, value: plain.value, continuation: empty)
            }
            return nil
        }
    }

    /// `- Status DATE (NAME): X -> Y` read from the bytes of a plain ASCII line, when the
    /// value is just that; nil otherwise, for `historyChange` to read and report on.
    func statusChange(_ keyword: HistoryKeyword, _ field: PendingField) -> HistoryEntry.Change? {
        guard readsBytes, keyword == .status, field.value.count == 6, lines.isASCII(field.line) else { return nil }
        return lines.withBytes(field.line) { bytes -> HistoryEntry.Change? in
            let v = field.value.lowerBound
            guard bytes[v + 1] == UInt8(ascii: " "), bytes[v + 2] == UInt8(ascii: "-"),
                bytes[v + 3] == UInt8(ascii: ">"), bytes[v + 4] == UInt8(ascii: " "),
                let from = ASCIIFieldReader.status(bytes[v]), let to = ASCIIFieldReader.status(bytes[v + 5])
            else { return nil }
            return .status(from: from, to: to)
        }
    }

    /// The name in brackets of a history field, trimmed as `trimmingWhitespace` trims it;
    /// nil when there are no brackets or they hold only blanks. Made only where it is
    /// kept: a deferred action's notes are checked, not kept.
    func author(of field: PendingField) -> String? {
        guard case .history(_, _, let range?) = field.kind else { return nil }
        // The byte reader's range is trimmed, and its ends visible ASCII: the bytes are the name.
        if readsBytes, lines.isASCII(field.line),
            let name = lines.withBytes(
                field.line, { ASCIIFieldReader.isTrimmedName($0, range) ? Self.string($0, range) : nil })
        {
            return name
        }
        let name = substring(range, line: field.line).trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    /// A field's value on its own line, as the `Substring` readers take it.
    func value(of field: PendingField) -> Substring { substring(field.value, line: field.line) }

    func substring(_ range: Range<Int>, line: Int) -> Substring {
        let text = lines[line].text
        let start = text.utf8.index(text.startIndex, offsetBy: range.lowerBound)
        return text[start..<text.utf8.index(start, offsetBy: range.count)]
    }

    func offset(of index: Substring.Index, in line: Substring) -> Int {
        line.utf8.distance(from: line.startIndex, to: index)
    }

    func range(of part: Substring, in line: Substring) -> Range<Int> {
        let start = offset(of: part.startIndex, in: line)
        return start..<start + part.utf8.count
    }

    /// The 1-based column, in Unicode scalars, of the byte at `offset` in the line `line`.
    func column(ofOffset offset: Int, line: Int) -> Int {
        Self.column(ofOffset: offset, line: line, in: lines, readsBytes: readsBytes)
    }

    static func column(ofOffset offset: Int, line: Int, in lines: LineTexts, readsBytes: Bool) -> Int {
        if readsBytes, lines.isASCII(line) { return offset + 1 }
        let text = lines[line].text
        return Self.column(of: text.utf8.index(text.startIndex, offsetBy: offset), in: text)
    }

    static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The value at `value` of the line `line` and its continuation lines, dedented,
    /// paragraphs kept: `joined(first:continuation:)`, built from the bytes.
    func joined(line: Int, value: Range<Int>, continuation range: Range<Int>) -> String {
        guard readsBytes else { return joined(first: substring(value, line: line), continuation: range) }
        var indent = Int.max
        var capacity = value.count
        for j in range where !isCommentLine(j) && !lines.isBlank(j) {
            indent = min(indent, lines.width(j))
            capacity += lines.withBytes(j) { $0.count } + 2
        }
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var used = lines.withBytes(line) { Self.copy($0[value], into: buffer, at: 0) }
            var previous = range.lowerBound - 1
            for j in range where !isCommentLine(j) && !lines.isBlank(j) {
                let gap = (previous + 1..<j).contains { !isCommentLine($0) && lines.isBlank($0) }
                previous = j
                let start = used
                used = lines.withBytes(j) { bytes in
                    var at = start
                    if at > 0 {
                        buffer[at] = UInt8(ascii: "\n")
                        at += 1
                        if gap {
                            buffer[at] = UInt8(ascii: "\n")
                            at += 1
                        }
                    }
                    return Self.copy(bytes[Self.dedented(bytes, by: indent)], into: buffer, at: at)
                }
            }
            return used
        }
    }

    /// Copies `bytes` into `buffer` at `offset`; returns the offset after them. The caller
    /// makes the buffer large enough: `joined` counts each line's bytes and two for its break.
    private static func copy(
        _ bytes: Slice<UnsafeRawBufferPointer>, into buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int
    ) -> Int {
        precondition(offset + bytes.count <= buffer.count, "the joined text fits the capacity counted for it")
        UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + bytes.count]))
            .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes))
        return offset + bytes.count
    }

    /// The line without up to `width` columns of indentation (a tab moves to the next
    /// multiple of 4) and without trailing blanks: `droppingIndentation` and
    /// `trimmingTrailingWhitespace` on the bytes. Both cut at ASCII bytes, between characters.
    private static func dedented(_ bytes: UnsafeRawBufferPointer, by width: Int) -> Range<Int> {
        var removed = 0
        var start = 0
        while start < bytes.count, removed < width {
            if bytes[start] == UInt8(ascii: " ") {
                removed += 1
            } else if bytes[start] == UInt8(ascii: "\t") {
                removed += 4 - removed % 4
            } else {
                break
            }
            start += 1
        }
        return start..<ASCIIFieldReader.trimmedEnd(bytes, start..<bytes.count)
    }
}
