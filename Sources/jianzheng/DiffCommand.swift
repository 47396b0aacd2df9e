import ArgumentParser
import Jianzheng
import JianzhengWorkspace
import JianzhengReports
import JianzhengBase

/// `jianzheng diff [BEFORE] [AFTER] [--git REV] [--with FILE…]`: what a proposed change does.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a change does: requirements, verdicts, circular proofs, burden; gate on findings.",
        discussion: """
            Sides: two directories (a repository root, or a catalogue directory reviewed with the working tree's \
            rules/ and legal-basis/); --git REV for a revision (default: HEAD against the working tree); or --with \
            FILE to layer a proposal on the working tree.
            """)

    @OptionGroup var options: CommonOptions
    @OptionGroup var evaluation: EvaluationOptions

    @Argument(help: "Before and after directories; with --with, the catalogue to change (default: examples).")
    var sides: [String] = []

    @Option(help: "Compare this git revision (before) with the working tree or AFTER.")
    var git: String?

    @Option(name: .customLong("fail-on"), help: "Findings that fail (exit 1): error, warning, note, none, or finding kinds, comma-separated.")
    var failOn = "error"

    func run() throws {
        try options.require([.text, .json, .sarif], by: "diff")
        let gate: FailurePolicy
        switch FailurePolicy.parse(failOn) {
        case .success(let parsed): gate = parsed
        case .failure(let error): throw ValidationError(error.description)
        }
        let (beforeLabel, afterLabel, diff) = try whatIfDiff() ?? sidesDiff()
        switch options.format {
        case .text: Console.out(DiffReport.render(diff, beforeLabel: beforeLabel, afterLabel: afterLabel, failing: gate.fails))
        case .json, .jsonl: print(DiffDocument(diff, failing: gate.fails).json(), terminator: "")
        case .sarif: print(Sarif.diff(diff, failing: gate.fails), terminator: "")
        }
        if diff.findings.contains(where: gate.fails) { throw ExitStatus.findings }
    }

    /// `--with`: the catalogue against itself with the proposals (`ProposalReview`).
    private func whatIfDiff() throws -> (String, String, ReviewDiff)? {
        let overlays = evaluation.overlays
        guard !overlays.isEmpty else { return nil }
        guard git == nil else { throw ValidationError("--with compares a catalogue with itself plus the proposal; it takes no --git") }
        // With --with, the paths given as sides are the catalogue (`diff examples/gansu --with P`), as with --in.
        let catalogue = evaluation.sources(sides)
        let afterLabel = "with " + overlays.joined(separator: ", ")
        let base = try EvaluationOptions.checked(Workspace.load(paths: catalogue, corpusDirectory: options.corpus))
        do {
            switch try ProposalReview.diff(base, proposals: overlays, asOf: try DateArgument.parse(evaluation.asOf), policy: evaluation.policy) {
            case .diff(let diff): return ("working tree", afterLabel, diff)
            case .errors(let diagnostics, let files):
                DiagnosticPrinter(format: .text, files: files).print(diagnostics)
                Console.error("fix the errors above (jianzheng check) before reviewing\n")
                throw ExitStatus.findings
            }
        } catch let error as ReviewError {
            throw ValidationError(error.description)
        }
    }

    private func sidesDiff() throws -> (String, String, ReviewDiff) {
        let (beforeLabel, before, afterLabel, after) = try loadSides()
        let diff = ReviewDiff.compare(
            before: try evaluation.review(before), beforeCatalogue: before.catalogue, after: try evaluation.review(after),
            afterCatalogue: after.catalogue)
        return (beforeLabel, afterLabel, diff)
    }

    /// A directory side, with the working tree's rules and corpus when it has none of its own.
    private func side(_ path: String) -> Workspace {
        CatalogueSide.load(path, rules: evaluation.rules, corpus: options.corpus)
    }

    private func loadSides() throws -> (String, Workspace, String, Workspace) {
        let workingTree = { try EvaluationOptions.checked(Workspace.load(paths: evaluation.sources([]), corpusDirectory: options.corpus)) }
        switch (sides.count, git) {
        case (2, nil):
            return (sides[0], try EvaluationOptions.checked(side(sides[0])), sides[1], try EvaluationOptions.checked(side(sides[1])))
        case (0, _), (1, _):
            let revision = git ?? "HEAD"
            let snapshot: String
            do {
                snapshot = try GitSnapshot.export(revision, repository: WorkspaceRoot.path)
            } catch {
                throw ValidationError(error.description)
            }
            // The snapshot is read into memory here and not needed after.
            defer { GitSnapshot.removeWarning(snapshot).map { Console.error($0) } }
            let before = try EvaluationOptions.checked(side(snapshot))
            guard let afterPath = sides.first else { return ("git \(revision)", before, "working tree", try workingTree()) }
            return ("git \(revision)", before, afterPath, try EvaluationOptions.checked(side(afterPath)))
        default:
            throw ValidationError("give two directories, or --git REV [AFTER], or --with FILE")
        }
    }
}
