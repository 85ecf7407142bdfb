/// What changed between two versions of a plan, action by action, in words: for
/// commit messages and for telling a person what was merged.
public enum PlanDelta {
    /// One line per changed action, in the newer version's order, e.g.
    /// `1.1b status A -> G, note added`; removed actions last.
    public static func changes(from old: PlanDocument?, to new: PlanDocument) -> [String] {
        var out: [String] = []
        for action in new.plan.actions {
            guard let before = old?.plan.action(ref: action.ref) else {
                out.append("\(action.ref) added")
                continue
            }
            var parts: [String] = []
            if before.status != action.status { parts.append("status \(before.status.code) -> \(action.status.code)") }
            let notes = action.notes.count - before.notes.count
            if notes > 0 { parts.append(notes == 1 ? "note added" : "\(notes) notes added") }
            if before.owners != action.owners {
                parts.append("owner " + (action.owners.isEmpty ? "removed" : action.owners.joined(separator: "; ")))
            }
            if before.due?.text != action.due?.text { parts.append("due " + (action.due?.text ?? "removed")) }
            if before.text != action.text { parts.append("reworded") }
            if parts.isEmpty, before != action { parts.append("edited") }
            if !parts.isEmpty { out.append("\(action.ref) " + parts.joined(separator: ", ")) }
        }
        for action in old?.plan.actions ?? [] where new.plan.action(ref: action.ref) == nil {
            out.append("\(action.ref) removed")
        }
        return out
    }
}
