import Foundation
import Jianzheng
import JianzhengBase
import LegalCorpus

/// The stable JSON form of a review (schema: docs/review.schema.json, described in docs/json-output.md).
/// Keys are sorted and numbers rounded to two decimals, so the same inputs give byte-identical output.
/// Decisions, by far the largest part, are turned into JSON one at a time as the text is written.
public struct ReviewDocument: Encodable {
    public static let schemaVersion = "jianzheng-review/1"

    private let head: Head
    private let review: Review
    private let notice: CommitmentNotice

    /// The document of a review; `notice` fills each commitment's 告知承诺书 (the built-in Chinese one unless given).
    public init(_ review: Review, notice: CommitmentNotice = .standard(.zh)) {
        head = Head(review)
        self.review = review
        self.notice = notice
    }

    /// Everything but the decisions.
    private struct Head: Encodable {
        let schema = ReviewDocument.schemaVersion
        let asOf: String
        let policy: PolicyInfo
        let costModel: CostModelInfo?
        let summary: Summary
        let cycles: [CycleInfo]
        let burdens: [BurdenInfo]
        let stepFindings: [StepFindingInfo]

        init(_ review: Review) {
            asOf = review.asOf.description
            policy = PolicyInfo(
                name: review.policy.name, title: review.policy.title, effective: review.policy.effective.description,
                until: review.policy.until?.description, note: review.policyNote.map(OutcomeWording.chinese.policyNote))
            costModel = review.costModel.map {
                CostModelInfo(name: $0.name, hourlyTariff: $0.hourlyTariff, hoursPerTrip: $0.hoursPerTrip, hoursPerDayOfDelay: $0.hoursPerDayOfDelay)
            }
            let broken = review.cycles.filter { $0.status == .broken }.count
            summary = Summary(
                procedures: review.burdens.count, requirements: review.decisions.count,
                certificates: review.decisions.filter { $0.kind == .certificate }.count,
                verdicts: Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0.rawValue, review.verdictCounts[$0] ?? 0) }),
                reasons: Dictionary(uniqueKeysWithValues: review.reasonCounts.map { ($0.key.rawValue, $0.value) }),
                certificatesRemoved: review.certificatesRemoved,
                annualTrips: BeforeAfter(before: ReviewDocument.round(review.annualTripsBefore), after: ReviewDocument.round(review.annualTripsAfter)),
                annualHoursSaved: ReviewDocument.round(review.annualHoursSaved),
                annualCost: BeforeAfter(before: ReviewDocument.round(review.annualCostBefore), after: ReviewDocument.round(review.annualCostAfter)),
                annualAuditHours: review.annualAuditHours > 0 ? ReviewDocument.round(review.annualAuditHours) : nil,
                cycles: CycleCounts(found: review.cycles.count, broken: broken, unresolved: review.cycles.count - broken))
            cycles = review.cycles.map(CycleInfo.init)
            burdens = review.burdens.map { BurdenInfo($0, model: review.costModel) }
            stepFindings = review.stepFindings.map(StepFindingInfo.init)
        }
    }

    private enum DecisionsKey: String, CodingKey { case decisions }

    public func encode(to encoder: any Encoder) throws {
        try head.encode(to: encoder)
        var container = encoder.container(keyedBy: DecisionsKey.self)
        try container.encode(review.decisions.map { DecisionInfo($0, notice: notice) }, forKey: .decisions)
    }

    /// The document as sorted, pretty-printed JSON text.
    public func json() -> String {
        var text: [UInt8] = []
        write { text += $0 }
        return String(decoding: text, as: UTF8.self)
    }

    /// Writes the document's text in pieces of about a megabyte, so that memory does not grow with the number
    /// of decisions: they are turned into JSON a batch of procedures at a time, the batch's chunks on all cores.
    public func write(_ sink: @escaping ([UInt8]) -> Void) {
        write(batch: 4096, chunk: 256, sink)
    }

    func write(batch batchSize: Int, chunk chunkSize: Int, _ sink: @escaping ([UInt8]) -> Void) {
        let head = JSONNode.of(head)
        let decisions = review.decisions.byProcedure
        let notice = notice
        JSONNode.writeObject(head, streaming: DecisionsKey.decisions.rawValue, flush: sink) { output, level, flush in
            guard !review.decisions.isEmpty else { return JSONNode.empty("[", "]", into: &output, level: level) }
            output.append(contentsOf: "[\n".utf8)
            var first = true
            for batch in stride(from: 0, to: decisions.count, by: batchSize) {
                let end = min(batch + batchSize, decisions.count)
                let chunks = stride(from: batch, to: end, by: chunkSize).map { $0..<min($0 + chunkSize, end) }
                for text in ConcurrentSlots<[UInt8]>.map(chunks, { Self.text(of: decisions[$0].joined(), level: level + 1, notice: notice) })
                where !text.isEmpty {
                    if !first { output.append(contentsOf: ",\n".utf8) }
                    first = false
                    output += text
                    flush(&output)
                }
            }
            JSONNode.close("]", into: &output, level: level)
        }
    }

    /// The decisions as elements of the `decisions` array, separated by commas.
    private static func text(of decisions: some Sequence<Decision>, level: Int, notice: CommitmentNotice) -> [UInt8] {
        var output: [UInt8] = []
        for decision in decisions {
            if !output.isEmpty { output.append(contentsOf: ",\n".utf8) }
            JSONNode.indent(level, into: &output)
            JSONNode.of(DecisionInfo(decision, notice: notice)).write(into: &output, level: level)
        }
        return output
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    struct PolicyInfo: Encodable {
        let name: String
        let title: String?
        let effective: String
        let until: String?
        let note: String?
    }

    struct CostModelInfo: Encodable {
        let name: String
        let hourlyTariff, hoursPerTrip, hoursPerDayOfDelay: Double
    }

    struct BeforeAfter: Encodable {
        let before, after: Double
    }

    struct CycleCounts: Encodable {
        let found, broken, unresolved: Int
    }

    struct Summary: Encodable {
        let procedures, requirements, certificates: Int
        let verdicts: [String: Int]
        let reasons: [String: Int]
        let certificatesRemoved: Int
        let annualTrips: BeforeAfter
        let annualHoursSaved: Double
        let annualCost: BeforeAfter
        /// Present when the cost model declares `audit-hours`.
        let annualAuditHours: Double?
        let cycles: CycleCounts
    }

    struct Location: Encodable {
        let path: String
        let line, column: Int

        init(_ range: SourceRange) {
            path = range.start.path
            line = range.start.line
            column = range.start.column
        }
    }

    struct BasisInfo: Encodable {
        let status: String
        let articles: [CitedArticle]
        let delegated: Bool
        let delegationNote: String?

        init(_ basis: BasisAssessment) {
            status = basis.status.rawValue
            articles = basis.articles
            delegated = basis.delegated
            delegationNote = basis.delegation.map(OutcomeWording.chinese.delegation)
            conditionOnly = basis.conditionOnly
        }
        let conditionOnly: Bool
    }

    /// A condition the requirement is evidence of, with the article that sets it.
    struct ConditionInfo: Encodable {
        let name, proof: String
        let items: [String]
        let basis: BasisInfo
        let provenBy: String?

        init(_ check: ConditionCheck) {
            name = check.condition.name
            proof = check.condition.proof.rawValue
            items = check.condition.items
            basis = BasisInfo(check.basis)
            provenBy = check.provenBy
        }
    }

    /// What one situation's applicants do.
    struct SituationInfo: Encodable {
        let name, verdict, reason: String
        let share: Double
        let source: String?

        init(_ outcome: SituationOutcome) {
            name = outcome.situation.name
            share = ReviewDocument.round(outcome.situation.share)
            verdict = outcome.verdict.rawValue
            reason = outcome.reason.rawValue
            source = outcome.source
        }
    }

    struct CommitmentInfo: Encodable {
        let available: Bool
        let excludedBy: [String]
        let plan: PlanInfo?
    }

    /// A commitment's audit plan and its filled 告知承诺书.
    struct PlanInfo: Encodable {
        let method: String
        let withinWorkingDays: Int?
        let sample: Double
        let auditor: String
        let liability: String
        /// The commitment catalogue that publishes the terms, or what they cite (absent when neither).
        let offeredBy: String?
        let notice: String

        init(_ plan: CommitmentPlan, _ decision: Decision, notice: CommitmentNotice) {
            method = plan.method.rawValue
            withinWorkingDays = plan.withinWorkingDays
            sample = plan.sample
            auditor = plan.auditor
            liability = plan.liability ?? CommitmentNotice.statutoryLiability(.zh)
            let source = OutcomeWording.chinese.commitmentSource(decision.commitment.terms)
            offeredBy = source.isEmpty ? nil : source
            self.notice = notice.fill(decision, plan: plan)
        }
    }

    /// A candidate data source and whether it can supply the material.
    struct SharingInfo: Encodable {
        let source, provider, sharing: String
        let mode: String?
        let refusal: String?
        let coverage: Double
        let coverageNote: String?
        /// Present (true) only when each use needs the applicant's authorisation.
        let needsAuthorisation: Bool?
        /// Present only when the source holds some of the procedure's situations: those.
        let coveredSituations: [String]?

        init(_ option: SharingOption) {
            source = option.source
            provider = option.provider
            sharing = option.sharing.rawValue
            mode = option.mode?.rawValue
            refusal = option.refusal.map(OutcomeWording.chinese.refusal)
            coverage = option.coverage
            coverageNote = option.coverageNote
            needsAuthorisation = option.needsAuthorisation ? true : nil
            coveredSituations = option.coveredSituations.isEmpty ? nil : option.coveredSituations
        }
    }

    struct DecisionInfo: Encodable {
        let procedureID, procedureName, department, material, kind, verdict, reason: String
        let rule: String?
        let because: String
        let ruleCitations: [CitedArticle]
        let flags: [String]
        let alsoMatched: [String]
        let basis: BasisInfo
        let sharing: [SharingInfo]
        /// Candidate sources beyond those listed (a decision keeps a bounded sample; absent when none).
        let sharingOmitted: Int?
        let commitment: CommitmentInfo
        let replacement: String?
        let uncovered: String?
        let share: Double
        let location: Location
        let trace: [TraceStep]
        /// Present only for a requirement that is evidence of a condition, or decided per situation.
        let conditions: [ConditionInfo]?
        let situations: [SituationInfo]?

        init(_ decision: Decision, notice: CommitmentNotice) {
            procedureID = decision.procedureID
            procedureName = decision.procedureName
            department = decision.department
            material = decision.material
            kind = decision.kind.rawValue
            verdict = decision.verdict.rawValue
            reason = decision.reason.rawValue
            rule = decision.rule
            because = OutcomeWording.chinese.because(decision)
            ruleCitations = decision.ruleCitations
            flags = decision.flags.map(\.rawValue)
            alsoMatched = decision.alsoMatched
            basis = BasisInfo(decision.basis)
            sharing = decision.sharing.options.map(SharingInfo.init)
            sharingOmitted = decision.sharing.omitted > 0 ? decision.sharing.omitted : nil
            commitment = CommitmentInfo(
                available: decision.commitment.available, excludedBy: decision.commitment.excludedBy.map(\.rawValue),
                plan: decision.commitment.plan.map { PlanInfo($0, decision, notice: notice) })
            replacement = decision.replacement.map(OutcomeWording.chinese.replacement)
            uncovered = decision.uncovered.map(OutcomeWording.chinese.uncovered)
            share = ReviewDocument.round(decision.share)
            location = Location(decision.location)
            trace = decision.trace
            conditions = decision.conditions.isEmpty ? nil : decision.conditions.map(ConditionInfo.init)
            situations = decision.situations.isEmpty ? nil : decision.situations.map(SituationInfo.init)
        }
    }

    struct EdgeInfo: Encodable {
        let from, to, material, department, verdict: String
        let citations: [String]
        let basisSufficient: Bool

        init(_ edge: CircularProof.Edge) {
            from = edge.from
            to = edge.to
            material = edge.material
            department = edge.department
            verdict = edge.verdict.rawValue
            citations = edge.citations
            basisSufficient = edge.basisSufficient
        }
    }

    struct CycleInfo: Encodable {
        let procedures, path: [String]
        let status: String
        let edges: [EdgeInfo]
        let cheapestCut: EdgeInfo?
        let cutReason: String?

        init(_ cycle: CircularProof) {
            procedures = cycle.procedures
            path = cycle.path
            status = cycle.status.rawValue
            edges = cycle.edges.map(EdgeInfo.init)
            cheapestCut = cycle.cheapestCut.map(EdgeInfo.init)
            cutReason = OutcomeWording.chinese.cut(cycle)
        }
    }

    struct BurdenValues: Encodable {
        let certificates, trips, days, fees, hours, cost: Double

        init(_ burden: Burden, _ model: CostModel?) {
            certificates = ReviewDocument.round(burden.certificates)
            trips = ReviewDocument.round(burden.trips)
            days = ReviewDocument.round(burden.days)
            fees = ReviewDocument.round(burden.fees)
            hours = ReviewDocument.round(burden.hours(model))
            cost = ReviewDocument.round(burden.cost(model))
        }
    }

    /// A finding on a procedure's steps and time limits (`StepAnalysis`), with its sentence in Chinese.
    struct StepFindingInfo: Encodable {
        let kind, procedureID, message: String
        let steps: [String]
        let days, limit, saved: Int?
        /// For `above-licensing-limit`: the days the head may add, and the steps not counted (行政许可法 §45).
        let extensionDays: Int?
        let notCounted: [String]?
        let citations: [String]

        init(_ finding: StepFinding) {
            kind = finding.kind.rawValue
            procedureID = finding.procedureID
            message = OutcomeWording.chinese.stepFinding(finding)
            steps = finding.steps
            days = finding.days
            limit = finding.limit
            saved = finding.saved
            extensionDays = finding.extensionDays
            notCounted = finding.notCounted.isEmpty ? nil : finding.notCounted
            citations = finding.citations.map(\.text)
        }
    }

    struct BurdenInfo: Encodable {
        let procedureID, procedureName: String
        let volume: Int
        let inCycle: Bool
        let before, after: BurdenValues
        let annualCost: BeforeAfter
        let annualTripsSaved: Double

        init(_ burden: ProcedureBurden, model: CostModel?) {
            procedureID = burden.procedureID
            procedureName = burden.procedureName
            volume = burden.volume
            inCycle = burden.inCycle
            before = BurdenValues(burden.before, model)
            after = BurdenValues(burden.after, model)
            annualCost = BeforeAfter(
                before: ReviewDocument.round(burden.annualCost(burden.before, model)),
                after: ReviewDocument.round(burden.annualCost(burden.after, model)))
            annualTripsSaved = ReviewDocument.round(burden.annualTripsSaved)
        }
    }
}
