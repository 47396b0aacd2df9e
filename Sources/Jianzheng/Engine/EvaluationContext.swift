import JianzhengSyntax
import LegalCorpus

/// Everything a review computes once and every decision reads: resolved citations and basis assessments,
/// each material's profile (candidate sources, exclusions, prohibition), the policy's rules with the facts
/// they read and the articles they cite. Built in parallel; immutable afterwards, so decisions can be
/// evaluated concurrently without locks.
struct EvaluationContext: Sendable {
    let catalogue: Catalogue
    let corpus: LegalCorpus
    let policy: Policy
    let date: CalendarDate
    let rules: [CompiledRule]
    /// Basis assessments by `BasisKey`.
    let bases: [String: BasisAssessment]
    let materials: [String: MaterialProfile]
    /// `procedureID \0 material` of requirements on a circular-proof edge.
    let cycleEdges: Set<String>

    /// A policy rule with what it reads and cites worked out once.
    struct CompiledRule: Sendable {
        let rule: PolicyRule
        let reads: [Fact]
        let readSet: Set<Fact>
        let articles: [CitedArticle]
        let effective: Bool
    }

    /// What does not change between the procedures that require a material.
    struct MaterialProfile: Sendable {
        let material: Material
        let candidates: [DataSource]
        let excludedBy: [ConcernCategory]
        let prohibition: IssuerProhibition?
        let prohibitionArticles: [CitedArticle]
        let proves: Set<String>
    }

    init(catalogue: Catalogue, corpus: LegalCorpus, policy: Policy, date: CalendarDate, cycleEdges: Set<String>) {
        self.catalogue = catalogue
        self.corpus = corpus
        self.policy = policy
        self.date = date
        self.cycleEdges = cycleEdges
        let article: @Sendable (String) -> CitedArticle = { text in BasisAssessor.article(text, corpus.resolve(text, on: date)) }
        rules = policy.evaluationOrder.map { rule in
            let reads = (rule.when?.facts ?? []) + (rule.unless?.facts ?? [])
            var seen = Set<Fact>()
            return CompiledRule(
                rule: rule, reads: reads.filter { seen.insert($0).inserted }, readSet: Set(reads),
                articles: rule.cites.map { article($0.text) }, effective: rule.effective.map { date >= $0 } ?? true)
        }
        let prohibitions = policy.issuerProhibitions.filter { prohibition in
            prohibition.cites.allSatisfy { corpus.resolve($0.text, on: date).isValid }
        }
        // Basis assessments for every distinct (territory, citations) a requirement uses.
        var keys: [String: (String, [CitationReference])] = [:]
        for procedure in catalogue.procedureOrder.compactMap({ catalogue.procedures[$0] }) {
            for requirement in procedure.requirements {
                let citations = requirement.basis.isEmpty ? (catalogue.materials[requirement.material]?.basis ?? []) : requirement.basis
                let key = Self.basisKey(procedure.territory, citations)
                if keys[key] == nil { keys[key] = (procedure.territory, citations) }
            }
        }
        let assessor = BasisAssessor(corpus: corpus, date: date, sufficientRanks: policy.sufficientRanks)
        let entries = Array(keys)
        let assessed = ConcurrentSlots<BasisAssessment>.map(entries.map(\.value)) { assessor.assess($0.1, territory: $0.0) }
        bases = Dictionary(uniqueKeysWithValues: zip(entries.map(\.key), assessed))
        // Material profiles; each source's items become a set once.
        let sourceItems = catalogue.sources.values.sorted { $0.name < $1.name }.map { ($0, Set($0.items)) }
        let all = Array(catalogue.materials.values)
        let profiles = ConcurrentSlots<MaterialProfile>.map(all) { material in
            let proves = Set(material.proves)
            let candidates = sourceItems.filter { source, items in
                material.sources.contains(source.name) || (!proves.isEmpty && proves.isSubset(of: items))
            }.map(\.0)
            let kind = material.issuer.flatMap { catalogue.departments[$0]?.kind }
            let prohibition = kind.flatMap { kind in
                prohibitions.first { prohibition in
                    prohibition.issuerKinds.contains(kind)
                        && prohibition.certificates.contains { material.name == $0 || material.name.hasSuffix($0) }
                }
            }
            return MaterialProfile(
                material: material, candidates: candidates,
                excludedBy: Set(material.concerns).intersection(policy.commitmentExcludes).sorted { $0.rawValue < $1.rawValue },
                prohibition: prohibition, prohibitionArticles: prohibition?.cites.map { article($0.text) } ?? [], proves: proves)
        }
        materials = Dictionary(uniqueKeysWithValues: zip(all.map(\.name), profiles))
    }

    /// The key of a basis assessment: the territory and the citation texts.
    static func basisKey(_ territory: String, _ citations: [CitationReference]) -> String {
        ([territory] + citations.map(\.text)).joined(separator: "\u{1}")
    }

    /// The profile of a material the catalogue does not declare (reported by `check`; reviewed as a certificate).
    func profile(_ name: String, range: SourceRange) -> MaterialProfile {
        if let known = materials[name] { return known }
        let material = Material(
            name: name, kind: .certificate, proves: [], basis: [], sources: [], concerns: [], alternatives: [], absurd: [],
            trips: 1, days: 0, fee: 0, range: range)
        return MaterialProfile(material: material, candidates: [], excludedBy: [], prohibition: nil, prohibitionArticles: [], proves: [])
    }
}
