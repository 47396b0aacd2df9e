import Jianzheng
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

/// Rules and law loaded together: the corpus, the `.jz` sources, the resolved catalogue and every
/// diagnostic found on the way. Each command starts from one.
public struct Workspace: Sendable {
    public let corpus: LegalCorpus
    public let files: [SourceFile]
    public let catalogue: Catalogue
    public let diagnostics: [Diagnostic]
    /// Where the corpus was read from, and the proposals layered on top.
    public let corpusDirectory: String
    public let overlays: [String]

    /// Loads the corpus and the `.jz` files under `paths`, with optional overlays: `.jz` files whose
    /// declarations replace the catalogue's, and Akoma Ntoso `.xml` files added to the corpus (an amended act
    /// version, a new act). `forOneReview`: the workspace is reviewed once and never layered on (`layering`), so
    /// each file's text is released as soon as its declarations are read (`files` is empty) and the index of
    /// referenced names later overlays are checked against is not kept — for a command that quotes no file unless
    /// it stops on errors, and then loads again to show them (`review`: a province's files are hundreds of megabytes).
    /// Its diagnostics hold every error but not the warnings of the checks that can only warn (`CatalogueBuilder`),
    /// which such a command does not show.
    public static func load(paths: [String], corpusDirectory: String, overlays: [String] = [], forOneReview: Bool = false) -> Workspace {
        let extraDocuments = overlays.filter { $0.hasSuffix(".xml") }
        // The law is read while the `.jz` files are parsed and declared: only checking the declarations needs it.
        let corpusLoad = BackgroundWork { CorpusLoader.load(directory: corpusDirectory, extraDocuments: extraDocuments) }
        let (files, readDiagnostics) = SourceSet.read(paths)
        let (overlayFiles, overlayDiagnostics) = SourceSet.read(overlays.filter { !$0.hasSuffix(".xml") })
        let kept = forOneReview ? [] : files + overlayFiles
        let (catalogue, resolveDiagnostics) = CatalogueBuilder.build(
            files: consume files, overlays: consume overlayFiles, corpusWhenNeeded: { corpusLoad.value.0 }, forOneReview: forOneReview)
        let (corpus, corpusDiagnostics) = corpusLoad.value
        return Workspace(
            corpus: corpus, files: kept, catalogue: catalogue,
            diagnostics: Diagnostic.sorted(corpusDiagnostics + readDiagnostics + overlayDiagnostics + resolveDiagnostics),
            corpusDirectory: corpusDirectory, overlays: overlays)
    }

    /// This workspace without the text of its `.jz` files, for a command that has shown their diagnostics and
    /// will not quote them again (`review`, `explain`): their bytes and line tables — 70 MB of a 50,000-procedure
    /// catalogue — are released before the review instead of held beside it.
    public func releasingSources() -> Workspace {
        Workspace(
            corpus: corpus, files: [], catalogue: catalogue, diagnostics: diagnostics, corpusDirectory: corpusDirectory,
            overlays: overlays)
    }

    /// This workspace with one `.jz` proposal layered on, without reading the rules, the catalogue or the law
    /// again: the proposal's declarations replace and add to the catalogue's, and its diagnostics are the result's.
    /// (Not on a workspace loaded `forOneReview`.)
    public func layering(_ proposal: String) -> Workspace {
        let (proposalFiles, trees, readDiagnostics) = SourceSet.load([proposal])
        let (proposed, _, resolveDiagnostics) = CatalogueBuilder.apply(trees, to: catalogue, corpus: corpus)
        return Workspace(
            corpus: corpus, files: files + proposalFiles, catalogue: proposed, diagnostics: Diagnostic.sorted(readDiagnostics + resolveDiagnostics),
            corpusDirectory: corpusDirectory, overlays: overlays + [proposal])
    }
}
