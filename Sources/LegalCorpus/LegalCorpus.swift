import Foundation
import JianzhengBase

/// All acts of a `legal-basis/` directory, looked up by title, short title or 文号.
public struct LegalCorpus: Sendable {
    /// Acts sorted by work URI.
    public private(set) var acts: [LegalAct]
    /// Every act each name (title, alias, 文号) belongs to: two works may share a title.
    private var indexByName: [Utf8Key: [Int]] = [:]
    private var indexByWork: [String: Int] = [:]

    public init(acts: [LegalAct]) {
        self.acts = acts.sorted { $0.workURI < $1.workURI }
        for (index, act) in self.acts.enumerated() {
            indexByWork[act.workURI] = index
            for name in [act.title] + act.aliases + [act.documentNumber].compactMap({ $0 }) {
                let key = Utf8Key(Self.normalizedName(name))
                if indexByName[key]?.contains(index) != true { indexByName[key, default: []].append(index) }
            }
        }
    }

    /// The act cited by a title, short title or 文号 (`中华人民共和国` and spacing are ignored).
    /// Nil when no act, or more than one, has the name (`acts(named:)` gives them all).
    public func act(named name: String) -> LegalAct? {
        guard let found = indexByName[Utf8Key(Self.normalizedName(name))], found.count == 1 else { return nil }
        return acts[found[0]]
    }

    /// Every act cited by a name, in work-URI order.
    public func acts(named name: String) -> [LegalAct] {
        (indexByName[Utf8Key(Self.normalizedName(name))] ?? []).map { acts[$0] }
    }

    public func act(workURI: String) -> LegalAct? {
        indexByWork[workURI].map { acts[$0] }
    }

    /// Every name an act can be cited by, for "did you mean" suggestions.
    public var citableNames: [String] {
        acts.flatMap { [$0.title] + $0.aliases + [$0.documentNumber].compactMap { $0 } }
    }

    /// Folds the ways one name is written: the `中华人民共和国` prefix, spaces, and bracket variants in 文号.
    /// Spaces and the bracket variants `normalizedName` folds.
    private static func needsNormalizing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "[", "]", "［", "］", "【", "】", "\u{3000}": true
        default: false
        }
    }

    public static func normalizedName(_ name: String) -> String {
        // Fast path: most names have no spaces, no bracket variants and no 中华人民共和国 prefix.
        if !name.utf8.starts(with: "中华人民共和国".utf8), !name.unicodeScalars.contains(where: needsNormalizing) {
            return name
        }
        var text = name.filter { !$0.isWhitespace }
        for (variant, canonical) in [("[", "〔"), ("]", "〕"), ("［", "〔"), ("］", "〕"), ("【", "〔"), ("】", "〕")] {
            text = text.replacingOccurrences(of: variant, with: canonical)
        }
        if text.hasPrefix("中华人民共和国") { text.removeFirst("中华人民共和国".count) }
        return text
    }
}
