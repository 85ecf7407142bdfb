import FoundationEssentials
import Glibc

/// Why a plan file could not be read, parsed or written.
public enum PlanFileError: Error, Sendable, CustomStringConvertible {
    /// The operating system refused: missing file, a folder, no permission, disk full…
    case system(path: String, errno: Int32, doing: String)
    /// The file is not a valid plan; every problem found, with the lines they refer to.
    case invalid(path: String, diagnostics: [Diagnostic], sourceLines: [Int: Substring])
    /// The file is marked read-only (no write permission bits): it is not replaced.
    case readOnly(path: String)
    /// Another writer held the plan's lock for longer than we waited.
    case locked(path: String, holder: String?, seconds: Double)
    /// The file changed since it was read and the change could not be merged into it:
    /// the same field of the same action was changed there, or the file is gone or has errors.
    case changedElsewhere(path: String, reasons: [String])
    /// The file is beyond ``PlanFile/maximumSize`` or ``PlanFile/maximumLines``; why, in words.
    case tooLarge(path: String, reason: String)
    /// Another program changed the file moments ago and may still be writing it (an
    /// editor, a sync client, `cat >`): it did not settle within the time waited.
    case unsettled(path: String, seconds: Double)
    /// Saving would remove actions that the file on disk no longer has: another program
    /// removed them, or is halfway through writing the file. Nothing was written.
    case wouldRemoveActions(path: String, refs: [String])
    /// The file changed between the save's last read of it and the moment it was to be
    /// replaced (a writer that takes no lock); nothing was written.
    case changedWhileSaving(path: String)
    /// Not written or locked because doing so would be unsafe: the plan or its lock file
    /// is not a regular file of its own (a symbolic link, a pipe, a device); why, in words.
    case refused(path: String, reason: String)
    /// The plan about to be written would be beyond those limits, so it was not written.
    case wouldBeTooLarge(path: String, reason: String)

    /// The message, with the path's control characters escaped (a file name from a pulled
    /// repository must not reach the terminal raw).
    public var description: String {
        switch self {
        case .system(let path, EEXIST, _):
            return "\(TerminalText.escaped(path)) already exists; choose a new name"
        case .system(let path, let code, let doing):
            let reason: String
            switch code {
            case ENOENT: reason = doing == "read" ? "no such file" : "no such folder"
            case EISDIR: reason = "is a folder, not a plan file"
            case EACCES, EPERM: reason = "permission denied"
            case EROFS: reason = "the file system is read-only"
            case ENOSPC: reason = "the disk is full"
            default: reason = String(cString: strerror(code))
            }
            return "\(TerminalText.escaped(path)): cannot \(doing): \(reason)"
        case .readOnly(let path):
            return "\(TerminalText.escaped(path)): cannot write: the file is read-only (\(Self.readOnlyHint(path)))"
        case .locked(let path, let holder, let seconds):
            let who = holder.map { "another program (\(TerminalText.escaped($0)))" } ?? "another program"
            return "\(TerminalText.escaped(path)): \(who) has been saving it for more than \(Int(seconds)) s; "
                + "try again in a moment (its lock file is \(TerminalText.escaped(PlanLock.lockPath(for: path))))"
        case .changedElsewhere(let path, let reasons):
            return "\(TerminalText.escaped(path)): changed elsewhere since it was read, so this change was not saved: "
                + TerminalText.escaped(reasons.joined(separator: "; "))
        case .invalid(let path, let diagnostics, let sourceLines):
            return diagnostics.map { $0.formatted(path: TerminalText.escaped(path), sourceLine: sourceLines[$0.line]) }
                .joined(separator: "\n")
        case .tooLarge(let path, let reason):
            return "\(TerminalText.escaped(path)): cannot read: \(reason)"
        case .refused(let path, let reason):
            return "\(TerminalText.escaped(path)): \(TerminalText.escaped(reason))"
        case .unsettled(let path, let seconds):
            return "\(TerminalText.escaped(path)): another program is still writing it "
                + "(it kept changing for \(Int(seconds.rounded())) s); try again once it has finished"
        case .wouldRemoveActions(let path, let refs):
            return "\(TerminalText.escaped(path)): the file on disk no longer has \(PlanFileError.listed(refs)), "
                + "so saving would remove \(refs.count == 1 ? "it" : "them"); another program removed them or is "
                + "still writing the file. Nothing was written: check the file (`actionplan check`) and make the "
                + "change again"
        case .wouldBeTooLarge(let path, let reason):
            return "\(TerminalText.escaped(path)): not written: \(reason)"
        case .changedWhileSaving(let path):
            return "\(TerminalText.escaped(path)): another program kept changing it while this change was being "
                + "saved; try again"
        }
    }

    /// What to do about a read-only file: `chmod u+w` is only for its owner to run.
    static func readOnlyHint(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0, info.st_uid != geteuid(), geteuid() != 0 else {
            return "allow changes with `chmod u+w`, or save elsewhere"
        }
        let owner = getpwuid(info.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } }
        let name = owner.map { TerminalText.escaped($0) } ?? "user \(info.st_uid)"
        return "it belongs to \(name): ask them to allow changes, or save elsewhere"
    }
}

extension PlanFileError {
    /// `1.1a`, `1.1a and 1.1b`, or `4.1a, 4.1b, 4.1c … 6.3c (35 actions)`.
    public static func listed(_ refs: [String]) -> String {
        switch refs.count {
        case 0: return "no actions"
        case 1: return refs[0]
        case 2...4: return refs.dropLast().joined(separator: ", ") + " and " + (refs.last ?? "")
        default: return refs.prefix(3).joined(separator: ", ") + " … " + (refs.last ?? "") + " (\(refs.count) actions)"
        }
    }
}

/// Reading and saving plan files.
public enum PlanFile {
    /// The largest file read, in bytes: far beyond any real plan (the largest known are
    /// under 1 MB; 100,000 generated actions take 150 MB), and small enough that
    /// parsing it cannot exhaust the machine. Also bounds reading a pipe or a device.
    /// See docs/hardening.md.
    public static let maximumSize = 250_000_000
    /// The most lines a file read may have: every line costs memory of its own, however
    /// short, so a file of empty lines needs a bound of its own.
    public static let maximumLines = 4_000_000

    /// Reads and parses a plan. Throws ``PlanFileError/invalid(path:diagnostics:sourceLines:)``
    /// with every problem in the file when it has errors.
    public static func load(_ path: String) throws(PlanFileError) -> PlanDocument {
        try loadKeepingText(path).document
    }

    /// ``load(_:)``, with the file's text as read (byte order mark included) when it was
    /// read as one text: the document's bytes, exactly, in one piece and without a copy
    /// (the lines point into it). Nil when the file was read another way (bytes that are
    /// not valid UTF-8 are read as `Data` to say where).
    static func loadKeepingText(_ path: String, actions reading: PlanDocument.ActionReading = .everyAction)
        throws(PlanFileError) -> (document: PlanDocument, text: String?)
    {
        // The file's bytes go straight into the text the lines point into: holding them
        // as Data as well would double the memory a large plan needs while it is parsed.
        guard let text = try readCheckedText(path) else {
            let data = try read(path)
            do {
                return (try PlanDocument(data: data), nil)
            } catch {
                throw invalid(path: path, data: data, diagnostics: error.errors)
            }
        }
        do {
            return (try PlanDocument(checkedText: text, actions: reading), text)
        } catch {
            throw invalid(path: path, text: text, diagnostics: error.errors)
        }
    }

    /// The file's text, read into the string's own storage, when its bytes are valid
    /// UTF-8 without NUL or U+FFFD (``checkedText(capacity:fill:)``); nil when they are
    /// not (``read(_:)`` and ``PlanDocument/init(data:)`` then say where), or when the
    /// file grew while it was read.
    static func readCheckedText(_ path: String) throws(PlanFileError) -> String? {
        let info = try readableStat(path)
        // A pipe or a device has no size to check first: ``read(_:)`` reads it in bounded pieces.
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        try checkSize(Int(info.st_size), path: path)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: path, errno: errno, doing: "read") }
        defer { close(fd) }
        var failure: Int32 = 0
        // One byte more than the file has, to see the end of the file within it.
        let text = checkedText(capacity: Int(info.st_size) + 1) { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }  // never: the buffer is never empty
            var count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, base + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return nil
                }
                if n == 0 { break }
                count += n
            }
            return count
        }
        guard failure == 0 else { throw .system(path: path, errno: failure == EISDIR ? EISDIR : EIO, doing: "read") }
        if let text, text.utf8.count >= maximumLines,
            text.utf8.withContiguousStorageIfAvailable({ lineCount(UnsafeRawBufferPointer($0)) }) ?? 0 > maximumLines
        {
            throw tooManyLines(path)
        }
        return text
    }

    /// Saves a document atomically over whatever the file holds now, under the plan's lock.
    /// To keep changes made elsewhere, save through a ``PlanSession``.
    public static func save(_ document: PlanDocument, to path: String, lockTimeout: Double = 10) throws(PlanFileError) {
        let lock = try PlanLock.acquire(for: path, timeout: lockTimeout)
        defer { lock.release() }
        try AtomicFile.write(document, to: path)
    }

    /// The bytes of a file, with the same clear errors as ``load(_:)``.
    public static func read(_ path: String) throws(PlanFileError) -> Data {
        let info = try readableStat(path)
        if info.st_mode & S_IFMT == S_IFREG { try checkSize(Int(info.st_size), path: path) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(path: path, errno: errno, doing: "read") }
        defer { close(descriptor) }
        var data = Data()
        // Reserved, so that reading a regular file never holds two copies of it.
        if info.st_mode & S_IFMT == S_IFREG { data.reserveCapacity(Int(info.st_size)) }
        // In pieces, so that a pipe or a device (`/dev/zero`) stops at the limit too.
        var piece = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = piece.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .system(path: path, errno: errno, doing: "read") }
            if count == 0 { break }
            data.append(contentsOf: piece[..<count])
            if data.count > maximumSize {
                throw .tooLarge(
                    path: path, reason: "the file is larger than \(megabytes(maximumSize)), the most a plan may be")
            }
        }
        if data.count >= maximumLines, lineCount(data) > maximumLines { throw tooManyLines(path) }
        return data
    }

    /// The file's `stat`, with the errors every read gives: missing, a folder.
    static func readableStat(_ path: String) throws(PlanFileError) -> stat {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .system(path: path, errno: errno, doing: "read") }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .system(path: path, errno: EISDIR, doing: "read") }
        return info
    }

    private static func checkSize(_ size: Int, path: String) throws(PlanFileError) {
        if size > maximumSize {
            throw .tooLarge(
                path: path, reason: "the file is \(megabytes(size)); a plan may be at most \(megabytes(maximumSize))")
        }
    }

    private static func tooManyLines(_ path: String) -> PlanFileError {
        .tooLarge(
            path: path,
            reason: "the file has more than \(maximumLines / 1_000_000) million lines, the most a plan may have")
    }

    /// `300 MB`, in decimal megabytes as file managers show them.
    static func megabytes(_ bytes: Int) -> String {
        "\((bytes + 999_999) / 1_000_000) MB"
    }

    /// Line feeds, plus one for a last line without one. With `memchr`, since it runs
    /// over every large file before parsing and a plan's lines are long enough for
    /// `memchr`'s wide loads to pay.
    static func lineCount(_ data: Data) -> Int {
        data.withUnsafeBytes { lineCount($0) }
    }

    static func lineCount(_ raw: UnsafeRawBufferPointer) -> Int {
        guard let base = raw.baseAddress else { return 0 }
        var count = 0
        var at = 0
        // Invariant: `at` ≤ raw.count, so `memchr` reads only inside the buffer.
        while at < raw.count, let found = memchr(base + at, 0x0A, raw.count - at) {
            count += 1
            at = base.distance(to: UnsafeRawPointer(found)) + 1
        }
        return count + (raw.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
    }

    /// Attaches the source lines the diagnostics point at, for display.
    static func invalid(path: String, data: Data, diagnostics: [Diagnostic]) -> PlanFileError {
        // Invalid UTF-8 is shown as U+FFFD where it is, so the caret points at it; a
        // binary file (a NUL byte) is not shown at all.
        if let problem = UTF8Validation.firstProblem(in: data), data[problem] == 0 {
            return .invalid(path: path, diagnostics: diagnostics, sourceLines: [:])
        }
        return invalid(path: path, text: String(decoding: data, as: UTF8.self), diagnostics: diagnostics)
    }

    /// ``invalid(path:data:diagnostics:)`` for text whose bytes are valid.
    static func invalid(path: String, text file: String, diagnostics: [Diagnostic]) -> PlanFileError {
        var text = file
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = SourceLine.split(text)
        var sourceLines: [Int: Substring] = [:]
        for number in Set(diagnostics.map(\.line)) where lines.indices.contains(number - 1) {
            sourceLines[number] = lines[number - 1].text
        }
        return .invalid(path: path, diagnostics: diagnostics, sourceLines: sourceLines)
    }
}
