import JianzhengSyntax

/// An edge of the issuing graph: `from` requires a material that `to` issues.
public struct IssuingEdge: Sendable, Hashable {
    public var from: String
    public var to: String
    public var material: String
    /// Positions of the requiring procedure and of the requirement within it.
    public var fromIndex: Int
    public var requirement: Int
}

/// The issuing graph over a catalogue: P → Q when P requires a material issued by Q.
struct IssuingGraph {
    let procedureIDs: [String]
    let indexByID: [String: Int]
    /// Edges per source node: target node, material, and the requirement's position in the procedure.
    let edges: [[(to: Int, material: String, requirement: Int)]]

    init(_ catalogue: Catalogue) {
        procedureIDs = catalogue.procedureOrder
        var index: [String: Int] = [:]
        for (position, id) in procedureIDs.enumerated() { index[id] = position }
        indexByID = index
        var issuersOf: [String: [Int]] = [:]
        for (position, id) in procedureIDs.enumerated() {
            for material in catalogue.procedures[id]?.issues ?? [] { issuersOf[material, default: []].append(position) }
        }
        for material in catalogue.materials.values {
            if let issuer = material.issuedBy, let position = index[issuer], !(issuersOf[material.name] ?? []).contains(position) {
                issuersOf[material.name, default: []].append(position)
            }
        }
        edges = procedureIDs.map { id in
            (catalogue.procedures[id]?.requirements ?? []).enumerated().flatMap { position, requirement in
                (issuersOf[requirement.material] ?? []).sorted().map { (to: $0, material: requirement.material, requirement: position) }
            }
        }
    }

    /// Strongly connected components that form a circular proof: two or more procedures, or a self-loop.
    /// `keep` filters edges (e.g. only those still required after the verdicts).
    func cycles(keeping keep: (IssuingEdge) -> Bool = { _ in true }) -> [[Int]] {
        let successors = edges.enumerated().map { from, list in
            list.filter { keep(edge(from, $0.to, $0.material, $0.requirement)) }.map(\.to)
        }
        return StronglyConnectedComponents.compute(nodeCount: procedureIDs.count, successors: successors)
            .filter { $0.count > 1 || successors[$0[0]].contains($0[0]) }
            .sorted { $0[0] < $1[0] }
    }

    func edge(_ from: Int, _ to: Int, _ material: String, _ requirement: Int) -> IssuingEdge {
        IssuingEdge(from: procedureIDs[from], to: procedureIDs[to], material: material, fromIndex: from, requirement: requirement)
    }

    /// The edges inside a component.
    func edges(within component: [Int]) -> [IssuingEdge] {
        let members = Set(component)
        return component.flatMap { from in
            edges[from].filter { members.contains($0.to) }.map { edge(from, $0.to, $0.material, $0.requirement) }
        }
    }

    /// One simple cycle through the component's first member (shortest by breadth-first search).
    func path(through component: [Int]) -> [String] {
        let members = Set(component)
        let start = component[0]
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in edges[node].map(\.to) where members.contains(next) {
                if next == start {
                    var cycle = [node]
                    while let before = previous[cycle[0]] { cycle.insert(before, at: 0) }
                    return cycle.map { procedureIDs[$0] }
                }
                if previous[next] == nil, next != start {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return component.map { procedureIDs[$0] }
    }
}
