/// The facts known about one requirement, and the evaluation of policy conditions over them.
struct FactSet {
    var facts: Set<Fact>
    var kind: MaterialKind
    var concerns: Set<ConcernCategory>
    var department: String
    var domain: String?

    subscript(fact: Fact) -> Bool { facts.contains(fact) }

    mutating func set(_ fact: Fact, _ value: Bool) {
        if value { facts.insert(fact) } else { facts.remove(fact) }
    }

    func holds(_ condition: Condition) -> Bool {
        switch condition {
        case .always: true
        case .fact(let fact): facts.contains(fact)
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
