import FoundationEssentials

extension UndoJournal {
    /// One change: what it did in words, who did it and when, and the change itself as
    /// the lines it took out and put in (``TextSplice``), a few hundred bytes however
    /// large the plan. Entries of the earlier layout hold the plan as the command read
    /// it and as it wrote it instead (``Change/texts(before:after:)``); they are still
    /// read and undone.
    public struct Entry: Codable, Sendable, Equatable {
        public var description: String
        public var author: String?
        public var date: String
        public var change: Change

        /// What an entry holds of the change.
        public enum Change: Sendable, Equatable {
            /// The lines changed and the text they made.
            case splice(TextSplice)
            /// The whole plan before and after (the earlier layout).
            case texts(before: String, after: String)
        }

        /// The change that turned `before` into `after` (as the command wrote it, before
        /// any merge with changes saved at the same time).
        public init(description: String, author: String?, date: PlanDate, before: PlanDocument, after: PlanDocument) {
            self =
                before.withContiguousBytes { old in
                    after.withContiguousBytes { new in
                        Self(description: description, author: author, date: date, before: old, after: new)
                    }
                }
        }

        /// The same, from the two texts' bytes (a caller that holds them in one piece already).
        public init(
            description: String, author: String?, date: PlanDate, before: UnsafeRawBufferPointer,
            after: UnsafeRawBufferPointer
        ) {
            self.init(
                description: description, author: author, date: date,
                change: .splice(TextSplice(from: before, to: after))
            )
        }

        public init(description: String, author: String?, date: PlanDate, change: Change) {
            self.description = description
            self.author = author
            self.date = date.iso
            self.change = change
        }

        private enum CodingKeys: String, CodingKey {
            case description, author, date, splice, before, after
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            description = try container.decode(String.self, forKey: .description)
            author = try container.decodeIfPresent(String.self, forKey: .author)
            date = try container.decode(String.self, forKey: .date)
            if let splice = try container.decodeIfPresent(TextSplice.self, forKey: .splice) {
                change = .splice(splice)
            } else {
                change = .texts(
                    before: try container.decode(String.self, forKey: .before),
                    after: try container.decode(String.self, forKey: .after))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(description, forKey: .description)
            try container.encodeIfPresent(author, forKey: .author)
            try container.encode(date, forKey: .date)
            switch change {
            case .splice(let splice):
                try container.encode(splice, forKey: .splice)
            case .texts(let before, let after):
                try container.encode(before, forKey: .before)
                try container.encode(after, forKey: .after)
            }
        }
    }
}

extension UndoJournal.Entry {
    /// Why an undo cannot be done, in words.
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case blocked([String])
        case unreadable(String)

        public var description: String {
            switch self {
            case .blocked(let reasons): "a later change depends on it: " + reasons.joined(separator: "; ")
            case .unreadable(let why): "the recorded change cannot be read back: \(why)"
            }
        }
    }

    /// `current` with this change taken back, parsed in full before it is returned.
    ///
    /// A splice is put back where the file is exactly the text the change made (its
    /// length and hash), or, when the file changed since, where the changed lines and
    /// their unchanged neighbours are found once as they were, so that later changes (by
    /// anyone) to other lines are kept; refused when a later change touched them. An
    /// entry of the earlier layout is merged back as before (``PlanDocument/reverting(_:to:)``).
    public func undoing(on current: PlanDocument) throws(Refusal) -> PlanDocument {
        switch change {
        case .splice(let splice):
            guard let bytes = current.withContiguousBytes({ splice.reverted(in: $0) }) else {
                throw .blocked(["the lines it changed have been changed since, or the file holds another plan"])
            }
            do {
                return try PlanDocument(data: Data(bytes))
            } catch {
                let first = error.diagnostics.first { $0.severity == .error }
                throw .blocked([
                    "taking it back would leave a plan with errors" + (first.map { ": \($0.message)" } ?? "")
                ])
            }
        case .texts(let before, let after):
            let old: PlanDocument
            let new: PlanDocument
            do {
                old = try PlanDocument(text: before)
                new = try PlanDocument(text: after)
            } catch {
                throw .unreadable(error.diagnostics.first?.message ?? "it does not parse")
            }
            return try current.reverting(new, to: old)
        }
    }
}

extension PlanDocument {
    /// This document with one change taken back: the change turned `before` into
    /// `after`, and this document is `after` or what became of it since. The way back
    /// (after → before) is merged onto this document like a save merges, so that later
    /// changes (by anyone) to other actions and fields are kept; refused when a later
    /// change touched what this one changed. The TUI's `u` goes through here (and its
    /// redo, with the two swapped), as do the journal's entries of the earlier layout.
    public func reverting(_ after: PlanDocument, to before: PlanDocument) throws(UndoJournal.Entry.Refusal)
        -> PlanDocument
    {
        if hasSameBytes(as: after) { return before }
        let result: PlanMerge.Result
        do {
            result = try PlanMerge.merge(base: after, ours: self, theirs: before)
        } catch {
            throw .blocked([error.description])
        }
        guard result.conflicts.isEmpty, let merged = result.document else {
            throw .blocked(result.conflicts.map(\.description))
        }
        return merged
    }
}
