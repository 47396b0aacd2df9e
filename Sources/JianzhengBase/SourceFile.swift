import Foundation

/// A source file held as UTF-8 bytes, with the offsets needed to turn byte offsets into lines and columns.
///
/// Columns are 1-based and counted in Unicode scalars, so `居民户口簿` is five columns; the caret renderer
/// separately accounts for East Asian wide characters taking two terminal cells.
public struct SourceFile: Sendable {
    /// The path as given by the user (used in every diagnostic).
    public let path: String
    /// The interned id of `path`.
    public let fileID: Int32
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line, in 32 bits like `SourceLocation`'s (a catalogue's files have
    /// millions of lines). Counted when first asked for: the lexer counts lines itself, so only a diagnostic's
    /// location or excerpt needs them (a catalogue of 50,000 procedures has 12 MB of them, mostly never read).
    public var lineStarts: [UInt32] { lines.starts(of: bytes) }
    private let lines = LineTable()

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.fileID = FilePaths.shared.id(path)
        self.bytes = bytes
    }

    /// A file's line starts, counted once, by whichever thread asks first (a file's diagnostics may be rendered in
    /// parallel with another's).
    private final class LineTable: @unchecked Sendable {
        private let lock = NSLock()
        /// Written once, under the lock.
        private var starts: [UInt32]?

        func starts(of bytes: [UInt8]) -> [UInt32] {
            lock.withLock {
                if let starts { return starts }
                let counted = SourceFile.lineStarts(of: bytes)
                starts = counted
                return counted
            }
        }
    }

    /// The offset after every newline, and 0: counted first so the array is allocated once at its size, each
    /// newline found with `memchr` (a byte-at-a-time loop was a tenth of a second on a province's files).
    fileprivate static func lineStarts(of bytes: [UInt8]) -> [UInt32] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [0] }
            let end = base + buffer.count
            func forEachNewline(_ body: (UnsafePointer<UInt8>) -> Void) {
                var cursor = base
                while cursor < end, let found = memchr(cursor, Int32(UInt8(ascii: "\n")), end - cursor) {
                    let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    body(newline)
                    cursor = newline + 1
                }
            }
            var lines = 1
            forEachNewline { _ in lines += 1 }
            var starts: [UInt32] = []
            starts.reserveCapacity(lines)
            starts.append(0)
            forEachNewline { newline in starts.append(UInt32(truncatingIfNeeded: newline - base + 1)) }
            return starts
        }
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The location of a byte offset: 1-based line and scalar column.
    public func location(at offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        let lineStarts = lineStarts
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = Int(lineStarts[low])
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // A continuation byte at `clamped` itself would be mid-scalar; columns count scalar starts only.
        return SourceLocation(fileID: fileID, line: low + 1, column: column, offset: clamped)
    }

    /// The range between two byte offsets.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: location(at: start), end: location(at: max(start, end)))
    }

    /// At most `radius` bytes of a line on each side of a byte offset (cut at scalar boundaries), and the
    /// 1-based column of the offset within that excerpt; marks whether either end was cut.
    public func lineExcerpt(
        line: Int, column: Int, offset: Int, radius: Int = 160
    ) -> (text: String, column: Int, cutStart: Bool, cutEnd: Bool) {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return ("", 1, false, false) }
        let lineStart = Int(lineStarts[line - 1])
        var lineEnd = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let anchor = anchorOffset(lineStart: lineStart, lineEnd: lineEnd, column: column, offset: offset)
        var start = max(lineStart, anchor - radius)
        while start > lineStart, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        var end = min(lineEnd, anchor + radius)
        while end < lineEnd, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let column = bytes[start..<anchor].reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return (String(decoding: bytes[start..<max(start, end)], as: UTF8.self), column, start > lineStart, end < lineEnd)
    }

    /// The byte offset of a column: the recorded offset when it agrees with the column (or the line is too long to
    /// check cheaply), else found by counting scalars from the line start.
    private func anchorOffset(lineStart: Int, lineEnd: Int, column: Int, offset: Int) -> Int {
        if offset >= lineStart, offset <= lineEnd {
            if offset - lineStart > 4096 { return offset }
            let counted = bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
            if counted == column { return offset }
        }
        var position = lineStart
        var current = 1
        while position < lineEnd, current < column {
            position += 1
            while position < lineEnd, bytes[position] & 0xC0 == 0x80 { position += 1 }
            current += 1
        }
        return position
    }
}

/// A point in a source file. The path is interned (a 32-bit id into `FilePaths`), so locations and ranges are
/// plain values that copy without reference counting, which matters for a syntax tree of millions of nodes.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    public var fileID: Int32
    // Stored in 32 bits: a location is 16 bytes, and a syntax tree holds millions of them.
    @usableFromInline var storedLine: Int32
    @usableFromInline var storedColumn: Int32
    @usableFromInline var storedOffset: UInt32

    /// 1-based line number.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }
    /// Byte offset into the file.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = UInt32(clamping: newValue) }
    }

    /// The path as given by the user.
    public var path: String {
        get { FilePaths.shared.path(fileID) }
        set { fileID = FilePaths.shared.id(newValue) }
    }

    public init(path: String, line: Int, column: Int, offset: Int = 0) {
        self.init(fileID: FilePaths.shared.id(path), line: line, column: column, offset: offset)
    }

    public init(fileID: Int32, line: Int, column: Int, offset: Int = 0) {
        self.init(fileID: fileID, line: Int32(clamping: line), column: Int32(clamping: column), offset: UInt32(clamping: offset))
    }

    /// A location from the 32-bit values it is stored as (the lexer's, for every token).
    @inlinable
    public init(fileID: Int32, line: Int32, column: Int32, offset: UInt32) {
        self.fileID = fileID
        storedLine = line
        storedColumn = column
        storedOffset = offset
    }

    @inlinable
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.path < rhs.path }
        return lhs.storedLine != rhs.storedLine ? lhs.storedLine < rhs.storedLine : lhs.storedColumn < rhs.storedColumn
    }

    enum CodingKeys: String, CodingKey {
        case path, line, column, offset
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            path: try container.decode(String.self, forKey: .path), line: try container.decode(Int.self, forKey: .line),
            column: try container.decode(Int.self, forKey: .column), offset: try container.decode(Int.self, forKey: .offset))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(offset, forKey: .offset)
    }
}

/// The interned paths of every file the process has located something in.
public final class FilePaths: @unchecked Sendable {
    public static let shared = FilePaths()
    private var paths: [String] = [""]
    private var ids: [String: Int32] = ["": 0]
    private let lock = NSLock()

    /// The id of a path, registering it on first use.
    public func id(_ path: String) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let id = ids[path] { return id }
        let id = Int32(paths.count)
        paths.append(path)
        ids[path] = id
        return id
    }

    public func path(_ id: Int32) -> String {
        lock.lock()
        defer { lock.unlock() }
        return Int(id) < paths.count ? paths[Int(id)] : ""
    }
}

/// A half-open span in one source file.
public struct SourceRange: Sendable, Hashable, Codable {
    public var start: SourceLocation
    public var end: SourceLocation

    @inlinable
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// A zero-width range at a location.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    /// The range covering both.
    @inlinable
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
