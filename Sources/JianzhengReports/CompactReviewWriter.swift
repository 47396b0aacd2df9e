import Foundation
import Jianzheng

/// Streams every decision as one compact JSON line (JSON Lines), without traces, through a buffer:
/// `{"procedure":"…","material":"…","verdict":"…","reason":"…","rule":"…"}`. For catalogues too large for the
/// full document.
public struct CompactReviewWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    public init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    public mutating func write(_ review: Review) {
        for decision in review.decisions {
            buffer.append(contentsOf: "{\"procedure\":".utf8)
            append(decision.procedureID)
            buffer.append(contentsOf: ",\"material\":".utf8)
            append(decision.material)
            buffer.append(contentsOf: ",\"verdict\":\"".utf8)
            buffer.append(contentsOf: decision.verdict.rawValue.utf8)
            buffer.append(contentsOf: "\",\"reason\":\"".utf8)
            buffer.append(contentsOf: decision.reason.rawValue.utf8)
            buffer.append(contentsOf: "\",\"rule\":".utf8)
            if let rule = decision.rule { append(rule) } else { buffer.append(contentsOf: "null".utf8) }
            buffer.append(contentsOf: "}\n".utf8)
            if buffer.count > 1 << 20 { flush() }
        }
        flush()
    }

    /// A JSON string literal.
    private mutating func append(_ text: String) {
        buffer.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): buffer += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0..<0x20: buffer += Array(String(format: "\\u%04x", byte).utf8)
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
