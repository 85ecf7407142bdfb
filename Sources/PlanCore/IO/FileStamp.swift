import FoundationEssentials
import Glibc

/// A file's identity and last change, as `stat` reports them: enough to tell cheaply
/// whether a file changed since it was read, and whether another program may still be
/// writing it.
///
/// Files that `actionplan` writes carry a mark: the nanoseconds of their modification
/// time are set to a value derived from their inode and size (``mark(_:)``). A file
/// that still has its mark was last written, whole, by `actionplan`; any other write
/// (an editor, `cat >`, a sync client, `git checkout`) sets a new time and so drops it.
/// That lets a save tell a file it can trust at once from one that another program
/// changed a moment ago, which it leaves to settle first (see ``PlanSession``).
public struct FileStamp: Equatable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: timespec
    public var links: UInt64
    /// When the inode last changed (`st_ctim`): set by the kernel on every write, rename
    /// or change of times, and never by a program, so it tells a rewrite that restored the
    /// modification time (`touch -r`, `cp -p`) from none. Left out of `==`, which a
    /// change of permissions alone should not fail.
    public var statusChanged: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        links = UInt64(info.st_nlink)
        statusChanged = info.st_ctim
    }

    /// The stamp of the file at `path` (following symbolic links); nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The stamp of an open file.
    public init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    public static func == (lhs: FileStamp, rhs: FileStamp) -> Bool {
        lhs.device == rhs.device && lhs.inode == rhs.inode && lhs.size == rhs.size
            && lhs.modified.tv_sec == rhs.modified.tv_sec && lhs.modified.tv_nsec == rhs.modified.tv_nsec
    }

    /// Whether this is the same file, not written or touched at all since `other` was
    /// taken: `==`, and the same inode change time.
    public func isUntouched(since other: FileStamp) -> Bool {
        self == other && statusChanged.tv_sec == other.statusChanged.tv_sec
            && statusChanged.tv_nsec == other.statusChanged.tv_nsec
    }

    /// Whether the file was last written by `actionplan` (it still carries the mark).
    public var isMarked: Bool { modified.tv_nsec == Self.markNanoseconds(inode: inode, size: size) }

    /// Seconds since the file was last modified, by the wall clock (negative for a time in the future).
    public func age(now: Date = Date()) -> Double {
        now.timeIntervalSince1970 - (Double(modified.tv_sec) + Double(modified.tv_nsec) / 1e9)
    }

    /// Whether some process holds the file open for writing, as an editor that truncates
    /// then writes, or `cat >`, does until it has finished; nil when that cannot be told
    /// (another user's file without `CAP_LEASE`, a network file system).
    ///
    /// Linux tells through a read lease, which it grants only on a file nobody has open for
    /// writing; the lease is given back at once. Were a writer to open the file in that
    /// instant, the kernel would signal the break with `SIGURG`, which is ignored by
    /// default, instead of the default `SIGIO`, which would end this process.
    public static func isOpenForWriting(_ path: String) -> Bool? {
        // <fcntl.h>'s F_SETSIG, F_SETLEASE (Linux), F_RDLCK and F_UNLCK, which Swift does not import.
        let (setSignal, setLease, readLease, unlock): (Int32, Int32, Int32, Int32) = (10, 1024, 0, 2)
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fcntl(fd, setSignal, SIGURG) == 0 else { return nil }
        if fcntl(fd, setLease, readLease) == 0 {
            _ = fcntl(fd, setLease, unlock)
            return false
        }
        return errno == EAGAIN ? true : nil
    }

    /// Marks a file just written through `descriptor`: its modification time becomes
    /// now, with the nanoseconds replaced by the mark. Best effort: a file system that
    /// keeps coarser times simply has no mark, and its files are left to settle.
    static func mark(_ descriptor: Int32) {
        guard let written = FileStamp(descriptor: descriptor) else { return }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        now.tv_nsec = Self.markNanoseconds(inode: written.inode, size: written.size)
        // Linux's UTIME_OMIT (a macro Swift does not import): leave the access time alone.
        let times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2), now]
        _ = futimens(descriptor, times)
    }

    /// A value below one second that depends on the inode and the size (a multiplicative
    /// hash), so that a file written by another program matches it only by a one-in-a-billion chance.
    static func markNanoseconds(inode: UInt64, size: Int64) -> Int {
        let mixed = (inode &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(bitPattern: size) &* 0xC2B2_AE3D_27D4_EB4F)
        return Int((mixed >> 17) % 1_000_000_000)
    }
}
