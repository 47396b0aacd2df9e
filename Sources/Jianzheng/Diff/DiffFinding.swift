import Foundation
import JianzhengBase

/// Something a proposed change does that a department may want to gate on, with what shows it.
public struct DiffFinding: Sendable {
    public typealias Kind = FindingKind

    /// What a finding is about; the reports word it.
    public enum Evidence: Sendable {
        /// A requirement's decisions on the two sides (one of them nil when it was added or removed).
        case decisions(before: Decision?, after: Decision?)
        /// A circular proof created (on the after side) or broken (on the before side).
        case cycle(CircularProof)
        /// A procedure's burden per application, before and after.
        case burden(before: ProcedureBurden, after: ProcedureBurden)
        /// A procedure's attributes that differ, each with both values.
        case procedure([ProcedureAttributeChange])
    }

    public var kind: Kind
    public var evidence: Evidence
    public var procedureID: String?
    public var material: String?
    /// Where the change is written (the after side's source), when known.
    public var location: SourceRange?

    public var severity: Diagnostic.Severity { kind.severity }

    public init(kind: Kind, evidence: Evidence, procedureID: String?, material: String?, location: SourceRange?) {
        self.kind = kind
        self.evidence = evidence
        self.procedureID = procedureID
        self.material = material
        self.location = location
    }
}

/// One attribute of a procedure, before and after a change.
public struct ProcedureAttributeChange: Sendable, Hashable {
    public enum Attribute: String, Sendable, Hashable {
        case volume, domain, territory, department
    }

    public var attribute: Attribute
    public var before: String
    public var after: String
}

/// Which findings fail a diff: `--fail-on error` (default), `warning`, `note`, `none`, or finding kinds.
public struct FailurePolicy: Sendable {
    public var severities: Set<Diagnostic.Severity>
    public var kinds: Set<DiffFinding.Kind>

    public static let `default` = FailurePolicy(severities: [.error], kinds: [])

    /// Parses a comma-separated list; unknown words are returned as errors.
    public static func parse(_ text: String) -> Result<FailurePolicy, ReviewError> {
        var policy = FailurePolicy(severities: [], kinds: [])
        for word in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            switch word {
            case "none": continue
            case "error": policy.severities.insert(.error)
            case "warning": policy.severities.formUnion([.error, .warning])
            case "note": policy.severities.formUnion([.error, .warning, .note])
            default:
                guard let kind = DiffFinding.Kind(rawValue: word) else {
                    let allowed = ["none", "error", "warning", "note"] + DiffFinding.Kind.allCases.map(\.rawValue)
                    return .failure(ReviewError(description: "unknown --fail-on value '\(word)'; use " + allowed.joined(separator: ", ")))
                }
                policy.kinds.insert(kind)
            }
        }
        return .success(policy)
    }

    public func fails(_ finding: DiffFinding) -> Bool {
        severities.contains(finding.severity) || kinds.contains(finding.kind)
    }
}
