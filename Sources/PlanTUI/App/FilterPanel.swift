import FoundationEssentials
import PlanCore

/// The filter panel (`f`): toggles on the list's filter, and the owner being picked.
public struct FilterPanel: Equatable, Sendable {
    /// The owner list after `o`, while it is open.
    public var ownerPicker: OwnerPicker?

    public init(ownerPicker: OwnerPicker? = nil) {
        self.ownerPicker = ownerPicker
    }

    /// The owner being typed after `o`, if it is.
    public var ownerInput: TextEditor? { ownerPicker?.input }

    /// What a key in the panel asks for besides changing the filter.
    enum Step: Equatable, Sendable { case open, close, quit }

    /// A key in the panel: changes `filter` (toggles, the owner) or closes the panel.
    mutating func update(_ key: Key, filter: inout ListFilter, plan: Plan, today: PlanDate) -> Step {
        if var picker = ownerPicker {
            switch picker.handle(key) {
            case .editing:
                ownerPicker = picker
                picker.apply(to: &filter)
            case .done:
                ownerPicker = nil
                picker.apply(to: &filter)
            case .cancelled:
                ownerPicker = nil
                filter.core.owner = nil
                filter.pickedOwner = nil
            }
            return .open
        }
        switch key {
        case .character(let c):
            if let status = Status(code: String(c)), "ragbn".contains(c), plan.statusKey.contains(status) {
                if filter.core.statuses.contains(status) {
                    filter.core.statuses.remove(status)
                } else {
                    filter.core.statuses.insert(status)
                }
            } else if c == "o" {
                ownerPicker = OwnerPicker(plan: plan, today: today, filter: filter)
            } else if c == "d" {
                filter.core.overdueOnly.toggle()
            } else if c == "s" {
                filter.dueSoon.toggle()
            } else if c.isNumber, plan.sections.contains(where: { $0.number == String(c) }) {
                filter.core.section = filter.core.section == String(c) ? nil : String(c)
            } else if c == "c" {
                filter = ListFilter(core: ActionFilter(search: filter.core.search))
            } else if c == "f" || c == "q" {
                return .close
            }
        case .enter, .escape:
            return .close
        case .control("c"):
            return .quit
        default:
            break
        }
        return .open
    }
}
