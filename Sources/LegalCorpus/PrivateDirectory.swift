import Foundation
import JianzhengBase

/// A directory only this user can read or write (owned by the effective user, mode 0700), and files in it that
/// are opened without following links and must be owned by the user too: where the corpus cache and its key live.
enum PrivateDirectory {
    /// Creates `path` with mode 0700 (and missing parents), or checks that the existing directory is private.
    static func ensure(_ path: String) throws(CorpusCache.Refusal) {
        var info = stat()
        if lstat(path, &info) != 0 {
            let parent = PathName.directory(of: path)
            if parent != ".", parent != path {
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw CorpusCache.Refusal(reason: "cannot create '\(parent)'")
                }
            }
            guard mkdir(path, 0o700) == 0 || errno == EEXIST, lstat(path, &info) == 0 else {
                throw CorpusCache.Refusal(reason: "cannot create '\(path)': \(String(cString: strerror(errno)))")
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw CorpusCache.Refusal(reason: "'\(path)' is not a directory (a link is not accepted)")
        }
        guard info.st_uid == geteuid() else {
            throw CorpusCache.Refusal(reason: "'\(path)' belongs to another user")
        }
        guard info.st_mode & 0o077 == 0 else {
            throw CorpusCache.Refusal(
                reason: "'\(path)' can be read or written by others (mode \(String(info.st_mode & 0o777, radix: 8)); it must be 700)")
        }
    }

    /// The 16-byte key in `directory/key`, created at random on first use.
    static func key(in directory: String) throws(CorpusCache.Refusal) -> [UInt8] {
        let path = directory + "/key"
        if let existing = contents(of: path, mode: 0o600) {
            guard existing.count == 16 else { throw CorpusCache.Refusal(reason: "'\(path)' is not a cache key") }
            return existing
        }
        var key = [UInt8](repeating: 0, count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in key.indices { key[index] = generator.next() }
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            // Another process may have just created it.
            if errno == EEXIST, let existing = contents(of: path, mode: 0o600), existing.count == 16 { return existing }
            throw CorpusCache.Refusal(reason: "cannot create '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard Foundation.write(descriptor, key, key.count) == key.count else {
            unlink(path)
            throw CorpusCache.Refusal(reason: "cannot write '\(path)'")
        }
        return key
    }

    /// The bytes of a regular file owned by this user and not writable by others (with `mode`: exactly that
    /// mode), opened without following a link; nil otherwise.
    static func contents(of path: String, mode: mode_t? = nil) -> [UInt8]? {
        let descriptor = Foundation.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_uid == geteuid(),
            info.st_mode & 0o022 == 0, mode.map({ info.st_mode & 0o777 == $0 }) ?? true
        else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            offset += count
        }
        return bytes
    }

    /// Writes `bytes` to `path` through an exclusively created temporary file (mode 0600) and a rename.
    static func replace(_ path: String, with bytes: [UInt8]) {
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            offset += count
        }
        let complete = offset == bytes.count
        close(descriptor)
        if !complete || rename(temporary, path) != 0 { unlink(temporary) }
    }
}
