import ArgumentParser
import JianzhengReports
import JianzhengBase

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
    /// One compact line per decision, streamed (review only; for large catalogues).
    case jsonl
}

/// `--format` and `--corpus`, shared by the subcommands that read rules and law.
struct CommonOptions: ParsableArguments {
    @Option(help: "Output format: text, json, sarif (SARIF 2.1.0), or jsonl (review: one streamed line per decision).")
    var format: OutputFormat = .text

    @OptionGroup var corpusOption: CorpusOption

    var corpus: String { corpusOption.corpus }

    /// Refuses a `--format` the subcommand does not write (every value is either honoured or refused).
    func require(_ allowed: [OutputFormat], by command: String) throws {
        guard !allowed.contains(format) else { return }
        throw ValidationError(
            "'\(command)' does not write --format \(format.rawValue); it writes " + allowed.map(\.rawValue).joined(separator: ", "))
    }
}

/// `--rules`, shared by every subcommand that loads the rules with a catalogue.
struct RulesOption: ParsableArguments {
    @Option(name: .customLong("rules"), help: "The rules directory loaded with every catalogue (default: the workspace's rules/).")
    var directory: String?

    /// The rules directory: `--rules`, else the workspace's.
    var rules: String { directory ?? WorkspaceRoot.rules }

    /// The rules plus the catalogue paths (default the workspace's `examples/`), as every subcommand loads them.
    func sources(_ paths: [String]) -> [String] {
        [rules] + (paths.isEmpty ? [WorkspaceRoot.examples] : paths.filter { $0 != rules })
    }
}

/// `--corpus`, shared by every subcommand that reads law.
struct CorpusOption: ParsableArguments {
    @Option(name: .customLong("corpus"), help: "The legal-basis corpus directory (default: the workspace's legal-basis/).")
    var directory: String?

    /// The corpus directory: `--corpus`, else the workspace's.
    var corpus: String { directory ?? WorkspaceRoot.corpus }
}

/// Writes diagnostics to standard error (text) or standard output (JSON).
struct DiagnosticPrinter {
    let format: OutputFormat
    let files: [SourceFile]

    func print(_ diagnostics: [Diagnostic]) {
        let sorted = Diagnostic.sorted(diagnostics)
        switch format {
        case .json, .jsonl:
            Swift.print(JSONOutput.encode(sorted), terminator: "")
        case .sarif:
            Swift.print(Sarif.diagnostics(sorted), terminator: "")
        case .text:
            let wording = DiagnosticWording(language: Console.diagnosticLanguage)
            let renderer = DiagnosticRenderer(files: files, words: wording.words)
            for diagnostic in sorted {
                Console.diagnostic(
                    renderer.annotated(wording.translated(diagnostic)), severity: diagnostic.severity, word: wording.words.severity(diagnostic.severity))
            }
            let errors = sorted.filter { $0.severity == .error }.count
            let warnings = sorted.filter { $0.severity == .warning }.count
            if errors + warnings > 0 {
                Console.error(wording.language == .zh ? "\(errors) 个错误，\(warnings) 个警告\n" : "\(errors) error(s), \(warnings) warning(s)\n")
            }
        }
    }
}
