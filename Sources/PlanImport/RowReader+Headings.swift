import PlanCore

/// Rows that are headings, not actions: a banner row above a section's actions
/// ("1. Children's voices", often one merged cell across the table), and an area row
/// ("1.1 Recording what children tell us", or its "What needs to improve" text).
extension RowReader {
    enum HeadingRow: Equatable {
        /// The section's number and title, as a section cell would hold them.
        case section(String)
        /// The area's number and title (nil when the row carries only findings), and its findings.
        case area(String?, findings: [AreaFinding])
    }

    /// The row as a heading, or nil when it is to be read as an action.
    func headingRow(_ row: ImportTable.Row, cell: (Int) -> ImportCell) -> HeadingRow? {
        let filled = row.cells.indices.filter { !row.cells[$0].isBlank }
        guard let first = filled.first else { return nil }
        if let findings = findings(in: filled.map { row.cells[$0].text }) {
            // A finding in the RAG column's place would be an action's status: not a heading row.
            if let rag = column(.rag), filled.contains(rag), ImportValues.status(cell(rag).text) != nil { return nil }
            return .area(findings.area, findings: findings.found)
        }
        // One text (a merged cell, or one repeated across the cells merged), or a bare number
        // and a title in the next cell ("1.1" | "Recording what children tell us"). A heading
        // is short; a long cell is an action's.
        guard filled.allSatisfy({ row.cells[$0].text.utf8.count <= 500 }) else { return nil }
        let texts = filled.map { ImportValues.oneLine(row.cells[$0].text) }
        let text: String
        if Set(texts).count == 1 {
            text = texts[0]
        } else if filled.count == 2, texts[0].allSatisfy({ $0.isASCIIDigit || $0 == "." }),
            texts[0].first?.isASCIIDigit == true,
            // …where an action would have an owner, a due date or a status.
            case let others = [column(.owner), column(.due), column(.rag)].compactMap({ $0 }), !others.isEmpty,
            others.allSatisfy({ !filled.contains($0) })
        {
            text = texts[0] + " " + texts[1]
        } else {
            return nil
        }
        if let banner = ImportValues.sectionBanner(text, words: headingWords.section) {
            return .section(Self.cellText(banner))
        }
        if let banner = ImportValues.areaBanner(text, words: headingWords.area) {
            return .area(Self.cellText(banner), findings: [])
        }
        // A lone ref, status or due ("1.1a", "Amber") is a row whose action text is missing, not a heading.
        let isValue =
            !text.contains(" ") && (text.contains { $0.isNumber } || ImportValues.status(text) != nil)
        guard filled.count > 1 || !isValue || ![column(.ref), column(.rag), column(.due)].contains(first)
        else { return nil }
        if options.sectionRows { return .section(text) }
        if options.areaRows { return .area(text, findings: []) }
        return nil
    }

    /// The findings a row carries: cells starting "What needs to improve", "Priority action",
    /// "What inspectors found" (the text after the label, or in the cells after it),
    /// perhaps after an area's number and title. Nil when the row has none, or has other cells.
    private func findings(in cells: [String]) -> (area: String?, found: [AreaFinding])? {
        var area: String?
        var found: [AreaFinding] = []
        for (n, cell) in cells.enumerated() {
            if let (field, text) = ImportValues.finding(cell) {
                if let same = found.firstIndex(where: { $0.field == field }) {
                    found[same].text += [""] + ImportValues.prose(text)
                    found.swapAt(same, found.count - 1)
                } else {
                    found.append(AreaFinding(field: field, text: ImportValues.prose(text)))
                }
            } else if let last = found.indices.last {
                let lines = ImportValues.prose(cell)
                found[last].text += (found[last].text.isEmpty ? [] : [""]) + lines
            } else if n == 0, cell.utf8.count <= 500,
                let banner = ImportValues.areaBanner(ImportValues.oneLine(cell), words: headingWords.area)
            {
                area = Self.cellText(banner)
            } else {
                return nil
            }
        }
        found.removeAll { $0.text.isEmpty }
        return found.isEmpty ? nil : (area, found)
    }

    /// A number and title as a section or area cell holds them: "1.1 Recording".
    static func cellText(_ banner: (number: String?, title: String)) -> String {
        (banner.number.map { $0 + " " } ?? "") + banner.title
    }

    /// An area known only by its findings is titled by the first sentence of the first one,
    /// cut at a word within 80 characters.
    static func title(fromFinding text: [String]) -> String {
        let line = ImportValues.oneLine(text.first ?? "")
        let sentence = line.split(separator: ".", maxSplits: 1).first.map(String.init) ?? line
        guard sentence.count > 80 else { return sentence }
        var title = ""
        for word in sentence.split(separator: " ") {
            if title.count + word.count + 1 > 79 { break }
            title += (title.isEmpty ? "" : " ") + word
        }
        return title + "…"
    }
}
