import PlanCore

/// An action with its place in the plan: section, area and ref.
struct PlacedAction {
    var draft: ActionDraft
    var ref: String
    var section: (number: String, title: String)
    var area: (number: String, title: String)
    /// The tracker's ref, when it did not fit the area and another was written.
    var trackerRef: String? = nil
}

/// Puts each row in a section and an area, and gives refs to rows that have none.
///
/// Sections come from the section column (`1. Children's voices` is section 1; a
/// name without a number is numbered in order of appearance), else from the area
/// column's numbers, else from the refs (`1.1a` is in section 1); areas from the area
/// column, else from refs that go on after the area's number (`1.1a` and `1.1.2` are in
/// area 1.1) and agree with the section, else one area per section. A row with nothing
/// to go by stays with the row above. A ref that is an area's number itself (`1.2`,
/// with no area column) is in that area; an area with no number takes the one its
/// first ref starts with. A numbered ref that would still not start with its area's
/// number (`check` warns of it) is written as the area's next free ref, the tracker's
/// kept as the extra field `Tracker ref`.
/// Sections and areas keep the order in which they first appear.
enum ImportLayout {
    static func place(_ drafts: [ActionDraft], columns: Set<ImportField>) -> (
        placed: [PlacedAction], problems: [ImportError]
    ) {
        let hasSection = columns.contains(.section)
        let hasArea = columns.contains(.area)

        // Sections: a key per row, a number and title per key.
        var sectionKeys: [String] = []
        var sections = Numbering()
        for draft in drafts {
            var number: String?
            var title = ""
            if hasSection, let cell = draft.sectionCell {
                (number, title) = ImportValues.numbered(cell, dotted: false)
            } else if hasArea, let cell = draft.areaCell, let area = ImportValues.numbered(cell, dotted: true).number,
                area.contains(".")
            {
                number = String(area.prefix { $0 != "." })
            } else if let first = refNumbers(draft.ref).first {
                number = first
            } else if let previous = sectionKeys.last {
                sectionKeys.append(previous)
                continue
            } else {
                number = "1"
            }
            sectionKeys.append(sections.add(number: number, title: title))
        }
        sections.numberUnnumbered { next in String(next) }

        // Areas, numbered within their sections.
        var areaKeys: [String] = []
        var areas = Numbering()
        var problems: [ImportError] = []
        var sectionOfArea: [String: (key: String, row: Int)] = [:]
        var refAreaOfKey: [String: String] = [:]
        for (i, draft) in drafts.enumerated() {
            let section = sections.number(of: sectionKeys[i])
            var key: String
            let refArea = refNumbers(draft.ref)
            if hasArea, let cell = draft.areaCell {
                var (number, title) = ImportValues.numbered(cell, dotted: true)
                if let n = number, !n.contains(".") { number = section + "." + n }
                if let number, title.isEmpty { title = "Area \(number)" }
                key = areas.add(number: number, title: title, scope: section)
            } else if refArea.count >= 2, refArea[0] == section, let ref = draft.ref,
                ref.count > refArea[0].count + refArea[1].count + 1
            {
                // `1.1a` and `1.1.2` are in area 1.1; a ref `1.2` names an action, not an area.
                key = areas.add(number: refArea[0] + "." + refArea[1], title: "Area \(refArea[0]).\(refArea[1])")
            } else if refArea.count == 2, refArea[0] == section, let ref = draft.ref,
                ref == refArea.joined(separator: ".")
            {
                // Actions numbered 1.1, 1.2 under no area heading: each ref is its own area's number.
                key = areas.add(number: ref, title: "Area \(ref)")
            } else if i > 0, sectionKeys[i - 1] == sectionKeys[i] {
                key = areaKeys[i - 1]
            } else {
                key = areas.add(number: nil, title: "", scope: section)
            }
            if let first = sectionOfArea[key], first.key != sectionKeys[i] {
                problems.append(
                    ImportError(
                        row: draft.row,
                        "area \(areas.explicit[key] ?? key) is in section "
                            + "\(sections.number(of: first.key)) (row \(first.row)), so it cannot also be in section \(section)"
                    ))
            } else if sectionOfArea[key] == nil {
                sectionOfArea[key] = (sectionKeys[i], draft.row)
            }
            if refArea.count >= 2, refArea[0] == section, refAreaOfKey[key] == nil {
                refAreaOfKey[key] = refArea[0] + "." + refArea[1]
            }
            areaKeys.append(key)
        }
        var areaNumbers: [String: String] = [:]
        var used = Set(areas.explicit.values)
        for key in areas.order where areas.explicit[key] == nil {
            // An area heading without a number: the number its first ref starts with, if free.
            if let number = refAreaOfKey[key], !used.contains(number) {
                areaNumbers[key] = number
                used.insert(number)
                continue
            }
            let section = sectionOfArea[key].map { sections.number(of: $0.key) } ?? ""
            var n = 1
            while used.contains("\(section).\(n)") { n += 1 }
            areaNumbers[key] = "\(section).\(n)"
            used.insert("\(section).\(n)")
        }
        func areaNumber(_ key: String) -> String { areas.explicit[key] ?? areaNumbers[key] ?? "" }

        // Refs for rows without one: the area's number and the next free letters.
        var refs = Set(drafts.compactMap { $0.ref?.lowercased() })
        var placed: [PlacedAction] = []
        for (i, draft) in drafts.enumerated() {
            let sectionNumber = sections.number(of: sectionKeys[i])
            let sectionTitle =
                sections.titles[sectionKeys[i]].flatMap { $0.isEmpty ? nil : $0 } ?? "Section \(sectionNumber)"
            let number = areaNumber(areaKeys[i])
            var draft = draft
            var ref = draft.ref ?? freeRef(in: number, taken: refs)
            var trackerRef: String?
            // Only a numbered ref is rewritten: no area's number fits a ref such as `A1`.
            if ref.first?.isASCIIDigit == true, !fits(ref, area: number) {
                draft.extras.insert(("Tracker ref", [ref]), at: 0)
                trackerRef = ref
                ref = freeRef(in: number, taken: refs)
            }
            refs.insert(ref.lowercased())
            // An area with no name of its own: the section's, or its number.
            let fallbackTitle = hasSection ? sectionTitle : "Area \(number)"
            let areaTitle = areas.titles[areaKeys[i]].flatMap { $0.isEmpty ? nil : $0 } ?? fallbackTitle
            placed.append(
                PlacedAction(
                    draft: draft, ref: ref, section: (sectionNumber, sectionTitle), area: (number, areaTitle),
                    trackerRef: trackerRef))
        }
        // Grouped by section, then area, each in order of first appearance; rows in order within an area.
        let sectionRank = Dictionary(sections.order.enumerated().map { (sections.number(of: $1), $0) }) { a, _ in a }
        let areaRank = Dictionary(areas.order.enumerated().map { (areaNumber($1), $0) }) { a, _ in a }
        func rank(_ action: (offset: Int, element: PlacedAction)) -> (Int, Int, Int) {
            (sectionRank[action.element.section.number] ?? 0, areaRank[action.element.area.number] ?? 0, action.offset)
        }
        placed = placed.enumerated().sorted {
            rank($0) < rank($1)
        }.map(\.element)
        return (placed, problems)
    }

    /// Whether `check` reads the ref as one of the area's: it starts with the area's number,
    /// followed by anything but a digit.
    static func fits(_ ref: String, area: String) -> Bool {
        ref.hasPrefix(area) && ref.dropFirst(area.count).first?.isNumber != true
    }

    /// The area's number and the first letters (`a`, `b`, … `aa`) that make a ref not yet taken.
    static func freeRef(in area: String, taken: Set<String>) -> String {
        var k = 0
        while taken.contains(area + ImportColumns.letters(k).lowercased()) { k += 1 }
        return area + ImportColumns.letters(k).lowercased()
    }

    /// The leading numbers of a ref: `1.1a` → ["1", "1"], `2.3.1` → ["2", "3", "1"], `A1` → [].
    static func refNumbers(_ ref: String?) -> [String] {
        guard let ref else { return [] }
        return ref.prefix { $0.isASCIIDigit || $0 == "." }.split(separator: ".", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }.map(String.init)
    }

    /// Keys for sections or areas: numbered ones by number, others by title (within a
    /// scope), with the first non-empty title seen, in order of first appearance.
    private struct Numbering {
        var order: [String] = []
        var titles: [String: String] = [:]
        var explicit: [String: String] = [:]
        var assigned: [String: String] = [:]

        mutating func add(number: String?, title: String, scope: String = "") -> String {
            let key = number.map { "#" + $0 } ?? "t:\(scope):" + title.lowercased()
            if titles[key] == nil { order.append(key) }
            if titles[key]?.isEmpty ?? true { titles[key] = title }
            if let number { explicit[key] = number }
            return key
        }

        /// Numbers the keys that have none, skipping the numbers given explicitly.
        mutating func numberUnnumbered(_ format: (Int) -> String) {
            var used = Set(explicit.values)
            var next = 1
            for key in order where explicit[key] == nil {
                while used.contains(format(next)) { next += 1 }
                assigned[key] = format(next)
                used.insert(format(next))
            }
        }

        func number(of key: String) -> String { explicit[key] ?? assigned[key] ?? "" }
    }
}
