/// What changed between two versions of an act, article by article: added, removed, renumbered (Chinese
/// amendments renumber the articles after an inserted or deleted one) and changed text.
public struct VersionComparison: Sendable {
    public enum Change: Sendable, Equatable {
        case added(String)
        case removed(String)
        /// From the old number to the new; `changed` when the text changed too.
        case renumbered(from: String, to: String, changed: Bool)
        case changed(String)
    }

    public let changes: [Change]
    /// Articles whose number and text are the same in both.
    public let unchanged: Int
    /// The renumbered articles by eId, old → new: what the new version's document records.
    public let renumberings: [String: String]

    /// Compares the articles of two versions. An article whose number now holds other words is looked for under
    /// another number: its words there, or nearly (four in five of its character pairs) and closer than what its
    /// own number holds, make it renumbered; else it changed (its number is still there) or was removed.
    public init(old: ActVersion, new: ActVersion) {
        let before = Self.articles(old), after = Self.articles(new)
        var changes: [Change] = []
        var unchanged = 0
        var renumberings: [String: String] = [:]
        var matchedNew = Set<String>()
        var unmatchedOld: [Provision] = []
        // The same number and the same words first: most articles survive an amendment untouched.
        for article in before {
            if let same = new.provisions[article.eId], same.text == article.text {
                unchanged += 1
                matchedNew.insert(same.eId)
            } else {
                unmatchedOld.append(article)
            }
        }
        for article in unmatchedOld {
            let same = new.provisions[article.eId].flatMap { matchedNew.contains($0.eId) ? nil : $0 }
            let kept = same.map { Self.similarity($0.text, article.text) } ?? 0
            // Its words under another number, closer than what its own number now holds: renumbered.
            let moved = after.filter { !matchedNew.contains($0.eId) && $0.eId != article.eId }
                .map { ($0, Self.similarity($0.text, article.text)) }.max { $0.1 < $1.1 }
            if let (target, score) = moved, score >= 0.8, score > kept {
                changes.append(.renumbered(from: article.label, to: target.label, changed: target.text != article.text))
                renumberings[article.eId] = target.eId
                matchedNew.insert(target.eId)
            } else if let same {
                changes.append(.changed(article.label))
                matchedNew.insert(same.eId)
            } else {
                changes.append(.removed(article.label))
            }
        }
        for article in after where !matchedNew.contains(article.eId) { changes.append(.added(article.label)) }
        self.changes = changes
        self.unchanged = unchanged
        self.renumberings = renumberings
    }

    /// The articles of a version (eIds without a `__` part: not paragraphs or points; not chapters), in order.
    private static func articles(_ version: ActVersion) -> [Provision] {
        version.provisions.values.filter { $0.eId.hasPrefix("art_") && !$0.eId.contains("__") }.sorted { order($0.eId).lexicographicallyPrecedes(order($1.eId)) }
    }

    private static func order(_ eId: String) -> [Int] {
        eId.dropFirst(4).split(separator: "_").compactMap { Int($0) }
    }

    /// The share of character pairs two texts have in common (Dice), 0…1: robust to a word changed here or there.
    static func similarity(_ lhs: String, _ rhs: String) -> Double {
        if lhs == rhs { return 1 }
        let left = pairs(lhs), right = pairs(rhs)
        guard !left.isEmpty || !right.isEmpty else { return 1 }
        var counts: [String: Int] = [:]
        for pair in left { counts[pair, default: 0] += 1 }
        var shared = 0
        for pair in right where (counts[pair] ?? 0) > 0 {
            counts[pair, default: 0] -= 1
            shared += 1
        }
        return 2 * Double(shared) / Double(left.count + right.count)
    }

    private static func pairs(_ text: String) -> [String] {
        let characters = Array(text.filter { !$0.isWhitespace })
        guard characters.count > 1 else { return characters.map(String.init) }
        return (0..<characters.count - 1).map { String(characters[$0]) + String(characters[$0 + 1]) }
    }
}
