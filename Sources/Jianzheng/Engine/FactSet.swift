/// The facts known about one requirement as a bit set, and the evaluation of policy conditions over them.
struct FactSet {
    var bits: UInt32 = 0
    var kind: MaterialKind
    /// The material's concerns as declared (a handful at most: no set is built per requirement).
    var concerns: [ConcernCategory]
    var department: String
    var domain: String?

    subscript(fact: Fact) -> Bool { bits & fact.bit != 0 }

    mutating func set(_ fact: Fact, _ value: Bool) {
        if value { bits |= fact.bit } else { bits &= ~fact.bit }
    }

    func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .always: true
        case .fact(let fact): bits & fact.bit != 0
        case .kindIs(let kind): self.kind == kind
        case .concernsAny(let categories): concerns.contains(where: categories.contains)
        case .departmentIs(let name): department == name
        case .domainIs(let name): domain == name
        case .not(let inner): !holds(inner)
        case .and(let lhs, let rhs): holds(lhs) && holds(rhs)
        case .or(let lhs, let rhs): holds(lhs) || holds(rhs)
        }
    }
}

extension Fact {
    /// This fact's bit in a `FactSet`: its position among all facts.
    var bit: UInt32 {
        switch self {
        case .basisPresent: 1 << 0
        case .basisSufficient: 1 << 1
        case .basisNone: 1 << 2
        case .basisRankInsufficient: 1 << 3
        case .basisRepealed: 1 << 4
        case .basisNotYetInForce: 1 << 5
        case .basisOutsideTerritory: 1 << 6
        case .basisDelegated: 1 << 7
        case .basisConditionOnly: 1 << 8
        case .dutyShifted: 1 << 9
        case .sharingAvailable: 1 << 10
        case .sharingInternal: 1 << 11
        case .sharingUnconditional: 1 << 12
        case .sharingConditionalApproved: 1 << 13
        case .sharingELicence: 1 << 14
        case .sharingPartial: 1 << 15
        case .commitmentAvailable: 1 << 16
        case .commitmentExcluded: 1 << 17
        case .issuerProhibited: 1 << 18
        case .absurd: 1 << 19
        case .absurdProvableByLicence: 1 << 20
        case .absurdSelfEvident: 1 << 21
        case .absurdIssuerCannotVerify: 1 << 22
        case .absurdUnrelated: 1 << 23
        case .inCycle: 1 << 24
        case .basisPending: 1 << 25
        case .conditionPresent: 1 << 26
        case .conditionSufficient: 1 << 27
        case .conditionProvenOtherwise: 1 << 28
        }
    }
}
