import JianzhengBase

/// A typed condition of a policy rule, built from the `when` and `unless` expressions.
public indirect enum Condition: Sendable, Hashable {
    case fact(Fact)
    case kindIs(MaterialKind)
    case concernsAny(Set<ConcernCategory>)
    case departmentIs(String)
    case domainIs(String)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)
    case always

    /// The facts a condition reads, for traces and coverage.
    public var facts: [Fact] {
        switch self {
        case .fact(let fact): [fact]
        case .not(let inner): inner.facts
        case .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.facts + rhs.facts
        default: []
        }
    }
}

/// The built-in boolean facts a condition can test, named as in `.jz` files.
public enum Fact: String, Sendable, Hashable, CaseIterable, Codable {
    case basisPresent = "basis.present"
    case basisSufficient = "basis.sufficient"
    case basisNone = "basis.none"
    case basisRankInsufficient = "basis.rank-insufficient"
    case basisRepealed = "basis.repealed"
    case basisNotYetInForce = "basis.not-yet-in-force"
    case basisOutsideTerritory = "basis.outside-territory"
    /// A citation names an act, or a provision, the corpus does not hold: the basis waits for verification.
    case basisPending = "basis.pending"
    case basisDelegated = "basis.delegated"
    case basisConditionOnly = "basis.condition-only"
    case dutyShifted = "duty-shifted"
    case sharingAvailable = "sharing.available"
    case sharingInternal = "sharing.internal"
    case sharingUnconditional = "sharing.unconditional"
    case sharingConditionalApproved = "sharing.conditional-approved"
    case sharingELicence = "sharing.e-licence"
    case sharingPartial = "sharing.partial"
    case commitmentAvailable = "commitment.available"
    case commitmentExcluded = "commitment.excluded"
    case issuerProhibited = "issuer.prohibited"
    case absurd = "absurd"
    case absurdProvableByLicence = "absurd.provable-by-licence"
    case absurdSelfEvident = "absurd.self-evident"
    case absurdIssuerCannotVerify = "absurd.issuer-cannot-verify"
    case absurdUnrelated = "absurd.unrelated-to-purpose"
    case inCycle = "in-cycle"
    /// The requirement is evidence of a condition the procedure declares (`evidence-of`).
    case conditionPresent = "condition.present"
    /// A condition it is evidence of is set by a sufficient article: the fact must be established, not waived.
    case conditionSufficient = "condition.sufficient"
    /// Another evidence of an any-of condition establishes it already (a licence held, a shareable source).
    case conditionProvenOtherwise = "condition.proven-otherwise"
}
