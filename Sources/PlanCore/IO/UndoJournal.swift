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

    /// The newest entry that can be read, and its file (for ``remove(_:)``), reading
    /// back from the newest file only as far as that entry.
    public func newest() -> (entry: Entry, file: URL)? {
        for file in entryFiles().reversed() {
            if let entry = Self.read(file) { return (entry, file) }
        }
        return nil
    }

    /// Adds a change, dropping the oldest beyond ``capacity``. The entry's file is
    /// created, never replaced, so two commands recording at once both keep theirs.
    public func record(_ entry: Entry) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(entry)
        let files = entryFiles()
        var next = (files.last.flatMap(Self.number) ?? 0) + 1
        while true {
            let file = url.appendingPathComponent(Self.name(next))
            let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd < 0 {
                guard errno == EEXIST else {
                    throw PlanFileError.system(path: file.path, errno: errno, doing: "create")
                }
                next += 1
                continue
            }
            defer { close(fd) }
            // An entry cut short by a crash does not decode, and is skipped like any unreadable one.
            let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == data.count, fsync(fd) == 0 else {
                let code = written < 0 || written == data.count ? errno : ENOSPC
                unlink(file.path)
                throw PlanFileError.system(path: file.path, errno: code, doing: "write")
            }
            break
        }
        for old in entryFiles().dropLast(Self.capacity) { try? FileManager.default.removeItem(at: old) }
    }

    /// Removes one entry's file, as ``newest()`` gave it.
    public func remove(_ file: URL) throws {
        try FileManager.default.removeItem(at: file)
    }

    /// Removes the newest change.
    public func dropLast() throws {
        guard let newest = entryFiles().last else { return }
        try remove(newest)
    }

    /// The entries' files, oldest first: named by a counter of twelve digits, so that
    /// names sort as numbers.
    private func entryFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { Self.number(of: $0) != nil }.sorted().map { url.appendingPathComponent($0) }
    }

    private static func number(_ file: URL) -> Int? { number(of: file.lastPathComponent) }

    private static func number(of name: String) -> Int? {
        guard name.utf8.count == 17, name.hasSuffix(".json") else { return nil }
        let digits = name.utf8.prefix(12)
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
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
