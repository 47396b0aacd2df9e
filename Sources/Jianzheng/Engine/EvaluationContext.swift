import JianzhengBase
import LegalCorpus

/// Everything a review computes once and every decision reads: resolved citations and basis assessments,
/// each material's profile (candidate sources, exclusions, prohibition), the policy's rules with the facts
/// they read and the articles they cite. Built in parallel; immutable afterwards, so decisions can be
/// evaluated concurrently without locks.
final class EvaluationContext: Sendable {
    let catalogue: Catalogue
    let corpus: LegalCorpus
    let policy: Policy
    let date: CalendarDate
    let rules: [CompiledRule]
    /// The procedures to decide, in order.
    let procedures: [Procedure]
    /// Distinct basis assessments, and for requirement r of procedure p the index of its assessment and of its
    /// material profile (-1: a material the catalogue does not declare). Names are hashed once, here.
    let bases: [BasisAssessment]
    /// For the rare bases with an amended provision, by their index in `bases`: what the amendment takes away.
    let revisions: [Int32: BasisRevision]
    let profiles: [MaterialProfile]
    let slots: [[(basis: Int32, material: Int32)]]
    /// Requirements on a circular-proof edge (procedure positions within `procedures`).
    let cycleRequirements: Set<RequirementPosition>
    /// For each procedure, whether any of its requirements is on a circular-proof edge (most are not: their requirements
    /// are not looked up in the set).
    let onCycle: [Bool]
    /// What each citation a procedure's own basis makes says (by its id in the citation table), worked out once
    /// per distinct citation: whether its text makes the office investigate, and the catalogue's licences it names
    /// (by name or `listed-as`; a licence the basis requires proves its facts, listed or not).
    let procedureBasis: [Int32: ProcedureBasis]
    /// The commitment catalogues and rules cited by commitment terms (`cites`) that are not in force on the date
    /// (repealed, or not yet in force), by citation text: terms that rest on one are not offered.
    let lapsedCommitmentSources: Set<String>
    /// The commitment catalogues' terms, by procedure id then material.
    let catalogueCommitments: [String: [String: CommitmentTerms]]

    /// For procedure p, its conditions in order: where the assessment of the article setting each is in `bases`,
    /// and the sources holding the items that establish it. Empty for a procedure without conditions.
    let conditions: [[ConditionProfile]]

    struct ConditionProfile: Sendable {
        let basis: Int32
        let candidates: [DataSource]
    }

    struct ProcedureBasis: Sendable {
        let investigates: Bool
        let licences: [(name: String, proves: [String])]
    }

    /// A policy rule with what it reads and cites worked out once.
    final class CompiledRule: Sendable {
        let rule: PolicyRule
        /// The rule's name and conditions, read for every decision without copying the rule.
        let name: String
        let when: Condition
        let unless: Condition?
        let reads: [Fact]
        let readSet: Set<Fact>
        let articles: [CitedArticle]
        let effective: Bool

        init(rule: PolicyRule, reads: [Fact], readSet: Set<Fact>, articles: [CitedArticle], effective: Bool) {
            self.rule = rule
            name = rule.name
            when = rule.when ?? .always
            unless = rule.unless
            self.reads = reads
            self.readSet = readSet
            self.articles = articles
            self.effective = effective
        }
    }

    /// What does not change between the procedures that require a material. (Its absurd patterns and concerns are
    /// read off the material: a set of each per profile took more to build and hold than the lookups it saved.)
    final class MaterialProfile: Sendable {
        let material: Material
        let candidates: [DataSource]
        /// The policy's commitment exclusions among its concerns.
        var excludedBy: [ConcernCategory] { restrictions?.excludedBy ?? [] }
        /// The issuer prohibition that covers it, and the articles that prohibition cites.
        var prohibition: IssuerProhibition? { restrictions?.prohibition }
        var prohibitionArticles: [CitedArticle] { restrictions?.prohibitionArticles ?? [] }
        /// Held behind a reference: few materials have any, and inline they made each of millions of profiles 80
        /// bytes in the allocator's terms instead of 48.
        private let restrictions: Restrictions?

        private final class Restrictions: Sendable {
            let excludedBy: [ConcernCategory]
            let prohibition: IssuerProhibition?
            let prohibitionArticles: [CitedArticle]

            init(excludedBy: [ConcernCategory], prohibition: IssuerProhibition?, prohibitionArticles: [CitedArticle]) {
                self.excludedBy = excludedBy
                self.prohibition = prohibition
                self.prohibitionArticles = prohibitionArticles
            }
        }

        init(
            material: Material, candidates: [DataSource], excludedBy: [ConcernCategory], prohibition: IssuerProhibition?,
            prohibitionArticles: [CitedArticle]
        ) {
            self.material = material
            self.candidates = candidates
            restrictions = excludedBy.isEmpty && prohibition == nil && prohibitionArticles.isEmpty
                ? nil : Restrictions(excludedBy: excludedBy, prohibition: prohibition, prohibitionArticles: prohibitionArticles)
        }
    }

    init(
        catalogue: Catalogue, corpus: LegalCorpus, policy: Policy, date: CalendarDate, procedures: [Procedure],
        cycleRequirements: @autoclosure () -> Set<RequirementPosition>, sources: SourceIndex
    ) {
        self.catalogue = catalogue
        self.corpus = corpus
        self.policy = policy
        self.date = date
        self.procedures = procedures
        let table = catalogue.citations
        let article: @Sendable (CitationReference) -> CitedArticle = { reference in
            BasisAssessor.article(reference.text, table.resolve(reference, in: corpus, on: date))
        }
        rules = policy.evaluationOrder.map { rule in
            let reads = (rule.when?.facts ?? []) + (rule.unless?.facts ?? [])
            var seen = Set<Fact>()
            return CompiledRule(
                rule: rule, reads: reads.filter { seen.insert($0).inserted }, readSet: Set(reads),
                articles: rule.cites.map(article), effective: rule.effective.map { date >= $0 } ?? true)
        }
        let prohibitions = policy.issuerProhibitions.filter { prohibition in
            prohibition.cites.allSatisfy { table.resolve($0, in: corpus, on: date).isValid }
        }
        // Every requirement's slots, numbered by a function of its own so that the tables it numbers them with (one
        // entry per requirement) are freed before the profiles are built.
        let numbered = Self.numberSlots(procedures, catalogue: catalogue, table: table, sources: sources)
        (conditions, slots) = (numbered.conditions, numbered.slots)
        let materials = numbered.materials, basisInputs = numbered.basisInputs
        // The licences a procedure's basis may name, sorted once — only when some procedure cites a basis of its own
        // (a catalogue of hundreds of thousands of materials need not sort its licences otherwise).
        let licences = procedures.contains { !$0.basis.isEmpty }
            ? catalogue.materials.values.filter { $0.kind == .licenceOrID }.sorted { $0.name < $1.name } : []
        var procedureBasis: [Int32: ProcedureBasis] = [:]
        for procedure in procedures {
            for reference in procedure.basis {
                guard let id = table.id(of: reference), procedureBasis[id] == nil else { continue }
                let text = table.resolve(reference, in: corpus, on: date).provision?.text ?? ""
                procedureBasis[id] = ProcedureBasis(
                    investigates: policy.phrases.investigation.contains(where: text.containsBytes),
                    licences: text.isEmpty ? [] : licences.filter { ([$0.name] + $0.listedAs).contains(where: text.containsBytes) }
                        .map { (name: $0.name, proves: $0.proves) })
            }
        }
        self.procedureBasis = procedureBasis
        // Terms cite the catalogue that offers them: a catalogue no longer (or not yet) in force offers nothing.
        var cited: [CitationReference] = []
        // (Only the materials these procedures require: a what-if of one procedure looks at its own.)
        for material in materials { cited += material.commitment?.cites ?? [] }
        for list in catalogue.commitmentCatalogues.values { cited += list.cites + list.entries.flatMap(\.terms.cites) }
        catalogueCommitments = catalogue.catalogueCommitments
        for procedure in procedures {
            for condition in procedure.conditions { cited += condition.commitment?.cites ?? [] }
            for requirement in procedure.requirements { cited += requirement.commitment?.cites ?? [] }
        }
        var lapsed = Set<String>()
        for reference in cited where !lapsed.contains(reference.text) {
            switch table.resolve(reference, in: corpus, on: date).problem {
            case .repealed, .notYetInForce, .provisionRemoved: lapsed.insert(reference.text)
            default: break
            }
        }
        lapsedCommitmentSources = lapsed
        profiles = ConcurrentSlots<MaterialProfile>.map(materials) { material in
            let candidates = sources.candidates(named: material.sources, proving: material.proves)
            // Prohibited when every issuer it may come from is of a kind that may no longer issue it.
            let kinds = prohibitions.isEmpty ? [] : material.issuers.compactMap { catalogue.departments[$0]?.kind }
            let prohibition = kinds.isEmpty || kinds.count < material.issuers.count ? nil : prohibitions.first { prohibition in
                kinds.allSatisfy(prohibition.issuerKinds.contains) && prohibition.covers(material)
            }
            return MaterialProfile(
                material: material, candidates: candidates,
                excludedBy: material.concerns.isEmpty
                    ? [] : Set(material.concerns).intersection(policy.commitmentExcludes).sorted { $0.rawValue < $1.rawValue },
                prohibition: prohibition, prohibitionArticles: prohibition?.cites.map(article) ?? [])
        }
        var assessor = BasisAssessor(corpus: corpus, citations: table, date: date, sufficientRanks: policy.sufficientRanks, phrases: policy.phrases)
        // Express delegations count only when the delegating article is itself a sufficient basis on the date.
        assessor.delegations = catalogue.delegations.values.sorted { $0.article.text < $1.article.text }.compactMap { delegation in
            let delegating = table.resolve(delegation.article, in: corpus, on: date)
            guard BasisAssessor.status(delegating, sufficientRanks: policy.sufficientRanks) == .sufficient, delegating.isValid,
                let target = table.resolve(delegation.to, in: corpus, on: date).act
            else { return nil }
            return ActiveDelegation(toAct: target.workURI, matters: delegation.matters, article: article(delegation.article))
        }
        let delegatingAssessor = assessor
        let assessed = ConcurrentSlots<AssessedBasis>.map(basisInputs) { input in
            let (basis, revision) = delegatingAssessor.assess(input.citations, territory: input.territory, purpose: input.purpose)
            return AssessedBasis(basis: basis, revision: revision)
        }
        bases = assessed.map(\.basis)
        var revisions: [Int32: BasisRevision] = [:]
        for (index, entry) in assessed.enumerated() { if let revision = entry.revision { revisions[Int32(index)] = revision } }
        self.revisions = revisions
        // Asked for last: a caller can find the circular proofs on another core meanwhile.
        let cycleRequirements = cycleRequirements()
        var onCycle = [Bool](repeating: false, count: procedures.count)
        for requirement in cycleRequirements { onCycle[requirement.procedure] = true }
        self.cycleRequirements = cycleRequirements
        self.onCycle = onCycle
    }

    /// Every requirement's slots, what a condition's basis and sources are, and the materials and distinct bases in
    /// order of first use. The materials the procedures require get a profile each; the distinct (territory, citations)
    /// pairs are assessed once, in parallel.
    private static func numberSlots(_ procedures: [Procedure], catalogue: Catalogue, table: CitationTable, sources: SourceIndex) -> (
        conditions: [[ConditionProfile]], slots: [[(basis: Int32, material: Int32)]], materials: [Material], basisInputs: [BasisInput]
    ) {
        var territories = StringInterner()
        var materials: [Material] = []
        var basisInputs: [BasisInput] = []
        // Bases and materials are numbered in order of first use by integer keys (a basis's packed key, a material's
        // identity) without hashing them through `Dictionary`; the rare basis that does not pack is keyed as a whole.
        var basisNumbers = NumberingTable(capacity: 1024)
        var otherBases: [BasisKey: Int32] = [:]
        func basisSlot(_ key: BasisKey, _ input: @autoclosure () -> BasisInput) -> Int32 {
            let next = Int32(basisInputs.count)
            let number: Int32
            if let packed = key.packed {
                number = basisNumbers.number(of: packed, orAssign: next)
            } else {
                number = otherBases[key] ?? next
                if number == next { otherBases[key] = next }
            }
            if number == next { basisInputs.append(input()) }
            return number
        }
        let territoryIDs = procedures.map { territories.intern($0.territory) }
        let conditions = zip(procedures, territoryIDs).map { procedure, territory -> [ConditionProfile] in
            guard !procedure.conditions.isEmpty else { return [] }
            return procedure.conditions.map { condition in
                ConditionProfile(
                    basis: basisSlot(
                        BasisKey(territory: territory, condition.basis, in: table, purpose: .condition),
                        BasisInput(territory: procedure.territory, citations: condition.basis, purpose: .condition)),
                    candidates: sources.candidates(named: [], proving: condition.items))
            }
        }
        // Each requirement's declared material is looked up by name and its basis keyed by citation ids on all cores
        // (a requirement citing none rests on its material's basis); the materials and bases are then numbered in
        // order of first use on one, by integer keys (no text is hashed there). Requirements are read in place:
        // copying one retains each of its fields.
        let keyed = ConcurrentSlots<[(material: Material?, key: BasisKey)]>.map(Array(procedures.indices)) { position in
            let requirements = procedures[position].requirements
            var row: [(material: Material?, key: BasisKey)] = []
            row.reserveCapacity(requirements.count)
            for index in requirements.indices {
                let material = catalogue.materials[requirements[index].material]
                let citations = basisCitations(requirements[index], material)
                row.append((material, BasisKey(territory: territoryIDs[position], citations, in: table, purpose: .material)))
            }
            return row
        }
        // Room for as many materials as there are requirements, at most the catalogue's (a what-if of one procedure
        // numbers a handful).
        var materialNumbers = NumberingTable(capacity: min(catalogue.materials.count, keyed.reduce(0) { $0 + $1.count }))
        let slots = keyed.indices.map { position in
            keyed[position].indices.map { index -> (basis: Int32, material: Int32) in
                let material = keyed[position][index].material
                let basis = basisSlot(
                    keyed[position][index].key,
                    BasisInput(
                        territory: procedures[position].territory,
                        citations: basisCitations(procedures[position].requirements[index], material), purpose: .material))
                guard let material else { return (basis, -1) }
                let next = Int32(materials.count)
                let number = materialNumbers.number(of: UInt64(UInt(bitPattern: ObjectIdentifier(material))), orAssign: next)
                if number == next { materials.append(material) }
                return (basis, number)
            }
        }
        return (conditions, slots, materials, basisInputs)
    }

    /// What a requirement's basis rests on: its own citations, else its material's.
    private static func basisCitations(_ requirement: Requirement, _ material: Material?) -> [CitationReference] {
        requirement.basis.isEmpty ? material?.basis ?? [] : requirement.basis
    }

    /// A requirement's territory and the ids of the citations its basis rests on.
    private struct BasisKey: Hashable {
        let territory: Int32
        /// The one citation's id (-1: none); `more` holds every id when there are several.
        let single: Int32
        let more: [Int32]?
        /// The texts, for citations the resolver did not read (no ids).
        let texts: [String]?
        let purpose: BasisPurpose

        /// The key in 64 bits — territory, the one citation's id and the purpose —, when it has at most one citation
        /// with an id (nearly every requirement's); nil otherwise.
        var packed: UInt64? {
            guard more == nil, texts == nil, territory >= 0, territory < 1 << 30 else { return nil }
            return UInt64(territory) << 34 | UInt64(UInt32(bitPattern: single &+ 1)) << 1 | UInt64(purpose.rawValue)
        }

        init(territory: Int32, _ citations: [CitationReference], in table: CitationTable, purpose: BasisPurpose) {
            self.territory = territory
            self.purpose = purpose
            if citations.count <= 1 {
                // The common case, without arrays.
                let id = citations.isEmpty ? -1 : table.id(segment: citations[0].segment, local: citations[0].id) ?? -1
                (single, more) = (id, nil)
                texts = id < 0 && !citations.isEmpty ? [citations[0].text] : nil
            } else {
                let ids = citations.map { table.id(of: $0) ?? -1 }
                (single, more) = (-1, ids)
                texts = ids.contains(-1) ? citations.map(\.text) : nil
            }
        }
    }

    private struct AssessedBasis: Sendable {
        let basis: BasisAssessment
        let revision: BasisRevision?
    }

    /// A distinct (territory, citations) pair to assess.
    private struct BasisInput: Sendable {
        let territory: String
        let citations: [CitationReference]
        let purpose: BasisPurpose
    }

    /// The profile of a material the catalogue does not declare (reported by `check`; reviewed as a certificate).
    func profile(_ slot: Int32, name: String, range: SourceRange) -> MaterialProfile {
        if slot >= 0 { return profiles[Int(slot)] }
        let material = Material(
            name: name, kind: .certificate, proves: [], issuers: [], basis: [], sources: [], concerns: [], alternatives: [], listedAs: [], absurd: [],
            trips: 1, days: 0, fee: 0, range: range)
        return MaterialProfile(material: material, candidates: [], excludedBy: [], prohibition: nil, prohibitionArticles: [])
    }
}

/// A requirement by the position of its procedure and its position within the procedure.
struct RequirementPosition: Hashable, Sendable {
    var procedure: Int
    var requirement: Int
}
