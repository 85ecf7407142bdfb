extension PlanFile {
    /// A conflict in the words of someone whose save it stopped.
    static func reason(_ conflict: PlanMerge.Conflict) -> String {
        guard let ref = conflict.ref else {
            return "the same lines outside the actions were changed there"
                + (conflict.ours.isEmpty ? "" : " (near \"\(conflict.ours)\")")
        }
        switch conflict.field {
        case "text": return "\(ref)'s text was reworded there too"
        case "sign-off": return "\(ref) was signed off there too, differently (\(conflict.theirs))"
        default:
            return
                "\(ref)'s \(conflict.field) was changed there to \(conflict.theirs) while this change set it to \(conflict.ours)"
        }
    }
}
