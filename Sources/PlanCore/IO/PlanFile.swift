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
    /// The file is beyond ``PlanFile/maximumSize`` or ``PlanFile/maximumLines``; why, in words.
    case tooLarge(path: String, reason: String)

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
        case .invalid(let path, let diagnostics, let sourceLines):
            return diagnostics.map { $0.formatted(path: path, sourceLine: sourceLines[$0.line]) }.joined(separator: "\n")
        case .tooLarge(let path, let reason):
            return "\(path): cannot read: \(reason)"
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
        let data = try read(path)
        do {
            return try PlanDocument(data: data)
        } catch {
            throw invalid(path: path, data: data, diagnostics: error.errors)
        }
    }

    /// Saves a document atomically.
    public static func save(_ document: PlanDocument, to path: String) throws(PlanFileError) {
        try AtomicFile.write(document.data, to: path)
    }

    static func read(_ path: String) throws(PlanFileError) -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .system(path: path, errno: errno, doing: "read") }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw .system(path: path, errno: EISDIR, doing: "read") }
        if info.st_mode & S_IFMT == S_IFREG, info.st_size > maximumSize {
            throw .tooLarge(path: path, reason: "the file is \(megabytes(Int(info.st_size))); a plan may be at most \(megabytes(maximumSize))")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .system(path: path, errno: access(path, R_OK) == 0 ? EIO : errno, doing: "read")
        }
        defer { try? handle.close() }
        var data = Data()
        // Reserved, so that reading a regular file never holds two copies of it.
        if info.st_mode & S_IFMT == S_IFREG { data.reserveCapacity(Int(info.st_size)) }
        do {
            // In pieces, so that a pipe or a device (`/dev/zero`) stops at the limit too.
            while let piece = try handle.read(upToCount: 1 << 20), !piece.isEmpty {
                data.append(piece)
                if data.count > maximumSize {
                    throw PlanFileError.tooLarge(path: path, reason: "the file is larger than \(megabytes(maximumSize)), the most a plan may be")
                }
            }
        } catch let error as PlanFileError {
            throw error
        } catch {
            throw .system(path: path, errno: EIO, doing: "read")
        }
        if data.count >= maximumLines, lineCount(data) > maximumLines {
            throw .tooLarge(path: path, reason: "the file has more than \(maximumLines / 1_000_000) million lines, the most a plan may have")
        }
        return data
    }

    /// `300 MB`, in decimal megabytes as file managers show them.
    static func megabytes(_ bytes: Int) -> String {
        "\((bytes + 999_999) / 1_000_000) MB"
    }

    /// Line feeds, plus one for a last line without one. Eight bytes at a time, since
    /// it runs over every large file before parsing: a byte that is `\n` becomes 0
    /// after the XOR, and the high bit of `~((b & 0x7F) + 0x7F | b)` marks a zero byte.
    static func lineCount(_ data: Data) -> Int {
        data.withUnsafeBytes { raw in
            let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var count = 0
            var i = 0
            while i + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ newlines
                count += (~((word & low) &+ low | word | low)).nonzeroBitCount
                i += 8
            }
            for byte in raw[i...] where byte == UInt8(ascii: "\n") { count += 1 }
            return count + (raw.last.map { $0 == UInt8(ascii: "\n") ? 0 : 1 } ?? 0)
        }
    }

    /// Attaches the source lines the diagnostics point at, for display.
    static func invalid(path: String, data: Data, diagnostics: [Diagnostic]) -> PlanFileError {
        let wanted = Set(diagnostics.map(\.line))
        var sourceLines: [Int: Substring] = [:]
        // Invalid UTF-8 is shown as U+FFFD where it is, so the caret points at it; a
        // binary file (a NUL byte) is not shown at all.
        if UTF8Validation.firstProblem(in: data).map({ data[$0] != 0 }) ?? true {
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
