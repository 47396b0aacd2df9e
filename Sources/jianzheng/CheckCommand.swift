import ArgumentParser
import Jianzheng
import JianzhengSyntax

/// `jianzheng check [PATH…]`: parse and resolve `.jz` files against the legal corpus.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check .jz files: syntax, names, references and citations.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "Files or directories (default: rules and examples).")
    var paths: [String] = []

    func run() throws {
        let workspace = Workspace.load(
            paths: paths.isEmpty ? Workspace.defaultPaths : paths, corpusDirectory: options.corpus)
        DiagnosticPrinter(format: options.format, files: workspace.files).print(workspace.diagnostics)
        if options.format == .text {
            let catalogue = workspace.catalogue
            print(
                "checked \(workspace.files.count) files: \(catalogue.procedures.count) procedures, "
                    + "\(catalogue.materials.count) materials, \(catalogue.sources.count) sources, "
                    + "\(catalogue.policies.count) policies, \(catalogue.tests.count) tests")
        }
        if workspace.diagnostics.contains(where: { $0.code == .unreadableFile || $0.code == .notAJianzhengFile }) {
            throw ExitStatus.usage
        }
        if workspace.diagnostics.hasErrors { throw ExitStatus.findings }
    }
}
