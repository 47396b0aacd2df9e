import JianzhengBase

/// What a proposed change does to a catalogue's review: requirements added, removed or changed, verdicts
/// that move, circular proofs created or broken, burden before and after, and findings to gate on.
public struct ReviewDiff: Sendable {
    public enum ChangeKind: String, Sendable, Codable {
        case added, removed, changed
        /// The requirement is unchanged but its verdict or reason moved (a new source, policy or law).
        case verdictOnly = "verdict-only"
    }

    /// One field of a requirement, or of its material's definition, that differs between the two sides.
    public enum FieldChange: Sendable, Hashable {
        /// The citations of the requirement's basis, as written.
        case basis(before: [String], after: [String])
        case share(before: Double, after: Double)
        case absurd(before: [AbsurdPattern], after: [AbsurdPattern])
        case kind(before: MaterialKind, after: MaterialKind)
        case issuers(before: [String], after: [String])
        case proves(before: [String], after: [String])
    }

    /// One requirement that differs between the two sides.
    public struct RequirementChange: Sendable {
        public var procedureID: String
        public var procedureName: String
        public var material: String
        public var kind: ChangeKind
        /// What changed in the requirement's text (basis, share …) or its material's definition.
        public var details: [FieldChange]
        public var before: Decision?
        public var after: Decision?
    }

    public var before: Review
    public var after: Review
    public var changes: [RequirementChange]
    public var cyclesCreated: [CircularProof]
    public var cyclesBroken: [CircularProof]
    /// Procedures whose burden (after verdicts) differs, as (before, after).
    public var burdenChanges: [(before: ProcedureBurden?, after: ProcedureBurden?)]
    public var findings: [DiffFinding]

    /// Compares two reviews of two catalogues (before and after the proposed change).
    public static func compare(before: Review, beforeCatalogue: Catalogue, after: Review, afterCatalogue: Catalogue) -> ReviewDiff {
        compare(
            before: before, beforeCatalogue: beforeCatalogue, after: after, afterCatalogue: afterCatalogue,
            decisions: (Array(before.decisions), Array(after.decisions)), burdens: (before.burdens, after.burdens))
    }

    /// Compares two reviews where only the given decisions and burdens can differ (a what-if knows which);
    /// cycles and totals are compared whole.
    static func compare(
        before: Review, beforeCatalogue: Catalogue, after: Review, afterCatalogue: Catalogue,
        decisions compared: (before: [Decision], after: [Decision]), burdens comparedBurdens: (before: [ProcedureBurden], after: [ProcedureBurden])
    ) -> ReviewDiff {
        func key(_ decision: Decision) -> String { decision.procedureID + "\u{0}" + decision.material }
        let beforeDecisions = Dictionary(compared.before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let afterDecisions = Dictionary(compared.after.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [RequirementChange] = []
        var findings: [DiffFinding] = []

        for decision in compared.after {
            let old = beforeDecisions[key(decision)]
            let details = old == nil ? [] : requirementDetails(decision, beforeCatalogue: beforeCatalogue, afterCatalogue: afterCatalogue)
            let kind: ChangeKind? =
                old == nil ? .added
                : !details.isEmpty ? .changed
                : (old?.verdict != decision.verdict || old?.reason != decision.reason) ? .verdictOnly : nil
            guard let kind else { continue }
            changes.append(RequirementChange(
                procedureID: decision.procedureID, procedureName: decision.procedureName, material: decision.material,
                kind: kind, details: details, before: old, after: decision))
            findings += requirementFindings(kind, old: old, new: decision)
        }
        for decision in compared.before where afterDecisions[key(decision)] == nil {
            changes.append(RequirementChange(
                procedureID: decision.procedureID, procedureName: decision.procedureName, material: decision.material,
                kind: .removed, details: [], before: decision, after: nil))
            findings.append(DiffFinding(
                kind: .requirementRemoved, evidence: .decisions(before: decision, after: nil),
                procedureID: decision.procedureID, material: decision.material, location: nil))
        }

        // The procedures decided again whose own attributes changed.
        var seen = Set<String>()
        for decision in compared.after where seen.insert(decision.procedureID).inserted {
            guard let old = beforeCatalogue.procedures[decision.procedureID] else { continue }
            let new = decision.procedure
            var attributes: [ProcedureAttributeChange] = []
            func compare(_ attribute: ProcedureAttributeChange.Attribute, _ before: String, _ after: String) {
                if before != after { attributes.append(ProcedureAttributeChange(attribute: attribute, before: before, after: after)) }
            }
            compare(.volume, "\(old.volume)", "\(new.volume)")
            compare(.domain, old.domain ?? "", new.domain ?? "")
            compare(.territory, old.territory, new.territory)
            compare(.department, old.department, new.department)
            if !attributes.isEmpty {
                findings.append(DiffFinding(
                    kind: .procedureChanged, evidence: .procedure(attributes), procedureID: new.id, material: nil, location: new.range))
            }
        }

        let beforeCycles = Set(before.cycles.map { Set($0.procedures) })
        let afterCycles = Set(after.cycles.map { Set($0.procedures) })
        let created = after.cycles.filter { !beforeCycles.contains(Set($0.procedures)) }
        let broken = before.cycles.filter { !afterCycles.contains(Set($0.procedures)) }
        for cycle in created {
            let edge = cycle.edges.first
            let location = edge.flatMap { afterDecisions[$0.from + "\u{0}" + $0.material]?.location }
            findings.append(DiffFinding(
                kind: .newCircularProof, evidence: .cycle(cycle), procedureID: edge?.from, material: edge?.material, location: location))
        }
        for cycle in broken {
            findings.append(DiffFinding(
                kind: .circularProofBroken, evidence: .cycle(cycle), procedureID: cycle.procedures.first, material: nil, location: nil))
        }

        let beforeBurdens = Dictionary(comparedBurdens.before.map { ($0.procedureID, $0) }, uniquingKeysWith: { first, _ in first })
        let afterBurdens = Dictionary(comparedBurdens.after.map { ($0.procedureID, $0) }, uniquingKeysWith: { first, _ in first })
        var burdenChanges: [(before: ProcedureBurden?, after: ProcedureBurden?)] = []
        for burden in comparedBurdens.after {
            let old = beforeBurdens[burden.procedureID]
            guard old?.after != burden.after || old?.volume != burden.volume else { continue }
            burdenChanges.append((old, burden))
            if let old, burden.annualCost(burden.after, after.costModel) > old.annualCost(old.after, before.costModel) {
                findings.append(DiffFinding(
                    kind: .burdenIncreased, evidence: .burden(before: old, after: burden), procedureID: burden.procedureID, material: nil,
                    location: afterCatalogue.procedures[burden.procedureID]?.range))
            }
        }
        for burden in comparedBurdens.before where afterBurdens[burden.procedureID] == nil { burdenChanges.append((burden, nil)) }

        return ReviewDiff(
            before: before, after: after, changes: changes, cyclesCreated: created, cyclesBroken: broken,
            burdenChanges: burdenChanges, findings: findings)
    }

    /// How a requirement's own text or its material's definition differs between the two sides.
    private static func requirementDetails(_ decision: Decision, beforeCatalogue: Catalogue, afterCatalogue: Catalogue) -> [FieldChange] {
        guard let oldProcedure = beforeCatalogue.procedures[decision.procedureID],
            let newProcedure = afterCatalogue.procedures[decision.procedureID],
            let old = oldProcedure.requirements.first(where: { $0.material == decision.material }),
            let new = newProcedure.requirements.first(where: { $0.material == decision.material })
        else { return [] }
        var details: [FieldChange] = []
        let oldBasis = old.basis.map(\.text), newBasis = new.basis.map(\.text)
        if oldBasis != newBasis { details.append(.basis(before: oldBasis, after: newBasis)) }
        if old.share != new.share { details.append(.share(before: old.share, after: new.share)) }
        if old.absurd != new.absurd { details.append(.absurd(before: old.absurd, after: new.absurd)) }
        let oldMaterial = beforeCatalogue.materials[decision.material], newMaterial = afterCatalogue.materials[decision.material]
        if let oldMaterial, let newMaterial {
            if oldMaterial.kind != newMaterial.kind { details.append(.kind(before: oldMaterial.kind, after: newMaterial.kind)) }
            if oldMaterial.issuers != newMaterial.issuers { details.append(.issuers(before: oldMaterial.issuers, after: newMaterial.issuers)) }
            if oldMaterial.proves != newMaterial.proves { details.append(.proves(before: oldMaterial.proves, after: newMaterial.proves)) }
        }
        return details
    }

    private static func requirementFindings(_ kind: ChangeKind, old: Decision?, new: Decision) -> [DiffFinding] {
        var findings: [DiffFinding] = []
        let introduced = kind == .added || kind == .changed
        let basisReasons: Set<ReasonCode> = [.noBasis, .basisRankInsufficient, .basisRepealed, .basisNotYetInForce, .basisOutsideTerritory, .dutyShifted]
        if introduced, new.kind == .certificate, new.basis.status != .sufficient, new.verdict == .remove || basisReasons.contains(new.reason) {
            findings.append(DiffFinding(
                kind: .newRequirementWithoutBasis, evidence: .decisions(before: old, after: new), procedureID: new.procedureID, material: new.material, location: new.location))
        }
        if introduced, new.basis.status == .pending {
            findings.append(DiffFinding(
                kind: .basisToVerify, evidence: .decisions(before: old, after: new), procedureID: new.procedureID, material: new.material,
                location: new.location))
        }
        if introduced, new.flags.contains(.issuerProhibited), old?.flags.contains(.issuerProhibited) != true {
            findings.append(DiffFinding(
                kind: .newDemandOnProhibitedIssuer, evidence: .decisions(before: old, after: new), procedureID: new.procedureID, material: new.material, location: new.location))
        }
        if kind == .added, new.flags.contains(.absurd) {
            findings.append(DiffFinding(
                kind: .newAbsurdCertificate, evidence: .decisions(before: old, after: new), procedureID: new.procedureID, material: new.material, location: new.location))
        }
        if let old, old.verdict != new.verdict || old.reason != new.reason {
            findings.append(DiffFinding(
                kind: .verdictChanged, evidence: .decisions(before: old, after: new), procedureID: new.procedureID, material: new.material, location: new.location))
        }
        return findings
    }
}
