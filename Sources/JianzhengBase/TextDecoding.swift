#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text encodings of CSV files: UTF-8 (with or without BOM), GB18030 (a superset of GBK and GB2312), which
/// government CSVs are often saved in, and UTF-16 with a byte-order mark (Excel's "Unicode text").
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030
    case utf16 = "utf-16"

    /// Decodes bytes: UTF-16 when they start with its byte-order mark, UTF-8 when they are valid UTF-8, else
    /// GB18030 (a UTF-8 byte-order mark in front of GBK text, which some tools write, is skipped). Returns nil
    /// when nothing fits.
    public static func decode(_ bytes: [UInt8]) -> (String, TextEncoding)? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes).map { ($0, .utf16) }
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        return convert(Array(body), from: "GB18030", to: "UTF-8").map { (String(decoding: $0, as: UTF8.self), .gb18030) }
    }

    /// UTF-16 after its byte-order mark; nil for an odd length or an unpaired surrogate.
    private static func utf16(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        let littleEndian = bytes[0] == 0xFF
        let units = stride(from: 2, to: bytes.count, by: 2).map { index -> UInt16 in
            littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        }
        var text = String.UnicodeScalarView()
        var decoder = UTF16()
        var iterator = units.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): text.append(scalar)
            case .emptyInput: return String(text)
            case .error: return nil
            }
        }
    }

    /// Encodes text for writing.
    public func encode(_ text: String) -> [UInt8] {
        switch self {
        case .utf8: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .gb18030: return Self.convert(Array(text.utf8), from: "UTF-8", to: "GB18030") ?? Array(text.utf8)
        case .utf16: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
    }

    /// Converts with iconv; nil on an invalid sequence.
    static func convert(_ input: [UInt8], from source: String, to target: String) -> [UInt8]? {
        let descriptor = iconv_open(target, source)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        var inputLeft = input.count
        var outputLeft = output.count
        var source = input
        let status = source.withUnsafeMutableBytes { inputBuffer in
            output.withUnsafeMutableBytes { outputBuffer -> Int in
                var inputPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outputPointer = outputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                return iconv(descriptor, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
            }
        }
        guard status != -1, inputLeft == 0 else { return nil }
        return Array(output.prefix(output.count - outputLeft))
    }
}
