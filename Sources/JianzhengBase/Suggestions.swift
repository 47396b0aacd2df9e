/// "Did you mean" suggestions by edit distance over characters (a Chinese character counts as one edit).
public enum Suggestions {
    /// Up to `limit` candidates closest to `name`, nearest first, within a distance that scales with length.
    public static func closest(to name: String, among candidates: some Sequence<String>, limit: Int = 1) -> [String] {
        let target = Array(name)
        let threshold = max(1, (target.count + 2) / 3)
        var scored: [(Int, String)] = []
        for candidate in Set(candidates) where candidate != name {
            let chars = Array(candidate)
            guard abs(chars.count - target.count) <= threshold else { continue }
            let distance = editDistance(target, chars)
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        if !scored.isEmpty { return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1) }
        // Chinese names often differ by a prefix or a synonym (户口本 / 居民户口簿): fall back to the longest
        // shared run of characters, if it covers at least two thirds of the name and two characters.
        let needed = max(2, (2 * target.count + 2) / 3)
        let shared = Set(candidates).compactMap { candidate -> (Int, String)? in
            let length = longestCommonRun(target, Array(candidate))
            return length >= needed ? (-length, candidate) : nil
        }
        return shared.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.1)
    }

    /// The length of the longest run of characters the two share.
    static func longestCommonRun(_ lhs: [Character], _ rhs: [Character]) -> Int {
        guard !lhs.isEmpty, !rhs.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: rhs.count + 1)
        var best = 0
        for left in lhs {
            var current = [Int](repeating: 0, count: rhs.count + 1)
            for (j, right) in rhs.enumerated() where left == right {
                current[j + 1] = previous[j] + 1
                best = max(best, current[j + 1])
            }
            previous = current
        }
        return best
    }

    /// Levenshtein distance.
    public static func editDistance(_ lhs: [Character], _ rhs: [Character]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previous = Array(0...rhs.count)
        var current = previous
        for (i, left) in lhs.enumerated() {
            current[0] = i + 1
            for (j, right) in rhs.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[rhs.count]
    }
}
