import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// A name used in one declaration that must be declared elsewhere.
struct PendingReference {
    enum Kind: String, CaseIterable {
        case department, material, source, procedure, policy, costModel = "cost-model", departmentOrProcedure = "department or procedure"

        /// The kind's position among `allCases`, for tables indexed by kind (hashing a kind hashes its raw text).
        var ordinal: Int {
            switch self {
            case .department: 0
            case .material: 1
            case .source: 2
            case .procedure: 3
            case .policy: 4
            case .costModel: 5
            case .departmentOrProcedure: 6
            }
        }
    }
    var kind: Kind
    var name: String
    var range: SourceRange
}

/// Reads each kind of top-level declaration into the typed model.
struct DeclarationReaders {
    var reader = AttributeReader()
    var references: [PendingReference] = []
    var citations: [CitationReference] = []
    /// The file's citation texts; references carry ids into it and the file's `segment`.
    var citationTable = CitationTable()
    /// The materials' lists of issuers and proved items, commitment texts and the procedures' departments, domains
    /// and territories, each distinct one held once.
    private var values = SharedValues()
    let segment: Int32

    init(segment: Int32) { self.segment = segment }

    private mutating func refer(_ kind: PendingReference.Kind, _ name: String?, _ range: SourceRange?) {
        guard let name, let range else { return }
        references.append(PendingReference(kind: kind, name: name, range: range))
    }

    private mutating func referAll(_ kind: PendingReference.Kind, _ names: [(String, SourceRange)]) {
        for (name, range) in names { refer(kind, name, range) }
    }

    private mutating func cite(_ references: [CitationReference]) -> [CitationReference] {
        let interned = references.map { reference in
            var reference = reference
            reference.id = citationTable.intern(reference.text)
            reference.segment = segment
            // One copy of each text per file, shared by every place that cites it.
            reference.text = citationTable.text(reference.id)
            return reference
        }
        citations += interned
        return interned
    }

    /// The name after the keyword: `material 居民户口簿` or `procedure "ID" 名称` (index 1).
    mutating func declarationName(_ statement: Statement, index: Int = 0, what: String) -> String? {
        guard statement.arguments.count > index, let name = AttributeReader.nameValue(statement.arguments[index].expression) else {
            reader.report(Diagnostic(.expectedToken, "\(what) needs a name after '\(statement.keyword)'", at: statement.keywordRange))
            return nil
        }
        if let scalar = UnsafeCharacters.firstRefusedInName(name) {
            reader.report(Diagnostic(
                .controlCharacter, "a name may not contain \(UnsafeCharacters.describe(scalar))",
                at: statement.arguments[index].expression.range))
        }
        return name
    }

    // MARK: - department

    mutating func department(_ statement: Statement, name: String) -> Department {
        let fields = reader.attributes(of: statement, schema: Self.departmentSchema, what: "department '\(name)'")
        return Department(
            name: name, kind: reader.value(fields.first("kind"), DepartmentKind.self) ?? .government,
            territory: reader.name(fields.first("territory")), range: Self.headRange(statement))
    }

    // MARK: - material

    mutating func material(_ statement: Statement, name: String) -> Material {
        let fields = reader.attributes(
            of: statement,
            schema: Self.materialSchema, what: "material '\(name)'")
        let issuers = reader.names(fields["issuer"])
        referAll(.department, issuers)
        let issuedBy = reader.name(fields.first("issued-by"))
        refer(.procedure, issuedBy, fields.first("issued-by")?.arguments.first?.expression.range)
        let sources = reader.names(fields["source"])
        referAll(.source, sources)
        let alternatives = reader.names(fields["alternatives"])
        referAll(.material, alternatives)
        return Material(
            name: name, kind: reader.value(fields.first("kind"), MaterialKind.self) ?? .certificate,
            proves: values.shared(reader.nameList(fields["proves"])), issuers: values.shared(issuers.map(\.0)), issuedBy: issuedBy,
            basis: cite(reader.citations(fields["basis"])), sources: sources.map(\.0),
            concerns: reader.values(fields["concerns"], ConcernCategory.self),
            commitment: fields.first("commitment").map { commitment($0, material: name) },
            alternatives: alternatives.map(\.0), listedAs: reader.nameList(fields["listed-as"]),
            absurd: reader.values(fields["absurd"], AbsurdPattern.self), hoursPerTrip: reader.number(fields.first("hours-per-trip")),
            trips: reader.count(fields.first("trips")) ?? 1,
            days: reader.count(fields.first("days"), units: Units.workingDays) ?? 0,
            fee: reader.number(fields.first("fee"), units: Units.yuan) ?? 0, range: Self.headRange(statement))
    }

    /// A `commitment` block; `situations` are the procedure's, which `not-for` must name (nil on a material).
    /// `offeredBy`, for an entry of a commitment catalogue: the catalogue, whose date and citations hold unless the
    /// entry gives its own.
    private mutating func commitment(
        _ statement: Statement, material: String, situations: [String]? = nil, procedure: String = "",
        offeredBy catalogue: (mention: CommitmentTerms.CatalogueMention, effective: CalendarDate?, cites: [CitationReference])? = nil
    ) -> CommitmentTerms {
        let fields = reader.attributes(
            of: statement,
            schema: Self.commitmentSchema,
            what: "commitment of '\(material)'")
        let auditor = reader.name(fields.first("auditor"))
        refer(.department, auditor, fields.first("auditor")?.arguments.first?.expression.range)
        return CommitmentTerms(
            text: values.shared(reader.string(fields.first("text")) ?? ""),
            method: reader.value(fields.first("method"), AuditMethod.self) ?? .书面核查,
            withinWorkingDays: reader.integer(fields.first("within"), units: Units.workingDays),
            sample: reader.fraction(fields.first("sample")) ?? 1, auditor: auditor,
            liability: values.shared(reader.string(fields.first("liability"))), effective: reader.date(fields.first("effective")) ?? catalogue?.effective,
            cites: cite(reader.citations(fields["cites"])) + (catalogue?.cites ?? []),
            notFor: situations.map { known(reader.names(fields["not-for"]), among: $0, what: "situation", in: procedure) }
                ?? reader.nameList(fields["not-for"]),
            catalogue: catalogue?.mention, range: Self.headRange(statement))
    }

    // MARK: - commitment-catalogue

    /// `commitment-catalogue NAME { issuer …  published DATE  effective DATE  cites …  entry PROCEDURE MATERIAL { terms } }`.
    mutating func commitmentCatalogue(_ statement: Statement, name: String) -> CommitmentCatalogue {
        let fields = reader.attributes(
            of: statement,
            schema: ["issuer": .required, "published": .required, "effective": .optional, "cites": .many, "entry": .many],
            what: "commitment-catalogue '\(name)'")
        let issuer = reader.name(fields.first("issuer"))
        refer(.department, issuer, fields.first("issuer")?.arguments.first?.expression.range)
        let published = reader.date(fields.first("published"))
        let effective = reader.date(fields.first("effective")) ?? published
        if let published, let effective, effective < published, let statement = fields.first("effective") {
            reader.report(Diagnostic(.inconsistentDates, "'effective' \(effective) is before 'published' \(published)", at: statement.range))
        }
        let cites = cite(reader.citations(fields["cites"]))
        let mention = CommitmentTerms.CatalogueMention(name: name, issuer: issuer ?? "", published: published)
        let entries = fields["entry"].compactMap { entry -> CommitmentCatalogue.Entry? in
            guard let procedure = declarationName(entry, what: "entry of commitment-catalogue '\(name)'") else { return nil }
            guard entry.arguments.count == 2, let material = declarationName(entry, index: 1, what: "entry '\(procedure)'") else {
                reader.report(Diagnostic(
                    .expectedToken, "an entry names a procedure and the material it requires: entry \(procedure) MATERIAL { … }",
                    at: entry.keywordRange))
                return nil
            }
            refer(.procedure, procedure, entry.arguments[0].expression.range)
            refer(.material, material, entry.arguments[1].expression.range)
            return CommitmentCatalogue.Entry(
                procedure: procedure, material: material,
                terms: commitment(entry, material: material, offeredBy: (mention, effective, cites)),
                range: Self.headRange(entry), procedureRange: entry.arguments[0].expression.range,
                materialRange: entry.arguments[1].expression.range)
        }
        return CommitmentCatalogue(
            name: name, issuer: issuer ?? "", published: published, effective: effective, cites: cites, entries: entries,
            range: Self.headRange(statement))
    }

    // MARK: - source

    mutating func source(_ statement: Statement, name: String) -> DataSource {
        let fields = reader.attributes(
            of: statement,
            schema: Self.sourceSchema, what: "source '\(name)'")
        let provider = reader.name(fields.first("provider"))
        refer(.department, provider, fields.first("provider")?.arguments.first?.expression.range)
        let approved = reader.names(fields["approved"])
        referAll(.departmentOrProcedure, approved)
        let coverageStatement = fields.first("coverage")
        var coverageNote: String?
        if let coverageStatement, coverageStatement.arguments.count == 2,
            case .string(let note, _) = coverageStatement.arguments[1].expression
        {
            coverageNote = note
        }
        let from = reader.date(fields.first("from"))
        let until = reader.date(fields.first("until"))
        if let from, let until, until <= from, let statement = fields.first("until") {
            reader.report(Diagnostic(.inconsistentDates, "'until' \(until) is not after 'from' \(from)", at: statement.range))
        }
        return DataSource(
            name: name, provider: provider ?? "", sharing: reader.value(fields.first("sharing"), SharingType.self) ?? .none,
            kind: reader.value(fields.first("kind"), SourceKind.self) ?? .database, items: reader.nameList(fields["items"]),
            approved: approved.map(\.0), approvals: fields["approval"].compactMap { approval($0, source: name) },
            coverage: reader.fraction(coverageStatement) ?? 1, coverageNote: coverageNote, covers: reader.nameList(fields["covers"]),
            from: from, until: until, range: Self.headRange(statement))
    }

    /// `approval GRANTEE { from DATE  until DATE  authorisation applicant }`.
    private mutating func approval(_ statement: Statement, source: String) -> SharingApproval? {
        guard let grantee = declarationName(statement, what: "approval of source '\(source)'") else { return nil }
        refer(.departmentOrProcedure, grantee, statement.arguments.first?.expression.range)
        guard statement.block != nil else { return SharingApproval(grantee: grantee, from: nil, until: nil, needsAuthorisation: false) }
        let fields = reader.attributes(
            of: statement, schema: Self.approvalSchema, what: "approval '\(grantee)'")
        let from = reader.date(fields.first("from")), until = reader.date(fields.first("until"))
        if let from, let until, until <= from, let statement = fields.first("until") {
            reader.report(Diagnostic(.inconsistentDates, "'until' \(until) is not after 'from' \(from)", at: statement.range))
        }
        let authorisation = fields.first("authorisation").flatMap { reader.value($0, AuthorisationBy.self) }
        return SharingApproval(grantee: grantee, from: from, until: until, needsAuthorisation: authorisation == .applicant)
    }

    // MARK: - procedure

    mutating func procedure(_ statement: Statement, id: String) -> Procedure {
        let name = declarationName(statement, index: 1, what: "procedure '\(id)'") ?? id
        let fields = reader.attributes(of: statement, schema: Self.procedureSchema, what: "procedure '\(id)'")
        let department = reader.name(fields.first("department"))
        refer(.department, department, fields.first("department")?.arguments.first?.expression.range)
        let issues = reader.names(fields["issues"])
        referAll(.material, issues)
        let situations = unique(fields["situation"].compactMap { situation($0, procedure: id) }, what: "situation")
        let total = situations.reduce(0) { $0 + $1.share }
        if total > 1.000_001, let last = situations.last {
            reader.report(Diagnostic(
                .valueOutOfRange, "the situations of procedure '\(id)' add up to \(Int((total * 100).rounded())) %, more than all applicants",
                at: last.range))
        }
        let situationNames = situations.map(\.name)
        let conditions = unique(
            fields["condition"].compactMap { condition($0, procedure: id, situations: situationNames) }, what: "condition")
        let scope = ProcedureScope(id: id, conditions: conditions.map(\.name), situations: situations)
        let required = fields["requires"]
        var requirements: [Requirement] = []
        requirements.reserveCapacity(required.underestimatedCount)
        for statement in required { if let requirement = requirement(statement, in: scope) { requirements.append(requirement) } }
        return Procedure(
            id: id, name: name, department: values.shared(department ?? ""), domain: values.shared(reader.name(fields.first("domain"))),
            territory: values.shared(reader.name(fields.first("territory")) ?? "CN"), basis: cite(reader.citations(fields["basis"])),
            volume: reader.integer(fields.first("volume"), units: Units.perYear) ?? 0,
            requirements: requirements, conditions: conditions, situations: situations,
            issues: issues.map(\.0),
            trips: reader.integer(fields.first("trips")) ?? 1,
            days: reader.integer(fields.first("days"), units: Units.workingDays) ?? 0,
            fee: reader.number(fields.first("fee"), units: Units.yuan) ?? 0,
            guide: fields.first("guide").map { guide($0, procedure: id) }, category: reader.value(fields.first("category"), ProcedureCategory.self),
            range: Self.headRange(statement))
    }

    /// The names a requirement of a procedure may refer to: its conditions and situations.
    private struct ProcedureScope {
        let id: String
        let conditions: [String]
        let situations: [Situation]
    }

    /// Declarations in a procedure with distinct names; a repeated name is reported and its later copy dropped.
    private mutating func unique<Named>(_ declared: [Named], what: String) -> [Named] where Named: NamedInProcedure {
        var seen: [String: SourceRange] = [:]
        return declared.filter { item in
            if let first = seen[item.name] {
                reader.report(Diagnostic(
                    .duplicateDeclaration, "\(what) '\(item.name)' is declared twice in the procedure", at: item.range,
                    notes: [Diagnostic.Note("first declared here", at: first)]))
                return false
            }
            seen[item.name] = item.range
            return true
        }
    }

    /// `situation 本地户籍 { share 85%  note "…" }`.
    private mutating func situation(_ statement: Statement, procedure: String) -> Situation? {
        guard let name = declarationName(statement, what: "situation of procedure '\(procedure)'") else { return nil }
        let fields = reader.attributes(
            of: statement, schema: Self.situationSchema, what: "situation '\(name)'")
        return Situation(
            name: name, share: reader.fraction(fields.first("share")) ?? 0, note: reader.string(fields.first("note")),
            hoursPerTrip: reader.number(fields.first("hours-per-trip")), range: Self.headRange(statement))
    }

    /// `condition 参保人已死亡 { basis …  items …  proof any-of  situation …  commitment { … } }`.
    private mutating func condition(_ statement: Statement, procedure: String, situations: [String]) -> ProcedureCondition? {
        guard let name = declarationName(statement, what: "condition of procedure '\(procedure)'") else { return nil }
        let fields = reader.attributes(
            of: statement,
            schema: Self.conditionSchema,
            what: "condition '\(name)'")
        return ProcedureCondition(
            name: name, basis: cite(reader.citations(fields["basis"])), items: reader.nameList(fields["items"]),
            proof: reader.value(fields.first("proof"), EvidenceProof.self) ?? .allOf,
            situations: known(reader.names(fields["situation"]), among: situations, what: "situation", in: procedure),
            commitment: fields.first("commitment").map { commitment($0, material: name, situations: situations, procedure: procedure) },
            range: Self.headRange(statement))
    }

    /// The names that the procedure declares; each other one is reported with the closest declared name.
    private mutating func known(_ names: [(String, SourceRange)], among declared: [String], what: String, in procedure: String) -> [String] {
        names.compactMap { name, range in
            if declared.contains(name) { return name }
            let suggestion = Suggestions.closest(to: name, among: declared).first
            let hint = suggestion.map { "did you mean '\($0)'?" }
                ?? (declared.isEmpty ? "declare it in the procedure: \(what) \(name) { … }" : "declared: " + declared.joined(separator: ", "))
            var fixIts: [Diagnostic.FixIt] = []
            if let suggestion { fixIts.append(Diagnostic.FixIt("rename", range: range, replacement: suggestion)) }
            reader.report(Diagnostic(
                .unknownReference, "procedure '\(procedure)' declares no \(what) '\(name)'", at: range,
                notes: [Diagnostic.Note(hint)], fixIts: fixIts))
            return nil
        }
    }

    private mutating func requirement(_ statement: Statement, in scope: ProcedureScope) -> Requirement? {
        guard statement.arguments.count == 1, let material = AttributeReader.nameValue(statement.arguments[0].expression) else {
            reader.wrongType(statement, expected: "one material name")
            return nil
        }
        refer(.material, material, statement.arguments[0].expression.range)
        guard statement.block != nil else {
            return Requirement(material: material, basis: [], share: 1, purpose: nil, note: nil, absurd: [], commitment: nil, range: Self.headRange(statement))
        }
        let fields = reader.attributes(of: statement, schema: Self.requirementSchema, what: "requirement '\(material)'")
        let procedure = scope.id
        let situations = known(reader.names(fields["situation"]), among: scope.situations.map(\.name), what: "situation", in: procedure)
        // Required only in some situations: by default, of their share of the applicants.
        let situationShare = scope.situations.filter { situations.contains($0.name) }.reduce(0) { $0 + $1.share }
        return Requirement(
            material: material, basis: cite(reader.citations(fields["basis"])),
            share: reader.fraction(fields.first("share")) ?? (situations.isEmpty ? 1 : situationShare),
            purpose: reader.string(fields.first("purpose")), note: reader.string(fields.first("note")),
            absurd: reader.values(fields["absurd"], AbsurdPattern.self),
            commitment: fields.first("commitment").map { commitment($0, material: material, situations: scope.situations.map(\.name), procedure: scope.id) },
            evidenceOf: known(reader.names(fields["evidence-of"]), among: scope.conditions, what: "condition", in: procedure),
            situations: situations, sample: reader.string(fields.first("sample")),
            mistakes: fields["mistake"].compactMap { reader.string($0) }, range: Self.headRange(statement))
    }

    // MARK: - guide

    /// `guide { accepted-by …  window "…"  online "…"  step 受理 { … }  legal-limit 20 working-days { basis … }
    /// promised-limit 10 working-days  fee-basis 《…》  consult "…"  complain "…"  source "…" }`.
    private mutating func guide(_ statement: Statement, procedure: String) -> ServiceGuide {
        let fields = reader.attributes(of: statement, schema: Self.guideSchema, what: "the guide of procedure '\(procedure)'")
        let acceptedBy = reader.name(fields.first("accepted-by"))
        refer(.department, acceptedBy, fields.first("accepted-by")?.arguments.first?.expression.range)
        let steps = fields["step"].compactMap { step($0, procedure: procedure) }
        var seen: [String: SourceRange] = [:]
        for step in steps {
            if let first = seen[step.name] {
                reader.report(Diagnostic(
                    .duplicateDeclaration, "step '\(step.name)' is declared twice in the guide of procedure '\(procedure)'", at: step.range,
                    notes: [Diagnostic.Note("first declared here", at: first)]))
            }
            seen[step.name] = seen[step.name] ?? step.range
        }
        // A step may only wait for a step before it: the guide lists them in the order they can happen.
        for (index, step) in steps.enumerated() {
            let earlier = Set(steps[..<index].map(\.name))
            for name in step.after where !earlier.contains(name) {
                reader.report(Diagnostic(
                    .unknownReference, "step '\(step.name)' comes after '\(name)', which is not a step listed before it in the guide of procedure '\(procedure)'",
                    at: step.range, notes: [Diagnostic.Note("the steps before it: " + (earlier.isEmpty ? "none" : steps[..<index].map(\.name).joined(separator: ", ")))]))
            }
        }
        let limit = fields.first("legal-limit")
        let limitBasis = limit.map { reader.attributes(of: $0, schema: ["basis": .many], what: "the legal time limit of procedure '\(procedure)'") }
        // `legal-limit none`: the law sets no time limit (a public service), which is not a limit left out.
        let noLimit = limit.map { $0.arguments.count == 1 && AttributeReader.nameValue($0.arguments[0].expression) == "none" } ?? false
        return ServiceGuide(
            acceptedBy: acceptedBy, serves: reader.string(fields.first("serves")), windows: fields["window"].compactMap { reader.string($0) }, online: reader.string(fields.first("online")),
            steps: steps, legalLimit: noLimit ? nil : reader.integer(limit, units: Units.workingDays),
            legalLimitBasis: cite(limitBasis.map { reader.citations($0["basis"]) } ?? []), noLegalLimit: noLimit,
            promisedLimit: reader.integer(fields.first("promised-limit"), units: Units.workingDays),
            feeBasis: cite(reader.citations(fields["fee-basis"])), consult: reader.string(fields.first("consult")),
            complain: reader.string(fields.first("complain")), source: reader.string(fields.first("source")), range: statement.keywordRange)
    }

    /// `step 审查 { department 教育行政部门  days 10 working-days  basis 《…》  after 受理 }`.
    private mutating func step(_ statement: Statement, procedure: String) -> ServiceGuide.Step? {
        guard let name = declarationName(statement, what: "step of procedure '\(procedure)'") else { return nil }
        let fields = reader.attributes(
            of: statement, schema: Self.stepSchema,
            what: "step '\(name)'")
        let department = reader.name(fields.first("department"))
        refer(.department, department, fields.first("department")?.arguments.first?.expression.range)
        return ServiceGuide.Step(
            name: name, department: department, days: reader.integer(fields.first("days"), units: Units.workingDays),
            basis: cite(reader.citations(fields["basis"])), after: reader.nameList(fields["after"]),
            kind: reader.value(fields.first("kind"), StepKind.self) ?? .ordinary, range: Self.headRange(statement))
    }

    // MARK: - delegation

    /// The citation after `delegation`, or nil with a diagnostic.
    mutating func delegatingArticle(_ statement: Statement) -> CitationReference? {
        guard statement.arguments.count == 1 else {
            reader.wrongType(statement, expected: "the delegating article as a citation (《act》 and its article)")
            return nil
        }
        switch statement.arguments[0].expression {
        case .citation(let text, let range), .string(let text, let range): return CitationReference(text: text, range: range)
        default:
            reader.wrongType(statement, expected: "the delegating article as a citation (《act》 and its article)")
            return nil
        }
    }

    /// `delegation 《…》第X条 { to 《…》  matter conditions }`.
    mutating func delegation(_ statement: Statement, article: CitationReference) -> ExpressDelegation {
        let fields = reader.attributes(of: statement, schema: ["to": .required, "matter": .many], what: "delegation '\(article.text)'")
        let to = reader.citations(fields["to"])
        if to.count > 1, let statement = fields.first("to") { reader.wrongType(statement, expected: "one act") }
        let matters = reader.values(fields["matter"], DelegatedMatter.self)
        return ExpressDelegation(
            article: cite([article])[0], to: cite(Array(to.prefix(1))).first ?? article,
            matters: matters.isEmpty ? [.conditions] : matters, range: Self.headRange(statement))
    }

    // MARK: - cost-model

    mutating func costModel(_ statement: Statement, name: String) -> CostModel {
        let fields = reader.attributes(
            of: statement,
            schema: ["hourly-tariff": .required, "hours-per-trip": .required, "hours-per-day-of-delay": .required, "audit-hours": .optional],
            what: "cost-model '\(name)'")
        return CostModel(
            name: name, hourlyTariff: reader.number(fields.first("hourly-tariff"), units: Units.yuan) ?? 0,
            hoursPerTrip: reader.number(fields.first("hours-per-trip")) ?? 0,
            hoursPerDayOfDelay: reader.number(fields.first("hours-per-day-of-delay")) ?? 0,
            auditHours: reader.number(fields.first("audit-hours")) ?? 0, range: Self.headRange(statement))
    }

    // MARK: - policy

    mutating func policy(_ statement: Statement, name: String) -> Policy {
        let fields = reader.attributes(
            of: statement,
            schema: [
                "title": .optional, "cites": .many, "effective": .required, "until": .optional, "sufficient-ranks": .required,
                "commitment-excludes": .many, "issuer-prohibited": .many, "cost-model": .optional, "rule": .many,
                "otherwise": .optional, "delegation-phrases": .many, "document-words": .many, "investigation-phrases": .many,
                "non-law-sources": .many, "parallel-cites": .many, "one-window-cites": .many, "licensing-limit": .optional,
            ], what: "policy '\(name)'")
        let costModel = reader.name(fields.first("cost-model"))
        refer(.costModel, costModel, fields.first("cost-model")?.arguments.first?.expression.range)
        var policy = Policy(
            name: name, title: reader.string(fields.first("title")), cites: cite(reader.citations(fields["cites"])),
            effective: reader.date(fields.first("effective")) ?? CalendarDate(year: 1, month: 1, day: 1)!,
            until: reader.date(fields.first("until")),
            sufficientRanks: Set(reader.values(fields["sufficient-ranks"], LegalRank.self)),
            commitmentExcludes: Set(reader.values(fields["commitment-excludes"], ConcernCategory.self)),
            issuerProhibitions: fields["issuer-prohibited"].map { issuerProhibition($0) },
            phrases: TextPhrases(
                delegation: reader.nameList(fields["delegation-phrases"]), documentWords: reader.nameList(fields["document-words"]),
                investigation: reader.nameList(fields["investigation-phrases"]), nonLawSources: reader.nameList(fields["non-law-sources"])),
            costModel: costModel,
            rules: fields["rule"].compactMap { rule($0, policy: name) },
            otherwise: reader.value(fields.first("otherwise"), Verdict.self), range: Self.headRange(statement))
        policy.parallelCites = cite(reader.citations(fields["parallel-cites"]))
        policy.oneWindowCites = cite(reader.citations(fields["one-window-cites"]))
        if let limit = fields.first("licensing-limit"), let days = reader.integer(limit, units: Units.workingDays) {
            let terms = reader.attributes(of: limit, schema: ["extension": .optional, "basis": .many], what: "the licensing limit of policy '\(name)'")
            policy.licensingLimit = LicensingLimit(
                days: days, extensionDays: reader.integer(terms.first("extension"), units: Units.workingDays) ?? 0,
                basis: cite(reader.citations(terms["basis"])))
        }
        return policy
    }

    private mutating func issuerProhibition(_ statement: Statement) -> IssuerProhibition {
        let fields = reader.attributes(
            of: statement, schema: ["issuer-kinds": .required, "certificates": .many, "matching": .optional, "cites": .many],
            what: "issuer-prohibited")
        return IssuerProhibition(
            issuerKinds: Set(reader.values(fields["issuer-kinds"], DepartmentKind.self)),
            certificates: Set(reader.nameList(fields["certificates"])),
            matching: reader.value(fields.first("matching"), IssuerProhibition.Matching.self) ?? .ending, cites: cite(reader.citations(fields["cites"])),
            range: Self.headRange(statement))
    }

    private mutating func rule(_ statement: Statement, policy: String) -> PolicyRule? {
        guard let name = declarationName(statement, what: "rule in policy '\(policy)'") else { return nil }
        let fields = reader.attributes(
            of: statement,
            schema: [
                "verdict": .required, "when": .optional, "unless": .optional, "because": .required, "cites": .many,
                "reason": .optional, "exception-to": .optional, "effective": .optional,
            ], what: "rule '\(name)'")
        return PolicyRule(
            name: name, verdict: reader.value(fields.first("verdict"), Verdict.self) ?? .keep,
            when: condition(fields.first("when")), unless: condition(fields.first("unless")),
            because: reader.string(fields.first("because")) ?? "", cites: cite(reader.citations(fields["cites"])),
            reason: reader.value(fields.first("reason"), ReasonCode.self), exceptionTo: reader.name(fields.first("exception-to")),
            effective: reader.date(fields.first("effective")), range: Self.headRange(statement))
    }

    private mutating func condition(_ statement: Statement?) -> Condition? {
        guard let statement else { return nil }
        guard statement.arguments.count == 1 else {
            reader.wrongType(statement, expected: "one condition; join facts with 'and' / 'or'")
            return nil
        }
        return ConditionBuilder.build(statement.arguments[0].expression, reader: &reader)
    }

    // MARK: - test

    mutating func test(_ statement: Statement, title: String) -> RuleTest {
        let fields = reader.attributes(
            of: statement,
            schema: [
                "as-of": .optional, "policy": .optional, "expect": .many, "expect-cycle": .many, "expect-finding": .many,
                "expect-gate": .optional,
            ],
            what: "test '\(title)'")
        let policy = reader.name(fields.first("policy"))
        refer(.policy, policy, fields.first("policy")?.arguments.first?.expression.range)
        var expectations: [Expectation] = []
        for expect in fields["expect"] {
            guard expect.arguments.count == 2, let procedure = AttributeReader.nameValue(expect.arguments[0].expression),
                let material = AttributeReader.nameValue(expect.arguments[1].expression)
            else {
                reader.wrongType(expect, expected: "a procedure id and a material name")
                continue
            }
            refer(.procedure, procedure, expect.arguments[0].expression.range)
            refer(.material, material, expect.arguments[1].expression.range)
            let details = reader.attributes(of: expect, schema: ["verdict": .optional, "reason": .optional, "flag": .many], what: "expect")
            expectations.append(.decision(
                procedure: procedure, material: material, verdict: reader.value(details.first("verdict"), Verdict.self),
                reason: reader.value(details.first("reason"), ReasonCode.self), flags: reader.values(details["flag"], Flag.self),
                range: expect.range))
        }
        for expect in fields["expect-cycle"] {
            let procedures = reader.names([expect])
            referAll(.procedure, procedures)
            let details = reader.attributes(of: expect, schema: ["unresolved": .optional], what: "expect-cycle")
            var unresolved: Bool?
            if let flag = reader.name(details.first("unresolved")) {
                unresolved = flag == "true" ? true : flag == "false" ? false : nil
                if unresolved == nil, let statement = details.first("unresolved") {
                    reader.wrongType(statement, expected: "true or false")
                }
            }
            expectations.append(.cycle(procedures: procedures.map(\.0), unresolved: unresolved, range: expect.range))
        }
        for expect in fields["expect-finding"] {
            guard let first = expect.arguments.first, let kind = reader.vocabularyValue(first.expression, FindingKind.self) else {
                if expect.arguments.isEmpty { reader.wrongType(expect, expected: "a finding kind") }
                continue
            }
            let rest = expect.arguments.dropFirst().compactMap { AttributeReader.nameValue($0.expression) }
            if let procedure = rest.first { refer(.procedure, procedure, expect.arguments[1].expression.range) }
            expectations.append(.finding(kind: kind, procedure: rest.first, material: rest.dropFirst().first, range: expect.range))
        }
        if let gate = fields.first("expect-gate") {
            switch reader.name(gate) {
            case "pass": expectations.append(.gate(fails: false, range: gate.range))
            case "fail": expectations.append(.gate(fails: true, range: gate.range))
            case nil: break
            default: reader.wrongType(gate, expected: "pass or fail")
            }
        }
        return RuleTest(
            title: title, asOf: reader.date(fields.first("as-of")), policy: policy, expectations: expectations,
            range: Self.headRange(statement))
    }
}

extension DeclarationReaders {
    static let materialSchema: AttributeSchema = [
        "kind": .required, "proves": .many, "issuer": .many, "issued-by": .optional, "basis": .many,
        "source": .many, "concerns": .many, "commitment": .optional, "alternatives": .many, "absurd": .many,
        "trips": .optional, "days": .optional, "fee": .optional, "listed-as": .many, "hours-per-trip": .optional,
    ]
    static let commitmentSchema: AttributeSchema = [
        "text": .required, "method": .required, "within": .optional, "sample": .optional, "auditor": .optional, "liability": .optional,
        "effective": .optional, "cites": .many, "not-for": .many,
    ]
    static let sourceSchema: AttributeSchema = [
        "provider": .required, "sharing": .required, "kind": .optional, "items": .many, "approved": .many,
        "coverage": .optional, "from": .optional, "until": .optional, "approval": .many, "covers": .many,
    ]
    static let departmentSchema: AttributeSchema = ["kind": .required, "territory": .optional]
    static let approvalSchema: AttributeSchema = ["from": .optional, "until": .optional, "authorisation": .optional]
    static let situationSchema: AttributeSchema = ["share": .required, "note": .optional, "hours-per-trip": .optional]
    static let conditionSchema: AttributeSchema = ["basis": .many, "items": .many, "proof": .optional, "situation": .many, "commitment": .optional]
    static let stepSchema: AttributeSchema = ["department": .optional, "days": .optional, "basis": .many, "after": .many, "kind": .optional]
    static let procedureSchema: AttributeSchema = [
        "department": .required, "domain": .optional, "territory": .required, "basis": .many, "volume": .optional,
        "requires": .many, "issues": .many, "trips": .optional, "days": .optional, "fee": .optional, "note": .many,
        "condition": .many, "situation": .many, "guide": .optional, "category": .optional,
    ]
    static let guideSchema: AttributeSchema = [
        "accepted-by": .optional, "serves": .optional, "window": .many, "online": .optional, "step": .many, "legal-limit": .optional, "promised-limit": .optional,
        "fee-basis": .many, "consult": .optional, "complain": .optional, "source": .optional,
    ]
    static let requirementSchema: AttributeSchema = [
        "basis": .many, "share": .optional, "purpose": .optional, "note": .optional, "absurd": .many, "commitment": .optional,
        "evidence-of": .many, "situation": .many, "sample": .optional, "mistake": .many,
    ]

    /// The keyword and name of a declaration (`material 居民户口簿`): where its diagnostics point.
    static func headRange(_ statement: Statement) -> SourceRange {
        guard let first = statement.arguments.first else { return statement.keywordRange }
        let last = statement.arguments.count > 1 && statement.keyword == "procedure" ? statement.arguments[1] : first
        return statement.keywordRange.union(last.expression.range)
    }
}

/// A declaration inside a procedure that has a name of its own (a condition, a situation).
protocol NamedInProcedure {
    var name: String { get }
    var range: SourceRange { get }
}

extension ProcedureCondition: NamedInProcedure {}
extension Situation: NamedInProcedure {}
