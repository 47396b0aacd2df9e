import Foundation
import JianzhengBase

/// Why a file could not be written; the message names the path and the system's reason.
public struct FileWriteError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "cannot write '\(path)': \(reason)" }

    static func system(_ path: String, _ action: String, errno code: Int32 = errno) -> FileWriteError {
        FileWriteError(path: path, reason: "\(action): \(String(cString: strerror(code)))")
    }
}

/// Replaces files so that nothing is ever half-written, followed into an attacker's link, or silently lost.
///
/// A regular file is written to a fresh temporary file in the same directory, created exclusively
/// (`mkstemp`: `O_CREAT|O_EXCL`, so a planted name or link is never followed), given the mode of the file it
/// replaces (new files: 0666 less the umask), flushed to disk, and renamed over the target; the directory is
/// flushed too. The temporary file is removed on every failure (a full disk included).
///
/// - A target that is a symbolic link is resolved and the file it points to is replaced: the link stays a link.
/// - A target with several hard links is rewritten in place (after the new content is complete in memory), so
///   every link keeps seeing the file; this one case is not atomic.
/// - A character device or a FIFO (`/dev/stdout`, `/dev/null`, a pipe) is written directly.
/// - A directory, a dangling link or a missing parent directory is an error.
/// - With `expecting`, the write is refused if the file no longer holds those bytes when it is about to be
///   replaced (someone edited it meanwhile).
public enum AtomicFile {
    public static func write(_ text: String, to path: String, expecting original: [UInt8]? = nil) throws(FileWriteError) {
        try write(Array(text.utf8), to: path, expecting: original)
    }

    public static func write(_ data: Data, to path: String, expecting original: [UInt8]? = nil) throws(FileWriteError) {
        try write([UInt8](data), to: path, expecting: original)
    }

    public static func write(_ bytes: [UInt8], to path: String, expecting original: [UInt8]? = nil) throws(FileWriteError) {
        let target = try resolve(path)
        var status = stat()
        if stat(target, &status) != 0 {
            guard errno == ENOENT else { throw .system(path, "cannot inspect it") }
            if original != nil { throw FileWriteError(path: path, reason: "it was removed while being rewritten") }
            try replace(target, with: bytes, mode: newFileMode(), displayPath: path, expecting: nil)
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG where status.st_nlink > 1:
            try checkUnchanged(target, original, displayPath: path)
            try writeDirectly(bytes, to: target, flags: O_WRONLY | O_TRUNC, displayPath: path)
        case S_IFREG:
            try replace(target, with: bytes, mode: status.st_mode & 0o7777, displayPath: path, expecting: original)
        case S_IFCHR, S_IFIFO:
            try writeDirectly(bytes, to: target, flags: O_WRONLY, displayPath: path)
        case S_IFDIR:
            throw FileWriteError(path: path, reason: "it is a directory")
        default:
            throw FileWriteError(path: path, reason: "it is not a regular file")
        }
    }

    /// The file a path names once symbolic links are followed; the path itself when nothing exists there yet.
    private static func resolve(_ path: String) throws(FileWriteError) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            guard errno == ENOENT else { throw .system(path, "cannot inspect it") }
            let directory = directoryOf(path)
            var directoryStatus = stat()
            guard stat(directory, &directoryStatus) == 0, directoryStatus.st_mode & S_IFMT == S_IFDIR else {
                throw FileWriteError(path: path, reason: "the directory '\(directory)' does not exist")
            }
            return path
        }
        guard status.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            throw FileWriteError(path: path, reason: "it is a symbolic link to a file that does not exist")
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func directoryOf(_ path: String) -> String { PathName.directory(of: path) }

    /// 0666 less the process's umask, the mode `open` would give a new file.
    private static func newFileMode() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return 0o666 & ~mask
    }

    private static func replace(
        _ target: String, with bytes: [UInt8], mode: mode_t, displayPath: String, expecting original: [UInt8]?
    ) throws(FileWriteError) {
        let directory = directoryOf(target)
        var template = Array("\(directory)/.\((target as NSString).lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .system(displayPath, "cannot create a temporary file in '\(directory)'") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(FileWriteError) {
            defer { close(descriptor) }
            guard fchmod(descriptor, mode) == 0 else { throw .system(displayPath, "cannot set the file mode") }
            try writeAll(bytes, to: descriptor, displayPath: displayPath)
            guard fsync(descriptor) == 0 else { throw .system(displayPath, "cannot flush the file to disk") }
        } catch {
            unlink(temporary)
            throw error
        }
        do throws(FileWriteError) {
            try checkUnchanged(target, original, displayPath: displayPath)
            guard rename(temporary, target) == 0 else { throw .system(displayPath, "cannot replace the file") }
        } catch {
            unlink(temporary)
            throw error
        }
        let directoryDescriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Refuses to replace a file whose content is no longer `original`.
    private static func checkUnchanged(_ target: String, _ original: [UInt8]?, displayPath: String) throws(FileWriteError) {
        guard let original else { return }
        guard let current = FileManager.default.contents(atPath: target) else {
            throw FileWriteError(path: displayPath, reason: "it was removed while being rewritten")
        }
        guard [UInt8](current) == original else {
            throw FileWriteError(path: displayPath, reason: "it was changed by someone else while being rewritten; nothing was written")
        }
    }

    private static func writeDirectly(_ bytes: [UInt8], to target: String, flags: Int32, displayPath: String) throws(FileWriteError) {
        let descriptor = open(target, flags | O_CLOEXEC)
        guard descriptor >= 0 else { throw .system(displayPath, "cannot open it") }
        defer { close(descriptor) }
        try writeAll(bytes, to: descriptor, displayPath: displayPath)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, displayPath: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .system(displayPath, "write failed")
            }
            offset += written
        }
    }
}
