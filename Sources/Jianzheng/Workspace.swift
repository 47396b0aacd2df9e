import JianzhengSyntax
import LegalCorpus

/// Rules and law loaded together: the corpus, the `.jz` sources, the resolved catalogue and every
/// diagnostic found on the way. Each command starts from one.
public struct Workspace: Sendable {
    public let corpus: LegalCorpus
    public let files: [SourceFile]
    public let catalogue: Catalogue
    public let diagnostics: [Diagnostic]

    /// The default paths when a command names none.
    public static let defaultPaths = ["rules", "examples"]

    public static func load(paths: [String], corpusDirectory: String) -> Workspace {
        let (corpus, corpusDiagnostics) = CorpusLoader.load(directory: corpusDirectory)
        let (files, trees, parseDiagnostics) = SourceSet.load(paths)
        let (catalogue, resolveDiagnostics) = CatalogueBuilder.build(trees, corpus: corpus)
        return Workspace(
            corpus: corpus, files: files, catalogue: catalogue,
            diagnostics: Diagnostic.sorted(corpusDiagnostics + parseDiagnostics + resolveDiagnostics))
    }
}
