import FoundationEssentials
import Glibc

/// The changes one person made to one plan through the tool, newest last, so that
/// `actionplan undo` can take the last one back. Kept in the person's own state
/// folder (`$XDG_STATE_HOME/actionplan/undo`, else `~/.local/state/actionplan/undo`),
/// one folder per plan and one file per change, never next to the plan: it is this
/// account's, not the board's. A file per change, so that recording one writes that
/// change alone and undoing reads only the newest; an entry holds the lines the change
/// replaced (``Entry``), not the plan.
public struct UndoJournal: Sendable {
    /// How many changes are kept; older ones are dropped.
    public static let capacity = 20

    /// The journal's folder for the plan at `path`.
    public let url: URL

    public init(planPath path: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path) + "/.local/state")
        url = URL(fileURLWithPath: state).appendingPathComponent("actionplan/undo/" + PathText.fileName(forPlan: path))
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
