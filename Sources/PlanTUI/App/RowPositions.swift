import PlanCore

/// Where each visible row of the list is, so that finding the selection is neither a
/// scan of the rows nor a dictionary of every ref: positions by action index, by
/// section index and by area (numbered through the plan), -1 for a row not shown.
/// Headings are found by number through a table made once per document.
struct RowPositions: Sendable {
    private var actions: [Int32] = []
    private var sections: [Int32] = []
    private var areas: [Int32] = []
    /// A heading's number → its section index and, for an area, its place among all areas.
    private var headings: [RowID: (section: Int, area: Int?)] = [:]
    /// The place among all areas of each section's first area.
    private var firstArea: [Int] = []

    /// Positions for `plan`'s rows, none shown yet: after the document changed shape.
    init(plan: Plan) {
        var place = 0
        for (s, section) in plan.sections.enumerated() {
            headings[.section(section.number)] = (s, nil)
            firstArea.append(place)
            for area in section.areas {
                headings[.area(area.number)] = (s, place)
                place += 1
            }
        }
        actions = Array(repeating: -1, count: plan.actions.count)
        sections = Array(repeating: -1, count: plan.sections.count)
        areas = Array(repeating: -1, count: place)
    }

    init() {}

    /// Records where `rows` are, forgetting the rows before.
    mutating func record(_ rows: [Row]) {
        for k in actions.indices { actions[k] = -1 }
        for k in sections.indices { sections[k] = -1 }
        for k in areas.indices { areas[k] = -1 }
        for (position, row) in rows.enumerated() {
            switch row {
            case .action(let i): actions[i] = Int32(position)
            case .section(let s): sections[s] = Int32(position)
            case .area(let s, let a): areas[firstArea[s] + a] = Int32(position)
            }
        }
    }

    /// The row of `id` in `plan`, if it is shown.
    func row(of id: RowID, in plan: Plan) -> Int? {
        let position: Int32
        switch id {
        case .action(let ref):
            guard let index = plan.index(ofRef: ref), actions.indices.contains(index) else { return nil }
            position = actions[index]
        case .section, .area:
            guard let heading = headings[id] else { return nil }
            position = heading.area.map { areas[$0] } ?? sections[heading.section]
        }
        return position < 0 ? nil : Int(position)
    }
}
