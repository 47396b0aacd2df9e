import Foundation
import Jianzheng

/// The JSON form of a diff (schema `jianzheng-diff/1`, docs/json-output.md).
public struct DiffDocument: Encodable {
    let schema = "jianzheng-diff/1"
    let asOf: String
    let policy: BeforeAfterText
    let changes: [Change]
    let cyclesCreated: [[String]]
    let cyclesBroken: [[String]]
    let annualCost: ReviewDocument.BeforeAfter
    let annualTrips: ReviewDocument.BeforeAfter
    let findings: [Finding]
    let fails: Bool

    struct BeforeAfterText: Encodable {
        let before, after: String
    }

    struct Change: Encodable {
        let procedureID, procedureName, material, kind: String
        let details: [String]
        let before: Outcome?
        let after: Outcome?
    }

    struct Outcome: Encodable {
        let verdict, reason: String
        let rule: String?
    }

    struct Finding: Encodable {
        let kind, severity, message: String
        let procedureID, material: String?
        let location: ReviewDocument.Location?
        let fails: Bool
    }

    public init(_ diff: ReviewDiff, failing: (DiffFinding) -> Bool) {
        asOf = diff.after.asOf.description
        policy = BeforeAfterText(before: diff.before.policy.name, after: diff.after.policy.name)
        func outcome(_ decision: Decision?) -> Outcome? {
            decision.map { Outcome(verdict: $0.verdict.rawValue, reason: $0.reason.rawValue, rule: $0.rule) }
        }
        changes = diff.changes.map {
            Change(
                procedureID: $0.procedureID, procedureName: $0.procedureName, material: $0.material, kind: $0.kind.rawValue,
                details: $0.details.map(OutcomeWording.chinese.fieldChange), before: outcome($0.before), after: outcome($0.after))
        }
        cyclesCreated = diff.cyclesCreated.map(\.procedures)
        cyclesBroken = diff.cyclesBroken.map(\.procedures)
        annualCost = ReviewDocument.BeforeAfter(
            before: ReviewDocument.round(diff.before.annualCostAfter), after: ReviewDocument.round(diff.after.annualCostAfter))
        annualTrips = ReviewDocument.BeforeAfter(
            before: ReviewDocument.round(diff.before.annualTripsAfter), after: ReviewDocument.round(diff.after.annualTripsAfter))
        findings = diff.findings.map {
            Finding(
                kind: $0.kind.rawValue, severity: $0.severity.rawValue, message: OutcomeWording.chinese.finding($0), procedureID: $0.procedureID,
                material: $0.material, location: $0.location.map(ReviewDocument.Location.init), fails: failing($0))
        }
        fails = diff.findings.contains(where: failing)
    }

    public func json() -> String { JSONOutput.encode(self) }
}

/// Sorted, pretty-printed JSON text shared by every JSON renderer.
public enum JSONOutput {
    /// Sorted, pretty-printed JSON text with a final newline (`JSONNode`: the same text as Foundation's
    /// `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`).
    public static func encode(_ value: some Encodable) -> String {
        let node = JSONNode.of(value)
        var output: [UInt8] = []
        node.write(into: &output, level: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }
}
