import Foundation
import Jianzheng
import JianzhengBase

/// Streams every decision as one compact JSON line (JSON Lines), without traces:
/// `{"procedure":"…","material":"…","verdict":"…","reason":"…","rule":"…"}`, encoded on all cores. For catalogues too large for the
/// full document.
public struct CompactReviewWriter {
    private let handle: FileHandle

    public init(handle: FileHandle) {
        self.handle = handle
    }

    /// Procedures encoded per task, and per window of tasks: the lines are encoded on all cores a window at a time
    /// and written in order, so memory holds one window's lines, not the whole output.
    private static let chunk = 256
    private static let window = 16 * chunk

    public mutating func write(_ review: Review) {
        write(review.decisions.byProcedure.map { $0.map(\.outcome) })
    }

    /// Writes the lines of some procedures' outcomes, each procedure's in order (a window of a streamed review:
    /// `ReviewEngine.streamOutcomes`).
    public mutating func write(_ groups: [[DecisionOutcome]]) {
        var start = 0
        while start < groups.count {
            let end = min(start + Self.window, groups.count)
            let chunks = stride(from: start, to: end, by: Self.chunk).map { $0..<min($0 + Self.chunk, end) }
            for lines in ConcurrentSlots<[UInt8]>.map(chunks, { Self.encode(groups[$0]) }) where !lines.isEmpty {
                handle.write(Data(lines))
            }
            start = end
        }
    }

    /// The lines of some procedures' outcomes.
    private static func encode(_ groups: ArraySlice<[DecisionOutcome]>) -> [UInt8] {
        // The outcomes of one procedure share its id, quoted once.
        var buffer: [UInt8] = []
        buffer.reserveCapacity(groups.reduce(0) { $0 + $1.count } * 128)
        var procedure: [UInt8] = []
        for decisions in groups where !decisions.isEmpty {
            procedure.removeAll(keepingCapacity: true)
            JSONNode.quote(decisions[0].procedureID, into: &procedure)
            for index in decisions.indices {
                buffer.append(contentsOf: "{\"procedure\":".utf8)
                buffer.append(contentsOf: procedure)
                buffer.append(contentsOf: ",\"material\":".utf8)
                JSONNode.quote(decisions[index].material, into: &buffer)
                buffer.append(contentsOf: ",\"verdict\":\"".utf8)
                buffer.append(contentsOf: decisions[index].verdict.rawValue.utf8)
                buffer.append(contentsOf: "\",\"reason\":\"".utf8)
                buffer.append(contentsOf: decisions[index].reason.rawValue.utf8)
                buffer.append(contentsOf: "\",\"rule\":".utf8)
                if let rule = decisions[index].rule { JSONNode.quote(rule, into: &buffer) } else { buffer.append(contentsOf: "null".utf8) }
                buffer.append(contentsOf: "}\n".utf8)
            }
        }
        return buffer
    }
}
