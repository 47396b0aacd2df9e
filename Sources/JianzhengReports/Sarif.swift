import Foundation
import Jianzheng
import JianzhengBase

/// SARIF 2.1.0 output, so findings show inline in code review: diagnostics of `check`, decisions of
/// `review` (removals as warnings, sharing and commitments as notes) and findings of `diff`.
public enum Sarif {
    struct Log: Encodable {
        let version = "2.1.0"
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case version
            case schema = "$schema"
            case runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name = "jianzheng"
        let informationUri = "https://github.com/jianzheng/jianzheng"
        let rules: [Rule]
    }

    struct Rule: Encodable {
        let id: String
        let shortDescription: Message
    }

    struct Message: Encodable {
        let text: String
    }

    struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Message
        let locations: [Location]
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
    }

    /// One result before encoding.
    struct Item {
        var ruleID: String
        var description: String
        var level: String
        var message: String
        var range: SourceRange?
    }

    static func log(_ items: [Item]) -> String {
        var rules: [String: String] = [:]
        for item in items where rules[item.ruleID] == nil { rules[item.ruleID] = item.description }
        let results = items.map { item in
            Result(
                ruleId: item.ruleID, level: item.level, message: Message(text: item.message),
                locations: item.range.map {
                    [Location(physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: uri($0.start.path)),
                        region: Region(startLine: max(1, $0.start.line), startColumn: max(1, $0.start.column))))]
                } ?? [])
        }
        let driver = Driver(rules: rules.sorted { $0.key < $1.key }.map { Rule(id: $0.key, shortDescription: Message(text: $0.value)) })
        return JSONOutput.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    /// A relative path as a URI reference (percent-encoded where needed, `/` kept).
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// Diagnostics of `check`.
    public static func diagnostics(_ diagnostics: [Diagnostic]) -> String {
        log(diagnostics.map {
            Item(ruleID: $0.code.rawValue, description: "\($0.code)", level: level($0.severity), message: $0.message, range: $0.range)
        })
    }

    /// Decisions of `review` other than keep, and circular proofs.
    public static func review(_ review: Review) -> String {
        var items = review.decisions.filter { $0.verdict != .keep }.map { decision in
            Item(
                ruleID: decision.reason.rawValue, description: OutcomeWording.chinese.because(decision),
                level: decision.verdict == .remove ? "warning" : "note",
                message: "\(decision.procedureID) \(decision.material)：\(decision.verdict.chinese)（\(OutcomeWording.chinese.because(decision))）"
                    + (decision.replacement.map { "；替代：\(OutcomeWording.chinese.replacement($0))" } ?? ""),
                range: decision.location)
        }
        for cycle in review.cycles {
            let location = cycle.edges.first.flatMap { edge in review.decision(edge.from, edge.material)?.location }
            items.append(Item(
                ruleID: cycle.status == .unresolved ? "CIRCULAR_UNRESOLVED" : "CIRCULAR_PROOF", description: "循环证明",
                level: cycle.status == .unresolved ? "error" : "warning",
                message: "循环证明：" + (cycle.path + [cycle.path[0]]).joined(separator: " → "), range: location))
        }
        return log(items)
    }

    /// Findings of `diff`; failing findings are errors.
    public static func diff(_ diff: ReviewDiff, failing: (DiffFinding) -> Bool) -> String {
        log(diff.findings.map { finding in
            Item(
                ruleID: finding.kind.rawValue, description: finding.kind.rawValue,
                level: failing(finding) ? "error" : level(finding.severity == .error ? .warning : finding.severity),
                message: OutcomeWording.chinese.finding(finding), range: finding.location)
        })
    }
}
