import JianzhengBase

/// The result of reviewing a catalogue on a date under a policy.
public struct Review: Sendable {
    public var asOf: CalendarDate
    public var policy: Policy
    /// Set when the policy was chosen by fallback rather than being in force on the date.
    public var policyNote: PolicyNote?
    public var costModel: CostModel?
    /// Decisions in procedure order, then requirement order.
    public var decisions: DecisionList
    public var cycles: [CircularProof]
    public var burdens: [ProcedureBurden]
    /// What the procedures' guides say of their steps and time limits, checked (`StepAnalysis`).
    public var stepFindings: [StepFinding] = []

    /// Requirements counted by verdict.
    public var verdictCounts: [Verdict: Int] {
        decisions.reduce(into: [:]) { $0[$1.verdict, default: 0] += 1 }
    }

    /// Requirements counted by reason code.
    public var reasonCounts: [ReasonCode: Int] {
        decisions.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }

    /// Certificate requirements the review removes.
    public var certificatesRemoved: Int {
        decisions.filter { $0.kind == .certificate && $0.verdict == .remove }.count
    }

    public var annualTripsBefore: Double { burdens.reduce(0) { $0 + Double($1.volume) * $1.before.trips } }
    public var annualTripsAfter: Double { burdens.reduce(0) { $0 + Double($1.volume) * $1.after.trips } }
    public var annualHoursSaved: Double { burdens.reduce(0) { $0 + $1.annualHoursSaved(costModel) } }
    public var annualCostBefore: Double { burdens.reduce(0) { $0 + $1.annualCost($1.before, costModel) } }
    public var annualCostAfter: Double { burdens.reduce(0) { $0 + $1.annualCost($1.after, costModel) } }

    /// Hours a year the offices spend auditing commitments afterwards (the cost model's `audit-hours` for each
    /// audited commitment): what replacing certificates by commitments costs the administration.
    public var annualAuditHours: Double { Self.auditHours(of: decisions, costModel) }

    /// The audit hours a year of some decisions under a cost model.
    public static func auditHours(of decisions: some Sequence<Decision>, _ model: CostModel?) -> Double {
        guard let hours = model?.auditHours, hours > 0 else { return 0 }
        return decisions.reduce(0) { $0 + Double($1.procedure.volume) * $1.share * $1.auditedShare * hours }
    }

    /// The audit hours in yuan at the cost model's tariff.
    public var annualAuditCost: Double { annualAuditHours * (costModel?.hourlyTariff ?? 0) }

    /// The decision for a procedure and material.
    public func decision(_ procedureID: String, _ material: String) -> Decision? {
        decisions.first { $0.procedureID == procedureID && $0.material == material }
    }

    /// Procedures with the heaviest annual burden before the verdicts, heaviest first.
    public func heaviest(_ count: Int) -> [ProcedureBurden] {
        Array(burdens.sorted {
            let lhs = $0.annualCost($0.before, costModel), rhs = $1.annualCost($1.before, costModel)
            return lhs != rhs ? lhs > rhs : $0.procedureID < $1.procedureID
        }.prefix(count))
    }
}
