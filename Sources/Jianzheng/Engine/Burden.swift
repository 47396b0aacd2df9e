/// What an applicant spends to complete a procedure, transitively through the procedures that issue
/// the certificates it demands. Values are expected per applicant (each requirement weighted by its share).
public struct Burden: Sendable, Codable, Equatable {
    public var certificates: Double = 0
    public var trips: Double = 0
    public var days: Double = 0
    public var fees: Double = 0
    /// Trips to materials that declare their own `hours-per-trip`, and the hours those trips take.
    public var ownTrips: Double = 0
    public var ownTripHours: Double = 0

    static func + (lhs: Burden, rhs: Burden) -> Burden {
        Burden(
            certificates: lhs.certificates + rhs.certificates, trips: lhs.trips + rhs.trips, days: lhs.days + rhs.days, fees: lhs.fees + rhs.fees,
            ownTrips: lhs.ownTrips + rhs.ownTrips, ownTripHours: lhs.ownTripHours + rhs.ownTripHours)
    }

    static func * (share: Double, burden: Burden) -> Burden {
        Burden(
            certificates: share * burden.certificates, trips: share * burden.trips, days: share * burden.days, fees: share * burden.fees,
            ownTrips: share * burden.ownTrips, ownTripHours: share * burden.ownTripHours)
    }

    /// Hours of the applicant's time under a cost model: the model's hours per trip, except for trips to a material
    /// that declares its own.
    public func hours(_ model: CostModel?) -> Double {
        guard let model else { return 0 }
        return (trips - ownTrips) * model.hoursPerTrip + ownTripHours + days * model.hoursPerDayOfDelay
    }

    /// Cost in yuan per applicant: hours × tariff + fees (Standard Cost Model).
    public func cost(_ model: CostModel?) -> Double {
        hours(model) * (model?.hourlyTariff ?? 0) + fees
    }
}

/// A procedure's burden before and after the verdicts, and the annual totals.
public struct ProcedureBurden: Sendable {
    public var procedureID: String
    public var procedureName: String
    public var volume: Int
    public var before: Burden
    public var after: Burden
    /// Whether the procedure sits in a circular proof (its burden then covers the whole cycle).
    public var inCycle: Bool

    public func annualCost(_ burden: Burden, _ model: CostModel?) -> Double { Double(volume) * burden.cost(model) }
    public var annualTripsSaved: Double { Double(volume) * (before.trips - after.trips) }
    public func annualHoursSaved(_ model: CostModel?) -> Double { Double(volume) * (before.hours(model) - after.hours(model)) }
}

/// Computes burdens over the condensation of the certificate graph, sinks first, without recursion.
struct BurdenCalculator {
    let catalogue: Catalogue
    let graph: IssuingGraph

    /// The burdens of `nodes`, in their order. `weight(position, requirementIndex)`, `position` being the node's
    /// position in `nodes`, is the share of the requirement's applicants who must still obtain its material (a
    /// certificate, before or after the verdicts):
    /// 1, none (0), or those a partly covering data source leaves out. Every successor of a node that is not itself in `nodes` must have
    /// the burden `outside(successor)`; a region closed under predecessors (all ancestors of what changed) has that
    /// property, since no node outside it can reach a changed node.
    /// `procedures` are those at `nodes`, in the same order. `stillIn(position, requirement)` gives the situations whose
    /// applicants still obtain the material when it was decided per situation (nil: every situation the requirement
    /// applies in); it matters where situations declare their own hours per trip.
    func burdens(
        of nodes: [Int], procedures: [Procedure], weight: (Int, Int) -> Double, stillIn: (Int, Int) -> [Situation]? = { _, _ in nil },
        outside: (Int) -> Burden
    ) -> [Burden] {
        var local = [Int](repeating: -1, count: graph.procedureIDs.count)
        for (position, node) in nodes.enumerated() { local[node] = position }
        // Successors: certificate edges to issuing procedures that the applicant must still walk.
        let successors = nodes.enumerated().map { position, node in
            graph.edges[node].filter { weight(position, $0.requirement) > 0 && local[$0.to] >= 0 }.map { local[$0.to] }
        }
        let components = StronglyConnectedComponents.compute(nodeCount: nodes.count, successors: successors)
        var componentOf = [Int](repeating: 0, count: nodes.count)
        for (position, component) in components.enumerated() { for member in component { componentOf[member] = position } }
        var totals = [Burden](repeating: Burden(), count: components.count)
        for (position, component) in components.enumerated() {
            var total = Burden()
            for member in component {
                let node = nodes[member], procedure = procedures[member]
                total = total + Burden(certificates: 0, trips: Double(procedure.trips), days: Double(procedure.waitingDays), fees: procedure.fee)
                // Requirements are read in place (copying each would retain its fields).
                let requirements = procedure.requirements
                for index in requirements.indices {
                    let still = weight(member, index)
                    guard still > 0 else { continue }
                    let issuer = graph.edges[node].first { $0.requirement == index }?.to
                    let certificate = Burden(certificates: 1, trips: 0, days: 0, fees: 0)
                    let obtained: Burden
                    if let issuer, local[issuer] < 0 {
                        obtained = certificate + outside(issuer)
                    } else if let issuer, componentOf[local[issuer]] != position {
                        obtained = certificate + totals[componentOf[local[issuer]]]
                    } else if issuer != nil {
                        obtained = certificate
                    } else {
                        let material = catalogue.materials[requirements[index].material]
                        let trips = Double(material?.trips ?? 1)
                        var situations: [Situation] = [], rest = 0.0
                        if procedure.situations.contains(where: { $0.hoursPerTrip != nil }) {
                            if let still = stillIn(member, index) {
                                situations = still
                            } else {
                                situations = procedure.situations(of: requirements[index])
                                // Applying to everyone, it is also obtained by the applicants in no declared situation.
                                if situations.count == procedure.situations.count { rest = max(0, 1 - situations.reduce(0) { $0 + $1.share }) }
                            }
                        }
                        let (ownShare, ownHours) = Self.ownTripHours(material: material?.hoursPerTrip, situations: situations, rest: rest)
                        obtained = Burden(
                            certificates: 1, trips: trips, days: Double(material?.days ?? 0), fees: material?.fee ?? 0,
                            ownTrips: trips * ownShare, ownTripHours: trips * ownHours)
                    }
                    total = total + (requirements[index].share * still) * obtained
                }
            }
            totals[position] = total
        }
        return nodes.indices.map { totals[componentOf[$0]] }
    }

    /// Of one trip by the applicants who still make it: the share whose hours are declared (by their situation,
    /// else the material) rather than the cost model's, and those hours, share-weighted. The situations' own
    /// hours come first; without situations it is the material's for everyone, or nobody's.
    /// `rest` is the share of applicants in no declared situation (they take the material's hours).
    static func ownTripHours(material: Double?, situations: [Situation], rest: Double = 0) -> (share: Double, hours: Double) {
        let total = situations.reduce(0) { $0 + $1.share } + rest
        guard total > 0 else { return material.map { (1, $0) } ?? (0, 0) }
        var share = 0.0, hours = 0.0
        if let material, rest > 0 {
            share += rest / total
            hours += rest / total * material
        }
        for situation in situations {
            guard let declared = situation.hoursPerTrip ?? material else { continue }
            share += situation.share / total
            hours += situation.share / total * declared
        }
        return (share, hours)
    }
}
