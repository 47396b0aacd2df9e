import JianzhengSyntax
import LegalCorpus

/// Binds the declarations of all files of a catalogue into one `Catalogue`: duplicate declarations,
/// unknown references (with "did you mean"), citations that do not resolve, unused declarations and
/// statically unreachable or conflicting policy rules are all reported.
public struct CatalogueBuilder {
    private var readers = DeclarationReaders()
    private var catalogue = Catalogue()
    private var firstDeclared: [String: SourceRange] = [:]
    private var changes = DeclarationChanges()

    /// Resolves `trees`, then `overlays`: a declaration in an overlay replaces the catalogue's declaration of
    /// the same kind and name (a changed procedure, source or policy) instead of being a duplicate.
    public static func build(_ trees: [SyntaxTree], overlays: [SyntaxTree] = [], corpus: LegalCorpus) -> (Catalogue, [Diagnostic]) {
        var builder = CatalogueBuilder()
        for tree in trees {
            for statement in tree.statements { builder.declare(statement, replacing: false) }
        }
        for tree in overlays {
            for statement in tree.statements { builder.declare(statement, replacing: true) }
        }
        builder.checkReferences()
        builder.checkCitations(corpus)
        builder.checkPolicies()
        builder.reportUnused()
        builder.catalogue.citations = builder.readers.citationTable
        return (builder.catalogue, Diagnostic.sorted(builder.readers.reader.diagnostics))
    }

    /// Layers `overlays` on an already resolved catalogue, checking only what the overlays declare and
    /// reference (unused declarations are not re-reported). Returns the new catalogue and what it replaced or added.
    public static func apply(_ overlays: [SyntaxTree], to catalogue: Catalogue, corpus: LegalCorpus) -> (Catalogue, DeclarationChanges, [Diagnostic]) {
        var builder = CatalogueBuilder()
        builder.catalogue = catalogue
        builder.readers.citationTable = catalogue.citations
        for tree in overlays {
            for statement in tree.statements { builder.declare(statement, replacing: true) }
        }
        builder.checkReferences()
        builder.checkCitations(corpus)
        builder.checkPolicies(named: builder.changes.policies)
        builder.catalogue.citations = builder.readers.citationTable
        return (builder.catalogue, builder.changes, Diagnostic.sorted(builder.readers.reader.diagnostics))
    }

    private mutating func declare(_ statement: Statement, replacing: Bool) {
        let keyword = statement.keyword
        let what = keyword == "test" ? "test" : keyword
        guard Parser.declarationKeywords.contains(keyword) else {
            let suggestion = Suggestions.closest(to: keyword, among: Parser.declarationKeywords)
            readers.reader.report(Diagnostic(
                .unknownDeclaration, "unknown declaration '\(keyword)'", at: statement.keywordRange,
                notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") }
                    + [Diagnostic.Note("declarations: " + Parser.declarationKeywords.sorted().joined(separator: ", "))]))
            return
        }
        guard let name = readers.declarationName(statement, what: what) else { return }
        if keyword != "test" {
            let key = keyword + "\u{0}" + name
            if let first = firstDeclared[key], !replacing {
                readers.reader.report(Diagnostic(
                    .duplicateDeclaration, "\(keyword) '\(name)' is declared more than once", at: statement.keywordRange,
                    notes: [Diagnostic.Note("first declared here", at: first)]))
                return
            }
            firstDeclared[key] = statement.keywordRange
            if replacing { changes.record(keyword, name) }
        }
        switch keyword {
        case "department": catalogue.departments[name] = readers.department(statement, name: name)
        case "material": catalogue.materials[name] = readers.material(statement, name: name)
        case "source": catalogue.sources[name] = readers.source(statement, name: name)
        case "procedure":
            if catalogue.procedures[name] == nil { catalogue.procedureOrder.append(name) }
            catalogue.procedures[name] = readers.procedure(statement, id: name)
        case "policy": catalogue.policies[name] = readers.policy(statement, name: name)
        case "cost-model": catalogue.costModels[name] = readers.costModel(statement, name: name)
        default: catalogue.tests.append(readers.test(statement, title: name))
        }
    }

    private func isDeclared(_ name: String, as kind: PendingReference.Kind) -> Bool {
        switch kind {
        case .department: catalogue.departments[name] != nil
        case .material: catalogue.materials[name] != nil
        case .source: catalogue.sources[name] != nil
        case .procedure: catalogue.procedures[name] != nil
        case .policy: catalogue.policies[name] != nil
        case .costModel: catalogue.costModels[name] != nil
        case .departmentOrProcedure: catalogue.departments[name] != nil || catalogue.procedures[name] != nil
        }
    }

    private func candidates(_ kind: PendingReference.Kind) -> [String] {
        switch kind {
        case .department: Array(catalogue.departments.keys)
        case .material: Array(catalogue.materials.keys)
        case .source: Array(catalogue.sources.keys)
        case .procedure: Array(catalogue.procedures.keys)
        case .policy: Array(catalogue.policies.keys)
        case .costModel: Array(catalogue.costModels.keys)
        case .departmentOrProcedure: Array(catalogue.departments.keys) + Array(catalogue.procedures.keys)
        }
    }

    private mutating func checkReferences() {
        var known: [PendingReference.Kind: [String]] = [:]
        for reference in readers.references where !isDeclared(reference.name, as: reference.kind) {
            let names = known[reference.kind] ?? candidates(reference.kind)
            known[reference.kind] = names
            let suggestion = Suggestions.closest(to: reference.name, among: names)
            readers.reader.report(Diagnostic(
                .unknownReference, "unknown \(reference.kind.rawValue) '\(reference.name)'", at: reference.range,
                notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") },
                fixIts: suggestion.map { Diagnostic.FixIt("replace", range: reference.range, replacement: $0) }))
        }
    }

    /// Every citation must name an act of the corpus and a provision that exists in some version of it.
    private mutating func checkCitations(_ corpus: LegalCorpus) {
        // Each distinct text is parsed and resolved once (in parallel); every place it is written gets the diagnostic.
        readers.citationTable.parsePending()
        let table = readers.citationTable
        var cited = [CitationReference?](repeating: nil, count: table.texts.count)
        for reference in readers.citations where cited[Int(reference.id)] == nil { cited[Int(reference.id)] = reference }
        let distinct = cited.compactMap { $0 }
        let invalid = ConcurrentSlots<ResolvedCitation?>.map(distinct) { reference in
            let resolved = table.resolve(reference, in: corpus)
            return resolved.isValid ? nil : resolved
        }
        var problems = [ResolvedCitation?](repeating: nil, count: table.texts.count)
        for (reference, resolved) in zip(distinct, invalid) { problems[Int(reference.id)] = resolved }
        for reference in readers.citations {
            guard let resolved = problems[Int(reference.id)] else { continue }
            switch resolved.problem {
            case .malformed(let message):
                readers.reader.report(Diagnostic(.malformedCitation, "malformed citation: \(message)", at: reference.range))
            case .unknownAct(let suggestions):
                readers.reader.report(Diagnostic(
                    .unknownAct, "the legal-basis corpus has no act '\(resolved.citation.actName)'", at: reference.range,
                    notes: suggestions.map { Diagnostic.Note("did you mean '\($0)'?") }
                        + [Diagnostic.Note("add the act to legal-basis/ (docs/legal-basis.md) or correct the title")]))
            case .unknownProvision(let eId):
                readers.reader.report(Diagnostic(
                    .unknownProvision, "'\(resolved.act?.title ?? "")' has no provision \(resolved.citation.description) (\(eId))",
                    at: reference.range))
            default:
                break
            }
        }
    }

    private mutating func checkPolicies(named names: Set<String>? = nil) {
        for policy in catalogue.policies.values.sorted(by: { $0.name < $1.name }) where names?.contains(policy.name) ?? true {
            PolicyChecker.check(policy, into: &readers.reader)
        }
    }

    private mutating func reportUnused() {
        let referenced = Set(readers.references.map { "\($0.kind == .departmentOrProcedure ? "department" : $0.kind.rawValue)\u{0}\($0.name)" })
        func unused(_ kind: String, _ name: String) -> Bool { !referenced.contains(kind + "\u{0}" + name) }
        var warnings: [Diagnostic] = []
        for department in catalogue.departments.values where unused("department", department.name) {
            warnings.append(Diagnostic(.unusedDeclaration, "department '\(department.name)' is never used", at: department.range))
        }
        for material in catalogue.materials.values where unused("material", material.name) {
            warnings.append(Diagnostic(.unusedDeclaration, "material '\(material.name)' is never required or issued", at: material.range))
        }
        let provable = catalogue.materials.values.map { Set($0.proves) }.filter { !$0.isEmpty }
        for source in catalogue.sources.values where unused("source", source.name) {
            let items = Set(source.items)
            if !provable.contains(where: { $0.isSubset(of: items) }) {
                warnings.append(Diagnostic(.unusedDeclaration, "source '\(source.name)' supplies no material", at: source.range))
            }
        }
        for model in catalogue.costModels.values where unused("cost-model", model.name) {
            warnings.append(Diagnostic(.unusedDeclaration, "cost-model '\(model.name)' is never used", at: model.range))
        }
        for warning in warnings { readers.reader.report(warning) }
    }
}

/// The declarations an overlay replaced or added, by kind; procedures in the order they were declared.
public struct DeclarationChanges: Sendable {
    public var procedures: [String] = []
    public var materials: Set<String> = []
    public var sources: Set<String> = []
    public var departments: Set<String> = []
    public var policies: Set<String> = []
    public var costModels: Set<String> = []

    mutating func record(_ keyword: String, _ name: String) {
        switch keyword {
        case "procedure": if !procedures.contains(name) { procedures.append(name) }
        case "material": materials.insert(name)
        case "source": sources.insert(name)
        case "department": departments.insert(name)
        case "policy": policies.insert(name)
        case "cost-model": costModels.insert(name)
        default: break
        }
    }
}
