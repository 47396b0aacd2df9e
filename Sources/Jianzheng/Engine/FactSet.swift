/// The facts known about one requirement as a bit set, and the evaluation of policy conditions over them.
struct FactSet {
    var bits: UInt32 = 0
    var kind: MaterialKind
    var concerns: Set<ConcernCategory>
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
        case .concernsAny(let categories): !concerns.isDisjoint(with: categories)
        case .departmentIs(let name): department == name
        case .domainIs(let name): domain == name
        case .not(let inner): !holds(inner)
        case .and(let lhs, let rhs): holds(lhs) && holds(rhs)
        case .or(let lhs, let rhs): holds(lhs) || holds(rhs)
        }
    }
}

extension Fact {
    private static let bits: [Fact: UInt32] = Dictionary(
        uniqueKeysWithValues: Fact.allCases.enumerated().map { ($0.element, UInt32(1) << UInt32($0.offset)) })

    /// This fact's bit in a `FactSet`.
    var bit: UInt32 { Self.bits[self] ?? 0 }
}
