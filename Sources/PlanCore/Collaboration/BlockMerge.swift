import FoundationEssentials

/// Merges one action changed on both sides, field by field: each singular field
/// (status, text, `Owner:`, `Due:`, extra fields) from the side that changed it, the
/// history as the union of both sides in date order.
struct BlockMerge {
    let base: ActionBlock?, ours: ActionBlock, theirs: ActionBlock

    enum Choice: Equatable { case ours, theirs, conflict }

    /// What each side's half of a conflict leaves out: the other side's version of a
    /// contested history line.
    private struct Exclusions {
        var kinds: Set<ActionBlock.LogKind> = []
        /// Keys of our items left out of their half, and of theirs left out of ours.
        var oursInTheirHalf: Set<String> = []
        var theirsInOurHalf: Set<String> = []
    }

    static func choose<T: Equatable>(_ b: T?, _ o: T?, _ t: T?) -> Choice {
        if o == t || b == t { return .ours }
        if b == o { return .theirs }
        return .conflict
    }

    /// The merged action, or both versions of it for a conflict; and the keys of the
    /// status lines re-based on the other side's change (old key → new key).
    func outcome() -> (PlanMerger.Outcome, rebased: [String: String]) {
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
        var excluded = Exclusions()
        if statusChoice == .conflict {
            conflicts.append(.init(ref: ours.ref, field: "status", ours: ours.status.code, theirs: theirs.status.code))
            excluded.kinds.insert(.status)
        }
        if headChoice == .conflict {
            conflicts.append(.init(ref: ours.ref, field: "text", ours: "reworded", theirs: "reworded"))
        }
        for kind in singleKinds where singleChoices[kind] == .conflict {
            let value = { (block: ActionBlock) in block.item(kind).map { Self.value($0) } ?? "none" }
            switch kind {
            case .owner:
                conflicts.append(.init(ref: ours.ref, field: "owner", ours: value(ours), theirs: value(theirs)))
                excluded.kinds.insert(.owner)
            case .due:
                conflicts.append(.init(ref: ours.ref, field: "due date", ours: value(ours), theirs: value(theirs)))
                excluded.kinds.insert(.due)
            case .extra(let name, _):
                conflicts.append(.init(ref: ours.ref, field: name, ours: value(ours), theirs: value(theirs)))
            case .log: break
            }
        }
        for (mine, other) in rewordedNotes() {
            let when = mine.date.map { " of \($0.iso)" } ?? ""
            conflicts.append(
                .init(ref: ours.ref, field: "note" + when, ours: Self.quoted(mine), theirs: Self.quoted(other)))
            excluded.oursInTheirHalf.insert(mine.key)
            excluded.theirsInOurHalf.insert(other.key)
        }
        var rebased: [String: String] = [:]
        let merge = { (side: MergeSide?) in
            assemble(
                side, status: statusChoice, head: headChoice, singles: singleChoices, excluded: excluded,
                rebased: &rebased)
        }
        if conflicts.isEmpty { return (.lines(merge(nil)), rebased) }
        return (.conflict(ours: merge(.ours), theirs: merge(.theirs), conflicts), rebased)
    }

    /// Notes of the base that both sides reworded, each differently: pairs of our
    /// version and theirs. A note is taken for reworded when it is gone from a side
    /// and a new note with the same date and author stands there instead.
    private func rewordedNotes() -> [(ActionBlock.Item, ActionBlock.Item)] {
        guard let base else { return [] }
        let baseKeys = Set(base.items.map(\.key))
        let (ourKeys, theirKeys) = (Set(ours.items.map(\.key)), Set(theirs.items.map(\.key)))
        func rewording(of note: ActionBlock.Item, in block: ActionBlock) -> ActionBlock.Item? {
            block.items.first { $0.kind == .log(.note) && !baseKeys.contains($0.key) && $0.head == note.head }
        }
        return base.items.compactMap { note in
            guard note.kind == .log(.note), !ourKeys.contains(note.key), !theirKeys.contains(note.key),
                let mine = rewording(of: note, in: ours), let other = rewording(of: note, in: theirs),
                mine.key != other.key
            else { return nil }
            return (mine, other)
        }
    }

    /// The merged action; for a conflict, as `side` would have it.
    private func assemble(
        _ side: MergeSide?, status statusChoice: Choice, head headChoice: Choice,
        singles: [ActionBlock.Kind: Choice], excluded: Exclusions, rebased: inout [String: String]
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
                if side == .theirs,
                    excluded.kinds.contains(kind) && isNew(item)
                        || excluded.oursInTheirHalf.contains(
                            item.key)
                {
                    continue
                }
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
            if side == .ours, excluded.kinds.contains(kind) || excluded.theirsInOurHalf.contains(item.key) { continue }
            emitted[item.key, default: 0] += 1
            let date = item.date ?? .distantPast
            let after = items.lastIndex { $0.kind.isLog && ($0.date ?? .distantPast) <= date }
            let position = after.map { $0 + 1 } ?? (items.firstIndex { $0.kind.isLog } ?? items.count)
            items.insert(item, at: position)
        }
        rebaseStatusChanges(&items, rebased: &rebased)
        let head = pick(headChoice)
        return head.head(with: status) + items.flatMap(\.lines)
    }

    /// Both sides changed the status: the later change (by date, then by place) starts
    /// where the earlier one ended, so that the history stays a chain (`A -> G`, then
    /// `G -> R`, not `A -> R`). Only new lines are re-based, never the base's.
    private func rebaseStatusChanges(_ items: inout [ActionBlock.Item], rebased: inout [String: String]) {
        let old = Set(base?.items.map(\.key) ?? [])
        func newStatusKeys(_ block: ActionBlock) -> Set<String> {
            Set(block.items.filter { $0.kind == .log(.status) && !old.contains($0.key) }.map(\.key))
        }
        let (mine, other) = (newStatusKeys(ours), newStatusKeys(theirs))
        guard items.contains(where: { mine.contains($0.key) }), items.contains(where: { other.contains($0.key) })
        else { return }
        let changes = items.indices.filter { items[$0].statusChange != nil }
            .sorted { (items[$0].date ?? .distantPast, $0) < (items[$1].date ?? .distantPast, $1) }
        var previous: Status?
        for i in changes {
            guard let change = items[i].statusChange else { continue }
            if let previous, previous != change.from, mine.contains(items[i].key) || other.contains(items[i].key),
                let moved = items[i].rebased(from: previous)
            {
                rebased[items[i].key] = moved.key
                items[i] = moved
            }
            previous = change.to
        }
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
        return first[first.index(after: colon)...].trimmingWhitespace()
    }

    /// A note's first words in quotes, for a message.
    static func quoted(_ item: ActionBlock.Item) -> String {
        let text = value(item)
        return "\"" + (text.count > 40 ? text.prefix(39) + "…" : text) + "\""
    }
}

extension ActionBlock.Item {
    /// This `- Status` line with `from` in place of the status it starts from; nil
    /// when the line does not read `…: OLD -> NEW`.
    func rebased(from status: Status) -> ActionBlock.Item? {
        guard let change = statusChange, var first = lines.first,
            let (old, new) = LineSyntax.arrow(first.text), let colon = old.lastIndex(of: ":")
        else { return nil }
        first.text = Substring(String(first.text[...colon]) + " \(status.code) -> " + new)
        var item = self
        item.lines[0] = first
        item.key = ActionBlock.key(item.lines)
        item.statusChange = (status, change.to)
        return item
    }
}

extension PlanDate {
    static let distantPast = PlanDate(year: 1, month: 1, day: 1) ?? PlanDate(dayNumber: 0)
}
