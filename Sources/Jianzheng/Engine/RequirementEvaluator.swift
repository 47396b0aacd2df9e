import JianzhengBase
import LegalCorpus

/// Decides the requirements of one procedure: gathers each one's facts, runs the policy's rules in order, and
/// explains the result. Reads only the shared `EvaluationContext`.
struct RequirementEvaluator {
    let context: EvaluationContext

    /// Decisions for every requirement of the procedure at a position, in order.
    func decide(at index: Int) -> [Decision] {
        let procedure = ProcedureGrounds(self, index)
        return procedure.procedure.requirements.indices.map { explain(grounds(procedure, $0)) }
    }

    /// The verdict, reason and deciding rule of every requirement of the procedure at a position, in order: those of
    /// `decide(at:)`, worked out from the same grounds without building their explanations.
    func outcomes(at index: Int) -> [DecisionOutcome] {
        let procedure = ProcedureGrounds(self, index)
        return procedure.procedure.requirements.indices.map { position in
            let grounds = grounds(procedure, position)
            return DecisionOutcome(
                procedure: procedure.procedure, requirementIndex: Int32(position), material: grounds.profile.material,
                verdict: grounds.outcome.verdict, reason: grounds.outcome.reason, decidedBy: grounds.outcome.decided)
        }
    }

    /// What every requirement of one procedure is decided with.
    private struct ProcedureGrounds {
        let index: Int
        let procedure: Procedure
        let slots: [(basis: Int32, material: Int32)]
        /// The procedure's own basis makes the office investigate.
        let dutyShift: Bool
        /// The licences the applicant submits or the procedure's basis names, with what each proves (a few items: a
        /// set per licence cost more to build than the lookups it saved).
        let licences: [(String, [String])]
        /// The terms commitment catalogues give its materials, by material (nil: none).
        let catalogueCommitments: [String: CommitmentTerms]?
        /// Whether any of its requirements is on a circular proof.
        let onCycle: Bool

        init(_ evaluator: RequirementEvaluator, _ index: Int) {
            let context = evaluator.context
            self.index = index
            procedure = context.procedures[index]
            slots = context.slots[index]
            // What the procedure's own basis says: whether it makes the office investigate, the licences it names.
            let ownBasis = procedure.basis.compactMap { context.catalogue.citations.id(of: $0).flatMap { context.procedureBasis[$0] } }
            dutyShift = ownBasis.contains(where: \.investigates)
            var licences = slots.compactMap { slot -> (String, [String])? in
                guard slot.material >= 0 else { return nil }
                let profile = context.profiles[Int(slot.material)]
                return profile.material.kind == .licenceOrID ? (profile.material.name, profile.material.proves) : nil
            }
            // Licences the procedure's own basis names (婚姻登记条例 §5: 户口簿、身份证) are required by law, listed or not.
            for licence in ownBasis.flatMap(\.licences) where !licences.contains(where: { $0.0 == licence.name }) { licences.append(licence) }
            self.licences = licences
            catalogueCommitments = context.catalogueCommitments.isEmpty ? nil : context.catalogueCommitments[procedure.id]
            onCycle = context.onCycle[index]
        }
    }

    /// What the policy's rules give on one set of facts.
    private struct RuleOutcome {
        var decided: EvaluationContext.CompiledRule?
        var alsoMatched: [String] = []
        var heldBack: [String] = []
        var verdict: Verdict
        var reason: ReasonCode
    }

    /// Everything one requirement's verdict rests on, worked out once: a decision is explained from it, and the
    /// verdict alone is read off it.
    private struct Grounds {
        let position: Int
        let procedure: Procedure
        let profile: EvaluationContext.MaterialProfile
        let basis: BasisAssessment
        let conditions: [ConditionCheck]
        let candidates: [DataSource]
        let applicable: [Situation]
        let sharing: SharingAssessment
        let provable: String?
        let terms: CommitmentTerms?
        let withheld: CommitmentCheck.Withheld?
        /// Every fact but sharing and the commitment's availability.
        let base: FactSet
        let holding: HoldBack
        let facts: FactSet
        let outcome: RuleOutcome
    }

    private func grounds(_ grounds: ProcedureGrounds, _ position: Int) -> Grounds {
        let procedure = grounds.procedure, procedureIndex = grounds.index, slot = grounds.slots[position]
        let requirement = procedure.requirements[position]
        let dutyShift = grounds.dutyShift, licences = grounds.licences
        let inCycle = grounds.onCycle && context.cycleRequirements.contains(RequirementPosition(procedure: procedureIndex, requirement: position))
        let profile = context.profile(slot.material, name: requirement.material, range: requirement.range)
        // The material is read in place through its profile: copying it would retain each of its fields.
        // An amended provision that no longer names the material no longer requires it.
        let basis = context.revisions.isEmpty ? context.bases[Int(slot.basis)]
            : context.revisions[slot.basis].map { $0.apply(to: context.bases[Int(slot.basis)], forMaterialNamed: [profile.material.name] + profile.material.listedAs) }
                ?? context.bases[Int(slot.basis)]
        // The conditions it is evidence of: the articles setting them, and sources holding the facts they need.
        let conditions = conditionChecks(
            requirement, at: position, in: procedure, procedureIndex: procedureIndex, isCertificate: profile.material.kind == .certificate)
        var candidates = profile.candidates
        for check in conditions {
            guard let index = procedure.conditions.firstIndex(where: { $0.name == check.condition.name }) else { continue }
            for source in context.conditions[procedureIndex][index].candidates where !candidates.contains(where: { $0.name == source.name }) {
                candidates.append(source)
            }
        }
        let applicable = procedure.situations.isEmpty ? [] : procedure.situations(of: requirement)
        let sharing = SharingAssessor(date: context.date, situations: applicable).assess(candidates, for: procedure)
        let excludedBy = profile.excludedBy
        let absurdPatterns = requirement.absurd.isEmpty ? profile.material.absurd : profile.material.absurd + requirement.absurd
        let proves = profile.material.proves
        let provable = profile.material.kind == .certificate && !proves.isEmpty
            ? licences.first { $0.0 != profile.material.name && proves.allSatisfy($0.1.contains) }?.0 : nil
        let dutyShifted = profile.material.kind == .certificate && basis.status != .sufficient && dutyShift
        let prohibition = profile.prohibition
        let statutoryCondition = conditions.contains { $0.basis.status == .sufficient }
        // The requirement's own commitment terms, else a commitment catalogue's entry for it, else those of a
        // condition it proves, else the material's. Terms not yet offered on the date (a catalogue that takes
        // effect later) are no commitment yet.
        let declared = requirement.commitment ?? grounds.catalogueCommitments?[requirement.material]
            ?? conditions.lazy.compactMap(\.condition.commitment).first ?? profile.material.commitment
        var withheld: CommitmentCheck.Withheld?
        if let declared, let from = declared.effective, !declared.isOffered(on: context.date) {
            withheld = .notYetOffered(from: from)
        } else if !context.lapsedCommitmentSources.isEmpty,
            let lapsed = declared?.cites.first(where: { context.lapsedCommitmentSources.contains($0.text) })
        {
            withheld = .sourceNotInForce(citation: lapsed.text)
        }
        let terms = withheld == nil ? declared : nil

        // Every fact but sharing and the commitment's availability, which may differ between situations.
        var base = FactSet(
            kind: profile.material.kind, concerns: profile.material.concerns, department: procedure.department, domain: procedure.domain)
        base.set(.basisPresent, !basis.articles.isEmpty)
        base.set(.basisSufficient, basis.status == .sufficient)
        base.set(.basisNone, basis.status == .none)
        base.set(.basisRankInsufficient, basis.status == .rankInsufficient)
        base.set(.basisRepealed, basis.status == .repealed)
        base.set(.basisNotYetInForce, basis.status == .notYetInForce)
        base.set(.basisOutsideTerritory, basis.status == .outsideTerritory)
        base.set(.basisPending, basis.status == .pending)
        base.set(.basisDelegated, basis.delegated)
        base.set(.basisConditionOnly, basis.conditionOnly)
        base.set(.dutyShifted, dutyShifted)
        base.set(.commitmentExcluded, !excludedBy.isEmpty)
        base.set(.issuerProhibited, prohibition != nil)
        base.set(.absurdProvableByLicence, provable != nil)
        base.set(.absurdSelfEvident, absurdPatterns.contains(.selfEvident))
        base.set(.absurdIssuerCannotVerify, absurdPatterns.contains(.issuerCannotVerify))
        base.set(.absurdUnrelated, absurdPatterns.contains(.unrelatedToPurpose))
        base.set(.absurd, provable != nil || !absurdPatterns.isEmpty)
        base.set(.inCycle, inCycle)
        base.set(.conditionPresent, !conditions.isEmpty)
        base.set(.conditionSufficient, statutoryCondition)
        base.set(.conditionProvenOtherwise, conditions.contains { $0.provenBy != nil })

        // The first rule that matches decides. Two grounds of removal are never accepted, whatever the policy
        // says: a basis cited but not in the corpus (it may be a law), and the certificate's own want of a basis
        // when what it proves is a condition a sufficient article sets (the fact must still be established). A rule
        // that would remove on such a ground is held back and the next rule is tried (sharing, a commitment), else
        // the requirement is kept.
        let holding = HoldBack(basis: basis, kind: profile.material.kind, statutoryCondition: statutoryCondition)
        let facts = Self.with(sharing, commitment: terms != nil, on: base)
        return Grounds(
            position: position, procedure: procedure, profile: profile, basis: basis, conditions: conditions,
            candidates: candidates, applicable: applicable, sharing: sharing, provable: provable, terms: terms, withheld: withheld, base: base,
            holding: holding, facts: facts, outcome: run(facts, holding))
    }

    /// The decision on its grounds, with everything that explains it.
    private func explain(_ grounds: Grounds) -> Decision {
        let profile = grounds.profile, basis = grounds.basis, conditions = grounds.conditions, candidates = grounds.candidates
        let applicable = grounds.applicable, sharing = grounds.sharing, provable = grounds.provable, terms = grounds.terms
        let base = grounds.base, holding = grounds.holding, facts = grounds.facts, outcome = grounds.outcome
        let procedure = grounds.procedure
        let excludedBy = profile.excludedBy
        let prohibition = profile.prohibition
        let dutyShifted = facts[.dutyShifted]
        let decided = outcome.decided
        let verdict = outcome.verdict, reason = outcome.reason
        let trace = RuleTrace(rules: context.rules, facts: facts, heldBack: outcome.heldBack)

        // Where a source holds only some situations' applicants, or the commitment is not for some, each
        // situation is decided on its own sharing and commitment.
        var situations: [SituationOutcome] = []
        let excludes = terms.map { terms in !terms.notFor.isEmpty && applicable.contains { terms.notFor.contains($0.name) } } ?? false
        if applicable.count > 1, excludes || candidates.contains(where: { !$0.covers.isEmpty }) {
            situations = applicable.map { situation in
                let own = SharingAssessor(date: context.date, situations: [situation]).assess(candidates, for: procedure)
                // The applicants of a situation the commitment is not for must prove the fact.
                let committable = terms.map { !$0.notFor.contains(situation.name) } ?? false
                let result = run(Self.with(own, commitment: committable, on: base), holding)
                let source = result.verdict == .obtainBySharing || result.verdict == .remove ? own.best?.source : nil
                return SituationOutcome(situation: situation, verdict: result.verdict, reason: result.reason, source: source)
            }
        }

        var flags: [Flag] = []
        if profile.material.kind == .certificate {
            if basis.delegated { flags.append(.delegatedBasis) }
            if basis.conditionOnly { flags.append(.conditionOnlyBasis) }
            if dutyShifted { flags.append(.dutyShifted) }
            if !excludedBy.isEmpty { flags.append(.commitmentExcludedDomain) }
            if terms != nil, !excludedBy.isEmpty { flags.append(.catalogueConflict) }
            if prohibition != nil { flags.append(.issuerProhibited) }
            if facts[.absurd] { flags.append(.absurd) }
        }
        if verdict == .obtainBySharing, facts[.sharingPartial] { flags.append(.partialCoverage) }
        if verdict == .obtainBySharing, sharing.best?.needsAuthorisation == true { flags.append(.applicantAuthorisation) }
        if verdict == .commitment { flags.append(.commitmentExcludedApplicant) }
        if facts[.inCycle] { flags.append(.circularProof) }
        if basis.unverifiedText { flags.append(.unverifiedLegalText) }
        if basis.status == .pending, profile.material.kind == .certificate { flags.append(.basisPending) }

        var ruleCitations = decided?.articles ?? []
        if reason == .issuerProhibited {
            let cited = Set(ruleCitations.map(\.citation))
            ruleCitations += profile.prohibitionArticles.filter { !cited.contains($0.citation) }
        }
        let provenBy = conditions.lazy.compactMap(\.provenBy).first
        let replacement = verdict == .remove ? replacement(profile.material, terms, reason, procedure, sharing, facts, provable, provenBy) : nil
        // Applicants a partly covering source leaves out: as their situation's decision says where situations
        // differ; else they sign the commitment where one is allowed, else bring the certificate.
        var uncovered: UncoveredFallback?
        if verdict == .obtainBySharing, facts[.sharingPartial] {
            let left = situations.filter { $0.source == nil }
            if !left.isEmpty, left.allSatisfy({ $0.verdict == .commitment }), let terms {
                uncovered = .commitment(terms.method)
            } else if !left.isEmpty {
                uncovered = .certificate
            } else {
                uncovered = terms.flatMap { facts[.commitmentExcluded] ? nil : UncoveredFallback.commitment($0.method) } ?? .certificate
            }
        }
        // A commitment, as the verdict, as what replaces a removed certificate or for the uncovered, carries its terms.
        var committed = verdict == .commitment
        if case .commitment = replacement { committed = true }
        if case .commitment = uncovered { committed = true }
        let plan = committed ? terms.map { commitmentPlan($0, profile.material, procedure, conditions) } : nil
        return Decision(
            procedure: procedure, requirementIndex: Int32(grounds.position), material: profile.material, verdict: verdict,
            reason: reason, decidedBy: decided, ruleCitations: ruleCitations,
            flags: flags, alsoMatched: outcome.alsoMatched, basis: basis, sharing: sharing,
            commitment: CommitmentCheck(available: terms != nil, excludedBy: excludedBy, terms: terms, plan: plan, withheld: grounds.withheld),
            replacement: replacement, uncovered: uncovered, ruleTrace: trace, conditions: conditions, situations: situations)
    }

    /// What decides whether a removal is held back: the basis, and whether the material proves a statutory condition.
    private struct HoldBack {
        let basis: BasisAssessment
        let kind: MaterialKind
        let statutoryCondition: Bool
        var applies: Bool { basis.status == .pending || statutoryCondition }
    }

    /// The facts with a sharing assessment's and the commitment's availability set.
    private static func with(_ sharing: SharingAssessment, commitment: Bool, on base: FactSet) -> FactSet {
        var facts = base
        // The modes read off the options in place (a set of raw-valued modes hashes their texts).
        facts.bits &= ~Self.sharingBits
        for option in sharing.options {
            guard let mode = option.mode else { continue }
            facts.set(.sharingAvailable, true)
            switch mode {
            case .internal: facts.set(.sharingInternal, true)
            case .unconditional: facts.set(.sharingUnconditional, true)
            case .conditionalApproved: facts.set(.sharingConditionalApproved, true)
            case .eLicence: facts.set(.sharingELicence, true)
            }
        }
        facts.set(.sharingPartial, (sharing.best?.coverage ?? 1) < 1)
        facts.set(.commitmentAvailable, commitment)
        return facts
    }

    /// The policy's rules on one set of facts, removals for the basis held back where they must be.
    private func run(_ facts: FactSet, _ holding: HoldBack) -> RuleOutcome {
        func removesForBasis(_ verdict: Verdict, _ rule: PolicyRule?, _ reads: Set<Fact>) -> Bool {
            guard holding.applies, verdict == .remove else { return false }
            let reason = rule?.reason ?? derivedReason(verdict, reads: reads, facts: facts, basis: holding.basis, kind: holding.kind)
            return Self.basisReasons.contains(reason)
        }
        var outcome = RuleOutcome(verdict: .keep, reason: .basisSufficient)
        let matching = RuleTrace(rules: context.rules, facts: facts)
        for compiled in context.rules where matching.matches(compiled) {
            if outcome.decided != nil {
                outcome.alsoMatched.append(compiled.name)
            } else if removesForBasis(compiled.rule.verdict, compiled.rule, compiled.readSet) {
                outcome.heldBack.append(compiled.name)
            } else {
                outcome.decided = compiled
            }
        }
        outcome.verdict = outcome.decided?.rule.verdict ?? context.policy.otherwise ?? .keep
        if outcome.decided == nil, removesForBasis(outcome.verdict, nil, []) { outcome.verdict = .keep }
        outcome.reason = outcome.decided?.rule.reason
            ?? derivedReason(outcome.verdict, reads: outcome.decided?.readSet ?? [], facts: facts, basis: holding.basis, kind: holding.kind)
        if outcome.verdict == .keep, holding.kind == .certificate {
            if holding.basis.status == .pending {
                outcome.reason = .basisPendingVerification
            } else if holding.statutoryCondition, Self.basisReasons.contains(outcome.reason) {
                outcome.reason = .statutoryCondition
            }
        }
        return outcome
    }

    /// The conditions a requirement is evidence of, with the assessment of the article setting each, and for an
    /// any-of condition the other evidence that already establishes it: a licence or ID the applicant submits, or
    /// an earlier evidence a source supplies to everyone (so two alternatives never cancel each other).
    private func conditionChecks(
        _ requirement: Requirement, at position: Int, in procedure: Procedure, procedureIndex: Int, isCertificate: Bool
    ) -> [ConditionCheck] {
        guard !requirement.evidenceOf.isEmpty else { return [] }
        return requirement.evidenceOf.compactMap { name in
            guard let index = procedure.conditions.firstIndex(where: { $0.name == name }) else { return nil }
            let condition = procedure.conditions[index]
            var provenBy: String?
            if condition.proof == .anyOf, isCertificate {
                provenBy = procedure.requirements.enumerated().first { other, sibling in
                    guard other != position, sibling.evidenceOf.contains(name) else { return false }
                    let profile = context.profile(context.slots[procedureIndex][other].material, name: sibling.material, range: sibling.range)
                    if profile.material.kind == .licenceOrID { return true }
                    guard profile.material.kind == .certificate, other < position else { return false }
                    let sharing = SharingAssessor(date: context.date, situations: procedure.situations(of: sibling)).assess(profile.candidates, for: procedure)
                    return (sharing.best?.coverage ?? 0) >= 1
                }?.element.material
            }
            return ConditionCheck(condition: condition, basis: context.bases[Int(context.conditions[procedureIndex][index].basis)], provenBy: provenBy)
        }
    }

    // MARK: - Explanation

    private func derivedReason(
        _ verdict: Verdict, reads read: Set<Fact>, facts: FactSet, basis: BasisAssessment, kind: MaterialKind
    ) -> ReasonCode {
        switch verdict {
        case .remove:
            if read.contains(.issuerProhibited), facts[.issuerProhibited] { return .issuerProhibited }
            if !read.isDisjoint(with: Self.absurdFacts), let code = Self.absurdCodes.first(where: { facts[$0.0] }) {
                return code.1
            }
            if read.contains(.conditionProvenOtherwise), facts[.conditionProvenOtherwise] { return .provenByOtherEvidence }
            if facts[.dutyShifted] { return .dutyShifted }
            guard basis.status == .sufficient else { return basis.reasonCode }
            // The basis holds, so the removal rests on what else the rule read.
            if read.contains(.inCycle), facts[.inCycle] { return .circularProof }
            if !read.isDisjoint(with: Self.sharingFacts), facts[.sharingAvailable] { return .shareable }
            return .policyRule
        case .obtainBySharing: return .shareable
        case .commitment: return .commitmentEligible
        case .keep:
            if kind != .certificate { return .notACertificate }
            return basis.status == .sufficient ? .basisSufficient : basis.reasonCode
        }
    }

    /// The absurd-certificate facts and the reason each gives, in order of precedence.
    private static let absurdCodes: [(Fact, ReasonCode)] = [
        (.absurdProvableByLicence, .absurdProvableByLicence), (.absurdSelfEvident, .absurdSelfEvident),
        (.absurdIssuerCannotVerify, .absurdIssuerCannotVerify), (.absurdUnrelated, .absurdUnrelated),
    ]
    private static let absurdFacts: Set<Fact> = Set([.absurd] + absurdCodes.map(\.0))
    private static let sharingBits = sharingFacts.reduce(UInt32(0)) { $0 | $1.bit }
    private static let sharingFacts: Set<Fact> = [.sharingAvailable, .sharingInternal, .sharingUnconditional, .sharingConditionalApproved, .sharingELicence]
    /// Reasons that say the basis does not hold.
    static let basisReasons: Set<ReasonCode> = [.noBasis, .basisRankInsufficient, .basisRepealed, .basisNotYetInForce, .basisOutsideTerritory]

    private func replacement(
        _ material: Material, _ terms: CommitmentTerms?, _ reason: ReasonCode, _ procedure: Procedure, _ sharing: SharingAssessment,
        _ facts: FactSet, _ provable: String?, _ provenBy: String?
    ) -> Replacement {
        // A demand unrelated to the procedure (行政许可法 §31) is not to be replaced by anything, a commitment included.
        if reason == .absurdUnrelated { return .nothing }
        if reason == .provenByOtherEvidence, let provenBy { return .alternative(provenBy) }
        if let best = sharing.best, let mode = best.mode { return .obtainedFrom(source: best.source, provider: best.provider, mode: mode) }
        if let provable { return .provedByLicence(provable) }
        let required = { (name: String) in procedure.requirements.contains { $0.material == name } }
        if let alternative = material.alternatives.first(where: required) ?? material.alternatives.first { return .alternative(alternative) }
        if let terms, !facts[.commitmentExcluded] { return .commitment(terms.method) }
        if facts[.dutyShifted] { return .investigatedByOffice }
        if facts[.absurdSelfEvident] { return .checkedOnSite }
        return .nothing
    }

    private func commitmentPlan(_ terms: CommitmentTerms, _ material: Material, _ procedure: Procedure, _ conditions: [ConditionCheck]) -> CommitmentPlan {
        // What the applicant promises is the condition when the certificate was evidence of one.
        let proves = !conditions.isEmpty ? conditions.map(\.condition.name) : material.proves.isEmpty ? [material.name] : material.proves
        return CommitmentPlan(
            promise: terms.text, proves: proves, method: terms.method,
            withinWorkingDays: terms.withinWorkingDays, sample: terms.sample, auditor: terms.auditor ?? procedure.department,
            liability: terms.liability)
    }
}
