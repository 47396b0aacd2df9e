import ArgumentParser
import Jianzheng
import JianzhengWorkspace
import JianzhengBase

/// `jianzheng check [PATH…]`: parse and resolve `.jz` files against the legal corpus.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check .jz files: syntax, names, references and citations.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var rules: RulesOption

    @Argument(help: "Files or directories, checked with the rules (default: examples).")
    var paths: [String] = []

    func run() throws {
        try options.require([.text, .json, .sarif], by: "check")
        let sources = rules.sources(paths)
        let workspace = Workspace.load(paths: sources, corpusDirectory: options.corpus)
        let unreadable = EvaluationOptions.inputProblems(workspace.diagnostics)
        if !unreadable.isEmpty {
            // What follows from a missing file or corpus (every citation unknown, every name undeclared) is noise.
            DiagnosticPrinter(format: options.format, files: workspace.files).print(unreadable)
            throw ExitStatus.usage
        }
        // Proposals are checked as overlays on the catalogue; only diagnostics in the proposal itself count.
        var diagnostics = workspace.diagnostics
        var files = workspace.files
        for proposal in SourceSet.proposals(in: sources) {
            let proposed = workspace.layering(proposal)
            diagnostics += proposed.diagnostics.filter { $0.range.start.path == proposal }
            files += proposed.files.filter { $0.path == proposal }
        }
        DiagnosticPrinter(format: options.format, files: files).print(diagnostics)
        if options.format == .text {
            let catalogue = workspace.catalogue
            Console.out(
                "checked \(workspace.files.count) files: \(catalogue.procedures.count) procedures, "
                    + "\(catalogue.materials.count) materials, \(catalogue.sources.count) sources, "
                    + "\(catalogue.policies.count) policies, \(catalogue.tests.count) tests\n")
            Console.out(Self.guideSummary(catalogue))
        }
        if !EvaluationOptions.inputProblems(diagnostics).isEmpty { throw ExitStatus.usage }
        if diagnostics.hasErrors { throw ExitStatus.findings }
    }

    /// What the procedures' 办事指南 do not say yet (task 三's list), counted by field: not an error, a to-do.
    static func guideSummary(_ catalogue: Catalogue) -> String {
        let missing = catalogue.orderedProcedures.map { ($0.id, GuideField.missing(in: $0)) }.filter { !$0.1.isEmpty }
        guard !missing.isEmpty else { return "guides: every procedure's guide gives all a published guide must\n" }
        let counts = GuideField.allCases.compactMap { field -> String? in
            let count = missing.count { $0.1.contains(field) }
            return count == 0 ? nil : "\(field.rawValue) \(count)"
        }
        let examples = missing.prefix(5).map { "\($0.0) (\($0.1.map(\.rawValue).joined(separator: ", ")))" }
        return "guides: \(missing.count) of \(catalogue.procedures.count) procedures lack a part of their guide — \(counts.joined(separator: ", ")); "
            + examples.joined(separator: "; ") + (missing.count > 5 ? "; …" : "") + "\n"
    }
}
