import CZlibInflate

/// Reads the entries of a ZIP archive held in memory, checking every offset and size against the data, so that
/// a corrupt or hostile archive is an error, never a crash or a hang. Entries are stored or deflated (all an
/// XLSX uses). Written because ZIPFoundation's reader loops forever on a deflate stream that never ends
/// (found by fuzzing).
struct ZIPReader {
    struct Entry {
        let method: UInt16
        let compressedSize: Int
        let uncompressedSize: Int
        let localHeaderOffset: Int
    }

    struct Failure: Error {
        let message: String
    }

    private let bytes: [UInt8]
    /// Entries by path.
    let entries: [String: Entry]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        // The end-of-central-directory record is in the last 22 + 65,535 bytes.
        guard bytes.count >= 22 else { throw Failure(message: "too short to be a ZIP archive") }
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest, Self.uint32(bytes, end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw Failure(message: "no ZIP end-of-central-directory record") }
        let count = Int(Self.uint16(bytes, end + 10))
        let directorySize = Int(Self.uint32(bytes, end + 12))
        var position = Int(Self.uint32(bytes, end + 16))
        guard position >= 0, position + directorySize <= end else { throw Failure(message: "the central directory lies outside the archive") }
        var entries: [String: Entry] = [:]
        for _ in 0..<count {
            guard position + 46 <= end, Self.uint32(bytes, position) == 0x0201_4B50 else {
                throw Failure(message: "a central directory record is damaged")
            }
            let nameLength = Int(Self.uint16(bytes, position + 28))
            let extraLength = Int(Self.uint16(bytes, position + 30))
            let commentLength = Int(Self.uint16(bytes, position + 32))
            guard position + 46 + nameLength <= end else { throw Failure(message: "an entry name runs past the directory") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            entries[name] = Entry(
                method: Self.uint16(bytes, position + 10), compressedSize: Int(Self.uint32(bytes, position + 20)),
                uncompressedSize: Int(Self.uint32(bytes, position + 24)), localHeaderOffset: Int(Self.uint32(bytes, position + 42)))
            position += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The sum of the declared uncompressed sizes.
    var declaredSize: Int { entries.values.reduce(0) { $0 + $1.uncompressedSize } }

    /// The declared uncompressed size of one entry, if the archive has it.
    func size(_ name: String) -> Int? { entries[name]?.uncompressedSize }

    /// The bytes of an entry, or nil when the archive has no such entry.
    func data(_ name: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4B50 else {
            throw Failure(message: "the local header of \(name) is damaged")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw Failure(message: "\(name) runs past the end of the archive") }
        let compressed = Array(bytes[start..<(start + entry.compressedSize)])
        switch entry.method {
        case 0: return compressed
        case 8: return try Self.inflate(compressed, size: entry.uncompressedSize, name: name)
        default: throw Failure(message: "\(name) uses unsupported compression method \(entry.method)")
        }
    }

    /// Raw inflate with all input given at once: zlib either finishes, or reports an error or a stall; no loop.
    private static func inflate(_ input: [UInt8], size: Int, name: String) throws(Failure) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size + 1)
        var stream = z_stream()
        guard jz_inflate_init_raw(&stream) == Z_OK else { throw Failure(message: "cannot start zlib") }
        defer { inflateEnd(&stream) }
        var source = input
        let result = source.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer -> Int32 in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                return CZlibInflate.inflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END, Int(stream.total_out) == size else {
            throw Failure(message: "\(name) is corrupt (its compressed data does not inflate to its declared size)")
        }
        return Array(output.prefix(size))
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}
