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
        // The file's bytes go straight into the text the lines point into: holding them
        // as Data as well would double the memory a large plan needs while it is parsed.
        guard let text = try readCheckedText(path) else {
            let data = try read(path)
            do {
                return try PlanDocument(data: data)
            } catch {
                throw invalid(path: path, data: data, diagnostics: error.errors)
            }
        }
        do {
            return try PlanDocument(checkedText: text)
        } catch {
            throw invalid(path: path, text: text, diagnostics: error.errors)
        }
    }

    /// The file's text, read into the string's own storage, when its bytes are valid
    /// UTF-8 without NUL; nil when they are not (``read(_:)`` and ``PlanDocument/init(data:)``
    /// then say where), or when the file grew while it was read.
    static func readCheckedText(_ path: String) throws(PlanFileError) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .system(path: path, errno: errno, doing: "read") }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .system(path: path, errno: EISDIR, doing: "read") }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(path: path, errno: errno, doing: "read") }
        defer { close(fd) }
        var failure: Int32 = 0
        var usable = false
        // One byte more than the file has, to see the end of the file within it.
        let text = String(unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer -> Int in
            var count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return 0
                }
                if n == 0 { break }
                count += n
            }
            usable = count < buffer.count && UTF8Validation.firstProblem(in: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[..<count]))) == nil
            return usable ? count : 0
        }
        guard failure == 0 else { throw .system(path: path, errno: failure == EISDIR ? EISDIR : EIO, doing: "read") }
        return usable ? text : nil
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
        guard UTF8Validation.firstProblem(in: data) == nil else {
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
