import ArgumentParser
import Jianzheng
import JianzhengWorkspace
import JianzhengBase

/// `--as-of` and `--policy`, and loading a workspace to review.
struct EvaluationOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Evaluation date YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Policy name (default: the policy in force on the date).")
    var policy: String?

    @OptionGroup var rulesOption: RulesOption

    /// The rules directory: `--rules`, else the workspace's.
    var rules: String { rulesOption.rules }

    @ArgumentParser.Flag(help: "No progress line on standard error (it appears only on a terminal, for runs over a second).")
    var quiet = false

    @Option(name: .customLong("in"), help: "A catalogue file or directory (default: examples); the same as naming it as an argument. Repeatable.")
    var catalogues: [String] = []

    @Option(name: .customLong("with"), help: "A proposal to layer on top (.jz replaces same-named declarations; .xml adds an act version). Repeatable.")
    var overlays: [String] = []

    /// Loads `rules/` plus the given paths (default `examples`) and the overlays, refuses on errors, and reviews.
    func review(paths: [String], options: CommonOptions) throws -> (Workspace, Review) {
        let progress = Progress("reading the catalogue and the law", enabled: !quiet)
        defer { progress.finish() }
        let workspace = try load(paths: paths, options: options)
        return (workspace, try review(workspace, progress: progress))
    }

    /// Loads as `review(paths:options:)` does and hands the outcomes to `body` a window of procedures at a time,
    /// keeping none (`ReviewEngine.streamOutcomes`): for outputs that carry only the verdicts. Returns the workspace and
    /// what the review decided with, for the command to leave to the process's exit.
    func streamOutcomes(
        paths: [String], options: CommonOptions, _ body: ([[DecisionOutcome]]) -> Void
    ) throws -> (Workspace, ReviewEngine.StreamedReview) {
        let progress = Progress("reading the catalogue and the law", enabled: !quiet)
        defer { progress.finish() }
        let workspace = try load(paths: paths, options: options)
        let date = try DateArgument.parse(asOf)
        let total = workspace.catalogue.procedures.count
        progress.update("deciding \(total) procedures")
        var decided = 0
        do {
            let streamed = try ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus).streamOutcomes(asOf: date, policy: policy) { window in
                body(window)
                decided += window.count
                progress.update("decided \(decided) of \(total) procedures")
            }
            return (workspace, streamed)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// `rules/` plus the given paths (default `examples`) and the overlays, refused on errors. Loaded for one review:
    /// it quotes no source, so each file's text is released as soon as it is read, and nothing is layered on it;
    /// only on errors is the workspace loaded again with its text, to show them.
    private func load(paths: [String], options: CommonOptions) throws -> Workspace {
        let (sources, corpus) = inputs(paths, corpus: options.corpusOption)
        let workspace = Workspace.load(paths: sources, corpusDirectory: corpus, overlays: overlays, forOneReview: true)
        guard workspace.diagnostics.hasErrors else { return workspace }
        return try Self.checked(Workspace.load(paths: sources, corpusDirectory: corpus, overlays: overlays)).releasingSources()
    }

    /// The `.jz` paths and the corpus to load for `paths`. One path that is a workspace root (with `rules/` and
    /// `legal-basis/`) stands for that workspace's `rules/`, `examples/` and `legal-basis/`, as `-C DIR` would;
    /// else the rules directory plus the paths, and `--corpus` or the current workspace's corpus.
    func inputs(_ arguments: [String], corpus: CorpusOption) -> (sources: [String], corpus: String) {
        let paths = arguments + catalogues
        if paths.count == 1, rulesOption.directory == nil, WorkspaceRoot.isRoot(paths[0]) {
            let root = paths[0]
            return ([root + "/rules", root + "/examples"], corpus.directory ?? root + "/legal-basis")
        }
        return (rulesOption.sources(paths), corpus.corpus)
    }

    /// Reviews a loaded workspace on the chosen date and policy, naming each phase on `progress`.
    func review(_ workspace: Workspace, progress: Progress? = nil) throws -> Review {
        let date = try DateArgument.parse(asOf)
        progress?.update("deciding \(workspace.catalogue.procedures.count) procedures")
        do {
            return try ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus).review(asOf: date, policy: policy) { finished in
                progress?.update(Self.phaseAfter[finished] ?? "reviewing")
            }
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The diagnostics saying an input cannot be read at all (exit 2).
    static func inputProblems(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code == .unreadableFile || $0.code == .notAJianzhengFile }
    }

    /// What the review does after each phase the engine reports.
    static let phaseAfter = ["evaluate": "finding circular proofs", "cycles": "computing the burden", "burden": "checking steps and time limits", "finish": "writing"]

    /// The rules directory plus the catalogue paths (default `examples`).
    func sources(_ paths: [String]) -> [String] { rulesOption.sources(paths + catalogues) }

    /// The workspace, or the errors that prevent reviewing it: exit 2 when an input cannot be read (and only
    /// those errors are shown: what follows from a missing file is noise), else exit 1.
    static func checked(_ workspace: Workspace) throws -> Workspace {
        guard workspace.diagnostics.hasErrors else { return workspace }
        let unreadable = inputProblems(workspace.diagnostics)
        if !unreadable.isEmpty {
            DiagnosticPrinter(format: .text, files: workspace.files).print(unreadable)
            throw ExitStatus.usage
        }
        DiagnosticPrinter(format: .text, files: workspace.files).print(workspace.diagnostics)
        Console.error("fix the errors above (jianzheng check) before reviewing\n")
        throw ExitStatus.findings
    }
}
