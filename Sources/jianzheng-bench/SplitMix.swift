import Foundation

/// A small deterministic generator (SplitMix64): the same seed gives the same catalogue on every machine.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool { Double(next() % 1_000_000) < probability * 1_000_000 }
}

extension SplitMix {
    /// Zipf-like in 0..<count: index i drawn with weight about 1/(i+1) (a few popular, a long tail), by inverting
    /// the harmonic cumulative weight with the logarithm (H(i) ≈ ln(i) + 0.577).
    mutating func zipf(_ count: Int) -> Int {
        guard count > 1 else { return 0 }
        let total = log(Double(count)) + 0.5772
        let u = Double(next() % 1_000_000_007) / 1_000_000_007 * total
        return min(count - 1, max(0, Int(exp(u - 0.5772)) - 1))
    }
}
