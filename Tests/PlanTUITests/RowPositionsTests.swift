import Testing

@testable import PlanCore
@testable import PlanTUI

/// The list's rows and where each one is, against the rows built the plain way (every
/// area's matching actions, then the headings that have any), over folds, filters,
/// searches and sorts: the rows are built in one pass now, and their positions kept
/// by index rather than in a dictionary of every ref.
@Suite struct RowPositionsTests {
    /// The rows as the list showed them before (the reference).
    static func referenceRows(_ state: AppState) -> [Row] {
        let plan = state.plan
        let filtering = !state.filter.isEmpty
        let keptIndex = state.keptRef.flatMap { plan.index(ofRef: $0) }
        func visible(_ index: Int) -> Bool {
            index == keptIndex || !filtering || state.filter.matches(plan.actions[index], today: state.today)
        }
        var out: [Row] = []
        for (s, section) in plan.sections.enumerated() {
            let areas = section.areas.map { $0.actionRange.filter(visible) }
            if filtering && areas.allSatisfy(\.isEmpty) { continue }
            out.append(.section(s))
            if state.folded.contains(.section(section.number)) { continue }
            for (a, area) in section.areas.enumerated() {
                if filtering && areas[a].isEmpty { continue }
                out.append(.area(section: s, area: a))
                if state.folded.contains(.area(area.number)) { continue }
                out += state.sorted(areas[a]).map(Row.action)
            }
        }
        return out
    }

    static func expectConsistent(_ state: AppState, _ what: String) {
        #expect(Array(state.rows) == referenceRows(state), "\(what): rows")
        for (index, row) in state.rows.enumerated() {
            #expect(
                state.rowPositions.row(of: state.id(of: row), in: state.plan, rows: state.rows) == index,
                "\(what): row \(index)")
        }
        let hidden = state.plan.actions.indices.filter { !state.rows.contains(.action($0)) }
        for index in hidden.prefix(20) {
            #expect(
                state.rowPositions.row(of: .action(state.plan.actions[index].ref), in: state.plan, rows: state.rows)
                    == nil)
        }
    }

    @Test(arguments: ["example-jtai.plan", "ilacs-improvement.plan", "small.plan"])
    func rowsAndPositionsMatchThePlainBuild(name: String) throws {
        var state = try TUIFixtures.state(name, width: 120, height: 40)
        Self.expectConsistent(state, "\(name) as opened")
        let sections = state.plan.sections
        let areas = sections.flatMap(\.areas)
        let filters: [ListFilter] = [
            ListFilter(), ListFilter(core: ActionFilter(statuses: [.red, .amber])),
            ListFilter(core: ActionFilter(search: "the")), ListFilter(core: ActionFilter(search: "e")),
            ListFilter(core: ActionFilter(statuses: [.green], search: "a")),
            ListFilter(core: ActionFilter(search: "no action says this")),
        ]
        let folds: [Set<RowID>] = [
            [], [.section(sections[0].number)], areas.first.map { [.area($0.number)] } ?? [],
            Set(areas.enumerated().filter { $0.offset % 2 == 0 }.map { .area($0.element.number) }),
            Set([RowID.section(sections[sections.count - 1].number)] + (areas.last.map { [.area($0.number)] } ?? [])),
        ]
        for filter in filters {
            for fold in folds {
                for sort in [nil, ActionSort.Term(.due), ActionSort.Term(.status)] {
                    state.filter = filter
                    state.folded = fold
                    state.sort = sort
                    state.refresh()
                    Self.expectConsistent(state, "\(name), \(filter.summary(key: state.plan.statusKey)), \(fold)")
                }
            }
        }
    }
}
