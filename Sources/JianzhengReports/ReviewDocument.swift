import Foundation
import Jianzheng
import JianzhengSyntax
import LegalCorpus

/// The stable JSON form of a review (schema: docs/review.schema.json, described in docs/json-output.md).
/// Keys are sorted and numbers rounded to two decimals, so the same inputs give byte-identical output.
public struct ReviewDocument: Encodable {
    public static let schemaVersion = "jianzheng-review/1"

    let schema = ReviewDocument.schemaVersion
    let asOf: String
    let policy: PolicyInfo
    let costModel: CostModelInfo?
    let summary: Summary
    let decisions: [DecisionInfo]
    let cycles: [CycleInfo]
    let burdens: [BurdenInfo]

    public init(_ review: Review) {
        asOf = review.asOf.description
        policy = PolicyInfo(
            name: review.policy.name, title: review.policy.title, effective: review.policy.effective.description,
            until: review.policy.until?.description, note: review.policyNote)
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
            annualTrips: BeforeAfter(before: Self.round(review.annualTripsBefore), after: Self.round(review.annualTripsAfter)),
            annualHoursSaved: Self.round(review.annualHoursSaved),
            annualCost: BeforeAfter(before: Self.round(review.annualCostBefore), after: Self.round(review.annualCostAfter)),
            cycles: CycleCounts(found: review.cycles.count, broken: broken, unresolved: review.cycles.count - broken))
        decisions = review.decisions.map(DecisionInfo.init)
        cycles = review.cycles.map(CycleInfo.init)
        burdens = review.burdens.map { BurdenInfo($0, model: review.costModel) }
    }

    /// The document as sorted, pretty-printed JSON text.
    public func json() -> String { JSONOutput.encode(self) }

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
        let conditionOnly: Bool
    }

    struct CommitmentInfo: Encodable {
        let available: Bool
        let excludedBy: [String]
        let plan: CommitmentPlan?
    }

    struct DecisionInfo: Encodable {
        let procedureID, procedureName, department, material, kind, verdict, reason: String
        let rule: String?
        let because: String
        let ruleCitations: [CitedArticle]
        let flags: [String]
        let alsoMatched: [String]
        let basis: BasisInfo
        let sharing: [SharingOption]
        let commitment: CommitmentInfo
        let replacement: String?
        let share: Double
        let location: Location
        let trace: [TraceStep]

        init(_ decision: Decision) {
            procedureID = decision.procedureID
            procedureName = decision.procedureName
            department = decision.department
            material = decision.material
            kind = decision.kind.rawValue
            verdict = decision.verdict.rawValue
            reason = decision.reason.rawValue
            rule = decision.rule
            because = decision.because
            ruleCitations = decision.ruleCitations
            flags = decision.flags.map(\.rawValue)
            alsoMatched = decision.alsoMatched
            basis = BasisInfo(
                status: decision.basis.status.rawValue, articles: decision.basis.articles, delegated: decision.basis.delegated,
                delegationNote: decision.basis.delegationNote, conditionOnly: decision.basis.conditionOnly)
            sharing = decision.sharing.options
            commitment = CommitmentInfo(
                available: decision.commitment.available, excludedBy: decision.commitment.excludedBy.map(\.rawValue),
                plan: decision.commitment.plan)
            replacement = decision.replacement
            share = ReviewDocument.round(decision.share)
            location = Location(decision.location)
            trace = decision.trace
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
            cutReason = cycle.cutReason
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
