import Foundation

/// Reads an input file whole, after checking its size: a file over the limit is refused before a byte of it is
/// read, and every failure is a diagnostic naming the path and the system's reason (never a Foundation dump).
public enum InputFile {
    /// Limits per input surface, in bytes (docs/robustness.md, "Input budgets").
    public enum Limit {
        /// A `.jz` source file.
        public static let source = 256 * 1024 * 1024
        /// An Akoma Ntoso document (the XML loader refuses more, too).
        public static let xml = 32 * 1024 * 1024
        /// A spreadsheet (XLSX or CSV).
        public static let spreadsheet = 256 * 1024 * 1024
    }

    /// The bytes of `path`, or a `JZ0001` diagnostic: missing, unreadable, not a regular file, or over `limit`
    /// (then with the code `tooLarge`).
    public static func read(_ path: String, limit: Int, tooLarge: DiagnosticCode = .unreadableFile) -> Result<[UInt8], Diagnostic> {
        let location = SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(Diagnostic(.unreadableFile, "cannot read file: \(String(cString: strerror(errno)))", at: location))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .failure(Diagnostic(.unreadableFile, "cannot read file: \(String(cString: strerror(errno)))", at: location))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "it is a directory" : "it is not a regular file"
            return .failure(Diagnostic(.unreadableFile, "cannot read file: \(what)", at: location))
        }
        guard Int(info.st_size) <= limit else {
            return .failure(Diagnostic(
                tooLarge, "file of \(info.st_size) bytes exceeds the limit of \(limit) bytes; it is not read", at: location))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                return .failure(Diagnostic(.unreadableFile, "cannot read file: \(String(cString: strerror(errno)))", at: location))
            }
            if count == 0 { break }  // the file shrank while being read
            offset += count
        }
        return .success(offset == bytes.count ? bytes : Array(bytes.prefix(offset)))
    }
}

extension Diagnostic: Error {}
