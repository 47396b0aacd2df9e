/// Tarjan's strongly connected components, iterative so that a graph of any depth cannot overflow the stack.
enum StronglyConnectedComponents {
    /// Components in reverse topological order: a component comes after every component it has edges to.
    static func compute(nodeCount: Int, successors: [[Int]]) -> [[Int]] {
        var index = [Int](repeating: -1, count: nodeCount)
        var lowLink = [Int](repeating: 0, count: nodeCount)
        var onStack = [Bool](repeating: false, count: nodeCount)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        // Each frame: a node and the position of the next successor to visit.
        var frames: [(node: Int, next: Int)] = []
        for root in 0..<nodeCount where index[root] < 0 {
            frames.append((root, 0))
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.next < successors[node].count {
                    frames[frames.count - 1].next += 1
                    let successor = successors[node][frame.next]
                    if index[successor] < 0 {
                        index[successor] = counter
                        lowLink[successor] = counter
                        counter += 1
                        stack.append(successor)
                        onStack[successor] = true
                        frames.append((successor, 0))
                    } else if onStack[successor] {
                        lowLink[node] = min(lowLink[node], index[successor])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                components.append(component.sorted())
            }
        }
        return components
    }
}
