import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// A reviewed catalogue kept in memory to answer what-if questions: a proposal (`.jz` declarations that
/// replace or add procedures, materials, sources or departments) is layered on the resolved catalogue, and
/// only the requirements it can affect are decided again (see docs/engine.md, "Incremental what-if").
public struct ReviewSession: Sendable {
    public let catalogue: Catalogue
    public let corpus: LegalCorpus
    private let state: ReviewEngine.State
    private let policyName: String?
    /// For each node, the nodes with an edge to it.
    private let predecessors: [[Int]]

    /// The full review the session answers from.
    public var review: Review { state.review }

    /// Reviews `catalogue` in full and keeps what a what-if reuses. `phase` as in `ReviewEngine.review`.
    public init(
        catalogue: Catalogue, corpus: LegalCorpus, asOf date: CalendarDate, policy: String? = nil, phase: ((String) -> Void)? = nil
    ) throws(ReviewError) {
        self.catalogue = catalogue
        self.corpus = corpus
        policyName = policy
        state = try ReviewEngine(catalogue: catalogue, corpus: corpus).reviewKeepingState(asOf: date, policy: policy, phase: phase)
        var predecessors = [[Int]](repeating: [], count: state.graph.procedureIDs.count)
        for (from, edges) in state.graph.edges.enumerated() { for edge in edges { predecessors[edge.to].append(from) } }
        self.predecessors = predecessors
    }

    /// The review with `overlays` layered on. Errors in the overlays come back as diagnostics, with no review.
    public func whatIf(_ overlays: [SyntaxTree]) throws(ReviewError) -> WhatIf {
        let (proposed, changes, diagnostics) = CatalogueBuilder.apply(overlays, to: catalogue, corpus: corpus)
        guard !diagnostics.hasErrors else {
            return WhatIf(catalogue: proposed, review: nil, diagnostics: diagnostics, changes: changes, scope: nil)
        }
        let engine = ReviewEngine(catalogue: proposed, corpus: corpus)
        if !changes.policies.isEmpty || !changes.costModels.isEmpty || !changes.delegations.isEmpty {
            // A policy, a cost model or a delegation can decide any requirement: nothing to reuse.
            let review = try engine.review(asOf: state.review.asOf, policy: policyName)
            return WhatIf(catalogue: proposed, review: review, diagnostics: diagnostics, changes: changes, scope: nil)
        }
        let (review, scope) = incrementalReview(proposed, changes: changes, engine: engine)
        return WhatIf(catalogue: proposed, review: review, diagnostics: diagnostics, changes: changes, scope: scope)
    }

    private func incrementalReview(_ proposed: Catalogue, changes: DeclarationChanges, engine: ReviewEngine) -> (Review, ReviewScope) {
        let base = state.review
        let (graph, rebuilt) = state.graph.updated(
            to: proposed, from: catalogue, procedures: changes.procedures, materials: changes.materials) { state.requirers[$0] ?? [] }
        // Predecessors in the proposed graph (the rebuilt nodes' old edges kept: they only widen what is searched).
        var reversed = predecessors + [[Int]](repeating: [], count: graph.procedureIDs.count - predecessors.count)
        for node in rebuilt { for edge in graph.edges[node] { reversed[edge.to].append(node) } }
        let cyclesBefore = graph.cycles(updating: state.cyclesBefore, rebuilt: rebuilt) { reversed[$0] }
        let decided = nodesToDecide(proposed, changes, graph: graph, rebuilt: rebuilt, cycles: cyclesBefore)
        let procedure = { (node: Int) -> Procedure in
            // The graph was built from `proposed`: each of its nodes is one of its procedures.
            guard let procedure = proposed.procedures[graph.procedureIDs[node]] else {
                preconditionFailure("the issuing graph names a procedure the catalogue lacks: \(graph.procedureIDs[node])")
            }
            return procedure
        }

        let order = decided.sorted()
        var position = [Int](repeating: -1, count: graph.procedureIDs.count)
        for (index, node) in order.enumerated() { position[node] = index }
        let inCycle = ReviewEngine.cycleRequirements(cyclesBefore, graph: graph) { edge in
            position[edge.fromIndex] >= 0 ? RequirementPosition(procedure: position[edge.fromIndex], requirement: edge.requirement) : nil
        }
        let sources = changes.sources.isEmpty ? state.sources : SourceIndex(proposed.sources.values)
        let (fresh, _) = engine.decide(order.map(procedure), cycleRequirements: inCycle, policy: base.policy, date: base.asOf, sources: sources)

        // Splice: unchanged procedures keep their decisions (new procedures are the last nodes).
        var decisions = base.decisions.byProcedure
        for (index, node) in order.enumerated() {
            if node < decisions.count { decisions[node] = fresh[index] } else { decisions.append(fresh[index]) }
        }
        let cycles = engine.circularProofs(cyclesBefore, graph: graph, decisions: decisions)

        // Burdens change for what was decided again or rewired, and for everything that reaches it.
        let region = IssuingGraph.ancestors(of: decided.union(rebuilt)) { reversed[$0] }.sorted()
        let (before, after) = engine.burdens(of: region, procedures: region.map(procedure), graph: graph, decisions: decisions) { node in
            (base.burdens[node].before, base.burdens[node].after)
        }
        let members = Set(cyclesBefore.joined())
        var burdens = base.burdens
        for (index, node) in region.enumerated() {
            let procedure = procedure(node)
            let burden = ProcedureBurden(
                procedureID: procedure.id, procedureName: procedure.name, volume: procedure.volume,
                before: before[index], after: after[index], inCycle: members.contains(node))
            if node < burdens.count { burdens[node] = burden } else { burdens.append(burden) }
        }

        var review = Review(
            asOf: base.asOf, policy: base.policy, policyNote: base.policyNote, costModel: base.costModel,
            decisions: DecisionList(byProcedure: decisions), cycles: cycles, burdens: burdens)
        review.stepFindings = stepFindings(proposed, changed: changes.procedures, graph: graph)
        let oldNodes = base.burdens.count
        let scope = ReviewScope(
            decided: order.map { graph.procedureIDs[$0] }, burdened: region.map { graph.procedureIDs[$0] },
            decisions: (order.filter { $0 < oldNodes }.flatMap { base.decisions.byProcedure[$0] }, Array(fresh.joined())),
            burdens: (region.filter { $0 < oldNodes }.map { base.burdens[$0] }, region.map { burdens[$0] }))
        return (review, scope)
    }

    /// The base review's step findings with those of the `changed` procedures found again, in procedure order (a
    /// procedure's steps and time limits are its own: nothing else in the catalogue changes its findings).
    private func stepFindings(_ proposed: Catalogue, changed: [String], graph: IssuingGraph) -> [StepFinding] {
        let base = state.review
        let changedIDs = Set(changed)
        let node = { (finding: StepFinding) -> Int in
            guard let node = graph.indexByID[finding.procedureID] else {
                preconditionFailure("a step finding names a procedure the issuing graph lacks: \(finding.procedureID)")
            }
            return node
        }
        let kept = base.stepFindings.filter { !changedIDs.contains($0.procedureID) }
        let procedures = changedIDs.compactMap { graph.indexByID[$0] }.sorted().compactMap { proposed.procedures[graph.procedureIDs[$0]] }
        let fresh = StepAnalysis.findings(procedures, policy: base.policy) { [corpus] in
            proposed.citations.resolve($0, in: corpus, on: base.asOf).act
        }
        // Both lists are in procedure order: merge them.
        var merged: [StepFinding] = []
        merged.reserveCapacity(kept.count + fresh.count)
        var next = fresh.startIndex
        for finding in kept {
            let position = node(finding)
            while next < fresh.endIndex, node(fresh[next]) < position {
                merged.append(fresh[next])
                next += 1
            }
            merged.append(finding)
        }
        merged += fresh[next...]
        return merged
    }

    /// The procedures whose requirements must be decided again: the changed ones, those requiring a material
    /// whose profile may differ or whose department changed, and the members of circular proofs that appear,
    /// disappear or were rewired (their requirements' `in-cycle` facts).
    private func nodesToDecide(
        _ proposed: Catalogue, _ changes: DeclarationChanges, graph: IssuingGraph, rebuilt: Set<Int>, cycles: [[Int]]
    ) -> Set<Int> {
        var decided = Set(changes.procedures.compactMap { graph.indexByID[$0] })
        for material in affectedMaterials(proposed, changes) { decided.formUnion(state.requirers[material] ?? []) }
        if !changes.departments.isEmpty {
            for procedure in proposed.procedures.values where changes.departments.contains(procedure.department) {
                if let node = graph.indexByID[procedure.id] { decided.insert(node) }
            }
        }
        let oldCycles = Set(state.cyclesBefore.map { Set($0) }), newCycles = Set(cycles.map { Set($0) })
        for component in oldCycles.symmetricDifference(newCycles) { decided.formUnion(component) }
        let cycleMembers = oldCycles.union(newCycles).reduce(into: Set<Int>()) { $0.formUnion($1) }
        return decided.union(rebuilt.intersection(cycleMembers))
    }

    /// What the what-if changes against the session's review; nil when the overlays had errors.
    public func diff(_ whatIf: WhatIf) -> ReviewDiff? {
        guard let after = whatIf.review else { return nil }
        guard let scope = whatIf.scope else {
            return ReviewDiff.compare(before: review, beforeCatalogue: catalogue, after: after, afterCatalogue: whatIf.catalogue)
        }
        return ReviewDiff.compare(
            before: review, beforeCatalogue: catalogue, after: after, afterCatalogue: whatIf.catalogue, decisions: scope.decisions,
            burdens: scope.burdens)
    }

    /// Materials whose profile (candidate sources, issuer's prohibition, definition) the changes may alter.
    private func affectedMaterials(_ proposed: Catalogue, _ changes: DeclarationChanges) -> Set<String> {
        var affected = changes.materials
        guard !changes.sources.isEmpty || !changes.departments.isEmpty else { return affected }
        let sources = changes.sources.flatMap { [catalogue.sources[$0], proposed.sources[$0]] }.compactMap { $0 }
        for material in proposed.materials.values {
            if material.issuers.contains(where: changes.departments.contains) { affected.insert(material.name) }
            let proves = Set(material.proves)
            if sources.contains(where: { material.sources.contains($0.name) || (!proves.isEmpty && proves.isSubset(of: $0.items)) }) {
                affected.insert(material.name)
            }
        }
        return affected
    }
}

/// The procedures a what-if decided again, and those whose burden it recomputed; everything else is the base
/// review's, unchanged by construction.
public struct ReviewScope: Sendable {
    public var decided: [String]
    public var burdened: [String]
    /// The decisions and burdens of those procedures in the base review and in the what-if.
    var decisions: (before: [Decision], after: [Decision])
    var burdens: (before: [ProcedureBurden], after: [ProcedureBurden])
}

/// The outcome of a what-if: the proposed catalogue, its review (nil when the overlays have errors), and
/// how much was decided again (`scope` nil: a full review, e.g. because a policy changed).
public struct WhatIf: Sendable {
    public var catalogue: Catalogue
    public var review: Review?
    public var diagnostics: [Diagnostic]
    public var changes: DeclarationChanges
    public var scope: ReviewScope?
}
