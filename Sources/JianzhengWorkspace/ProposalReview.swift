import Jianzheng
import JianzhengBase

/// What proposals do to a workspace's review. `.jz` proposals are layered on the reviewed catalogue and only
/// what they can affect is decided again (`ReviewSession`); a proposal that adds law (`.xml`) changes the
/// corpus, so both sides are loaded and reviewed in full.
public enum ProposalReview {
    /// The diff, or the errors that stop it (with the files they point into).
    public enum Outcome {
        case diff(ReviewDiff)
        case errors([Diagnostic], files: [SourceFile])
    }

    public static func diff(_ base: Workspace, proposals: [String], asOf date: CalendarDate, policy: String?) throws(ReviewError) -> Outcome {
        if proposals.contains(where: { $0.hasSuffix(".xml") }) {
            let catalogue = base.files.map(\.path)
            let proposed = Workspace.load(paths: catalogue, corpusDirectory: base.corpusDirectory, overlays: proposals)
            guard !proposed.diagnostics.hasErrors else { return .errors(proposed.diagnostics, files: proposed.files) }
            let before = try ReviewEngine(catalogue: base.catalogue, corpus: base.corpus).review(asOf: date, policy: policy)
            let after = try ReviewEngine(catalogue: proposed.catalogue, corpus: proposed.corpus).review(asOf: date, policy: policy)
            return .diff(ReviewDiff.compare(before: before, beforeCatalogue: base.catalogue, after: after, afterCatalogue: proposed.catalogue))
        }
        let (proposalFiles, trees, parseDiagnostics) = SourceSet.load(proposals)
        let session = try ReviewSession(catalogue: base.catalogue, corpus: base.corpus, asOf: date, policy: policy)
        let whatIf = try session.whatIf(trees)
        let diagnostics = Diagnostic.sorted(parseDiagnostics + whatIf.diagnostics)
        guard !diagnostics.hasErrors, let diff = session.diff(whatIf) else { return .errors(diagnostics, files: base.files + proposalFiles) }
        return .diff(diff)
    }
}
