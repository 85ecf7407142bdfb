/// A small, strict pull tokenizer over one XML document in UTF-8: what the parts of an
/// `.xlsx` workbook are written in, and no more. It reads start, end and empty-element tags
/// with their attributes (either quote style), text with the five predefined entities and
/// numeric character references, CDATA sections, comments and processing instructions
/// (skipped), and the XML declaration. Namespaces are left as prefixes in the names.
///
/// A document type declaration is refused, so no entity is ever defined or expanded
/// (nothing like "billion laughs" can happen). Anything not well-formed is a ``Failure``
/// at its byte offset; every loop moves forward, so no input can make it hang. Line ends
/// are normalised (`\r\n` and `\r` to `\n`) in text and whitespace to spaces in attribute
/// values, as XML says.
struct XMLScanner {
    /// One piece of the document, in order.
    enum Token: Equatable {
        /// A start tag, or an empty-element tag (`<x/>`, with `isEmpty`, and no end token).
        case start(name: String, attributes: [Attribute], isEmpty: Bool)
        case end(name: String)
        /// Character data or a CDATA section, entities and line ends resolved.
        case text(String)
    }

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    /// Where the document stops being XML, and which limit it hit, if it was one.
    struct Failure: Error, Equatable {
        var offset: Int
        var limit: String?
    }

    /// The limits libxml2 (FoundationXML's parser, which this replaces) had: no workbook
    /// Excel writes comes near them, and keeping them means no workbook read before is refused now.
    static let maximumDepth = 256
    static let maximumNameLength = 50_000
    static let maximumValueLength = 10_000_000

    private let bytes: [UInt8]
    private var position = 0
    /// Where an XML declaration may be: the start, after a byte order mark if there is one.
    private let declarationOffset: Int
    /// The names of the open elements, as ranges of `bytes`.
    private var open: [Range<Int>] = []
    private var sawRoot = false

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        declarationOffset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        position = declarationOffset
    }

    /// The line (from 1) of a byte offset, for messages.
    func line(of offset: Int) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// The next token; nil at the end of a document that is complete (one root element, closed).
    mutating func next() throws(Failure) -> Token? {
        while true {
            if open.isEmpty {
                // Outside the root element: only whitespace, comments and processing instructions.
                while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
            }
            guard position < bytes.count else {
                guard open.isEmpty, sawRoot else { throw Failure(offset: position) }
                return nil
            }
            guard bytes[position] == .lessThan else {
                guard !open.isEmpty else { throw Failure(offset: position) }
                return .text(try characterData())
            }
            switch byte(at: position + 1) {
            case UInt8(ascii: "/"): return try endTag()
            case UInt8(ascii: "?"): try processingInstruction()
            case UInt8(ascii: "!"):
                if hasPrefix(.commentOpen) {
                    try comment()
                } else if hasPrefix(.cdataOpen), !open.isEmpty {
                    return .text(try cdata())
                } else if hasPrefix(.doctypeOpen) {
                    throw Failure(
                        offset: position,
                        limit: "a document type declaration (<!DOCTYPE …>), which no workbook part has"
                    )
                } else {
                    throw Failure(offset: position)
                }
            default: return try startTag()
            }
        }
    }

    // MARK: - Markup

    private mutating func startTag() throws(Failure) -> Token {
        let tagStart = position
        guard !(open.isEmpty && sawRoot) else { throw Failure(offset: tagStart) }
        guard open.count < Self.maximumDepth else {
            throw Failure(
                offset: tagStart, limit: "elements nested deeper than the XML parser's limit of \(Self.maximumDepth)")
        }
        let name = try self.name(at: position + 1)
        position = name.upperBound
        var attributes: [Attribute] = []
        var names: Set<String> = []
        while true {
            let spaced = skipSpace()
            switch byte(at: position) {
            case UInt8(ascii: ">"):
                position += 1
                open.append(name)
                sawRoot = true
                return .start(name: string(name), attributes: attributes, isEmpty: false)
            case UInt8(ascii: "/"):
                guard byte(at: position + 1) == UInt8(ascii: ">") else { throw Failure(offset: position) }
                position += 2
                sawRoot = true
                return .start(name: string(name), attributes: attributes, isEmpty: true)
            default:
                guard spaced else { throw Failure(offset: position) }
                let attributeName = try self.name(at: position)
                position = attributeName.upperBound
                skipSpace()
                guard byte(at: position) == UInt8(ascii: "=") else { throw Failure(offset: position) }
                position += 1
                skipSpace()
                let attribute = Attribute(name: string(attributeName), value: try attributeValue())
                // The same attribute twice is not well-formed.
                guard names.insert(attribute.name).inserted else { throw Failure(offset: attributeName.lowerBound) }
                attributes.append(attribute)
            }
        }
    }

    private mutating func endTag() throws(Failure) -> Token {
        let tagStart = position
        let name = try self.name(at: position + 2)
        position = name.upperBound
        skipSpace()
        guard byte(at: position) == UInt8(ascii: ">"), let innermost = open.last,
            bytes[innermost].elementsEqual(bytes[name])
        else { throw Failure(offset: tagStart) }
        position += 1
        open.removeLast()
        return .end(name: string(name))
    }

    /// `<?target data?>`, skipped; `<?xml …?>` only at the start of the document.
    private mutating func processingInstruction() throws(Failure) {
        let start = position
        let target = try name(at: position + 2)
        if string(target).lowercased() == "xml", start != declarationOffset { throw Failure(offset: start) }
        position = target.upperBound
        guard skipSpace() || hasPrefix(.instructionClose) else { throw Failure(offset: position) }
        guard let close = find(.instructionClose, from: position) else { throw Failure(offset: start) }
        try checkCharacters(position..<close)
        position = close + 2
    }

    /// `<!-- … -->`, skipped; `--` may not appear inside.
    private mutating func comment() throws(Failure) {
        let start = position
        guard let dashes = find(.doubleDash, from: position + 4), byte(at: dashes + 2) == UInt8(ascii: ">") else {
            throw Failure(offset: start)
        }
        try checkCharacters(position + 4..<dashes)
        position = dashes + 3
    }

    private mutating func cdata() throws(Failure) -> String {
        let start = position
        guard let close = find(.cdataClose, from: position + 9) else { throw Failure(offset: start) }
        var out: [UInt8] = []
        out.reserveCapacity(close - position - 9)
        var i = position + 9
        while i < close {
            let b = bytes[i]
            if b == .carriageReturn {
                out.append(.newline)
                if byte(at: i + 1) == .newline { i += 1 }
            } else {
                guard Self.isAllowed(b) else { throw Failure(offset: i) }
                out.append(b)
            }
            i += 1
        }
        position = close + 3
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Text

    /// Character data up to the next `<` or the end.
    private mutating func characterData() throws(Failure) -> String {
        var out: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            switch b {
            case .lessThan: return String(decoding: out, as: UTF8.self)
            case .ampersand: try reference(into: &out)
            case .carriageReturn:
                out.append(.newline)
                position += byte(at: position + 1) == .newline ? 2 : 1
            case UInt8(ascii: "]") where hasPrefix(.cdataClose): throw Failure(offset: position)
            default:
                guard Self.isAllowed(b) else { throw Failure(offset: position) }
                out.append(b)
                position += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A quoted attribute value, entities resolved and each tab or line end a space.
    private mutating func attributeValue() throws(Failure) -> String {
        let quote = byte(at: position)
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { throw Failure(offset: position) }
        let start = position
        position += 1
        var out: [UInt8] = []
        while true {
            guard position < bytes.count else { throw Failure(offset: start) }
            guard position - start <= Self.maximumValueLength else {
                throw Failure(
                    offset: start, limit: "a value longer than the XML parser's limit of 10,000,000 bytes")
            }
            let b = bytes[position]
            switch b {
            case quote:
                position += 1
                return String(decoding: out, as: UTF8.self)
            case .lessThan: throw Failure(offset: position)
            case .ampersand: try reference(into: &out)
            case .carriageReturn:
                out.append(.space)
                position += byte(at: position + 1) == .newline ? 2 : 1
            case .newline, .tab:
                out.append(.space)
                position += 1
            default:
                guard Self.isAllowed(b) else { throw Failure(offset: position) }
                out.append(b)
                position += 1
            }
        }
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#N;` or `&#xH;` at `position`, as UTF-8.
    /// Any other entity is refused: none can be defined.
    private mutating func reference(into out: inout [UInt8]) throws(Failure) {
        let start = position
        // The longest reference worth reading; leading zeros beyond it are not worth the wait.
        guard let semicolon = bytes[position..<min(bytes.count, position + 32)].firstIndex(of: UInt8(ascii: ";"))
        else { throw Failure(offset: start) }
        let body = bytes[(position + 1)..<semicolon]
        switch String(decoding: body, as: UTF8.self) {
        case "amp": out.append(.ampersand)
        case "lt": out.append(.lessThan)
        case "gt": out.append(UInt8(ascii: ">"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        case let text where text.hasPrefix("#"):
            let hex = text.hasPrefix("#x")
            let digits = text.dropFirst(hex ? 2 : 1)
            guard !digits.isEmpty, digits.allSatisfy({ hex ? $0.isHexDigit : $0.isASCII && $0.isNumber }),
                let value = UInt32(digits, radix: hex ? 16 : 10), Self.isCharacter(value),
                let scalar = Unicode.Scalar(value)
            else { throw Failure(offset: start) }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default: throw Failure(offset: start)
        }
        position = semicolon + 1
    }

    // MARK: - Bytes

    /// A name (`row`, `x:c`, `xml:space`) starting at `offset`: its range.
    private func name(at offset: Int) throws(Failure) -> Range<Int> {
        guard offset < bytes.count, Self.isNameStart(bytes[offset]) else { throw Failure(offset: offset) }
        var end = offset + 1
        while end < bytes.count, Self.isNameStart(bytes[end]) || Self.isNameMore(bytes[end]) { end += 1 }
        guard end - offset <= Self.maximumNameLength else {
            throw Failure(offset: offset, limit: "a name longer than the XML parser's limit of 50,000 characters")
        }
        return offset..<end
    }

    /// Refuses the characters XML does not allow anywhere (C0 controls other than tab and line ends).
    private func checkCharacters(_ range: Range<Int>) throws(Failure) {
        if let bad = bytes[range].firstIndex(where: { !Self.isAllowed($0) }) { throw Failure(offset: bad) }
    }

    @discardableResult
    private mutating func skipSpace() -> Bool {
        let start = position
        while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        return position > start
    }

    private func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    private func hasPrefix(_ text: [UInt8]) -> Bool {
        position + text.count <= bytes.count && bytes[position..<position + text.count].elementsEqual(text)
    }

    /// The offset of `text`'s first occurrence from `offset` on.
    private func find(_ text: [UInt8], from offset: Int) -> Int? {
        var i = offset
        while i + text.count <= bytes.count {
            if bytes[i] == text[0], bytes[i..<i + text.count].elementsEqual(text) { return i }
            i += 1
        }
        return nil
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private static func isSpace(_ b: UInt8) -> Bool {
        b == .space || b == .tab || b == .newline || b == .carriageReturn
    }

    /// Letters, `_`, `:` and any byte of a multi-byte UTF-8 character.
    private static func isNameStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
            || b >= 0x80
    }

    private static func isNameMore(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    private static func isAllowed(_ b: UInt8) -> Bool {
        b >= 0x20 || b == .tab || b == .newline || b == .carriageReturn
    }

    /// XML's `Char`: tab, line ends and everything from space up, less surrogates, U+FFFE and U+FFFF.
    private static func isCharacter(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}

extension [UInt8] {
    fileprivate static let commentOpen = Array("<!--".utf8)
    fileprivate static let cdataOpen = Array("<![CDATA[".utf8)
    fileprivate static let cdataClose = Array("]]>".utf8)
    fileprivate static let doctypeOpen = Array("<!DOCTYPE".utf8)
    fileprivate static let instructionClose = Array("?>".utf8)
    fileprivate static let doubleDash = Array("--".utf8)
}

extension UInt8 {
    fileprivate static let lessThan = UInt8(ascii: "<")
    fileprivate static let ampersand = UInt8(ascii: "&")
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let newline = UInt8(ascii: "\n")
    fileprivate static let tab = UInt8(ascii: "\t")
    fileprivate static let space = UInt8(ascii: " ")
}
