import FoundationEssentials

extension QuickEdit {
    /// For the fuzzer and the tests: how an edit through the check record of `data` (a
    /// status change with a note, then a note, on the first action and on the last)
    /// differs from the same edit of the plan read in full: other bytes written, another
    /// outcome or undo splice, an edit made that the full read refuses, or a record that a fresh read of
    /// the new bytes would not give. Nil when they agree, when the edit is left to the
    /// full read (as it may be), and when `data` is no plan. `data` is also read as a
    /// record, which must not crash.
    public static func fullReadDisagreement(in data: Data, on day: PlanDate) -> String? {
        _ = data.withUnsafeBytes { CheckRecord(encoded: $0) }
        guard let document = try? PlanDocument(data: data),
            let record = CheckRecord(document: document, digest: data.withUnsafeBytes { ContentDigest(of: $0) })
        else { return nil }
        guard record.encoded().withUnsafeBytes({ CheckRecord(encoded: $0) }) == record else {
            return "the record does not read back as written"
        }
        let actions = document.plan.actions
        guard let first = actions.first?.ref, let last = actions.last?.ref else { return nil }
        for ref in Set([first, last]).sorted() {
            let edit: Edit = { plan throws(PlanDocument.EditError) in
                let target: Status = plan.plan.action(ref: ref)?.status == .green ? .amber : .green
                var outcome = try plan.setStatus(ref: ref, to: target, on: day, by: "Fuzz", note: "Checked.")
                outcome.changes += try plan.addNote(ref: ref, text: "Twice\n\nchecked.", on: day, by: nil).changes
                return outcome
            }
            guard let made = data.withUnsafeBytes({ Self.edit($0, record: record, ref: ref, edit) }) else { continue }
            var full = document
            guard let outcome = try? edit(&full) else { return "\(ref): made through the record, refused in full" }
            guard made.outcome == outcome else { return "\(ref): the outcome differs from the full read's" }
            let written = full.data
            guard let bytes = made.bytes, Data(bytes) == written else {
                return "\(ref): the bytes differ from the full read's"
            }
            let whole = data.withUnsafeBytes { old in written.withUnsafeBytes { TextSplice(from: old, to: $0) } }
            guard data.withUnsafeBytes({ made.splice(from: $0) }) == whole else {
                return "\(ref): the undo splice differs from the one of the whole texts"
            }
            guard let fresh = try? PlanDocument(data: written),
                made.record == CheckRecord(document: fresh, digest: written.withUnsafeBytes { ContentDigest(of: $0) })
            else { return "\(ref): the record after the edit is not a fresh read's" }
        }
        return nil
    }
}
