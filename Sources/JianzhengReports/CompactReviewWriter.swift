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
        // Fields are read in place: a decision is a large value, not worth copying for five of its fields. The
        // decisions of one procedure share its id, quoted once.
        var procedure: [UInt8] = []
        for decisions in review.decisions.byProcedure where !decisions.isEmpty {
            procedure.removeAll(keepingCapacity: true)
            JSONNode.quote(decisions[0].procedureID, into: &procedure)
            for index in decisions.indices {
                buffer.append(contentsOf: "{\"procedure\":".utf8)
                buffer.append(contentsOf: procedure)
                buffer.append(contentsOf: ",\"material\":".utf8)
                append(decisions[index].material)
                buffer.append(contentsOf: ",\"verdict\":\"".utf8)
                buffer.append(contentsOf: decisions[index].verdict.rawValue.utf8)
                buffer.append(contentsOf: "\",\"reason\":\"".utf8)
                buffer.append(contentsOf: decisions[index].reason.rawValue.utf8)
                buffer.append(contentsOf: "\",\"rule\":".utf8)
                if let rule = decisions[index].rule { append(rule) } else { buffer.append(contentsOf: "null".utf8) }
                buffer.append(contentsOf: "}\n".utf8)
            }
            if buffer.count > 1 << 20 { flush() }
        }
        flush()
    }

    /// A JSON string literal.
    private mutating func append(_ text: String) { JSONNode.quote(text, into: &buffer) }

    private mutating func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
