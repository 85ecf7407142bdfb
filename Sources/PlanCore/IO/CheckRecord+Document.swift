extension CheckRecord {
    /// The record of `document`, whose file's bytes have `digest`; nil when the document
    /// has no actions, or its layout does not add up to the digest's length (then no
    /// record is better than a wrong one).
    public init?(document: PlanDocument, digest: ContentDigest) {
        let plan = document.plan
        let starts = document.lines.lineStarts(from: document.hasByteOrderMark ? 3 : 0)
        guard let first = plan.sections.first, starts.last == digest.length, !plan.actions.isEmpty else { return nil }
        let lineBytes = { (line: Int) in starts[line - 1]..<starts[line] }
        var entries: [Entry] = []
        entries.reserveCapacity(plan.actions.count)
        for section in plan.sections {
            for a in section.areas.indices {
                let area = lineBytes(section.areas[a].line)
                for i in section.areas.actionRange(at: a) {
                    guard i == entries.count else { return nil }
                    let lines = document.spans[i].lines
                    entries.append(
                        Entry(
                            key: plan.actions.ref(at: i).lowercased(),
                            lines: starts[lines.lowerBound]..<starts[lines.upperBound],
                            lineCount: lines.count, section: lineBytes(section.line), area: area))
                }
            }
        }
        guard entries.count == plan.actions.count else { return nil }
        self.init(digest: digest, lineCount: document.lines.count, headerEnd: starts[first.line - 1], entries: entries)
        guard isConsistent else { return nil }
    }
}
