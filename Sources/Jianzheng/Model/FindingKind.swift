import JianzhengBase

/// What a proposed change does that a department may want to gate on (`jianzheng diff --fail-on`, rule tests).
public enum FindingKind: String, Sendable, Codable, CaseIterable {
    /// An added or changed certificate requirement without sufficient legal basis.
    case newRequirementWithoutBasis = "new-requirement-without-basis"
    /// A new demand on an issuer that may not issue the certificate (民发〔2020〕20号).
    case newDemandOnProhibitedIssuer = "new-demand-on-prohibited-issuer"
    /// The change creates a circular proof.
    case newCircularProof = "new-circular-proof"
    /// An added requirement matches an absurd-certificate pattern.
    case newAbsurdCertificate = "new-absurd-certificate"
    /// An added or changed requirement cites an act or provision the corpus does not hold: kept until verified.
    case basisToVerify = "basis-to-verify"
    /// The burden on applicants of a procedure grows.
    case burdenIncreased = "burden-increased"
    /// A decision changes verdict or reason.
    case verdictChanged = "verdict-changed"
    /// A circular proof disappears.
    case circularProofBroken = "circular-proof-broken"
    case requirementRemoved = "requirement-removed"
    /// A procedure's own attributes change (volume, domain, territory, department): what its burden and its
    /// decisions rest on. A proposal that drops `volume` would otherwise claim the procedure's whole cost as saved.
    case procedureChanged = "procedure-changed"

    /// The default severity: errors fail `jianzheng diff` unless `--fail-on` says otherwise.
    public var severity: Diagnostic.Severity {
        switch self {
        case .newRequirementWithoutBasis, .newDemandOnProhibitedIssuer, .newCircularProof: .error
        case .newAbsurdCertificate, .burdenIncreased, .basisToVerify, .procedureChanged: .warning
        case .verdictChanged, .circularProofBroken, .requirementRemoved: .note
        }
    }
}
