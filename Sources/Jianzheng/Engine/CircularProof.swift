import JianzhengBase

/// A circular proof (循环证明): procedures that, through the certificates they demand, require each other.
public struct CircularProof: Sendable {
    public enum Status: String, Sendable, Codable {
        /// The verdicts remove at least one edge: the applicant can complete every procedure.
        case broken
        /// Every edge keeps a valid basis and nothing is shareable: only a change of law or sharing helps.
        case unresolved = "CIRCULAR_UNRESOLVED"
    }

    /// Why the cheapest cut is that edge.
    public enum CutReason: String, Sendable, Hashable {
        /// Its certificate has no sufficient basis: it can simply go.
        case noSufficientBasis
        /// Its material can be obtained by sharing.
        case shareable
        /// A commitment can replace its certificate.
        case commitmentEligible
        /// Every edge has a valid basis; this one's is of the lowest rank (change that basis, or share).
        case lowestRank
    }

    /// An edge with the department that demands the material and the basis cited for it.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        public var material: String
        public var department: String
        public var citations: [String]
        public var verdict: Verdict
        public var basisSufficient: Bool
    }

    public var procedures: [String]
    /// One cycle through the component, in order.
    public var path: [String]
    public var edges: [Edge]
    public var status: Status
    /// The edge whose removal costs least (weakest basis first, then shareable, then commitment), and why.
    public var cheapestCut: Edge?
    public var cutReason: CutReason?
}
