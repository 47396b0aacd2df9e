import JianzhengBase

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
struct IssuingGraph: Sendable {
    private(set) var procedureIDs: [String]
    private(set) var indexByID: [String: Int]
    /// Edges per source node: target node, material, and the requirement's position in the procedure.
    private(set) var edges: [[(to: Int, material: String, requirement: Int)]]
    /// Nodes whose `issues` name a material.
    private var declaredIssuers: [Utf8Key: [Int]]
    /// The nodes issuing each issued material, ascending: `declaredIssuers` and the material's `issued-by`.
    private var issuersOf: [Utf8Key: [Int]]

    /// The graph of a catalogue whose procedures, in declaration order, are `procedures`.
    init(_ catalogue: Catalogue, procedures: [Procedure]) {
        procedureIDs = catalogue.procedureOrder
        var index: [String: Int] = [:]
        index.reserveCapacity(procedureIDs.count)
        for (position, id) in procedureIDs.enumerated() { index[id] = position }
        indexByID = index
        var declared: [Utf8Key: [Int]] = [:]
        for (position, procedure) in procedures.enumerated() {
            for material in procedure.issues { declared[Utf8Key(material), default: []].append(position) }
        }
        declaredIssuers = declared
        // Each issued material's issuers: the procedures whose `issues` name it, and its `issued-by` — read off the
        // materials as they are walked, not looked up again by name (hashing Chinese text as Unicode).
        var issuers = declared
        for material in catalogue.materials.values {
            guard let issuer = material.issuedBy else { continue }
            let key = Utf8Key(material.name)
            guard let node = index[issuer] else {
                if issuers[key] == nil { issuers[key] = [] }
                continue
            }
            if issuers[key]?.contains(node) != true { issuers[key, default: []].append(node) }
        }
        issuersOf = issuers.mapValues { $0.count > 1 ? $0.sorted() : $0 }
        edges = []
        let nodes = self
        edges = procedures.map { nodes.edges(of: $0) }
    }

    /// The nodes issuing a material, ascending: procedures whose `issues` name it, and its `issued-by`.
    private func issuers(of material: Utf8Key, in catalogue: Catalogue) -> [Int] {
        var nodes = declaredIssuers[material] ?? []
        if let issuer = catalogue.materials[material.text]?.issuedBy, let node = indexByID[issuer], !nodes.contains(node) {
            nodes.append(node)
        }
        return nodes.sorted()
    }

    private func edges(of procedure: Procedure) -> [(to: Int, material: String, requirement: Int)] {
        var edges: [(to: Int, material: String, requirement: Int)] = []
        // Requirements read in place: copying one retains each of its fields.
        let requirements = procedure.requirements
        for position in requirements.indices {
            guard let issuers = issuersOf[Utf8Key(requirements[position].material)] else { continue }
            for issuer in issuers { edges.append((to: issuer, material: requirements[position].material, requirement: position)) }
        }
        return edges
    }

    /// The graph of `catalogue`, which differs from this graph's catalogue (`base`) only in the `procedures`
    /// and `materials` named. New procedures become new nodes at the end. Returns the nodes whose outgoing
    /// edges were rebuilt: the changed procedures and those requiring a material whose issuers changed.
    /// `requirers(material)` lists base nodes that require a material.
    func updated(
        to catalogue: Catalogue, from base: Catalogue, procedures: [String], materials: Set<String>, requirers: (String) -> [Int]
    ) -> (IssuingGraph, rebuilt: Set<Int>) {
        var graph = self
        var reissued = Set(materials.filter { base.materials[$0]?.issuedBy != catalogue.materials[$0]?.issuedBy }.map(Utf8Key.init))
        var changedNodes: [Int] = []
        for id in procedures {
            let node: Int
            if let known = graph.indexByID[id] {
                node = known
                for material in base.procedures[id]?.issues ?? [] {
                    graph.declaredIssuers[Utf8Key(material)]?.removeAll { $0 == node }
                    reissued.insert(Utf8Key(material))
                }
            } else {
                node = graph.procedureIDs.count
                graph.procedureIDs.append(id)
                graph.indexByID[id] = node
                graph.edges.append([])
            }
            for material in catalogue.procedures[id]?.issues ?? [] {
                graph.declaredIssuers[Utf8Key(material), default: []].append(node)
                reissued.insert(Utf8Key(material))
            }
            changedNodes.append(node)
        }
        var rebuilt = Set(changedNodes)
        for material in reissued {
            let issuers = graph.issuers(of: material, in: catalogue)
            graph.issuersOf[material] = issuers.isEmpty ? nil : issuers
            rebuilt.formUnion(requirers(material.text))
        }
        for node in rebuilt {
            graph.edges[node] = catalogue.procedures[graph.procedureIDs[node]].map { graph.edges(of: $0) } ?? []
        }
        return (graph, rebuilt)
    }

    /// Strongly connected components that form a circular proof: two or more procedures, or a self-loop, in the
    /// order of their first (lowest) node. `members`, when given, restricts the search to the subgraph they induce;
    /// `keep` filters edges (e.g. only those still required after the verdicts).
    func cycles(among members: [Int]? = nil, keeping keep: ((IssuingEdge) -> Bool)? = nil) -> [[Int]] {
        let nodes = members ?? Array(procedureIDs.indices)
        var local = [Int: Int](minimumCapacity: members == nil ? 0 : nodes.count)
        if members != nil { for (position, node) in nodes.enumerated() { local[node] = position } }
        let successors = nodes.map { from in
            edges[from].compactMap { edge -> Int? in
                guard let to = members == nil ? edge.to : local[edge.to] else { return nil }
                if let keep, !keep(self.edge(from, edge.to, edge.material, edge.requirement)) { return nil }
                return to
            }
        }
        return StronglyConnectedComponents.compute(nodeCount: nodes.count, successors: successors)
            .filter { $0.count > 1 || successors[$0[0]].contains($0[0]) }
            .map { component in component.map { nodes[$0] }.sorted() }
            .sorted { $0[0] < $1[0] }
    }

    /// The circular proofs of this graph, given `old`, those of the graph it was updated from, and `rebuilt`, the
    /// nodes whose outgoing edges changed (see `updated`). A cycle that no rebuilt node reaches and that reaches
    /// none is unchanged; the others lie among the nodes both reachable from and reaching a rebuilt node, with the
    /// members of old cycles through a rebuilt node, and are searched again there alone. `predecessors(node)` may
    /// list more nodes than have an edge to it (a stale edge only widens the search).
    func cycles(updating old: [[Int]], rebuilt: Set<Int>, predecessors: (Int) -> [Int]) -> [[Int]] {
        var reachable = rebuilt
        var pending = Array(rebuilt)
        while let node = pending.popLast() {
            for edge in edges[node] where reachable.insert(edge.to).inserted { pending.append(edge.to) }
        }
        var region = rebuilt
        pending = Array(rebuilt)
        while let node = pending.popLast() {
            for predecessor in predecessors(node) where reachable.contains(predecessor) && region.insert(predecessor).inserted {
                pending.append(predecessor)
            }
        }
        var unchanged: [[Int]] = []
        for component in old {
            if component.contains(where: rebuilt.contains) { region.formUnion(component) } else { unchanged.append(component) }
        }
        unchanged.removeAll { region.contains($0[0]) }
        return (unchanged + cycles(among: region.sorted())).sorted { $0[0] < $1[0] }
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

    /// Every node with a path to one of `targets` (the targets included), given each node's predecessors.
    static func ancestors(of targets: Set<Int>, predecessors: (Int) -> [Int]) -> Set<Int> {
        var found = targets
        var pending = Array(targets)
        while let node = pending.popLast() {
            for predecessor in predecessors(node) where found.insert(predecessor).inserted { pending.append(predecessor) }
        }
        return found
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
