import JianzhengBase
import LegalCorpus

/// Decides the requirements of one procedure: gathers each one's facts, runs the policy's rules in order, and
/// explains the result. Reads only the shared `EvaluationContext`.
struct RequirementEvaluator {
    let context: EvaluationContext

    /// Decisions for every requirement of the procedure at a position, in order.
    func decide(at index: Int) -> [Decision] {
        let procedure = context.procedures[index]
        let slots = context.slots[index]
        // What the procedure's own basis says: whether it makes the office investigate, the licences it names.
        let ownBasis = procedure.basis.compactMap { context.catalogue.citations.id(of: $0).flatMap { context.procedureBasis[$0] } }
        let dutyShift = ownBasis.contains(where: \.investigates)
        var licences = slots.compactMap { slot -> (String, Set<String>)? in
            guard slot.material >= 0 else { return nil }
            let profile = context.profiles[Int(slot.material)]
            return profile.material.kind == .licenceOrID ? (profile.material.name, profile.proves) : nil
        }
        // Licences the procedure's own basis names (婚姻登记条例 §5: 户口簿、身份证) are required by law, listed or not.
        for licence in ownBasis.flatMap(\.licences) where !licences.contains(where: { $0.0 == licence.name }) { licences.append(licence) }
        return procedure.requirements.enumerated().map { position, requirement in
            decide(
                requirement, at: position, in: procedure, slot: slots[position], dutyShift: dutyShift, licences: licences,
                inCycle: context.cycleRequirements.contains(RequirementPosition(procedure: index, requirement: position)))
        }
    }

    private func decide(
        _ requirement: Requirement, at position: Int, in procedure: Procedure, slot: (basis: Int32, material: Int32), dutyShift: Bool,
        licences: [(String, Set<String>)], inCycle: Bool
    ) -> Decision {
        let profile = context.profile(slot.material, name: requirement.material, range: requirement.range)
        // The material is read in place through its profile: copying it would retain each of its fields.
        let basis = context.bases[Int(slot.basis)]
        let sharing = SharingAssessor(date: context.date).assess(profile.candidates, for: procedure)
        let excludedBy = profile.excludedBy
        let absurdPatterns = requirement.absurd.isEmpty ? profile.absurd : profile.absurd.union(requirement.absurd)
        let provable = profile.material.kind == .certificate && !profile.proves.isEmpty
            ? licences.first { $0.0 != profile.material.name && profile.proves.isSubset(of: $0.1) }?.0 : nil
        let dutyShifted = profile.material.kind == .certificate && basis.status != .sufficient && dutyShift
        let prohibition = profile.prohibition
        // The requirement's own commitment terms, else the material's.
        let terms = requirement.commitment ?? profile.material.commitment

        var facts = FactSet(kind: profile.material.kind, concerns: profile.concerns, department: procedure.department, domain: procedure.domain)
        facts.set(.basisPresent, !basis.articles.isEmpty)
        facts.set(.basisSufficient, basis.status == .sufficient)
        facts.set(.basisNone, basis.status == .none)
        facts.set(.basisRankInsufficient, basis.status == .rankInsufficient)
        facts.set(.basisRepealed, basis.status == .repealed)
        facts.set(.basisNotYetInForce, basis.status == .notYetInForce)
        facts.set(.basisOutsideTerritory, basis.status == .outsideTerritory)
        facts.set(.basisPending, basis.status == .pending)
        facts.set(.basisDelegated, basis.delegated)
        facts.set(.basisConditionOnly, basis.conditionOnly)
        facts.set(.dutyShifted, dutyShifted)
        let modes = sharing.modes
        facts.set(.sharingAvailable, !modes.isEmpty)
        facts.set(.sharingInternal, modes.contains(.internal))
        facts.set(.sharingUnconditional, modes.contains(.unconditional))
        facts.set(.sharingConditionalApproved, modes.contains(.conditionalApproved))
        facts.set(.sharingELicence, modes.contains(.eLicence))
        facts.set(.sharingPartial, (sharing.best?.coverage ?? 1) < 1)
        facts.set(.commitmentAvailable, terms != nil)
        facts.set(.commitmentExcluded, !excludedBy.isEmpty)
        facts.set(.issuerProhibited, prohibition != nil)
        facts.set(.absurdProvableByLicence, provable != nil)
        facts.set(.absurdSelfEvident, absurdPatterns.contains(.selfEvident))
        facts.set(.absurdIssuerCannotVerify, absurdPatterns.contains(.issuerCannotVerify))
        facts.set(.absurdUnrelated, absurdPatterns.contains(.unrelatedToPurpose))
        facts.set(.absurd, provable != nil || !absurdPatterns.isEmpty)
        facts.set(.inCycle, inCycle)

        // The first rule that matches decides. A basis cited but not in the corpus is never a ground for
        // removal, whatever the policy says: a rule that would remove for the basis is held back and the next
        // rule is tried (sharing, a commitment), else the requirement is kept until the citation is verified.
        let removesForBasis = { (verdict: Verdict, rule: PolicyRule?, reads: Set<Fact>) -> Bool in
            guard basis.status == .pending, verdict == .remove else { return false }
            let reason = rule?.reason ?? self.derivedReason(verdict, reads: reads, facts: facts, basis: basis, kind: profile.material.kind)
            return Self.basisReasons.contains(reason)
        }
        var decided: EvaluationContext.CompiledRule?
        var alsoMatched: [String] = []
        var heldBack: [String] = []
        let matching = RuleTrace(rules: context.rules, facts: facts)
        for compiled in context.rules where matching.matches(compiled) {
            if decided != nil {
                alsoMatched.append(compiled.name)
            } else if removesForBasis(compiled.rule.verdict, compiled.rule, compiled.readSet) {
                heldBack.append(compiled.name)
            } else {
                decided = compiled
            }
        }
        let trace = RuleTrace(rules: context.rules, facts: facts, heldBack: heldBack)
        var verdict = decided?.rule.verdict ?? context.policy.otherwise ?? .keep
        if decided == nil, removesForBasis(verdict, nil, []) { verdict = .keep }
        var reason = decided?.rule.reason
            ?? derivedReason(verdict, reads: decided?.readSet ?? [], facts: facts, basis: basis, kind: profile.material.kind)
        if verdict == .keep, basis.status == .pending, profile.material.kind == .certificate { reason = .basisPendingVerification }

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
        let replacement = verdict == .remove ? replacement(profile.material, terms, reason, procedure, sharing, facts, provable) : nil
        // Applicants a partly covering source leaves out sign the commitment where one is allowed, else bring the certificate.
        var uncovered: UncoveredFallback?
        if verdict == .obtainBySharing, facts[.sharingPartial] {
            uncovered = terms.flatMap { facts[.commitmentExcluded] ? nil : UncoveredFallback.commitment($0.method) } ?? .certificate
        }
        // A commitment, as the verdict, as what replaces a removed certificate or for the uncovered, carries its terms.
        var committed = verdict == .commitment
        if case .commitment = replacement { committed = true }
        if case .commitment = uncovered { committed = true }
        let plan = committed ? terms.map { commitmentPlan($0, profile.material, procedure) } : nil
        return Decision(
            procedure: procedure, requirementIndex: Int32(position), material: profile.material.name, kind: profile.material.kind, verdict: verdict, reason: reason, rule: decided?.rule.name,
            because: decided?.rule.because, ruleCitations: ruleCitations,
            flags: flags, alsoMatched: alsoMatched, basis: basis, sharing: sharing,
            commitment: CommitmentCheck(available: terms != nil, excludedBy: excludedBy, terms: terms, plan: plan),
            replacement: replacement, uncovered: uncovered, ruleTrace: trace)
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
    private static let sharingFacts: Set<Fact> = [.sharingAvailable, .sharingInternal, .sharingUnconditional, .sharingConditionalApproved, .sharingELicence]
    /// Reasons that say the basis does not hold.
    static let basisReasons: Set<ReasonCode> = [.noBasis, .basisRankInsufficient, .basisRepealed, .basisNotYetInForce, .basisOutsideTerritory]

    private func replacement(
        _ material: Material, _ terms: CommitmentTerms?, _ reason: ReasonCode, _ procedure: Procedure, _ sharing: SharingAssessment,
        _ facts: FactSet, _ provable: String?
    ) -> Replacement {
        // A demand unrelated to the procedure (行政许可法 §31) is not to be replaced by anything, a commitment included.
        if reason == .absurdUnrelated { return .nothing }
        if let best = sharing.best, let mode = best.mode { return .obtainedFrom(source: best.source, provider: best.provider, mode: mode) }
        if let provable { return .provedByLicence(provable) }
        let required = { (name: String) in procedure.requirements.contains { $0.material == name } }
        if let alternative = material.alternatives.first(where: required) ?? material.alternatives.first { return .alternative(alternative) }
        if let terms, !facts[.commitmentExcluded] { return .commitment(terms.method) }
        if facts[.dutyShifted] { return .investigatedByOffice }
        if facts[.absurdSelfEvident] { return .checkedOnSite }
        return .nothing
    }

    private func commitmentPlan(_ terms: CommitmentTerms, _ material: Material, _ procedure: Procedure) -> CommitmentPlan {
        CommitmentPlan(
            promise: terms.text, proves: material.proves.isEmpty ? [material.name] : material.proves, method: terms.method,
            withinWorkingDays: terms.withinWorkingDays, sample: terms.sample, auditor: terms.auditor ?? procedure.department,
            liability: terms.liability)
    }
}
