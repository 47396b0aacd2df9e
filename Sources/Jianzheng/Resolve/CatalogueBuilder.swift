import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// Binds the declarations of all files of a catalogue into one `Catalogue`: duplicate declarations,
/// unknown references (with "did you mean"), citations that do not resolve, unused declarations and
/// statically unreachable or conflicting policy rules are all reported.
///
/// Each file is read into typed declarations on its own, all files in parallel (`FileDeclarations`); the
/// declarations are then bound in file order.
public struct CatalogueBuilder: Sendable {
    private var catalogue = Catalogue()
    private var changes = DeclarationChanges()
    /// The references and citations to check, file by file: a file's lists are taken whole, not copied one
    /// element at a time into one list (a catalogue has millions of references).
    private var references: [[PendingReference]] = []
    private var citations: [[CitationReference]] = []
    private var reporter = AttributeReader()

    /// Resolves `trees`, then `overlays`: a declaration in an overlay replaces the catalogue's declaration of
    /// the same kind and name (a changed procedure, source or policy) instead of being a duplicate.
    public static func build(_ trees: [SyntaxTree], overlays: [SyntaxTree] = [], corpus: LegalCorpus) -> (Catalogue, [Diagnostic]) {
        let read = ConcurrentSlots<FileDeclarations>.map(Array((trees + overlays).enumerated())) { segment, tree in
            FileDeclarations(reading: tree, segment: Int32(segment))
        }
        return bind(read, overlays: overlays.count, corpus: { corpus })
    }

    /// Parses and resolves `files`, then `overlays`, with the parse diagnostics. Each file is read one declaration
    /// at a time as it is parsed (`Parser.parseEach`), so no file's whole syntax tree is ever held.
    /// `phase`, when given, is called after parsing and reading ("parse+read") and after binding ("bind").
    public static func build(
        files: consuming [SourceFile], overlays: consuming [SourceFile] = [], corpus: LegalCorpus, phase: ((String) -> Void)? = nil
    ) -> (Catalogue, [Diagnostic]) {
        build(files: consume files, overlays: consume overlays, corpusWhenNeeded: { corpus }, phase: phase)
    }

    /// `build`, with the corpus asked for only once the declarations are declared and need checking: a caller
    /// can read it meanwhile (`Workspace.load` does, on another thread). Each file is let go as soon as its
    /// declarations are read: a caller that keeps no copy of `files` holds no file's text through binding.
    /// A catalogue built `forOneReview` is decided once and shown nowhere else: it keeps no index of the names
    /// referenced (only `apply` reads it), the checks that can only warn (unused declarations, look-alike names,
    /// commitment terms shared across departments) are not run and citations are checked for their one error (a
    /// title several acts share) — every error is still found; `check` shows the warnings.
    public static func build(
        files: consuming [SourceFile], overlays: consuming [SourceFile] = [], corpusWhenNeeded corpus: () -> LegalCorpus,
        forOneReview: Bool = false, phase: ((String) -> Void)? = nil
    ) -> (Catalogue, [Diagnostic]) {
        let handed = (files + overlays).map(HandedFile.init), overlayCount = overlays.count
        files = []
        overlays = []
        let read = ConcurrentSlots<FileDeclarations>.map(Array(handed.enumerated())) { segment, handed in
            FileDeclarations(parsing: handed.take(), segment: Int32(segment))
        }
        phase?("parse+read")
        let result = bind(read, overlays: overlayCount, corpus: corpus, forOneReview: forOneReview)
        phase?("bind")
        return result
    }

    /// A file handed to the one thread that reads it, which takes it out, so that the file's bytes are freed once its
    /// declarations are read instead of when every file is read.
    private final class HandedFile: @unchecked Sendable {
        /// Taken once, by one thread (`ConcurrentSlots` gives each element to one).
        private var file: SourceFile?

        init(_ file: SourceFile) {
            self.file = file
        }

        func take() -> SourceFile {
            guard let file else { preconditionFailure("a file is read once") }
            self.file = nil
            return file
        }
    }

    /// Binds the files in order; each file's declarations are released as soon as they are bound.
    private static func bind(
        _ files: consuming [FileDeclarations], overlays: Int, corpus: () -> LegalCorpus, forOneReview: Bool = false
    ) -> (Catalogue, [Diagnostic]) {
        var files = files
        var builder = CatalogueBuilder()
        func count(_ keyword: String) -> Int { files.reduce(0) { $0 + $1.entries.count { $0.keyword == keyword } } }
        let procedures = count("procedure")
        builder.catalogue.procedures.reserveCapacity(procedures)
        builder.catalogue.procedureOrder.reserveCapacity(procedures)
        builder.catalogue.materials.reserveCapacity(count("material"))
        builder.catalogue.sources.reserveCapacity(count("source"))
        builder.references.reserveCapacity(files.count)
        builder.citations.reserveCapacity(files.count)
        for index in files.indices {
            builder.declare(files[index], replacing: index >= files.count - overlays)
            files[index] = FileDeclarations()
        }
        builder.catalogue.citations.parsePending()
        // The checks only read the bound catalogue: they run side by side, their diagnostics kept in this order. The
        // names referenced are recorded by the check of unused declarations, which reads them first.
        let bound = builder
        let corpus = corpus()
        let checks = forOneReview ? Check.allCases.filter(\.canRefuse) : Check.allCases
        let found = ConcurrentSlots<CheckResult>.map(checks) { check in bound.run(check, corpus: corpus, errorsOnly: forOneReview) }
        if forOneReview { builder.catalogue.referencedNames = nil }
        for result in found {
            if let referenced = result.referencedNames { builder.catalogue.referencedNames = referenced }
            for diagnostic in result.diagnostics { builder.reporter.report(diagnostic) }
        }
        return (builder.catalogue, Diagnostic.sorted(builder.reporter.diagnostics))
    }

    /// The checks of a bound catalogue, each independent of the others.
    private enum Check: CaseIterable {
        case references, citations, policies, unused, lookalikeNames, sharedCommitmentTerms, commitmentCatalogues

        /// Whether the check can report an error (a catalogue that refuses review); the others only warn.
        var canRefuse: Bool {
            switch self {
            case .references, .citations, .policies, .commitmentCatalogues: true
            case .unused, .lookalikeNames, .sharedCommitmentTerms: false
            }
        }
    }

    /// What one check found; the check of unused declarations also hands back the names referenced.
    private struct CheckResult: Sendable {
        var diagnostics: [Diagnostic]
        var referencedNames: [String: StringInterner]? = nil
    }

    /// The diagnostics of one check of the whole catalogue (`errorsOnly`: its errors, for a catalogue reviewed once).
    private func run(_ check: Check, corpus: LegalCorpus, errorsOnly: Bool) -> CheckResult {
        var reporter = AttributeReader()
        switch check {
        case .references: checkReferences(into: &reporter)
        case .citations: checkCitations(corpus, errorsOnly: errorsOnly, into: &reporter)
        case .policies: checkPolicies(into: &reporter)
        case .unused:
            let referenced = referencedNames()
            reportUnused(referenced: referenced, into: &reporter)
            return CheckResult(diagnostics: reporter.diagnostics, referencedNames: referenced)
        case .lookalikeNames: return CheckResult(diagnostics: LookalikeNames.check(catalogue))
        case .sharedCommitmentTerms: return CheckResult(diagnostics: SharedCommitmentTerms.check(catalogue))
        case .commitmentCatalogues: return CheckResult(diagnostics: CommitmentCatalogueCheck.check(catalogue))
        }
        return CheckResult(diagnostics: reporter.diagnostics)
    }

    /// Layers `overlays` on an already resolved catalogue, checking only what the overlays declare and
    /// reference (a declaration the overlay adds or replaces is reported when nothing refers to it; one that
    /// becomes unused because the overlay replaced its only user is not). Returns the new catalogue and what it replaced or added.
    public static func apply(_ overlays: [SyntaxTree], to catalogue: Catalogue, corpus: LegalCorpus) -> (Catalogue, DeclarationChanges, [Diagnostic]) {
        precondition(catalogue.referencedNames != nil, "a catalogue built for one review (forOneReview) is not layered on")
        var builder = CatalogueBuilder()
        builder.catalogue = catalogue
        let first = catalogue.citations.segmentCount
        for (index, tree) in overlays.enumerated() {
            builder.declare(FileDeclarations(reading: tree, segment: Int32(first + index)), replacing: true)
        }
        builder.catalogue.citations.parsePending()
        builder.catalogue.referencedNames = builder.referencedNames()
        var reporter = builder.reporter
        builder.checkReferences(into: &reporter)
        builder.checkCitations(corpus, into: &reporter)
        builder.checkPolicies(named: builder.changes.policies, into: &reporter)
        builder.reportUnused(only: builder.changes, referenced: builder.catalogue.referencedNames ?? [:], into: &reporter)
        builder.reporter = reporter
        for diagnostic in CommitmentCatalogueCheck.check(
            builder.catalogue, procedures: Set(builder.changes.procedures), catalogues: builder.changes.commitmentCatalogues)
        {
            builder.reporter.report(diagnostic)
        }
        return (builder.catalogue, builder.changes, Diagnostic.sorted(builder.reporter.diagnostics))
    }

    /// Binds one file's declarations: a second declaration of a kind and name is reported (and dropped with
    /// its diagnostics, references and citations) unless it comes from an overlay, which replaces the first.
    private mutating func declare(_ file: FileDeclarations, replacing: Bool) {
        catalogue.citations.addSegment(file.citationTable.texts)
        var keepDiagnostics = [Bool](repeating: true, count: file.diagnostics.count)
        var keepReferences = [Bool](repeating: true, count: file.references.count)
        var keepCitations = [Bool](repeating: true, count: file.citations.count)
        for entry in file.entries {
            // The kind's own table finds a duplicate: one lookup for the usual first declaration, and a duplicate puts
            // the first one back (no table of every declaration's kind and name is kept besides).
            guard let first = insert(entry.declaration, named: entry.name) else {
                if replacing, entry.keyword != "test" { changes.record(entry.keyword, entry.name) }
                continue
            }
            if replacing {
                changes.record(entry.keyword, entry.name)
                continue
            }
            _ = insert(first, named: entry.name)
            reporter.report(Diagnostic(
                .duplicateDeclaration, "\(entry.keyword) '\(entry.name)' is declared more than once", at: entry.keywordRange,
                notes: [Diagnostic.Note("first declared here", at: Self.keywordRange(entry.keyword, of: first))]))
            for index in entry.diagnostics { keepDiagnostics[index] = false }
            for index in entry.references { keepReferences[index] = false }
            for index in entry.citations { keepCitations[index] = false }
        }
        for diagnostic in file.parseDiagnostics { reporter.report(diagnostic) }
        for (diagnostic, keep) in zip(file.diagnostics, keepDiagnostics) where keep { reporter.report(diagnostic) }
        // Usually nothing was dropped: the file's references and citations are taken whole.
        references.append(keepReferences.allSatisfy { $0 } ? file.references : zip(file.references, keepReferences).filter(\.1).map(\.0))
        citations.append(keepCitations.allSatisfy { $0 } ? file.citations : zip(file.citations, keepCitations).filter(\.1).map(\.0))
    }

    /// Puts a declaration in its kind's table, returning the declaration of that kind and name it displaced (rule
    /// tests are listed, never displaced).
    private mutating func insert(_ declaration: FileDeclarations.Declaration, named name: String) -> FileDeclarations.Declaration? {
        switch declaration {
        case .department(let department): return catalogue.departments.updateValue(department, forKey: name).map { .department($0) }
        case .material(let material): return catalogue.materials.updateValue(material, forKey: name).map { .material($0) }
        case .source(let source): return catalogue.sources.updateValue(source, forKey: name).map { .source($0) }
        case .procedure(let procedure):
            guard let displaced = catalogue.procedures.updateValue(procedure, forKey: name) else {
                catalogue.procedureOrder.append(name)
                return nil
            }
            return .procedure(displaced)
        case .policy(let policy): return catalogue.policies.updateValue(policy, forKey: name).map { .policy($0) }
        case .costModel(let model): return catalogue.costModels.updateValue(model, forKey: name).map { .costModel($0) }
        case .delegation(let delegation): return catalogue.delegations.updateValue(delegation, forKey: name).map { .delegation($0) }
        case .commitmentCatalogue(let list): return catalogue.commitmentCatalogues.updateValue(list, forKey: name).map { .commitmentCatalogue($0) }
        case .test(let test):
            catalogue.tests.append(test)
            return nil
        }
    }

    /// Where a declaration's keyword is written: the start of its head (keywords are ASCII words on one line).
    private static func keywordRange(_ keyword: String, of declaration: FileDeclarations.Declaration) -> SourceRange {
        let start = declaration.range.start, length = keyword.utf8.count
        return SourceRange(
            start: start, end: SourceLocation(fileID: start.fileID, line: start.line, column: start.column + length, offset: start.offset + length))
    }

    /// The name as its declaration spells it, or nil when nothing of that kind is declared under the name.
    /// (Names compare as Unicode text here; a different spelling of the same text is reported by the caller.)
    private func declaredSpelling(_ name: String, as kind: PendingReference.Kind) -> String? {
        func key<Value>(_ table: [String: Value]) -> String? { table.index(forKey: name).map { table[$0].key } }
        switch kind {
        case .department: return key(catalogue.departments)
        case .material: return key(catalogue.materials)
        case .source: return key(catalogue.sources)
        case .procedure: return key(catalogue.procedures)
        case .policy: return key(catalogue.policies)
        case .costModel: return key(catalogue.costModels)
        case .departmentOrProcedure: return key(catalogue.departments) ?? key(catalogue.procedures)
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

    private func checkReferences(into reporter: inout AttributeReader) {
        var known: [PendingReference.Kind: [String]] = [:]
        // A kind with many references (a whole catalogue's) has its declared names tabled by their bytes, hashing
        // bytes being much cheaper than hashing Chinese text as Unicode: a reference found there is spelled as
        // declared, and only the rest — unknown, or the same text in other characters — are looked up as text. A
        // kind with few (an overlay's) is looked up as text reference by reference: tabling costs a hash per
        // declaration of the kind.
        var referenceCounts = [Int](repeating: 0, count: PendingReference.Kind.allCases.count)
        for reference in references.joined() { referenceCounts[reference.kind.ordinal] += 1 }
        let tabled = PendingReference.Kind.allCases.filter {
            referenceCounts[$0.ordinal] > 0 && referenceCounts[$0.ordinal] * 4 >= declaredCount($0)
        }
        // The tables are made side by side and each file's references looked up in them side by side (at 500k this
        // check was most of the checks' time, on one core while the other had nothing left to do); the few not found
        // by their bytes are then looked up as text in order, so the diagnostics come as they always did.
        let tables = ConcurrentSlots<Set<Utf8Key>>.map(tabled) { declaredNames($0) }
        var byKind = [Set<Utf8Key>?](repeating: nil, count: PendingReference.Kind.allCases.count)
        for (kind, table) in zip(tabled, tables) { byKind[kind.ordinal] = table }
        let declaredBytes = byKind
        let notFound = ConcurrentSlots<[Int32]>.map(references) { file in
            file.indices.compactMap { index in
                declaredBytes[file[index].kind.ordinal]?.contains(Utf8Key(file[index].name)) == true ? nil : Int32(index)
            }
        }
        for (file, positions) in zip(references, notFound) {
            for position in positions {
                let reference = file[Int(position)]
                guard let declared = declaredSpelling(reference.name, as: reference.kind) else {
                    reportUnknown(reference, known: &known, into: &reporter)
                    continue
                }
                // (Found by its bytes when the kind is tabled; only a kind looked up as text gets here spelled as declared.)
                if declared.hasSameBytes(as: reference.name) { continue }
                // The engine matches names byte for byte (Utf8Key, StringInterner): a name that is the same Unicode
                // text but not the same bytes (a CJK compatibility ideograph, a decomposed accent) must be written as
                // declared.
                reporter.report(Diagnostic(
                    .nameSpelledDifferently,
                    "\(reference.kind.rawValue) '\(reference.name)' is written with different Unicode characters from its declaration",
                    at: reference.range, notes: [Diagnostic.Note("write it exactly as declared")],
                    fixIts: [Diagnostic.FixIt("replace", range: reference.range, replacement: declared)]))
            }
        }
    }

    /// How many names are declared as `kind`.
    private func declaredCount(_ kind: PendingReference.Kind) -> Int {
        switch kind {
        case .department: catalogue.departments.count
        case .material: catalogue.materials.count
        case .source: catalogue.sources.count
        case .procedure: catalogue.procedures.count
        case .policy: catalogue.policies.count
        case .costModel: catalogue.costModels.count
        case .departmentOrProcedure: catalogue.departments.count + catalogue.procedures.count
        }
    }

    /// The names declared as `kind`, by their bytes.
    private func declaredNames(_ kind: PendingReference.Kind) -> Set<Utf8Key> {
        var names = Set<Utf8Key>()
        func add<Value>(_ table: [String: Value]) {
            names.reserveCapacity(names.count + table.count)
            for name in table.keys { names.insert(Utf8Key(name)) }
        }
        switch kind {
        case .department: add(catalogue.departments)
        case .material: add(catalogue.materials)
        case .source: add(catalogue.sources)
        case .procedure: add(catalogue.procedures)
        case .policy: add(catalogue.policies)
        case .costModel: add(catalogue.costModels)
        case .departmentOrProcedure:
            add(catalogue.departments)
            add(catalogue.procedures)
        }
        return names
    }

    /// An unknown name, with the closest declared one (`known` keeps each kind's names once listed).
    private func reportUnknown(
        _ reference: PendingReference, known: inout [PendingReference.Kind: [String]], into reporter: inout AttributeReader
    ) {
        let names = known[reference.kind] ?? candidates(reference.kind)
        known[reference.kind] = names
        let suggestion = Suggestions.closest(to: reference.name, among: names)
        reporter.report(Diagnostic(
            .unknownReference, "unknown \(reference.kind.rawValue) '\(reference.name)'", at: reference.range,
            notes: suggestion.map { Diagnostic.Note("did you mean '\($0)'?") },
            fixIts: suggestion.map { Diagnostic.FixIt("replace", range: reference.range, replacement: $0) }))
    }

    /// Every citation must name an act of the corpus and a provision that exists in some version of it.
    /// (The table's texts are parsed first: `CitationTable.parsePending`.)
    /// With `errorsOnly`, only the error is looked for — an act named by a title several acts share —, which needs no
    /// provision resolved; the warnings (an unknown act or provision, a renumbered article) are left to `check`.
    private func checkCitations(_ corpus: LegalCorpus, errorsOnly: Bool = false, into reporter: inout AttributeReader) {
        // Each distinct text is parsed and resolved once (in parallel); every place it is written gets the diagnostic.
        let table = catalogue.citations
        // A byte per text marks those seen; the problems, rare, are kept by id (a resolved citation per text would
        // be tens of megabytes of fresh memory for an overlay of one procedure).
        var seen = [Bool](repeating: false, count: table.texts.count)
        var distinct: [(id: Int32, reference: CitationReference)] = []
        for reference in citations.joined() {
            if let id = table.id(of: reference), !seen[Int(id)] {
                seen[Int(id)] = true
                distinct.append((id, reference))
            }
        }
        // A flag per citation, not its resolution (a resolved citation is hundreds of bytes, and there are tens of
        // thousands at the moment the catalogue is held whole); the rare ones with a problem are resolved again.
        @Sendable func hasProblem(_ reference: CitationReference) -> ResolvedCitation? {
            if errorsOnly, !table.citesAmbiguousAct(reference, in: corpus) { return nil }
            let resolved = table.resolve(reference, in: corpus)
            return resolved.isValid && resolved.renumberedTo == nil ? nil : resolved
        }
        let flagged = ConcurrentSlots<Bool>.map(distinct) { entry in hasProblem(entry.reference) != nil }
        var problems: [Int32: ResolvedCitation] = [:]
        for (entry, flag) in zip(distinct, flagged) where flag { problems[entry.id] = hasProblem(entry.reference) }
        for reference in citations.joined() {
            guard let id = table.id(of: reference), let resolved = problems[id] else { continue }
            switch resolved.problem {
            case .malformed(let message):
                reporter.report(Diagnostic(.malformedCitation, "malformed citation: \(message)", at: reference.range, notes: [Diagnostic.Note(Self.pendingNote)]))
            case .unknownAct(let suggestions):
                reporter.report(Diagnostic(
                    .unknownAct, "the legal-basis corpus has no act '\(resolved.citation.actName)'", at: reference.range,
                    notes: suggestions.map { Diagnostic.Note("did you mean '\($0)'?") }
                        + [Diagnostic.Note("add the act to legal-basis/ (docs/legal-basis.md) or correct the title"),
                            Diagnostic.Note(Self.pendingNote)]))
            case nil:
                guard let renumbered = resolved.renumberedLabel, let from = resolved.version?.validFrom else { break }
                reporter.report(Diagnostic(
                    .renumberedProvision,
                    "the amendment in force from \(from) renumbered \(resolved.citation.description): the former article is now \(renumbered)",
                    at: reference.range,
                    notes: [Diagnostic.Note("a citation written before the amendment means \(renumbered); cite it so, or keep this one if the new text is meant")]))
            case .ambiguousAct(let candidates):
                reporter.report(Diagnostic(
                    .ambiguousAct, "several acts in the corpus are titled '\(resolved.citation.actName)'", at: reference.range,
                    notes: candidates.map { Diagnostic.Note("candidate: \($0)") }
                        + [Diagnostic.Note("cite the one meant by its document number instead of its title, followed by the article")]))
            case .unknownProvision(let eId):
                reporter.report(Diagnostic(
                    .unknownProvision, "'\(resolved.act?.title ?? "")' has no provision \(resolved.citation.description) (\(eId))",
                    at: reference.range, notes: [Diagnostic.Note(Self.pendingNote)]))
            default:
                break
            }
        }
    }

    /// What an unanswerable citation means for the review.
    static let pendingNote = "until it is verified, the requirement is kept and listed with the bases to verify"

    private func checkPolicies(named names: Set<String>? = nil, into reporter: inout AttributeReader) {
        let policies = catalogue.policies.values.sorted(by: { $0.name < $1.name })
        for policy in policies where names?.contains(policy.name) ?? true {
            PolicyChecker.check(policy, into: &reporter)
        }
        PolicyChecker.checkOverlaps(policies, only: names, into: &reporter)
    }

    /// The names referenced as each kind that can go unused — the catalogue's (an overlay's base) and the pending
    /// references' —, kept in the catalogue for later overlays.
    private func referencedNames() -> [String: StringInterner] {
        let kinds: [PendingReference.Kind] = [.department, .material, .source, .costModel]
        var interners = kinds.map { catalogue.referencedNames?[$0.rawValue] ?? StringInterner() }
        for reference in references.joined() {
            // A name that may be a department or a procedure counts as a department's use. (A switch: comparing
            // kinds compares their raw texts.)
            let slot: Int
            switch reference.kind {
            case .department, .departmentOrProcedure: slot = 0
            case .material: slot = 1
            case .source: slot = 2
            case .costModel: slot = 3
            case .procedure, .policy: continue
            }
            _ = interners[slot].intern(reference.name)
        }
        var referenced = catalogue.referencedNames ?? [:]
        for (kind, interner) in zip(kinds, interners) { referenced[kind.rawValue] = interner }
        return referenced
    }

    /// Declarations nothing refers to (`referenced`: `referencedNames()`). With `changes` (an overlay), only the
    /// declarations it added or replaced are checked, against what the catalogue and the overlay refer to.
    private func reportUnused(
        only changes: DeclarationChanges? = nil, referenced: [String: StringInterner], into reporter: inout AttributeReader
    ) {
        // Each kind's names are looked up once, not per declaration (a lookup by kind hashes its text and copies the table).
        func unused(_ names: StringInterner?, _ name: String, _ changed: Set<String>?) -> Bool {
            (changed?.contains(name) ?? true) && names?.id(of: name) == nil
        }
        let names = { (kind: PendingReference.Kind) in referenced[kind.rawValue] }
        let departments = names(.department), materials = names(.material), sources = names(.source), costModels = names(.costModel)
        var warnings: [Diagnostic] = []
        for department in catalogue.departments.values where unused(departments, department.name, changes?.departments) {
            warnings.append(Diagnostic(.unusedDeclaration, "department '\(department.name)' is never used", at: department.range))
        }
        for material in catalogue.materials.values where unused(materials, material.name, changes?.materials) {
            warnings.append(Diagnostic(.unusedDeclaration, "material '\(material.name)' is never required or issued", at: material.range))
        }
        // A source nothing names is used when it holds every item some material proves: the unnamed sources are
        // indexed by item, each material looks only at those holding its first item, and the scan stops once all
        // are found used (no set is built per material).
        let unnamed = catalogue.sources.values.filter { unused(sources, $0.name, changes?.sources) }
        let itemSets = unnamed.map { Set($0.items) }
        var holders: [String: [Int]] = [:]
        for (index, source) in unnamed.enumerated() { for item in source.items { holders[item, default: []].append(index) } }
        var supplies = [Bool](repeating: false, count: unnamed.count)
        var left = unnamed.count
        for material in catalogue.materials.values where left > 0 {
            guard let first = material.proves.first else { continue }
            for index in holders[first] ?? [] where !supplies[index] && material.proves.allSatisfy(itemSets[index].contains) {
                supplies[index] = true
                left -= 1
            }
        }
        for (index, source) in unnamed.enumerated() where !supplies[index] {
            warnings.append(Diagnostic(.unusedDeclaration, "source '\(source.name)' supplies no material", at: source.range))
        }
        for model in catalogue.costModels.values where unused(costModels, model.name, changes?.costModels) {
            warnings.append(Diagnostic(.unusedDeclaration, "cost-model '\(model.name)' is never used", at: model.range))
        }
        for warning in warnings { reporter.report(warning) }
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
    public var delegations: Set<String> = []
    public var commitmentCatalogues: Set<String> = []

    mutating func record(_ keyword: String, _ name: String) {
        switch keyword {
        case "procedure": if !procedures.contains(name) { procedures.append(name) }
        case "material": materials.insert(name)
        case "source": sources.insert(name)
        case "department": departments.insert(name)
        case "policy": policies.insert(name)
        case "cost-model": costModels.insert(name)
        case "delegation": delegations.insert(name)
        case "commitment-catalogue": commitmentCatalogues.insert(name)
        default: break
        }
    }
}
