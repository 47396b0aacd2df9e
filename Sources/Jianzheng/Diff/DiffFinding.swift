import Foundation
import JianzhengBase
import JianzhengSyntax

/// Something a proposed change does that a department may want to gate on.
public struct DiffFinding: Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// An added or changed certificate requirement without sufficient legal basis.
        case newRequirementWithoutBasis = "new-requirement-without-basis"
        /// A new demand on an issuer that may not issue the certificate (民发〔2020〕20号).
        case newDemandOnProhibitedIssuer = "new-demand-on-prohibited-issuer"
        /// The change creates a circular proof.
        case newCircularProof = "new-circular-proof"
        /// An added requirement matches an absurd-certificate pattern.
        case newAbsurdCertificate = "new-absurd-certificate"
        /// The burden on applicants of a procedure grows.
        case burdenIncreased = "burden-increased"
        /// A decision changes verdict or reason.
        case verdictChanged = "verdict-changed"
        /// A circular proof disappears.
        case circularProofBroken = "circular-proof-broken"
        case requirementRemoved = "requirement-removed"

        /// The default severity: errors fail `jianzheng diff` unless `--fail-on` says otherwise.
        public var severity: Diagnostic.Severity {
            switch self {
            case .newRequirementWithoutBasis, .newDemandOnProhibitedIssuer, .newCircularProof: .error
            case .newAbsurdCertificate, .burdenIncreased: .warning
            case .verdictChanged, .circularProofBroken, .requirementRemoved: .note
            }
        }
    }

    public var kind: Kind
    public var message: String
    public var procedureID: String?
    public var material: String?
    /// Where the change is written (the after side's source), when known.
    public var location: SourceRange?

    public var severity: Diagnostic.Severity { kind.severity }
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
