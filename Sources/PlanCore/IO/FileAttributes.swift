import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a file carries besides its bytes and mode, copied onto the new file a save
/// renames over it: extended attributes (the POSIX ACL among them, as
/// `system.posix_acl_access`), then the owner and group.
enum FileAttributes {
    /// Gives the open file `fd` the attributes, owner and group of the file at `path`
    /// (whose `stat` is `original`). False when one of them cannot be kept: the caller
    /// then writes the original in place instead. Labels the system assigns itself
    /// (`security.*`, such as SELinux's) are not required to copy.
    static func copy(from path: String, like original: stat, to fd: Int32) -> Bool {
        let source = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard source >= 0 else { return false }
        defer { close(source) }
        guard let wanted = names(of: source) else { return false }
        // What the new file got from its folder (a default ACL) but the original lacks.
        for name in names(of: fd) ?? [] where !wanted.contains(name) { _ = fremovexattr(fd, name) }
        for name in wanted {
            guard let value = value(of: name, in: source) else { return false }
            let set = value.withUnsafeBytes { fsetxattr(fd, name, $0.baseAddress, $0.count, 0) }
            if set != 0, !name.hasPrefix("security.") { return false }
        }
        var created = stat()
        guard fstat(fd, &created) == 0 else { return false }
        // After the ACL: only the file's owner may set that, and it is not ours from here on.
        if created.st_uid != original.st_uid || created.st_gid != original.st_gid {
            guard fchown(fd, original.st_uid, original.st_gid) == 0 else { return false }
        }
        return true
    }

    // glibc's <sys/xattr.h> is not part of the Glibc module: the four calls are looked up by name.
    private typealias List = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int
    private typealias Get = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeMutableRawPointer?, Int) -> Int
    private typealias Set = @convention(c) (Int32, UnsafePointer<CChar>, UnsafeRawPointer?, Int, Int32) -> Int32
    private typealias Remove = @convention(c) (Int32, UnsafePointer<CChar>) -> Int32

    private static func function<T>(_ name: String, as type: T.Type) -> T? {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
    }

    private static let flistxattr = function("flistxattr", as: List.self) ?? { _, _, _ in enotsup() }
    private static let fgetxattr = function("fgetxattr", as: Get.self) ?? { _, _, _, _ in enotsup() }
    private static let fsetxattr = function("fsetxattr", as: Set.self) ?? { _, _, _, _, _ in Int32(enotsup()) }
    private static let fremovexattr = function("fremovexattr", as: Remove.self) ?? { _, _ in Int32(enotsup()) }

    private static func enotsup() -> Int {
        errno = ENOTSUP
        return -1
    }

    /// The names of the file's extended attributes; [] where the file system has none, nil on an error.
    static func names(of fd: Int32) -> [String]? {
        while true {
            let size = flistxattr(fd, nil, 0)
            if size < 0 { return errno == ENOTSUP ? [] : nil }
            if size == 0 { return [] }
            var buffer = [CChar](repeating: 0, count: size)
            let read = flistxattr(fd, &buffer, size)
            if read < 0 {
                if errno == ERANGE { continue }  // one was added in between
                return nil
            }
            return buffer[..<read].split(separator: 0).map {
                String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
        }
    }

    static func value(of name: String, in fd: Int32) -> [UInt8]? {
        while true {
            let size = fgetxattr(fd, name, nil, 0)
            guard size >= 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: size)
            let read = buffer.withUnsafeMutableBytes { fgetxattr(fd, name, $0.baseAddress, size) }
            if read < 0 {
                if errno == ERANGE { continue }
                return nil
            }
            return Array(buffer[..<read])
        }
    }
}
