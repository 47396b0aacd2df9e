import ArgumentParser
import Jianzheng
import JianzhengSyntax

/// `--as-of` and `--policy`, and loading a workspace to review.
struct EvaluationOptions: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "Evaluation date YYYY-MM-DD (default: today).")
    var asOf: String?

    @Option(help: "Policy name (default: the policy in force on the date).")
    var policy: String?

    /// Loads `rules/` plus the given paths (default `examples`), refuses on errors, and reviews.
    func review(paths: [String], options: CommonOptions) throws -> (Workspace, Review) {
        let date = try DateArgument.parse(asOf)
        let sources = ["rules"] + (paths.isEmpty ? ["examples"] : paths.filter { $0 != "rules" })
        let workspace = Workspace.load(paths: sources, corpusDirectory: options.corpus)
        if workspace.diagnostics.hasErrors {
            DiagnosticPrinter(format: .text, files: workspace.files).print(workspace.diagnostics)
            StandardError.write("fix the errors above (jianzheng check) before reviewing\n")
            throw ExitStatus.findings
        }
        do {
            return (workspace, try ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus).review(asOf: date, policy: policy))
        } catch {
            throw ValidationError(error.description)
        }
    }
}
