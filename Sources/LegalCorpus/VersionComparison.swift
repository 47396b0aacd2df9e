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

    /// Compares the articles of two versions as two sequences, the way an amendment changes an act: articles keep
    /// their order, some are inserted or deleted, the ones after are renumbered. Articles with the same words are
    /// paired first (in order); between two such pairs, the articles are aligned so that the pairs' likeness (the
    /// share of character pairs in common) is greatest. A pair needs half its character pairs in common, unless
    /// both hold the same number (an article rewritten in place is changed, not removed and added).
    public init(old: ActVersion, new: ActVersion) {
        let before = Self.articles(old), after = Self.articles(new)
        var pairs: [(Int, Int)] = []
        var previous = (-1, -1)
        for anchor in Self.anchors(before, after) + [(before.count, after.count)] {
            pairs += Self.align(before, after, old: (previous.0 + 1)..<anchor.0, new: (previous.1 + 1)..<anchor.1)
            if anchor.0 < before.count { pairs.append(anchor) }
            previous = anchor
        }
        var changes: [Change] = []
        var unchanged = 0
        var renumberings: [String: String] = [:]
        var nextOld = 0, nextNew = 0
        for (oldIndex, newIndex) in pairs + [(before.count, after.count)] {
            // What lies between two pairs was removed (old) or added (new).
            changes += before[nextOld..<oldIndex].map { .removed($0.label) }
            changes += after[nextNew..<newIndex].map { .added($0.label) }
            nextOld = oldIndex + 1
            nextNew = newIndex + 1
            guard oldIndex < before.count else { break }
            let (was, now) = (before[oldIndex], after[newIndex])
            if was.eId != now.eId {
                changes.append(.renumbered(from: was.label, to: now.label, changed: was.text != now.text))
                renumberings[was.eId] = now.eId
            } else if was.text != now.text {
                changes.append(.changed(was.label))
            } else {
                unchanged += 1
            }
        }
        self.changes = changes
        self.unchanged = unchanged
        self.renumberings = renumberings
    }

    /// Articles with the same words in both versions, paired in order (each old article with the first new one
    /// after the last pair that has its words).
    private static func anchors(_ before: [Provision], _ after: [Provision]) -> [(Int, Int)] {
        var positions: [String: [Int]] = [:]
        for (index, article) in after.enumerated() { positions[article.text, default: []].append(index) }
        var anchors: [(Int, Int)] = []
        var last = -1
        for (index, article) in before.enumerated() {
            if let match = positions[article.text]?.first(where: { $0 > last }) {
                anchors.append((index, match))
                last = match
            }
        }
        return anchors
    }

    /// The best order-keeping pairing of the old and new articles in the two ranges (dynamic programming over the
    /// gap between two anchors, which an amendment keeps small); a gap too large to align pairs articles by number.
    private static func align(_ before: [Provision], _ after: [Provision], old: Range<Int>, new: Range<Int>) -> [(Int, Int)] {
        guard !old.isEmpty, !new.isEmpty else { return [] }
        guard old.count * new.count <= 250_000 else {
            let numbers = Dictionary(new.map { (after[$0].eId, $0) }, uniquingKeysWith: { first, _ in first })
            return old.compactMap { index in numbers[before[index].eId].map { (index, $0) } }
        }
        func score(_ i: Int, _ j: Int) -> Double? {
            let likeness = similarity(before[i].text, after[j].text)
            if before[i].eId == after[j].eId { return likeness + 0.2 }
            return likeness >= 0.5 ? likeness : nil
        }
        let rows = old.count, columns = new.count
        var best = [Double](repeating: 0, count: (rows + 1) * (columns + 1))
        var paired = [Bool](repeating: false, count: (rows + 1) * (columns + 1))
        for i in 1...rows {
            for j in 1...columns {
                let cell = i * (columns + 1) + j
                best[cell] = max(best[cell - columns - 1], best[cell - 1])
                if let value = score(old.lowerBound + i - 1, new.lowerBound + j - 1), best[cell - columns - 2] + value > best[cell] {
                    best[cell] = best[cell - columns - 2] + value
                    paired[cell] = true
                }
            }
        }
        var result: [(Int, Int)] = []
        var (i, j) = (rows, columns)
        while i > 0, j > 0 {
            let cell = i * (columns + 1) + j
            if paired[cell] {
                result.append((old.lowerBound + i - 1, new.lowerBound + j - 1))
                i -= 1
                j -= 1
            } else if best[cell] == best[cell - columns - 1] {
                i -= 1
            } else {
                j -= 1
            }
        }
        return result.reversed()
    }

    /// The articles of a version (eIds without a `__` part: not paragraphs or points; not chapters), in order.
    private static func articles(_ version: ActVersion) -> [Provision] {
        version.provisions.filter { $0.eId.hasPrefix("art_") && !$0.eId.contains("__") }.sorted { order($0.eId).lexicographicallyPrecedes(order($1.eId)) }
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
