import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    public var description: String {
        switch self {
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
            return "\(path): cannot \(doing): \(reason)"
        case .readOnly(let path):
            return "\(path): cannot write: the file is read-only (allow changes with `chmod u+w`, or save elsewhere)"
        case .locked(let path, let holder, let seconds):
            let who = holder.map { "another program (\($0))" } ?? "another program"
            return "\(path): \(who) has been saving it for more than \(Int(seconds)) s; try again in a moment"
        case .changedElsewhere(let path, let reasons):
            return "\(path): changed elsewhere since it was read, so this change was not saved: " + reasons.joined(separator: "; ")
        case .invalid(let path, let diagnostics, let sourceLines):
            return diagnostics.map { $0.formatted(path: path, sourceLine: sourceLines[$0.line]) }.joined(separator: "\n")
        }
    }
}

/// Reading and saving plan files.
public enum PlanFile {
    /// Reads and parses a plan. Throws ``PlanFileError/invalid(path:diagnostics:sourceLines:)``
    /// with every problem in the file when it has errors.
    public static func load(_ path: String) throws(PlanFileError) -> PlanDocument {
        let data = try read(path)
        do {
            return try PlanDocument(data: data)
        } catch {
            throw invalid(path: path, data: data, diagnostics: error.errors)
        }
    }

    /// Saves a document atomically over whatever the file holds now, under the plan's lock.
    /// To keep changes made elsewhere, use ``save(_:editedFrom:to:lockTimeout:)``.
    public static func save(_ document: PlanDocument, to path: String, lockTimeout: Double = 10) throws(PlanFileError) {
        let lock = try PlanLock.acquire(for: path, timeout: lockTimeout)
        defer { lock.release() }
        try AtomicFile.write(document, to: path)
    }

    /// The bytes of a file, with the same clear errors as ``load(_:)``.
    public static func read(_ path: String) throws(PlanFileError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .system(path: path, errno: errno, doing: "read") }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .system(path: path, errno: EISDIR, doing: "read") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .system(path: path, errno: access(path, R_OK) == 0 ? EIO : errno, doing: "read")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw .system(path: path, errno: EIO, doing: "read")
        }
    }

    /// Attaches the source lines the diagnostics point at, for display.
    static func invalid(path: String, data: Data, diagnostics: [Diagnostic]) -> PlanFileError {
        let wanted = Set(diagnostics.map(\.line))
        var sourceLines: [Int: Substring] = [:]
        if UTF8Validation.firstProblem(in: data) == nil {
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            let lines = SourceLine.split(text)
            for number in wanted where lines.indices.contains(number - 1) {
                sourceLines[number] = lines[number - 1].text
            }
        }
        return .invalid(path: path, diagnostics: diagnostics, sourceLines: sourceLines)
    }
}
