import ArgumentParser
import Jianzheng
import JianzhengSyntax

/// `jianzheng test [PATH…]`: run the `test` blocks written in `.jz` files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the test blocks of .jz files against the review.")

    @OptionGroup var options: CommonOptions

    @ArgumentParser.Flag(help: "List policy rules and materials that no test exercises.")
    var coverage = false

    @Argument(help: "Files or directories (default: rules and examples).")
    var paths: [String] = []

    func run() throws {
        let sources = ["rules"] + (paths.isEmpty ? ["examples"] : paths.filter { $0 != "rules" })
        let workspace = Workspace.load(paths: sources, corpusDirectory: options.corpus)
        if workspace.diagnostics.hasErrors {
            DiagnosticPrinter(format: .text, files: workspace.files).print(workspace.diagnostics)
            throw ExitStatus.findings
        }
        let tests = workspace.catalogue.tests
        guard !tests.isEmpty else {
            StandardError.write("no test blocks found in " + sources.joined(separator: ", ") + "\n")
            throw ExitStatus.findings
        }
        let engine = ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus)
        let results = RuleTestRunner(engine: engine, defaultDate: .today).run(tests)
        for result in results {
            print("\(result.passed ? "PASS" : "FAIL") \(result.test.title)")
            for failure in result.failures {
                print("  \(DiagnosticRenderer.position(failure.range.start)): \(failure.message)")
                print("    expected: \(failure.expected)")
                print("    actual:   \(failure.actual)")
                for step in failure.trace {
                    print("    trace: \(step.rule) \(step.outcome.rawValue) " + step.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
                }
            }
        }
        if coverage {
            let (rules, materials) = RuleTestRunner.coverage(results, catalogue: workspace.catalogue)
            print("untested rules: " + (rules.isEmpty ? "none" : rules.joined(separator: ", ")))
            print("untested materials: " + (materials.isEmpty ? "none" : materials.joined(separator: ", ")))
        }
        let failed = results.filter { !$0.passed }.count
        print("\(results.count - failed) passed, \(failed) failed")
        if failed > 0 { throw ExitStatus.findings }
    }
}
