import FoundationEssentials

/// A piece of the plan outside the actions: a line, or where an action stands.
enum MergeToken: Hashable {
    case line(Substring, LineEnding)
    case action(String)
}

/// One run of ``PlanMerge/merge(base:ours:theirs:markerSize:)``: the versions, the
/// merged lines so far, and what was found on the way.
struct PlanMerger {
    let base: PlanDocument, ours: PlanDocument, theirs: PlanDocument
    let markerSize: Int
    /// The ending every line gets when one side converted the file's line endings;
    /// nil when neither did, and each line keeps its own.
    let convertedEnding: LineEnding?
    let theirsConverted: Bool
    let byteOrderMark: Bool
    var out: [SourceLine] = []
    var conflicts: [PlanMerge.Conflict] = []
    var emitted: Set<String> = []
    /// Refs changed on both sides and merged field by field: their history is checked item by item.
    var mergedByField: Set<String> = []
    /// For the other actions, how many history lines (notes included) the version taken has.
    var historyCounts: [String: Int] = [:]
    /// Status lines whose `FROM` was re-based on the other side's change: old key → new key, by ref.
    var rebased: [String: [String: String]] = [:]
    /// Tokens and lines compared, and items read: a measure of the work, for tests.
    var work = 0

    init(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument, markerSize: Int) {
        (self.base, self.ours, self.theirs, self.markerSize) = (base, ours, theirs, markerSize)
        let (b, o, t) = (Self.dominantEnding(base), Self.dominantEnding(ours), Self.dominantEnding(theirs))
        convertedEnding = o != b ? o : t != b ? t : nil
        theirsConverted = t != b
        byteOrderMark = ours.hasByteOrderMark == base.hasByteOrderMark ? theirs.hasByteOrderMark : ours.hasByteOrderMark
    }

    /// The ending most lines have (LF when as many have CRLF).
    static func dominantEnding(_ document: PlanDocument) -> LineEnding {
        var crlf = 0
        for line in document.lines where line.ending == .crlf { crlf += 1 }
        return crlf * 2 > document.lines.count ? .crlf : .lf
    }

    mutating func run() throws(PlanMerge.Failure) -> PlanMerge.Result {
        let (b, o, t) = (tokens(base), tokens(ours), tokens(theirs))
        var start = (0, 0, 0)
        for (i, j, k) in anchors(b, o, t) {
            try mergeRun(b[start.0..<i], o[start.1..<j], t[start.2..<k])
            try emit(b[i...i])
            start = (i + 1, j + 1, k + 1)
        }
        try mergeRun(b[start.0...], o[start.1...], t[start.2...])

        // An action must not vanish because the lines around it were merged away.
        for action in [ours.plan.actions, theirs.plan.actions].joined() where !emitted.contains(action.ref.lowercased())
        {
            if case .removed = try outcome(action.ref.lowercased()) { continue }
            throw PlanMerge.Failure(
                description: "could not find where \(action.ref) goes: the lines around it were changed on both sides")
        }
        fixEndings()
        let data = Self.bytes(out, byteOrderMark: byteOrderMark)
        var document: PlanDocument?
        if conflicts.isEmpty {
            let merged: PlanDocument
            do {
                merged = try PlanDocument(lines: LineTable(out), hasByteOrderMark: byteOrderMark)
            } catch {
                let first = error.diagnostics.first { $0.severity == .error }
                throw PlanMerge.Failure(
                    description: "the merged plan would not be valid"
                        + (first.map { " (line \($0.line): \($0.message))" } ?? ""))
            }
            try check(merged)
            document = merged
        }
        let changed = theirs.plan.actions.filter { changedOnTheirSide($0) }.map(\.ref)
        let removed = base.plan.actions.map(\.ref).filter { theirs.plan.index(ofRef: $0) == nil }
        return PlanMerge.Result(
            data: data, conflicts: conflicts, document: document,
            theirChangedRefs: changed + removed, theirFrameChanged: b != t || theirsConverted, work: work)
    }

    // MARK: - Outside the actions

    private func tokens(_ document: PlanDocument) -> [MergeToken] {
        let lines = document.lines
        var out: [MergeToken] = []
        out.reserveCapacity(lines.count / 4)
        var i = 0
        var actions = zip(document.plan.actions, document.spans).makeIterator()
        var next = actions.next()
        while i < lines.count {
            if let (action, span) = next, span.lines.lowerBound == i {
                out.append(.action(action.ref.lowercased()))
                i = max(i + 1, span.lines.upperBound)
                next = actions.next()
            } else {
                out.append(.line(lines[i].text, convertedEnding == nil ? lines[i].ending : .lf))
                i += 1
            }
        }
        return out
    }

    /// Positions `(base, ours, theirs)` of the actions that stand in the same order in
    /// all three versions. The merge cuts the versions there, so that only the short
    /// runs of lines between them are ever diffed.
    private func anchors(_ b: [MergeToken], _ o: [MergeToken], _ t: [MergeToken]) -> [(Int, Int, Int)] {
        func positions(_ tokens: [MergeToken]) -> [String: Int] {
            var out: [String: Int] = [:]
            for (i, token) in tokens.enumerated() {
                if case .action(let ref) = token { out[ref] = i }
            }
            return out
        }
        let (inOurs, inTheirs) = (positions(o), positions(t))
        var common: [(Int, Int, Int)] = []
        for (i, token) in b.enumerated() {
            guard case .action(let ref) = token, let j = inOurs[ref], let k = inTheirs[ref] else { continue }
            common.append((i, j, k))
        }
        let inOrder = Self.increasing(common.map(\.1)).map { common[$0] }
        return Self.increasing(inOrder.map(\.2)).map { inOrder[$0] }
    }

    /// Indices of a longest strictly increasing subsequence of `values`, in O(n log n)
    /// (patience sorting): the actions that did not move.
    static func increasing(_ values: [Int]) -> [Int] {
        var tails: [Int] = []
        var previous = [Int](repeating: -1, count: values.count)
        for (i, value) in values.enumerated() {
            var (low, high) = (0, tails.count)
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[i] = tails[low - 1] }
            if low == tails.count { tails.append(i) } else { tails[low] = i }
        }
        var out: [Int] = []
        var i = tails.last ?? -1
        while i >= 0 {
            out.append(i)
            i = previous[i]
        }
        return out.reversed()
    }

    /// Merges a run of tokens between two anchors: as it is when at most one side
    /// changed it, else line by line (diff3).
    private mutating func mergeRun(
        _ bs: ArraySlice<MergeToken>, _ os: ArraySlice<MergeToken>, _ ts: ArraySlice<MergeToken>
    ) throws(PlanMerge.Failure) {
        work += bs.count + os.count + ts.count
        if os == ts || ts == bs { return try emit(os) }
        if os == bs { return try emit(ts) }
        let (b, o, t) = (Array(bs), Array(os), Array(ts))
        guard let hunks = Diff3.hunks(base: b, ours: o, theirs: t, work: &work) else {
            throw PlanMerge.Failure(description: "the versions differ too much to merge by meaning")
        }
        for hunk in hunks {
            let (bt, ot, tt) = (b[hunk.base], o[hunk.ours], t[hunk.theirs])
            if hunk.stable || ot == tt || tt == bt {
                try emit(ot)
            } else if ot == bt {
                try emit(tt)
            } else if bt.isEmpty, let clash = signOffClash(ot, tt) {
                // Both sides signed the same area off, differently: the board settles which stands.
                conflicts.append(clash)
                try emitConflict(ot, tt, labels: ("ours: " + clash.ours, "theirs: " + clash.theirs))
            } else if bt.isEmpty {
                // Both sides added at the same place (two new actions at the end of an area): keep both.
                let mine = Set(ot)
                try emit(ot + tt.filter { !mine.contains($0) })
            } else if let dates = laterHeaderDates(ot, tt) {
                try emit(dates)
            } else {
                let first = ot.lazy.compactMap {
                    if case .line(let text, _) = $0, !text.isBlank { String(text) } else { nil }
                }.first
                conflicts.append(PlanMerge.Conflict(ref: nil, field: "lines", ours: first ?? "", theirs: ""))
                try emitConflict(ot, tt, labels: ("ours", "theirs"))
            }
        }
    }

    /// Both sides' lines between conflict markers, ours first.
    private mutating func emitConflict(
        _ ours: ArraySlice<MergeToken>, _ theirs: ArraySlice<MergeToken>, labels: (String, String)
    ) throws(PlanMerge.Failure) {
        out.append(marker("<", labels.0))
        try emit(ours)
        out.append(marker("=", nil))
        try emit(theirs, repeating: true)
        out.append(marker(">", labels.1))
    }

    /// Appends tokens; an action token appends the merged action. `repeating` allows
    /// an action already written (their side of a conflict region).
    private mutating func emit<S: Sequence<MergeToken>>(_ tokens: S, repeating: Bool = false)
        throws(PlanMerge.Failure)
    {
        for token in tokens {
            switch token {
            case .line(let text, let ending):
                out.append(SourceLine(text, ending: ending))
            case .action(let ref):
                let outcome = try outcome(ref)
                if case .removed = outcome { continue }
                guard emitted.insert(ref).inserted || repeating else {
                    throw PlanMerge.Failure(
                        description: "\(display(ref)) was moved to different places on the two sides")
                }
                switch outcome {
                case .lines(let lines): out += lines
                case .removed: break
                case .conflict(let mine, let other, let found):
                    conflicts += found
                    let (ourLabel, theirLabel) = labels(found)
                    out.append(marker("<", "ours: " + ourLabel))
                    out += mine
                    out.append(marker("=", nil))
                    out += other
                    out.append(marker(">", "theirs: " + theirLabel))
                }
            }
        }
    }

    /// Both sides added a different `- Signed off` line at the end of the same area: a
    /// conflict naming the area and both sign-offs, not two sign-offs side by side.
    private func signOffClash(_ ours: ArraySlice<MergeToken>, _ theirs: ArraySlice<MergeToken>) -> PlanMerge.Conflict? {
        func signOffs(_ tokens: ArraySlice<MergeToken>) -> [Substring] {
            tokens.compactMap { if case .line(let text, _) = $0, text.hasPrefix("- Signed off ") { text } else { nil } }
        }
        let (mine, other) = (signOffs(ours), signOffs(theirs))
        guard let a = mine.first(where: { !other.contains($0) }), let b = other.first(where: { !mine.contains($0) })
        else { return nil }
        let area = self.ours.plan.sections.lazy.flatMap(\.areas).first { area in
            area.signOffs.contains {
                self.ours.lines.indices.contains($0.line - 1) && self.ours.lines[$0.line - 1].text == a
            }
        }
        return PlanMerge.Conflict(
            ref: area.map { "area " + $0.number }, field: "sign-off", ours: String(a.dropFirst(2)),
            theirs: String(b.dropFirst(2)))
    }

    /// Both sides changed `- As at:` or `- Last reviewed:` header lines: the later dates win.
    private func laterHeaderDates(_ ours: ArraySlice<MergeToken>, _ theirs: ArraySlice<MergeToken>) -> [MergeToken]? {
        guard ours.count == theirs.count, !ours.isEmpty else { return nil }
        var out: [MergeToken] = []
        for (o, t) in zip(ours, theirs) {
            guard case .line(let a, _) = o, case .line(let b, _) = t,
                let fa = LineSyntax.field(a), let fb = LineSyntax.field(b),
                fa.name.lowercased() == fb.name.lowercased(), ["as at", "last reviewed"].contains(fa.name.lowercased())
            else { return nil }
            out.append(a[fa.valueStart...] >= b[fb.valueStart...] ? o : t)
        }
        return out
    }

    private func marker(_ character: Character, _ label: String?) -> SourceLine {
        SourceLine(
            String(repeating: character, count: markerSize) + (label.map { " " + $0 } ?? ""),
            ending: convertedEnding ?? Self.dominantEnding(ours))
    }

    private func labels(_ found: [PlanMerge.Conflict]) -> (String, String) {
        let ref = found.first?.ref ?? ""
        return (
            ref + " " + found.map { "\($0.field) \($0.ours)" }.joined(separator: ", "),
            ref + " " + found.map { "\($0.field) \($0.theirs)" }.joined(separator: ", ")
        )
    }

    /// Only a last line may lack an ending, and it does when ours did. When a side
    /// converted the line endings, every line gets the new one.
    private mutating func fixEndings() {
        let ending = convertedEnding ?? ours.lines.first { $0.ending != .none }?.ending ?? .lf
        for i in out.indices.dropLast() where out[i].ending == .none || convertedEnding != nil {
            out[i].ending = ending
        }
        guard let last = out.indices.last else { return }
        out[last].ending =
            ours.lines.last?.ending == LineEnding.none
            ? .none : (out[last].ending == .none || convertedEnding != nil ? ending : out[last].ending)
    }

    /// The file's bytes.
    static func bytes(_ lines: [SourceLine], byteOrderMark: Bool) -> Data {
        var data = Data(capacity: lines.reduce(3) { $0 + $1.text.utf8.count + 2 })
        if byteOrderMark { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        for line in lines {
            data.append(contentsOf: line.text.utf8)
            data.append(contentsOf: line.ending.rawValue.utf8)
        }
        return data
    }

    /// Every action of either side that was not removed is there, with every history
    /// line that either side added. Only actions merged field by field are read again
    /// item by item; the others are one side's lines as they were, so their count of
    /// history lines tells that they read back the same.
    private func check(_ merged: PlanDocument) throws(PlanMerge.Failure) {
        for document in [ours, theirs] {
            for action in document.plan.actions {
                let ref = action.ref.lowercased()
                guard let kept = merged.plan.action(ref: ref) else {
                    if base.plan.index(ofRef: ref) != nil { continue }
                    throw PlanMerge.Failure(description: "\(action.ref) would be lost")
                }
                guard mergedByField.contains(ref) else {
                    if let count = historyCounts[ref], count != kept.notes.count + kept.history.count {
                        throw PlanMerge.Failure(description: "a history line of \(action.ref) would be lost")
                    }
                    continue
                }
                let keptKeys = Set(ActionBlock(kept, in: merged).items.map(\.key))
                let old = Set(base.plan.action(ref: ref).map { ActionBlock($0, in: base).items.map(\.key) } ?? [])
                for item in ActionBlock(action, in: document).items
                where item.kind.isLog && !old.contains(item.key) && !keptKeys.contains(item.key)
                    && !keptKeys.contains(rebased[ref]?[item.key] ?? "")
                {
                    throw PlanMerge.Failure(description: "a history line of \(action.ref) would be lost")
                }
            }
        }
    }

    // MARK: - Actions

    enum Outcome {
        case lines([SourceLine])
        case removed
        case conflict(ours: [SourceLine], theirs: [SourceLine], [PlanMerge.Conflict])
    }

    private func display(_ ref: String) -> String {
        (ours.plan.action(ref: ref) ?? theirs.plan.action(ref: ref) ?? base.plan.action(ref: ref))?.ref ?? ref
    }

    /// The merged action with this (lowercased) ref.
    private mutating func outcome(_ ref: String) throws(PlanMerge.Failure) -> Outcome {
        let (b, o, t) = (base.plan.action(ref: ref), ours.plan.action(ref: ref), theirs.plan.action(ref: ref))
        switch (o, t) {
        case (nil, nil):
            return .removed
        case (let o?, nil):
            return try oneSided(o, in: ours, base: b)
        case (nil, let t?):
            return try oneSided(t, in: theirs, base: b)
        case (let o?, let t?):
            if same(o, in: ours, t, in: theirs) { return taken(o, in: ours) }
            if let b, same(t, in: theirs, b, in: base) { return taken(o, in: ours) }
            if let b, same(o, in: ours, b, in: base) { return taken(t, in: theirs) }
            let (bb, ob, tb) = (b.map { block($0, in: base) }, block(o, in: ours), block(t, in: theirs))
            if ob.key == tb.key || tb.key == bb?.key { return taken(o, in: ours) }
            if ob.key == bb?.key { return taken(t, in: theirs) }
            mergedByField.insert(ref)
            let merge = BlockMerge(base: bb, ours: ob, theirs: tb)
            let (outcome, rebasedKeys) = merge.outcome()
            if !rebasedKeys.isEmpty { rebased[ref] = rebasedKeys }
            return outcome
        }
    }

    /// An action only one side has: added there, or removed on the other side.
    private mutating func oneSided(_ action: Action, in document: PlanDocument, base: Action?)
        throws(PlanMerge.Failure) -> Outcome
    {
        guard let base else { return taken(action, in: document) }
        if same(action, in: document, base, in: self.base)
            || block(action, in: document).key == block(base, in: self.base).key
        {
            return .removed
        }
        throw PlanMerge.Failure(description: "\(action.ref) was removed on one side and changed on the other")
    }

    private mutating func taken(_ action: Action, in document: PlanDocument) -> Outcome {
        historyCounts[action.ref.lowercased()] = action.notes.count + action.history.count
        let range = document.span(of: action).lines
        work += range.count
        return .lines(Array(document.lines[range]))
    }

    private mutating func block(_ action: Action, in document: PlanDocument) -> ActionBlock {
        work += document.span(of: action).lines.count
        return ActionBlock(action, in: document)
    }

    /// Whether two versions of an action have the same lines (and endings, unless the
    /// endings are being converted).
    private mutating func same(_ a: Action, in first: PlanDocument, _ b: Action, in second: PlanDocument) -> Bool {
        let (rangeA, rangeB) = (first.span(of: a).lines, second.span(of: b).lines)
        guard rangeA.count == rangeB.count else { return false }
        work += rangeA.count
        let ignoreEndings = convertedEnding != nil
        return zip(first.lines[rangeA], second.lines[rangeB]).allSatisfy {
            $0.text == $1.text && (ignoreEndings || $0.ending == $1.ending)
        }
    }

    /// Whether their side changed what an action says (not just its indentation or endings).
    private mutating func changedOnTheirSide(_ action: Action) -> Bool {
        guard let old = base.plan.action(ref: action.ref) else { return true }
        if same(action, in: theirs, old, in: base) { return false }
        return block(action, in: theirs).key != block(old, in: base).key
    }
}

/// One of the two versions being merged.
enum MergeSide { case ours, theirs }
