import Foundation

/// The changes one person made to one plan through the tool, newest last, so that
/// `actionplan undo` can take the last one back. Kept in the person's own state
/// folder (`$XDG_STATE_HOME/actionplan/undo`, else `~/.local/state/actionplan/undo`),
/// one folder per plan and one file per change, never next to the plan: it is this
/// account's, not the board's. A file per change, so that recording one writes that
/// change alone and undoing reads only the newest (an entry holds the plan twice).
public struct UndoJournal: Sendable {
    /// One change: the plan as the command read it and as it wrote it (before any
    /// merge with changes saved at the same time), and what it did in words.
    public struct Entry: Codable, Sendable, Equatable {
        public var description: String
        public var author: String?
        public var date: String
        public var before: String
        public var after: String

        public init(description: String, author: String?, date: PlanDate, before: String, after: String) {
            self.description = description
            self.author = author
            self.date = date.iso
            self.before = before
            self.after = after
        }
    }

    /// How many changes are kept; older ones are dropped.
    public static let capacity = 20

    /// The journal's folder for the plan at `path`.
    public let url: URL

    public init(planPath path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        // One folder name per plan path, readable and without folders in it.
        let name = absolute.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? String($0) : "_" }.joined()
        url = URL(fileURLWithPath: state).appendingPathComponent("actionplan/undo/\(name)")
    }

    /// The entries, oldest first; none when the journal is missing. An entry that
    /// cannot be read is left out.
    public func entries() -> [Entry] {
        entryFiles().compactMap(Self.read)
    }

    /// The newest entry, reading only its file.
    public func last() -> Entry? {
        entryFiles().last.flatMap(Self.read)
    }

    /// Adds a change, dropping the oldest beyond ``capacity``.
    public func record(_ entry: Entry) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let files = entryFiles()
        let next = (files.last.flatMap { Int($0.deletingPathExtension().lastPathComponent) } ?? 0) + 1
        try AtomicFile.write(
            try JSONEncoder().encode(entry), to: url.appendingPathComponent(Self.name(next)).path)
        for old in files.dropLast(Self.capacity - 1) { try? FileManager.default.removeItem(at: old) }
    }

    /// Removes the newest change.
    public func dropLast() throws {
        guard let newest = entryFiles().last else { return }
        try FileManager.default.removeItem(at: newest)
    }

    /// The entries' files, oldest first (named by a counter, zero-padded so names sort).
    private func entryFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && Int($0.dropLast(5)) != nil }.sorted()
            .map { url.appendingPathComponent($0) }
    }

    private static func name(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".json"
    }

    private static func read(_ file: URL) -> Entry? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
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

    /// `current` with this change taken back: the way back from ``after`` to
    /// ``before`` merged onto what the file holds now, so that later changes (by
    /// anyone) to other actions and fields are kept. Refused when a later change
    /// touched what this one changed.
    public func undoing(on current: PlanDocument) throws(Refusal) -> PlanDocument {
        let before: PlanDocument
        let after: PlanDocument
        do {
            before = try PlanDocument(text: self.before)
            after = try PlanDocument(text: self.after)
        } catch {
            throw .unreadable(error.diagnostics.first?.message ?? "it does not parse")
        }
        return try current.reverting(after, to: before)
    }
}

extension PlanDocument {
    /// This document with one change taken back: the change turned `before` into
    /// `after`, and this document is `after` or what became of it since. The way back
    /// (after → before) is merged onto this document like a save merges, so that later
    /// changes (by anyone) to other actions and fields are kept; refused when a later
    /// change touched what this one changed. The CLI's `undo` and the TUI's `u` both
    /// go through here (and the TUI's redo, with the two swapped).
    public func reverting(_ after: PlanDocument, to before: PlanDocument) throws(UndoJournal.Entry.Refusal)
        -> PlanDocument
    {
        if text == after.text { return before }
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
