import Foundation
import Testing

@testable import PlanCore

/// What a save does to the file system around the plan: the lock file, the plan's
/// owner, group, ACL, attributes and hard links, and targets that are not regular files.
@Suite struct FileSafetyTests {
    let folder: URL
    let path: String
    let original: PlanDocument

    init() throws {
        (folder, path, original) = try folderWithSmallPlan("file-safety")
    }

    private func cleanUp() { try? FileManager.default.removeItem(at: folder) }

    private func noted(_ text: String) throws -> PlanDocument {
        var document = original
        try document.addNote(ref: "1.1b", text: text, on: date("2026-11-10"), by: "T")
        return document
    }

    private func info(_ path: String) -> stat {
        var info = stat()
        lstat(path, &info)
        return info
    }

    // MARK: - The lock file

    @Test func aLockFilePlantedAsASymbolicLinkIsRefusedAndItsTargetUntouched() throws {
        defer { cleanUp() }
        let victim = folder.appendingPathComponent("someone-elses.txt").path
        try Data("their work\n".utf8).write(to: URL(fileURLWithPath: victim))
        let lock = PlanLock.lockPath(for: path)
        try FileManager.default.createSymbolicLink(atPath: lock, withDestinationPath: victim)
        do {
            _ = try PlanSession(path: path, document: original, settleTime: 0).save(try noted("Mine."))
            Issue.record("saved through a planted lock link")
        } catch let error as PlanFileError {
            #expect(error.description.hasPrefix("\(lock): the plan's lock file is a symbolic link"))
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "their work\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original.data)
        #expect(info(lock).st_mode & S_IFMT == S_IFLNK)
    }

    @Test func aLockFileThatIsAPipeOrAHardLinkIsRefused() throws {
        defer { cleanUp() }
        let lock = PlanLock.lockPath(for: path)
        #expect(mkfifo(lock, 0o644) == 0)
        #expect(throws: PlanFileError.self) { _ = try PlanLock.acquire(for: path, timeout: 0.1) }
        unlink(lock)
        let other = folder.appendingPathComponent("other").path
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: other))
        #expect(link(other, lock) == 0)
        do {
            _ = try PlanLock.acquire(for: path, timeout: 0.1)
            Issue.record("locked through a hard link")
        } catch {
            #expect(error.description.hasPrefix("\(lock): the plan's lock file has other hard links"))
        }
        #expect(try String(contentsOfFile: other, encoding: .utf8) == "keep\n")
    }

    @Test func theLockFileHasThePlansGroupAndIsGroupWritableWhenThePlanIs() throws {
        defer { cleanUp() }
        #expect(chown(path, 12345, 12345) == 0)
        chmod(path, 0o664)
        let lock = try PlanLock.acquire(for: path)
        let made = info(lock.path)
        #expect(made.st_gid == 12345)
        #expect(made.st_mode & 0o777 == 0o664)
        lock.release()
        chmod(path, 0o644)
        let narrow = try PlanLock.acquire(for: path)
        #expect(info(narrow.path).st_mode & 0o777 == 0o644)
        narrow.release()
    }

    @Test func aPlanThatIsANamedPipeIsRefusedAtOnce() throws {
        defer { cleanUp() }
        let pipe = folder.appendingPathComponent("pipe.plan").path
        #expect(mkfifo(pipe, 0o644) == 0)
        do {
            _ = try PlanSession(path: pipe, document: original, settleTime: 0).save(try noted("Mine."))
            Issue.record("saved into a pipe")
        } catch let error as PlanFileError {
            #expect(error.description == "\(pipe): cannot edit: it is a named pipe, not a plan file")
        }
        #expect(throws: PlanFileError.self) { try PlanLock.requireRegularPlan(pipe) }
        #expect(info(pipe).st_mode & S_IFMT == S_IFIFO)
    }

    // MARK: - Owner, group, ACL, attributes, links

    @Test(.enabled(if: getuid() == 0, "only root can give a file to another user"))
    func aSaveKeepsThePlansOwnerAndGroup() throws {
        defer { cleanUp() }
        #expect(chown(path, 12345, 12345) == 0)
        chmod(path, 0o600)
        _ = try PlanSession(path: path, document: original, settleTime: 0).save(try noted("Mine."))
        let saved = info(path)
        #expect(saved.st_uid == 12345 && saved.st_gid == 12345)
        #expect(saved.st_mode & 0o7777 == 0o600)
        #expect(try PlanFile.load(path).plan.action(ref: "1.1b")?.latestNote?.text == "Mine.")
    }

    @Test func aSaveKeepsExtendedAttributesAndTheACL() throws {
        defer { cleanUp() }
        let acl = Self.acl(user: 12346, permissions: 6)
        try #require(Self.setAttribute("user.board", Array("northmoor".utf8), on: path) == 0)
        try #require(Self.setAttribute("system.posix_acl_access", acl, on: path) == 0)
        let before = info(path)
        _ = try PlanSession(path: path, document: original, settleTime: 0).save(try noted("Mine."))
        #expect(info(path).st_ino != before.st_ino, "renamed over, as the owner saved it")
        #expect(Self.attribute("user.board", of: path) == Array("northmoor".utf8))
        #expect(Self.attribute("system.posix_acl_access", of: path) == acl)
        #expect(info(path).st_mode & 0o7777 == before.st_mode & 0o7777)
    }

    @Test func aSaveThroughOneHardLinkIsSeenThroughTheOthers() throws {
        defer { cleanUp() }
        let other = folder.appendingPathComponent("linked.plan").path
        #expect(link(path, other) == 0)
        _ = try PlanSession(path: path, document: original, settleTime: 0).save(try noted("Mine."))
        #expect(info(path).st_ino == info(other).st_ino)
        #expect(info(path).st_nlink == 2)
        #expect(try PlanFile.load(other).plan.action(ref: "1.1b")?.latestNote?.text == "Mine.")
        // A shorter plan written in place leaves nothing of the longer one behind.
        _ = try PlanFile.save(original, to: other)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original.data)
    }

    // MARK: - Targets that are not regular files

    @Test(.enabled(if: getuid() == 0, "a device node needs root to make"))
    func aCharacterDeviceIsWrittenInPlaceNotReplaced() throws {
        defer { cleanUp() }
        let device = folder.appendingPathComponent("null").path
        // makedev(1, 3): /dev/null's numbers.
        #expect(mknod(device, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
        try AtomicFile.write(Data("board pack\n".utf8), to: device)
        #expect(info(device).st_mode & S_IFMT == S_IFCHR)
        try AtomicFile.write(Data("board pack\n".utf8), to: "/dev/null")
        #expect(info("/dev/null").st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["null", "p.plan"])
    }

    @Test func aNamedPipeIsWrittenToItsReaderOrRefusedWithoutOne() throws {
        defer { cleanUp() }
        let pipe = folder.appendingPathComponent("out.md").path
        #expect(mkfifo(pipe, 0o644) == 0)
        do {
            try AtomicFile.write(Data("x".utf8), to: pipe)
            Issue.record("wrote to a pipe no one reads")
        } catch {
            #expect(error.description == "\(pipe): cannot write: it is a named pipe that no program is reading")
        }
        let reader = open(pipe, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        try AtomicFile.write(Data("board pack\n".utf8), to: pipe)
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &buffer, buffer.count)
        #expect(n == 11 && String(decoding: buffer[..<max(0, n)], as: UTF8.self) == "board pack\n")
        #expect(info(pipe).st_mode & S_IFMT == S_IFIFO)
    }

    @Test func descriptorPathsNameTheOpenDescriptor() throws {
        defer { cleanUp() }
        #expect(AtomicFile.descriptor(named: "/dev/stdout") == 1)
        #expect(AtomicFile.descriptor(named: "/proc/self/fd/1") == 1)
        #expect(AtomicFile.descriptor(named: "/dev/fd/2") == 2)
        #expect(AtomicFile.descriptor(named: "/proc/\(getpid())/fd/7") == 7)
        #expect(AtomicFile.descriptor(named: "/dev/null") == nil)
        #expect(AtomicFile.descriptor(named: "/proc/self/fd/x") == nil)
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer { close(ends[0]) }
        try AtomicFile.write(Data("to the pipe\n".utf8), to: "/proc/self/fd/\(ends[1])")
        close(ends[1])
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(ends[0], &buffer, buffer.count)
        #expect(String(decoding: buffer[..<max(0, n)], as: UTF8.self) == "to the pipe\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["p.plan"])
    }

    // MARK: - Helpers: the xattr calls, which the Glibc module does not export

    /// A POSIX access ACL in the kernel's xattr form: the owner rw, `user` with
    /// `permissions`, the group r, the mask rw, others nothing.
    static func acl(user: UInt32, permissions: UInt16) -> [UInt8] {
        var bytes: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        append(UInt32(2))
        for (tag, perm, id) in [
            (UInt16(0x01), UInt16(6), UInt32.max), (0x02, permissions, user), (0x04, 4, UInt32.max),
            (0x10, 6, UInt32.max), (0x20, 0, UInt32.max),
        ] {
            append(tag)
            append(perm)
            append(id)
        }
        return bytes
    }

    static func setAttribute(_ name: String, _ value: [UInt8], on path: String) -> Int32 {
        typealias Set =
            @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) ->
            Int32
        let set = unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "setxattr")!, to: Set.self)
        return value.withUnsafeBytes { set(path, name, $0.baseAddress, $0.count, 0) }
    }

    static func attribute(_ name: String, of path: String) -> [UInt8]? {
        typealias Get =
            @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) ->
            Int
        let get = unsafeBitCast(dlsym(dlopen(nil, RTLD_NOW), "getxattr")!, to: Get.self)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = buffer.withUnsafeMutableBytes { get(path, name, $0.baseAddress, $0.count) }
        return n < 0 ? nil : Array(buffer[..<n])
    }
}
