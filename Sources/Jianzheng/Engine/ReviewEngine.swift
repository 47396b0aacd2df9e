import JianzhengBase
import LegalCorpus

/// Why a review could not start.
public struct ReviewError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// Reviews a catalogue: decides every requirement under a policy on a date, finds circular proofs
/// before and after the verdicts, and computes burdens. The same inputs give the same review.
public struct ReviewEngine: Sendable {
    public let catalogue: Catalogue
    public let corpus: LegalCorpus

    public init(catalogue: Catalogue, corpus: LegalCorpus) {
        self.catalogue = catalogue
        self.corpus = corpus
    }

    /// The named policy, or the one in force on the date, or (with a note) the earliest one.
    public func selectPolicy(named name: String?, on date: CalendarDate) throws(ReviewError) -> (Policy, PolicyNote?) {
        if let name {
            guard let policy = catalogue.policies[name] else {
                let suggestion = Suggestions.closest(to: name, among: catalogue.policies.keys).first
                throw ReviewError(description: "unknown policy '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                    + " (policies: " + catalogue.policies.keys.sorted().joined(separator: ", ") + ")")
            }
            let note = policy.isInForce(on: date) ? nil : PolicyNote.namedOutOfForce(policy: name, date: date)
            return (policy, note)
        }
        let sorted = catalogue.policies.values.sorted { ($0.effective, $0.name) < ($1.effective, $1.name) }
        let inForce = sorted.filter { $0.isInForce(on: date) }
        if let latest = inForce.last {
            let others = inForce.dropLast()
            if let tie = others.last(where: { $0.effective == latest.effective }) {
                throw ReviewError(description: "policies '\(tie.name)' and '\(latest.name)' are both in force on \(date) and took effect the same day; name one with --policy")
            }
            let note = others.isEmpty ? nil : PolicyNote.latestOfSeveral(chosen: latest.name, others: others.map(\.name), date: date)
            return (latest, note)
        }
        guard let earliest = sorted.first else { throw ReviewError(description: "the catalogue declares no policy") }
        return (earliest, .noneInForce(earliest: earliest.name, date: date))
    }

    /// Reviews the catalogue. `phase`, when given, is called as each phase ends ("evaluate", "cycles",
    /// "burden", "finish"), so a benchmark can time them.
    public func review(asOf date: CalendarDate, policy name: String? = nil, phase: ((String) -> Void)? = nil) throws(ReviewError) -> Review {
        try reviewKeepingState(asOf: date, policy: name, keepingRequirers: false, phase: phase).review
    }

    /// Decides every requirement, a window of procedures at a time, handing each window's outcomes (verdict, reason,
    /// deciding rule) to `body` in catalogue order and keeping none. They are those of `review(asOf:policy:)`'s
    /// decisions, worked out from the same grounds without building the explanations; what a full review works out
    /// from all of them — circular proofs after the verdicts, burdens, step findings — is not computed. For outputs
    /// that carry only the verdicts (JSON Lines), in the memory of one window's outcomes instead of every decision.
    /// Returns what it decided with, for a one-shot command to leave to the process's exit.
    @discardableResult
    public func streamOutcomes(
        asOf date: CalendarDate, policy name: String? = nil, window: Int = 4096, _ body: ([[DecisionOutcome]]) -> Void
    ) throws(ReviewError) -> StreamedReview {
        precondition(window > 0, "a window holds at least one procedure")
        let (policy, _) = try selectPolicy(named: name, on: date)
        let procedures = catalogue.orderedProcedures
        // The requirements on a circular proof, as a full review finds them (the graph is not kept): found on another
        // core while the evaluation context is built.
        let inCycle = BackgroundWork { [catalogue] in
            let graph = IssuingGraph(catalogue, procedures: procedures)
            return Self.onCycles(graph.cycles(), graph: graph)
        }
        let evaluator = evaluator(
            procedures, cycleRequirements: inCycle.value, policy: policy, date: date, sources: SourceIndex(catalogue.sources.values))
        for start in stride(from: 0, to: procedures.count, by: window) {
            body(ConcurrentSlots<[DecisionOutcome]>.map(Array(start..<min(start + window, procedures.count))) { evaluator.outcomes(at: $0) })
        }
        return StreamedReview(context: evaluator.context)
    }

    /// What a streamed review decided with: the evaluation context (a profile per material, each requirement's
    /// slots). Freeing it takes one core a tenth of a second at 50,000 procedures, after the last line is written;
    /// a command about to exit keeps it instead, the workbench lets it go.
    public struct StreamedReview: Sendable {
        let context: EvaluationContext
    }

    /// What a full review leaves for a what-if to reuse.
    struct State: Sendable {
        var review: Review
        var graph: IssuingGraph
        var cyclesBefore: [[Int]]
        /// Nodes requiring each material, by material name (empty unless asked for: only a what-if reads it).
        var requirers: [String: [Int]]
        /// The catalogue's data sources by item, reused by a what-if that changes none.
        var sources: SourceIndex
    }

    func reviewKeepingState(
        asOf date: CalendarDate, policy name: String?, keepingRequirers: Bool = true, phase: ((String) -> Void)? = nil
    ) throws(ReviewError) -> State {
        let (policy, note) = try selectPolicy(named: name, on: date)
        let procedures = catalogue.orderedProcedures
        // The issuing graph and its circular proofs are found on another core while the evaluation context is built.
        let cycleSearch = BackgroundWork { [catalogue] in
            let graph = IssuingGraph(catalogue, procedures: procedures)
            let cycles = graph.cycles()
            return (graph: graph, cycles: cycles, requirements: Self.onCycles(cycles, graph: graph))
        }
        let sources = SourceIndex(catalogue.sources.values)
        // The evaluation context (a profile per material) is released as soon as every requirement is decided: the
        // burdens and the output reuse its memory instead of adding to it.
        let (decisions, requirers) = { () -> ([[Decision]], [String: [Int]]) in
            let (decisions, context) = decide(
                procedures, cycleRequirements: cycleSearch.value.requirements, policy: policy, date: date, sources: sources)
            return (decisions, keepingRequirers ? Self.requirers(context) : [:])
        }()
        let (graph, cyclesBefore, _) = cycleSearch.value
        phase?("evaluate")
        let cycles = circularProofs(cyclesBefore, graph: graph, decisions: decisions)
        phase?("cycles")
        let (before, after) = burdens(of: Array(procedures.indices), procedures: procedures, graph: graph, decisions: decisions) { _ in
            (Burden(), Burden())
        }
        let members = Set(cyclesBefore.joined())
        let records = procedures.enumerated().map { position, procedure in
            ProcedureBurden(
                procedureID: procedure.id, procedureName: procedure.name, volume: procedure.volume,
                before: before[position], after: after[position], inCycle: members.contains(position))
        }
        phase?("burden")
        var review = Review(
            asOf: date, policy: policy, policyNote: note, costModel: policy.costModel.flatMap { catalogue.costModels[$0] },
            decisions: DecisionList(byProcedure: decisions), cycles: cycles, burdens: records)
        review.stepFindings = StepAnalysis.findings(procedures, policy: policy) { [catalogue, corpus] in
            catalogue.citations.resolve($0, in: corpus, on: date).act
        }
        phase?("finish")
        return State(review: review, graph: graph, cyclesBefore: cyclesBefore, requirers: requirers, sources: sources)
    }

    /// The positions of the procedures requiring each declared material, by its name (what a what-if reads to find
    /// the procedures a changed material reaches).
    private static func requirers(_ context: EvaluationContext) -> [String: [Int]] {
        var requirers: [String: [Int]] = [:]
        for (index, slots) in context.slots.enumerated() {
            for slot in slots where slot.material >= 0 { requirers[context.profiles[Int(slot.material)].material.name, default: []].append(index) }
        }
        return requirers
    }

    /// The requirements on an edge inside a circular proof, as `position(edge)` numbers them (nil: not wanted).
    static func cycleRequirements(
        _ cycles: [[Int]], graph: IssuingGraph, position: (IssuingEdge) -> RequirementPosition?
    ) -> Set<RequirementPosition> {
        var requirements = Set<RequirementPosition>()
        for component in cycles {
            for edge in graph.edges(within: component) { if let index = position(edge) { requirements.insert(index) } }
        }
        return requirements
    }

    /// The requirements on an edge of the circular proofs `cycles`, by their positions in the graph's procedures.
    private static func onCycles(_ cycles: [[Int]], graph: IssuingGraph) -> Set<RequirementPosition> {
        cycleRequirements(cycles, graph: graph) { RequirementPosition(procedure: $0.fromIndex, requirement: $0.requirement) }
    }

    /// Decides every requirement of `procedures` in parallel, per procedure; `cycleRequirements` are positions
    /// within this list, asked for once the rest of the evaluation context is built; `sources` indexes the catalogue's
    /// data sources.
    func decide(
        _ procedures: [Procedure], cycleRequirements: @autoclosure () -> Set<RequirementPosition>, policy: Policy, date: CalendarDate,
        sources: SourceIndex
    ) -> ([[Decision]], EvaluationContext) {
        let evaluator = evaluator(procedures, cycleRequirements: cycleRequirements(), policy: policy, date: date, sources: sources)
        return (ConcurrentSlots<[Decision]>.map(Array(procedures.indices)) { evaluator.decide(at: $0) }, evaluator.context)
    }

    /// The evaluator of `procedures`' requirements, with its context worked out once (see `decide`).
    private func evaluator(
        _ procedures: [Procedure], cycleRequirements: @autoclosure () -> Set<RequirementPosition>, policy: Policy, date: CalendarDate,
        sources: SourceIndex
    ) -> RequirementEvaluator {
        RequirementEvaluator(context: EvaluationContext(
            catalogue: catalogue, corpus: corpus, policy: policy, date: date, procedures: procedures,
            cycleRequirements: cycleRequirements(), sources: sources))
    }

    /// The circular proofs of `cyclesBefore`, each marked broken or unresolved by the verdicts.
    func circularProofs(_ cyclesBefore: [[Int]], graph: IssuingGraph, decisions: [[Decision]]) -> [CircularProof] {
        let decision = { (edge: IssuingEdge) in decisions[edge.fromIndex][edge.requirement] }
        // A cycle of the kept edges lies within one of the cycles before: each is searched on its own.
        return cyclesBefore.map { component in
            let stillCyclic = !graph.cycles(among: component) { decision($0).verdict == .keep }.isEmpty
            return circularProof(component, graph: graph, decision: decision, stillCyclic: stillCyclic)
        }
    }

    /// Burdens before and after the verdicts of the procedures at `nodes`; `outside` gives both for any
    /// successor not among them (see `BurdenCalculator`). The two are independent: computed side by side.
    func burdens(
        of nodes: [Int], procedures: [Procedure], graph: IssuingGraph, decisions: [[Decision]], outside: @Sendable (Int) -> (Burden, Burden)
    ) -> (before: [Burden], after: [Burden]) {
        let calculator = BurdenCalculator(catalogue: catalogue, graph: graph)
        let both = ConcurrentSlots<[Burden]>.map([false, true]) { afterVerdicts in
            // Each requirement's weight is read off its decision once, in place: the calculator asks for it more
            // than once, and reading a decision out of the nested arrays copies it whole.
            guard afterVerdicts else {
                let weights = nodes.map { decisions[$0].map { $0.kind == .certificate ? 1.0 : 0 } }
                return calculator.burdens(of: nodes, procedures: procedures, weight: { weights[$0][$1] }) { outside($0).0 }
            }
            let weights = nodes.map { decisions[$0].map(Self.stillObtained) }
            return calculator.burdens(
                of: nodes, procedures: procedures, weight: { weights[$0][$1] }, stillIn: { Self.stillObtaining(decisions[nodes[$0]][$1]) }
            ) { outside($0).1 }
        }
        return (both[0], both[1])
    }

    /// The situations whose applicants still obtain the certificate, when it was decided per situation.
    static func stillObtaining(_ decision: Decision) -> [Situation]? {
        decision.situations.isEmpty ? nil : decision.situations.filter { $0.verdict == .keep }.map(\.situation)
    }

    /// The share of a requirement's applicants who must still obtain the certificate after the verdict: all when
    /// it is kept; those a partly covering source leaves out when it is obtained by sharing; none otherwise.
    static func stillObtained(_ decision: Decision) -> Double {
        guard decision.kind == .certificate else { return 0 }
        // Decided per situation: those whose situation keeps it.
        if !decision.situations.isEmpty { return decision.situationShare { $0.verdict == .keep } }
        switch decision.verdict {
        case .keep: return 1
        case .obtainBySharing:
            if case .commitment = decision.uncovered { return 0 }
            return max(0, 1 - (decision.sharing.best?.coverage ?? 1))
        case .remove, .commitment: return 0
        }
    }

    private func circularProof(
        _ component: [Int], graph: IssuingGraph, decision: (IssuingEdge) -> Decision, stillCyclic: Bool
    ) -> CircularProof {
        var decided: [CircularProof.Edge: Decision] = [:]
        let edges = graph.edges(within: component).map { edge -> CircularProof.Edge in
            let found = decision(edge)
            let proofEdge = CircularProof.Edge(
                from: edge.from, to: edge.to, material: edge.material,
                department: catalogue.procedures[edge.from]?.department ?? "",
                citations: found.basis.articles.map(\.citation), verdict: found.verdict,
                basisSufficient: found.basis.status == .sufficient)
            decided[proofEdge] = found
            return proofEdge
        }
        let (cut, reason) = cheapestCut(edges) { decided[$0] }
        return CircularProof(
            procedures: component.map { graph.procedureIDs[$0] }, path: graph.path(through: component), edges: edges,
            status: stillCyclic ? .unresolved : .broken, cheapestCut: cut, cutReason: reason)
    }

    /// The edge to cut first: no sufficient basis, else shareable, else commitment-eligible, else the lowest rank.
    private func cheapestCut(
        _ edges: [CircularProof.Edge], decision: (CircularProof.Edge) -> Decision?
    ) -> (CircularProof.Edge?, CircularProof.CutReason?) {
        if let edge = edges.first(where: { !$0.basisSufficient }) { return (edge, .noSufficientBasis) }
        if let edge = edges.first(where: { decision($0)?.sharing.best != nil }) { return (edge, .shareable) }
        if let edge = edges.first(where: { decision($0)?.commitment.available == true && decision($0)?.commitment.excludedBy.isEmpty == true }) {
            return (edge, .commitmentEligible)
        }
        let weakest = edges.max { lhs, rhs in
            let left = decision(lhs)?.basis.articles.compactMap(\.rank).min() ?? .law
            let right = decision(rhs)?.basis.articles.compactMap(\.rank).min() ?? .law
            return left < right
        }
        return (weakest, weakest.map { _ in .lowestRank })
    }
}
