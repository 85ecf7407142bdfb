import Foundation

/// A three-way merge of plans by meaning, keyed by action ref: what `actionplan
/// merge-driver` does for git, and what a save does when the file changed on disk
/// after it was read.
///
/// - Actions changed on one side only take that side's version; actions added on
///   either side are kept; an action removed on one side and untouched on the other
///   is removed.
/// - An action changed on both sides is merged field by field: its status, its text,
///   `Owner:`, `Due:` and extra fields each come from the side that changed them; the
///   history (notes, status, due and owner changes) is the union of both sides, the
///   other side's new lines put in date order among ours.
/// - The same field changed to different values on both sides is a conflict: the
///   action is written twice between conflict markers, once as each side would have
///   it (everything else merged in both), for a person to choose (`docs/format.md`).
/// - Everything outside the actions (header, headings, prose) is merged line by line.
public enum PlanMerge {
    /// One field of one action changed differently on the two sides.
    public struct Conflict: Sendable, Equatable, CustomStringConvertible {
        /// The action's ref; nil for text outside the actions.
        public var ref: String?
        /// `status`, `text`, `owner`, `due date`, an extra field's name, or `lines` outside the actions.
        public var field: String
        public var ours: String
        public var theirs: String

        public var description: String {
            guard let ref else { return "the plan's text outside its actions (around \"\(ours)\")" }
            return "\(ref)'s \(field) (\(ours) here, \(theirs) there)"
        }
    }

    public struct Result: Sendable {
        /// The merged file; with conflict markers when there are conflicts.
        public var data: Data
        public var conflicts: [Conflict]
        /// The merged plan, when there is no conflict.
        public var document: PlanDocument?
        /// Refs of the actions that the other side changed, added or removed, in its order.
        public var theirChangedRefs: [String]
        /// Whether the other side changed anything outside the actions.
        public var theirFrameChanged: Bool
    }

    /// The versions could not be merged by meaning at all (the result would not be a
    /// valid plan); nothing is written.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func merge(
        base: PlanDocument, ours: PlanDocument, theirs: PlanDocument,
        markerSize: Int = 7
    ) throws(Failure) -> Result {
        var merger = Merger(base: base, ours: ours, theirs: theirs, markerSize: max(7, markerSize))
        return try merger.run()
    }
}

private enum Side { case ours, theirs }

/// A piece of the plan outside the actions: a line, or where an action stands.
private enum Token: Hashable {
    case line(Substring, LineEnding)
    case action(String)
}

private struct Merger {
    let base: PlanDocument, ours: PlanDocument, theirs: PlanDocument
    let markerSize: Int
    var out: [SourceLine] = []
    var conflicts: [PlanMerge.Conflict] = []
    var emitted: Set<String> = []
    let baseBlocks: [String: ActionBlock], ourBlocks: [String: ActionBlock], theirBlocks: [String: ActionBlock]

    init(base: PlanDocument, ours: PlanDocument, theirs: PlanDocument, markerSize: Int) {
        (self.base, self.ours, self.theirs, self.markerSize) = (base, ours, theirs, markerSize)
        func blocks(_ document: PlanDocument) -> [String: ActionBlock] {
            Dictionary(document.plan.actions.map { ($0.ref.lowercased(), ActionBlock($0, in: document)) }) { first, _ in
                first
            }
        }
        (baseBlocks, ourBlocks, theirBlocks) = (blocks(base), blocks(ours), blocks(theirs))
    }

    mutating func run() throws(PlanMerge.Failure) -> PlanMerge.Result {
        let (b, o, t) = (tokens(base), tokens(ours), tokens(theirs))
        guard let hunks = Diff3.hunks(base: b, ours: o, theirs: t) else {
            throw PlanMerge.Failure(description: "the versions differ too much to merge by meaning")
        }
        for hunk in hunks {
            let (bt, ot, tt) = (Array(b[hunk.base]), Array(o[hunk.ours]), Array(t[hunk.theirs]))
            if hunk.stable || ot == tt || tt == bt {
                try emit(ot)
            } else if ot == bt {
                try emit(tt)
            } else if bt.isEmpty {
                // Both sides added at the same place (two new actions at the end of an area): keep both.
                try emit(ot + tt.filter { !ot.contains($0) })
            } else if let dates = laterHeaderDates(ot, tt) {
                try emit(dates)
            } else {
                let first = ot.lazy.compactMap {
                    if case .line(let text, _) = $0, !text.isBlank { String(text) } else { nil }
                }.first
                conflicts.append(PlanMerge.Conflict(ref: nil, field: "lines", ours: first ?? "", theirs: ""))
                out.append(marker("<", "ours"))
                try emit(ot)
                out.append(marker("=", nil))
                try emit(tt)
                out.append(marker(">", "theirs"))
            }
        }
        // An action must not vanish because the lines around it were merged away.
        for ref in Set(ourBlocks.keys).union(theirBlocks.keys) where !emitted.contains(ref) {
            if case .removed = try outcome(ref) { continue }
            throw PlanMerge.Failure(
                description: "could not find where \(ourBlocks[ref]?.ref ?? theirBlocks[ref]?.ref ?? ref) goes: "
                    + "the lines around it were changed on both sides")
        }
        fixEndings()
        let text =
            (ours.text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : "") + out.map { $0.text + $0.ending.rawValue }.joined()
        let data = Data(text.utf8)
        var document: PlanDocument?
        if conflicts.isEmpty {
            let merged: PlanDocument
            do {
                merged = try PlanDocument(data: data)
            } catch {
                let first = error.diagnostics.first { $0.severity == .error }
                throw PlanMerge.Failure(
                    description: "the merged plan would not be valid"
                        + (first.map { " (line \($0.line): \($0.message))" } ?? ""))
            }
            try check(merged)
            document = merged
        }
        let changed = theirs.plan.actions.map(\.ref).filter {
            theirBlocks[$0.lowercased()]?.key != baseBlocks[$0.lowercased()]?.key
        }
        let removed = base.plan.actions.map(\.ref).filter { theirBlocks[$0.lowercased()] == nil }
        return PlanMerge.Result(
            data: data, conflicts: conflicts, document: document,
            theirChangedRefs: changed + removed, theirFrameChanged: b != t)
    }

    // MARK: - Outside the actions

    private func tokens(_ document: PlanDocument) -> [Token] {
        let lines = document.lines
        var out: [Token] = []
        var i = 0
        var actions = document.plan.actions.makeIterator()
        var next = actions.next()
        while i < lines.count {
            if let action = next, action.lineRange.lowerBound == i {
                out.append(.action(action.ref.lowercased()))
                i = max(i + 1, action.lineRange.upperBound)
                next = actions.next()
            } else {
                out.append(.line(lines[i].text, lines[i].ending))
                i += 1
            }
        }
        return out
    }

    private mutating func emit(_ tokens: [Token]) throws(PlanMerge.Failure) {
        for token in tokens {
            switch token {
            case .line(let text, let ending):
                out.append(SourceLine(text, ending: ending))
            case .action(let ref):
                emitted.insert(ref)
                switch try outcome(ref) {
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

    /// Both sides changed `- As at:` or `- Last reviewed:` header lines: the later dates win.
    private func laterHeaderDates(_ ours: [Token], _ theirs: [Token]) -> [Token]? {
        guard ours.count == theirs.count, !ours.isEmpty else { return nil }
        var out: [Token] = []
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
        SourceLine(String(repeating: character, count: markerSize) + (label.map { " " + $0 } ?? ""), ending: .lf)
    }

    private func labels(_ found: [PlanMerge.Conflict]) -> (String, String) {
        let ref = found.first?.ref ?? ""
        return (
            ref + " " + found.map { "\($0.field) \($0.ours)" }.joined(separator: ", "),
            ref + " " + found.map { "\($0.field) \($0.theirs)" }.joined(separator: ", ")
        )
    }

    /// Only a last line may lack an ending, and it does when ours did.
    private mutating func fixEndings() {
        let ending = ours.lines.first { $0.ending != .none }?.ending ?? .lf
        for i in out.indices.dropLast() where out[i].ending == .none { out[i].ending = ending }
        guard !out.isEmpty else { return }
        out[out.count - 1].ending =
            ours.lines.last?.ending == LineEnding.none
            ? .none : (out[out.count - 1].ending == .none ? ending : out[out.count - 1].ending)
    }

    /// Every action of either side that was not removed is there, with every history
    /// line that either side added.
    private func check(_ merged: PlanDocument) throws(PlanMerge.Failure) {
        for (ref, mine) in ourBlocks.merging(theirBlocks, uniquingKeysWith: { a, _ in a }) {
            guard let action = merged.plan.action(ref: ref) else {
                if baseBlocks[ref] != nil { continue }
                throw PlanMerge.Failure(description: "\(mine.ref) would be lost")
            }
            let kept = Set(ActionBlock(action, in: merged).items.map(\.key))
            let old = Set(baseBlocks[ref]?.items.map(\.key) ?? [])
            for block in [ourBlocks[ref], theirBlocks[ref]] {
                for item in block?.items ?? []
                where item.kind.isLog && !old.contains(item.key) && !kept.contains(item.key) {
                    throw PlanMerge.Failure(description: "a history line of \(mine.ref) would be lost")
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

    private func outcome(_ ref: String) throws(PlanMerge.Failure) -> Outcome {
        let (b, o, t) = (baseBlocks[ref], ourBlocks[ref], theirBlocks[ref])
        switch (o, t) {
        case (nil, nil):
            return .removed
        case (let o?, nil), (nil, let o?):
            guard let b else { return .lines(o.lines) }
            if o.key == b.key { return .removed }
            throw PlanMerge.Failure(description: "\(o.ref) was removed on one side and changed on the other")
        case (let o?, let t?):
            if o.key == t.key || t.key == b?.key { return .lines(o.lines) }
            if o.key == b?.key { return .lines(t.lines) }
            return BlockMerge(base: b, ours: o, theirs: t).outcome()
        }
    }
}

/// Merges one action changed on both sides.
private struct BlockMerge {
    let base: ActionBlock?, ours: ActionBlock, theirs: ActionBlock

    enum Choice: Equatable { case ours, theirs, conflict }

    static func choose<T: Equatable>(_ b: T?, _ o: T?, _ t: T?) -> Choice {
        if o == t || b == t { return .ours }
        if b == o { return .theirs }
        return .conflict
    }

    func outcome() -> Merger.Outcome {
        let statusChoice = Self.choose(base?.status, ours.status, theirs.status)
        let headChoice = Self.choose(base?.headKey, ours.headKey, theirs.headKey)
        var singleKinds: [ActionBlock.Kind] = []
        for block in [ours, theirs] + (base.map { [$0] } ?? []) {
            for item in block.items where !item.kind.isLog && !singleKinds.contains(item.kind) {
                singleKinds.append(item.kind)
            }
        }
        var singleChoices: [ActionBlock.Kind: Choice] = [:]
        for kind in singleKinds {
            singleChoices[kind] = Self.choose(base?.item(kind)?.key, ours.item(kind)?.key, theirs.item(kind)?.key)
        }

        var conflicts: [PlanMerge.Conflict] = []
        var contested: Set<ActionBlock.LogKind> = []
        if statusChoice == .conflict {
            conflicts.append(.init(ref: ours.ref, field: "status", ours: ours.status.code, theirs: theirs.status.code))
            contested.insert(.status)
        }
        if headChoice == .conflict {
            conflicts.append(.init(ref: ours.ref, field: "text", ours: "reworded", theirs: "reworded"))
        }
        for kind in singleKinds where singleChoices[kind] == .conflict {
            let value = { (block: ActionBlock) in block.item(kind).map { Self.value($0) } ?? "none" }
            switch kind {
            case .owner:
                conflicts.append(.init(ref: ours.ref, field: "owner", ours: value(ours), theirs: value(theirs)))
                contested.insert(.owner)
            case .due:
                conflicts.append(.init(ref: ours.ref, field: "due date", ours: value(ours), theirs: value(theirs)))
                contested.insert(.due)
            case .extra(let name, _):
                conflicts.append(.init(ref: ours.ref, field: name, ours: value(ours), theirs: value(theirs)))
            case .log: break
            }
        }
        let merge = { (side: Side?) in
            assemble(side, status: statusChoice, head: headChoice, singles: singleChoices, contested: contested)
        }
        if conflicts.isEmpty { return .lines(merge(nil)) }
        return .conflict(ours: merge(.ours), theirs: merge(.theirs), conflicts)
    }

    /// The merged action; for a conflict, as `side` would have it.
    private func assemble(
        _ side: Side?, status statusChoice: Choice, head headChoice: Choice,
        singles: [ActionBlock.Kind: Choice], contested: Set<ActionBlock.LogKind>
    ) -> [SourceLine] {
        func pick(_ choice: Choice) -> ActionBlock {
            switch choice {
            case .ours: ours
            case .theirs: theirs
            case .conflict: side == .theirs ? theirs : ours
            }
        }
        let status = pick(statusChoice).status
        var items: [ActionBlock.Item] = []
        var emitted: [String: Int] = [:]
        let counts = logCounts()
        for item in ours.items {
            if case .log(let kind) = item.kind {
                guard emitted[item.key, default: 0] < counts[item.key, default: 0] else { continue }
                if side == .theirs, contested.contains(kind), isNew(item) { continue }
                emitted[item.key, default: 0] += 1
                items.append(item)
            } else if let chosen = pick(singles[item.kind] ?? .ours).item(item.kind) {
                items.append(chosen)
            }
        }
        // Fields that only the other side has.
        for item in theirs.items
        where !item.kind.isLog && ours.item(item.kind) == nil
            && pick(singles[item.kind] ?? .ours).item(item.kind) != nil
        {
            let firstLog = items.firstIndex { $0.kind.isLog } ?? items.count
            let position: Int =
                switch item.kind {
                case .owner: 0
                case .due: items.first?.kind == .owner ? 1 : 0
                default: firstLog
                }
            items.insert(item, at: min(position, firstLog))
        }
        // Their new history lines, each after the last one dated on or before it.
        for item in theirs.items {
            guard case .log(let kind) = item.kind, emitted[item.key, default: 0] < counts[item.key, default: 0] else {
                continue
            }
            if side == .ours, contested.contains(kind) { continue }
            emitted[item.key, default: 0] += 1
            let date = item.date ?? .distantPast
            let after = items.lastIndex { $0.kind.isLog && ($0.date ?? .distantPast) <= date }
            let position = after.map { $0 + 1 } ?? (items.firstIndex { $0.kind.isLog } ?? items.count)
            items.insert(item, at: position)
        }
        let head = pick(headChoice)
        return head.head(with: status) + items.flatMap(\.lines)
    }

    /// How many times each history line appears in the merge: a side's additions and
    /// removals (relative to the base) both count.
    private func logCounts() -> [String: Int] {
        func counts(_ block: ActionBlock?) -> [String: Int] {
            var out: [String: Int] = [:]
            for item in block?.items ?? [] where item.kind.isLog { out[item.key, default: 0] += 1 }
            return out
        }
        let (b, o, t) = (counts(base), counts(ours), counts(theirs))
        var out: [String: Int] = [:]
        for key in Set(o.keys).union(t.keys) {
            let (cb, co, ct) = (b[key, default: 0], o[key, default: 0], t[key, default: 0])
            out[key] = co == cb ? ct : ct == cb ? co : max(co, ct)
        }
        return out
    }

    /// Whether a history line is not in the base: added on one side.
    private func isNew(_ item: ActionBlock.Item) -> Bool {
        !(base?.items.contains { $0.key == item.key } ?? false)
    }

    /// A field's value for a message: its first line after `NAME:`.
    static func value(_ item: ActionBlock.Item) -> String {
        let first = item.key.prefix { $0 != "\n" }
        guard let colon = first.firstIndex(of: ":") else { return String(first) }
        return first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
}

extension ActionBlock {
    /// The block's lines as they stand.
    var lines: [SourceLine] { head + items.flatMap(\.lines) }
}

extension PlanDate {
    static let distantPast: PlanDate = {
        guard let first = PlanDate(year: 1, month: 1, day: 1) else { preconditionFailure("0001-01-01 is a day") }
        return first
    }()
}
