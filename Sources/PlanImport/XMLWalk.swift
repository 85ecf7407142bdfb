import FoundationEssentials

/// A small event-driven walk over an XML part of a workbook with ``XMLScanner``. Element
/// and attribute names are given without their namespace prefix (`r:id` is `id`); `end`
/// gets the text collected inside the elements named in `textIn`. A part that is not
/// UTF-8 or not well-formed is an ``ImportError`` naming the part and the line.
enum XMLWalk {
    static func run(
        _ part: (Data, String), textIn: Set<String> = [], start: (String, [String: String]) -> Void,
        end: (String, String) -> Void = { _, _ in }
    ) throws(ImportError) {
        let bytes = [UInt8](part.0)
        // Excel writes every part in UTF-8 (none in UTF-16).
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw ImportError("\(part.1) in the workbook is not UTF-8 text")
        }
        // Refused since FoundationXML crashed on it (docs/hardening.md); still refused, so
        // that what was refused before is refused now.
        guard !hasEmptyProcessingInstruction(bytes) else {
            throw ImportError("\(part.1) in the workbook holds an empty processing instruction (<?…?>)")
        }
        var scanner = XMLScanner(bytes)
        var text = ""
        var collecting = 0
        do {
            while let token = try scanner.next() {
                switch token {
                case .start(let qualified, let attributes, let isEmpty):
                    let name = local(qualified)
                    let collects = textIn.contains(name)
                    if collects {
                        collecting += 1
                        text = ""
                    }
                    var named: [String: String] = [:]
                    for attribute in attributes where named[local(attribute.name)] == nil {
                        named[local(attribute.name)] = attribute.value
                    }
                    start(name, named)
                    if isEmpty {
                        if collects { collecting -= 1 }
                        end(name, text)
                    }
                case .end(let qualified):
                    let name = local(qualified)
                    if textIn.contains(name) { collecting -= 1 }
                    end(name, text)
                case .text(let piece):
                    if collecting > 0 { text += piece }
                }
            }
        } catch {
            throw ImportError(
                "\(part.1) in the workbook is not valid XML (line \(scanner.line(of: error.offset)))"
                    + (error.limit.map { ": \($0)" } ?? ""))
        }
    }

    /// `<?target?>`: a target (possibly empty) and no data.
    private static func hasEmptyProcessingInstruction(_ bytes: [UInt8]) -> Bool {
        let open = UInt8(ascii: "<")
        let question = UInt8(ascii: "?")
        let close = UInt8(ascii: ">")
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == open, bytes[i + 1] == question else {
                i += 1
                continue
            }
            var j = i + 2
            while j < bytes.count, bytes[j] != question, bytes[j] > 0x20 { j += 1 }
            if j + 1 < bytes.count, bytes[j] == question, bytes[j + 1] == close { return true }
            i = j
        }
        return false
    }

    private static func local(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }
}
