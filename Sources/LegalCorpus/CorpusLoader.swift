import Foundation
import JianzhengBase
import JianzhengXML

/// Loads and checks a `legal-basis/` directory: every `.xml` file is parsed safely, validated against the
/// schema compiled into the binary (`CorpusSchema`), read into acts, and cross-checked (duplicate versions,
/// overlapping dates, dangling repeal references, inconsistent metadata). Files load in parallel.
public enum CorpusLoader {
    /// Loads every document under `directory`, plus `extraDocuments` (paths to further `.xml` documents,
    /// e.g. a proposed amendment), assembled together.
    public static func load(directory: String, extraDocuments: [String] = []) -> (LegalCorpus, [Diagnostic]) {
        load(directory: directory, extraDocuments: extraDocuments, cacheRoot: CorpusCache.defaultRoot, minimumCached: CorpusCache.minimumDocuments)
    }

    /// `load` from the XML alone, never reading or writing the cache (the benchmark times the reader so).
    public static func loadUncached(directory: String) -> (LegalCorpus, [Diagnostic]) {
        load(directory: directory, extraDocuments: [], cacheRoot: nil, minimumCached: CorpusCache.minimumDocuments)
    }

    /// `load`, with the cache under `cacheRoot` (nil: none) for corpora of at least `minimumCached` documents.
    static func load(directory: String, extraDocuments: [String], cacheRoot: String?, minimumCached: Int) -> (LegalCorpus, [Diagnostic]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (LegalCorpus(acts: []), [Diagnostic(
                .unreadableFile, "the legal-basis corpus '\(directory)' is not a directory",
                at: SourceRange(at: SourceLocation(path: directory, line: 1, column: 1)))])
        }
        let schema: XMLSchema
        switch CorpusSchema.compiled {
        case .success(let loaded): schema = loaded
        case .failure(let error): return (LegalCorpus(acts: []), error.diagnostics)
        }
        let files = xmlFiles(in: directory) + extraDocuments
        var cache: CorpusCache?
        var cacheDiagnostics: [Diagnostic] = []
        if files.count >= minimumCached, let cacheRoot {
            switch CorpusCache.open(root: cacheRoot, directory: directory) {
            case .success(let opened): cache = opened
            case .failure(let refusal):
                cacheDiagnostics.append(Diagnostic(
                    .corpusCacheRefused, "the corpus cache is not used: \(refusal.reason); the corpus is read from the XML",
                    at: SourceRange(at: SourceLocation(path: cacheRoot, line: 1, column: 1))))
            case nil: break
            }
        }
        let results = loadInParallel(files, schema: schema, cache: cache)
        var diagnostics = cacheDiagnostics + results.flatMap(\.1)
        let documents = results.compactMap(\.0)
        let acts = assemble(documents, diagnostics: &diagnostics)
        return (LegalCorpus(acts: acts), Diagnostic.sorted(diagnostics))
    }

    /// Parses, validates and reads one document.
    public static func loadDocument(path: String, schema: XMLSchema) -> (LegalAct?, [Diagnostic]) {
        switch InputFile.read(path, limit: XMLLimits.standard.maximumBytes, tooLarge: .xmlTooLarge) {
        case .success(let bytes): return readDocument(bytes, path: path, schema: schema)
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
    }

    /// Parses, validates and reads one document held in memory.
    public static func readDocument(_ bytes: [UInt8], path: String, schema: XMLSchema) -> (LegalAct?, [Diagnostic]) {
        let (tree, parseDiagnostics) = XMLLoader.parse(bytes, path: path)
        guard let tree else { return (nil, parseDiagnostics) }
        let schemaDiagnostics = schema.validate(tree)
        guard schemaDiagnostics.isEmpty else { return (nil, parseDiagnostics + schemaDiagnostics) }
        let (act, readDiagnostics) = CorpusDocumentReader(tree: tree).read()
        return (act, parseDiagnostics + readDiagnostics)
    }

    private static func xmlFiles(in directory: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: PathName.enumerable(directory)) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if !relative.hasSuffix(".xml") { continue }
            files.append((directory as NSString).appendingPathComponent(relative))
        }
        return files.sorted()
    }

    /// Every document, read in parallel or taken from the cache (`CorpusCache`) when unchanged since it was read;
    /// the cache is then brought up to date. Must run before the documents are assembled into acts.
    private static func loadInParallel(_ files: [String], schema: XMLSchema, cache: CorpusCache?) -> [(LegalAct?, [Diagnostic])] {
        let cached = cache?.read() ?? [:]
        let loaded = ConcurrentSlots<(LegalAct?, [Diagnostic], CorpusCache.Stamp?, Bool)>.map(files) { path in
            let stamp = CorpusCache.Stamp(path: path)
            if let stamp, let entry = cached[path], entry.stamp == stamp { return (entry.act, [], stamp, true) }
            let (act, diagnostics) = loadDocument(path: path, schema: schema)
            return (act, diagnostics, stamp, false)
        }
        if let cache {
            let entries = zip(files, loaded).compactMap { path, result -> (path: String, entry: CorpusCache.Entry)? in
                guard let act = result.0, result.1.isEmpty, let stamp = result.2 else { return nil }
                return (path, CorpusCache.Entry(stamp: stamp, act: act))
            }
            if loaded.contains(where: { !$0.3 }) || entries.count != cached.count { cache.write(entries) }
        }
        return loaded.map { ($0.0, $0.1) }
    }

    /// Groups documents by work into acts with ordered versions, and cross-checks them.
    private static func assemble(_ documents: [LegalAct], diagnostics: inout [Diagnostic]) -> [LegalAct] {
        var byWork: [String: [LegalAct]] = [:]
        for document in documents { byWork[document.workURI, default: []].append(document) }
        var acts: [LegalAct] = []
        for (_, group) in byWork.sorted(by: { $0.key < $1.key }) {
            let sorted = group.sorted { $0.versions[0].validFrom < $1.versions[0].validFrom }
            let act = sorted[sorted.count - 1]
            var versions = sorted.map { $0.versions[0] }
            for (index, document) in sorted.enumerated() {
                let version = document.versions[0]
                if index > 0, versions[index - 1].validFrom == version.validFrom {
                    let code: DiagnosticCode =
                        versions[index - 1].expressionURI == version.expressionURI
                        ? .corpusDuplicateExpression : .corpusOverlappingVersions
                    diagnostics.append(Diagnostic(
                        code, "two versions of '\(act.title)' start on \(version.validFrom)",
                        at: documentRange(version.path),
                        notes: [Diagnostic.Note("the other version", at: documentRange(versions[index - 1].path))]))
                }
                if document.rank != act.rank || document.territory != act.territory {
                    diagnostics.append(Diagnostic(
                        .corpusInvalidMetadata, "rank or territory of '\(act.title)' differs between versions",
                        at: documentRange(version.path)))
                }
                if let repealed = act.repealed, version.validFrom >= repealed {
                    diagnostics.append(Diagnostic(
                        .corpusOverlappingVersions, "version starts \(version.validFrom), after the repeal on \(repealed)",
                        at: documentRange(version.path)))
                }
            }
            for index in versions.indices {
                versions[index].validUntil = index + 1 < versions.count ? versions[index + 1].validFrom : act.repealed
            }
            acts.append(act.with(versions: versions))
        }
        checkNames(acts, diagnostics: &diagnostics)
        checkRepeals(acts, diagnostics: &diagnostics)
        let known = Set(acts.map(\.workURI))
        for act in acts {
            let references = [act.repealedBy].compactMap { $0 } + act.replaces + act.delegatesFrom
            for reference in references where !known.contains(reference) {
                diagnostics.append(Diagnostic(
                    .corpusDanglingReference, "'\(act.title)' refers to '\(reference)', which is not in the corpus",
                    at: documentRange(act.versions[act.versions.count - 1].path)))
            }
        }
        return acts
    }

    /// Two works cited by the same 文号: a new file could take over an existing act's number, and an error names the
    /// earlier claim. Two works may share a title or short title (部门规章 of different ministries do): that is a
    /// warning, and a citation by the shared name is an error listing both (cite it by its 文号).
    private static func checkNames(_ acts: [LegalAct], diagnostics: inout [Diagnostic]) {
        var claimed: [String: LegalAct] = [:]
        for act in acts.sorted(by: { $0.versions[0].path < $1.versions[0].path }) {
            for name in Set([act.title] + act.aliases + [act.documentNumber].compactMap { $0 }) {
                let key = LegalCorpus.normalizedName(name)
                guard let other = claimed[key] else {
                    claimed[key] = act
                    continue
                }
                guard other.workURI != act.workURI else { continue }
                guard name == act.documentNumber || name == other.documentNumber else {
                    diagnostics.append(Diagnostic(
                        .corpusSharedTitle,
                        "'\(name)' also names '\(other.title)' (\(other.documentNumber ?? other.workURI)); cite either by its 文号",
                        at: documentRange(act.versions[act.versions.count - 1].path),
                        notes: [Diagnostic.Note("the other act of the name", at: documentRange(other.versions[other.versions.count - 1].path))]))
                    continue
                }
                diagnostics.append(Diagnostic(
                    .corpusAmbiguousName,
                    "'\(name)' already names '\(other.title)' (\(other.workURI)); a citation of it would be ambiguous",
                    at: documentRange(act.versions[act.versions.count - 1].path),
                    notes: [Diagnostic.Note("the act that has the name", at: documentRange(other.versions[other.versions.count - 1].path))]))
            }
        }
    }

    /// An act repealed by itself, or a chain of repeals that comes back to where it started.
    private static func checkRepeals(_ acts: [LegalAct], diagnostics: inout [Diagnostic]) {
        let byWork = Dictionary(acts.map { ($0.workURI, $0) }, uniquingKeysWith: { first, _ in first })
        for act in acts {
            var seen: Set<String> = [act.workURI]
            var chain = [act.title]
            var next = act.repealedBy
            while let work = next, let repealer = byWork[work] {
                chain.append(repealer.title)
                if work == act.workURI {
                    diagnostics.append(Diagnostic(
                        .corpusRepealCycle, "'\(act.title)' is repealed in a circle: " + chain.joined(separator: " → "),
                        at: documentRange(act.versions[act.versions.count - 1].path)))
                    break
                }
                guard seen.insert(work).inserted else { break }
                next = repealer.repealedBy
            }
        }
    }

    private static func documentRange(_ path: String) -> SourceRange {
        SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
    }
}
