import PlanCore

/// Where a row is in the list, by its identity: headings through a table of numbers made
/// once per document, an action through the area its index falls in, then the
/// ``ListRows`` of the moment, so that finding the selection is not a scan of the rows.
struct RowPositions: Sendable {
    /// A heading's number → its section index and, for an area, its place among all areas.
    private var headings: [RowID: (section: Int, area: Int?)] = [:]
    /// By place, each area's actions, in plan order.
    private var areaRanges: [Range<Int>] = []
    /// The place among all areas of each section's first area.
    private(set) var firstArea: [Int] = []

    /// The table for `plan`: after the document changed shape.
    init(plan: Plan) {
        let sections = plan.sections
        headings.reserveCapacity(sections.count + sections.reduce(0) { $0 + $1.areas.count })
        for s in sections.indices {
            headings[.section(sections[s].number)] = (s, nil)
            firstArea.append(areaRanges.count)
            // By index: an area is not copied whole for its number and range.
            for a in sections[s].areas.indices {
                headings[.area(sections[s].areas[a].number)] = (s, areaRanges.count)
                areaRanges.append(sections[s].areas[a].actionRange)
            }
        }
    }

    init() {}

    var areaCount: Int { areaRanges.count }

    /// The row of `id` in `rows` (the list of `plan`), if it is shown.
    func row(of id: RowID, in plan: Plan, rows: ListRows) -> Int? {
        switch id {
        case .action(let ref):
            guard let index = plan.index(ofRef: ref), let place = area(ofAction: index) else { return nil }
            return rows.row(ofAction: index, inArea: place)
        case .section, .area:
            guard let heading = headings[id] else { return nil }
            if let area = heading.area { return rows.row(ofArea: area) }
            return rows.row(ofSection: heading.section)
        }
    }

    /// The place of the area whose range holds action `index`: the last area starting at or before it.
    private func area(ofAction index: Int) -> Int? {
        var low = 0
        var high = areaRanges.count
        while low < high {
            let middle = (low + high) / 2
            if areaRanges[middle].lowerBound <= index { low = middle + 1 } else { high = middle }
        }
        guard low > 0, areaRanges[low - 1].contains(index) else { return nil }
        return low - 1
    }
}
