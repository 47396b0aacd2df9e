import JianzhengBase

/// The decision for one material that one procedure requires, with everything needed to explain it.
public struct Decision: Sendable {
    /// The verdict, its reason and the deciding rule, with the requirement they are about.
    public let outcome: DecisionOutcome
    /// For a material obtained from a source that covers only some applicants: what the others do.
    public var uncovered: UncoveredFallback?

    /// The procedure: what the decision is about is read from it and the requirement's position, not copied into
    /// every decision.
    public var procedure: Procedure { outcome.procedure }
    var requirementIndex: Int32 { outcome.requirementIndex }
    public var verdict: Verdict { outcome.verdict }
    public var reason: ReasonCode { outcome.reason }

    /// The requirement decided (found by position, never again by name).
    public var requirement: Requirement { procedure.requirements[Int(requirementIndex)] }

    public var procedureID: String { procedure.id }
    public var procedureName: String { procedure.name }
    public var department: String { procedure.department }
    /// The material as declared (a placeholder for one the catalogue does not declare): name and kind are read
    /// from it, not copied into each of hundreds of thousands of decisions.
    var declaration: Material { outcome.declaration }
    public var material: String { declaration.name }
    public var kind: MaterialKind { declaration.kind }
    /// Share of applicants who must provide the material.
    public var share: Double { procedure.requirements[Int(requirementIndex)].share }
    public var location: SourceRange { procedure.requirements[Int(requirementIndex)].range }

    /// The policy rule that decided (nil: the policy's `otherwise`), shared by every decision it decided.
    var decidedBy: EvaluationContext.CompiledRule? { outcome.decidedBy }
    /// The policy rule that decided, or nil for the policy's `otherwise`.
    public var rule: String? { decidedBy?.name }
    /// The deciding rule's `because`; nil when the policy's `otherwise` decided.
    public var because: String? { decidedBy?.rule.because }
    public var ruleCitations: [CitedArticle]
    public var flags: [Flag]
    /// Other rules whose conditions also held (secondary findings).
    public var alsoMatched: [String]
    public var basis: BasisAssessment
    public var sharing: SharingAssessment
    public var commitment: CommitmentCheck
    /// For a removal: how the underlying fact is established instead.
    public var replacement: Replacement?
    /// The rules and the facts they were tried on.
    let ruleTrace: RuleTrace
    /// The conditions the requirement is evidence of and the situations it was decided in (rare: boxed).
    private let legal: LegalContext?

    /// The procedure's conditions this material is evidence of, each with the article that sets it.
    public var conditions: [ConditionCheck] { legal?.conditions ?? [] }
    /// The decision in each situation of the procedure, when they differ (a source holding only local records);
    /// empty when one decision holds for every applicant.
    public var situations: [SituationOutcome] { legal?.situations ?? [] }

    private final class LegalContext: Sendable {
        let conditions: [ConditionCheck]
        let situations: [SituationOutcome]

        init(conditions: [ConditionCheck], situations: [SituationOutcome]) {
            self.conditions = conditions
            self.situations = situations
        }
    }

    init(
        procedure: Procedure, requirementIndex: Int32, material: Material, verdict: Verdict, reason: ReasonCode,
        decidedBy: EvaluationContext.CompiledRule?, ruleCitations: [CitedArticle], flags: [Flag], alsoMatched: [String], basis: BasisAssessment,
        sharing: SharingAssessment, commitment: CommitmentCheck, replacement: Replacement?, uncovered: UncoveredFallback?,
        ruleTrace: RuleTrace, conditions: [ConditionCheck] = [], situations: [SituationOutcome] = []
    ) {
        outcome = DecisionOutcome(
            procedure: procedure, requirementIndex: requirementIndex, material: material, verdict: verdict, reason: reason,
            decidedBy: decidedBy)
        self.ruleCitations = ruleCitations
        self.flags = flags
        self.alsoMatched = alsoMatched
        self.basis = basis
        self.sharing = sharing
        self.commitment = commitment
        self.replacement = replacement
        self.uncovered = uncovered
        self.ruleTrace = ruleTrace
        legal = conditions.isEmpty && situations.isEmpty ? nil : LegalContext(conditions: conditions, situations: situations)
    }

    /// The share of this requirement's applications whose commitment an office audits: the plan's sample, for
    /// every applicant when the commitment is the verdict or replaces a cancelled certificate, for the uncovered
    /// when it is the fallback of partial sharing; 0 without a commitment.
    public var auditedShare: Double {
        guard let plan = commitment.plan else { return 0 }
        if !situations.isEmpty { return plan.sample * situationShare { $0.verdict == .commitment } }
        if case .commitment = uncovered { return plan.sample * max(0, 1 - (sharing.best?.coverage ?? 1)) }
        return plan.sample
    }
    /// The share of the requirement's applicants in the situations that satisfy a test, 0…1.
    public func situationShare(where test: (SituationOutcome) -> Bool) -> Double {
        let total = situations.reduce(0) { $0 + $1.situation.share }
        guard total > 0 else { return 0 }
        return situations.filter(test).reduce(0) { $0 + $1.situation.share } / total
    }

    /// Every rule tried, in order, with the facts it read (rebuilt from the facts on each call).
    public var trace: [TraceStep] { ruleTrace.steps }
}

/// A requirement's verdict, its reason and the rule that decided, without the explanation a `Decision` carries:
/// what `review --format jsonl` writes, decided a window at a time (`ReviewEngine.streamOutcomes`).
public struct DecisionOutcome: Sendable {
    /// The procedure, and the position of the requirement decided among its requirements.
    public let procedure: Procedure
    let requirementIndex: Int32
    // The one-byte fields follow the position (one is stored for every requirement: no padding between them).
    public let verdict: Verdict
    public let reason: ReasonCode
    /// The material as declared (a placeholder for one the catalogue does not declare).
    let declaration: Material
    /// The policy rule that decided (nil: the policy's `otherwise`).
    let decidedBy: EvaluationContext.CompiledRule?

    public var procedureID: String { procedure.id }
    public var material: String { declaration.name }
    /// The policy rule that decided, or nil for the policy's `otherwise`.
    public var rule: String? { decidedBy?.name }

    init(
        procedure: Procedure, requirementIndex: Int32, material: Material, verdict: Verdict, reason: ReasonCode,
        decidedBy: EvaluationContext.CompiledRule?
    ) {
        self.procedure = procedure
        self.requirementIndex = requirementIndex
        declaration = material
        self.verdict = verdict
        self.reason = reason
        self.decidedBy = decidedBy
    }
}

/// A condition a requirement is evidence of, as the engine found it on the date.
public struct ConditionCheck: Sendable {
    public let condition: ProcedureCondition
    /// The article that sets the condition, assessed like any basis.
    public let basis: BasisAssessment
    /// For an any-of condition: the other evidence that establishes it already, if one does.
    public let provenBy: String?
}

/// What one situation's applicants do about a requirement.
public struct SituationOutcome: Sendable {
    public let situation: Situation
    public let verdict: Verdict
    public let reason: ReasonCode
    /// The source that supplies their data, when one does.
    public let source: String?
}

/// The commitment check: whether a written commitment may replace the certificate, and on what terms.
///
/// The terms and the plan are large and most decisions have neither, so they are held behind a reference:
/// a decision stays small, and the millions of a national review take hundreds of megabytes less.
public struct CommitmentCheck: Sendable {
    public let available: Bool
    /// Excluded matters the proved fact directly concerns.
    public let excludedBy: [ConcernCategory]
    private let details: Details?

    /// The material's commitment terms.
    public var terms: CommitmentTerms? { details?.terms }
    /// The audit plan, present when the verdict is a commitment (the reports fill the 告知承诺书 from it).
    public var plan: CommitmentPlan? { details?.plan }
    /// Terms declared but not offered on the date, and why.
    public var withheld: Withheld? { details?.withheld }

    /// Why declared commitment terms are not offered on the review date.
    public enum Withheld: Sendable, Hashable {
        /// They take effect later (`effective`).
        case notYetOffered(from: CalendarDate)
        /// The catalogue or rule they cite is repealed or not yet in force.
        case sourceNotInForce(citation: String)
    }

    private final class Details: Sendable {
        let terms: CommitmentTerms?
        let plan: CommitmentPlan?
        let withheld: Withheld?

        init(terms: CommitmentTerms?, plan: CommitmentPlan?, withheld: Withheld?) {
            self.terms = terms
            self.plan = plan
            self.withheld = withheld
        }
    }

    init(available: Bool, excludedBy: [ConcernCategory], terms: CommitmentTerms?, plan: CommitmentPlan?, withheld: Withheld? = nil) {
        self.available = available
        self.excludedBy = excludedBy
        details = terms == nil && plan == nil && withheld == nil ? nil : Details(terms: terms, plan: plan, withheld: withheld)
    }
}

/// What follows a commitment: what the applicant promises and how it is audited. The 告知承诺书 the applicant
/// signs is filled from this and the decision by the reports' template.
public struct CommitmentPlan: Sendable {
    /// What the applicant promises (the material's `commitment` text).
    public var promise: String
    /// The facts the certificate proved; the certificate's own name when it declares none.
    public var proves: [String]
    public var method: AuditMethod
    public var withinWorkingDays: Int?
    /// Share of commitments audited, 0…1.
    public var sample: Double
    /// The auditing department: the declared one, else the procedure's department.
    public var auditor: String
    /// The liability for an untrue commitment as declared; nil for the statutory default.
    public var liability: String?
}

/// The policy's rules tried in order on one requirement's facts. A decision keeps this (two references and a
/// word of fact bits) instead of its trace, and the trace is rebuilt on demand: the same rules on the same
/// facts give the same outcomes.
struct RuleTrace: Sendable {
    let rules: [EvaluationContext.CompiledRule]
    let facts: FactSet
    /// Rules that matched but would have removed for a basis waiting for verification, or for want of a basis
    /// where a statutory condition must be established (empty almost always); the facts say which of the two.
    var heldBack: [String] = []

    /// Whether a rule in force matches: its `when` holds and its `unless` does not.
    func matches(_ rule: EvaluationContext.CompiledRule) -> Bool {
        rule.effective && facts.holds(rule.when) && !(rule.unless.map(facts.holds) ?? false)
    }

    var steps: [TraceStep] {
        var decided = false
        return rules.map { rule in
            let outcome: TraceStep.Outcome
            if !rule.effective {
                outcome = .notYetEffective
            } else if !matches(rule) {
                outcome = .notMatched
            } else if !decided, heldBack.contains(rule.name) {
                outcome = facts[.basisPending] ? .heldBack : .heldBackStatutoryCondition
            } else {
                outcome = decided ? .matchedAfterDecision : .fired
                decided = true
            }
            return TraceStep(rule: rule.name, outcome: outcome, reads: rule.reads, bits: facts.bits)
        }
    }
}

/// One rule tried for a decision: the facts it read are kept as the decision's fact bits and the list of
/// facts read (shared by every decision of the rule), and shown as a dictionary.
public struct TraceStep: Sendable, Encodable {
    public var rule: String
    public var outcome: Outcome
    let reads: [Fact]
    let bits: UInt32

    public enum Outcome: String, Sendable, Codable {
        case fired
        case matchedAfterDecision = "matched-after-decision"
        case notMatched = "not-matched"
        case notYetEffective = "not-yet-effective"
        /// It matched, but would have removed for a basis that is cited and not in the corpus.
        case heldBack = "held-back-pending-basis"
        /// It matched, but would have removed for want of a basis a certificate proving a statutory condition.
        case heldBackStatutoryCondition = "held-back-statutory-condition"
    }

    init(rule: String, outcome: Outcome, reads: [Fact], bits: UInt32) {
        self.rule = rule
        self.outcome = outcome
        self.reads = reads
        self.bits = bits
    }

    /// The facts the rule's conditions read, with their values.
    public var facts: [String: Bool] {
        Dictionary(reads.map { ($0.rawValue, bits & $0.bit != 0) }, uniquingKeysWith: { first, _ in first })
    }

    enum CodingKeys: String, CodingKey {
        case rule, outcome, facts
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(facts, forKey: .facts)
    }
}
