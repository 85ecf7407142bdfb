import FoundationEssentials
import Glibc

/// A file system error as a sentence for a message: FoundationEssentials' `CocoaError`
/// has no `localizedDescription`, and its description is a dump of its `userInfo`. The
/// operating system's reason (`strerror`) is what the reader needs.
public enum SystemErrorText {
    /// `No such file or directory` for a `CocoaError` or `POSIXError` carrying `ENOENT`;
    /// the error's own description for anything else.
    public static func describing(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        if let cocoa = error as? CocoaError {
            if let posix = cocoa.userInfo["NSUnderlyingError"] as? POSIXError {
                return String(cString: strerror(posix.code.rawValue))
            }
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
            case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
            case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
            case .fileWriteFileExists: return String(cString: strerror(EEXIST))
            case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
            default: return "error \(cocoa.code.rawValue) of the file system"
            }
        }
        return "\(error)"
    }
}
