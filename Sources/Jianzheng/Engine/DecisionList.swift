/// A review's decisions in procedure order, then requirement order. They are kept per procedure, so a
/// what-if replaces one procedure's decisions without copying the others (a decision is a large value).
public struct DecisionList: RandomAccessCollection, Sendable {
    /// The decisions of each procedure, in review order.
    public private(set) var byProcedure: [[Decision]]
    /// Flat position of each procedure's first decision, and the total at the end.
    private var starts: [Int]

    public init(byProcedure: [[Decision]]) {
        self.byProcedure = byProcedure
        var starts = [Int](repeating: 0, count: byProcedure.count + 1)
        for (index, decisions) in byProcedure.enumerated() { starts[index + 1] = starts[index] + decisions.count }
        self.starts = starts
    }

    /// A decision's place: its procedure and its requirement within the procedure.
    public struct Index: Comparable, Sendable {
        public let procedure: Int
        public let requirement: Int
        /// Flat position, for distances and ordering.
        let position: Int

        public static func < (lhs: Index, rhs: Index) -> Bool { lhs.position < rhs.position }
        public static func == (lhs: Index, rhs: Index) -> Bool { lhs.position == rhs.position }
    }

    public var startIndex: Index { index(at: 0) }
    public var endIndex: Index { Index(procedure: byProcedure.count, requirement: 0, position: starts[byProcedure.count]) }
    public var count: Int { starts[byProcedure.count] }

    public subscript(index: Index) -> Decision { byProcedure[index.procedure][index.requirement] }

    /// Walks the procedures' arrays directly (faster than stepping indexes).
    public func makeIterator() -> FlattenSequence<[[Decision]]>.Iterator { byProcedure.joined().makeIterator() }

    public func index(after index: Index) -> Index {
        if index.requirement + 1 < byProcedure[index.procedure].count {
            return Index(procedure: index.procedure, requirement: index.requirement + 1, position: index.position + 1)
        }
        var next = index.procedure + 1
        while next < byProcedure.count, byProcedure[next].isEmpty { next += 1 }
        return Index(procedure: next, requirement: 0, position: index.position + 1)
    }

    public func index(before index: Index) -> Index {
        if index.requirement > 0 {
            return Index(procedure: index.procedure, requirement: index.requirement - 1, position: index.position - 1)
        }
        return self.index(at: index.position - 1)
    }

    public func index(_ index: Index, offsetBy distance: Int) -> Index { self.index(at: index.position + distance) }

    public func distance(from start: Index, to end: Index) -> Int { end.position - start.position }

    /// The index of the decision at a flat position (`count` gives `endIndex`).
    private func index(at position: Int) -> Index {
        guard position < count else { return endIndex }
        // The last procedure whose first decision is at or before `position` (skipping those without any).
        var low = 0, high = byProcedure.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= position { low = middle } else { high = middle - 1 }
        }
        return Index(procedure: low, requirement: position - starts[low], position: position)
    }
}
