import ArgumentParser
import Jianzheng
import JianzhengWorkspace
import JianzhengBase

/// `jianzheng test [PATH…]`: run the `test` blocks written in `.jz` files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run the test blocks of .jz files against the review.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var rules: RulesOption

    @ArgumentParser.Flag(help: "List policy rules and materials that no test exercises.")
    var coverage = false

    @Argument(help: "Files or directories, loaded with the rules (default: examples).")
    var paths: [String] = []

    func run() throws {
        try options.require([.text], by: "test")
        let sources = rules.sources(paths)
        let workspace = Workspace.load(paths: sources, corpusDirectory: options.corpus)
        _ = try EvaluationOptions.checked(workspace)
        let engine = ReviewEngine(catalogue: workspace.catalogue, corpus: workspace.corpus)
        var results = RuleTestRunner(engine: engine, defaultDate: .today).run(workspace.catalogue.tests)
        // Each proposal runs as an overlay on the catalogue; only its own tests run, diffed against the baseline.
        for proposal in SourceSet.proposals(in: sources) {
            let proposed = workspace.layering(proposal)
            _ = try EvaluationOptions.checked(proposed)
            let tests = proposed.catalogue.tests.filter { $0.range.start.path == proposal }
            let overlayEngine = ReviewEngine(catalogue: proposed.catalogue, corpus: proposed.corpus)
            results += RuleTestRunner(engine: overlayEngine, baseline: engine, defaultDate: .today).run(tests)
        }
        guard !results.isEmpty else {
            Console.error("no test blocks found in " + sources.joined(separator: ", ") + "\n")
            throw ExitStatus.findings
        }
        for result in results { Console.out(Self.render(result)) }
        if coverage {
            let (rules, materials) = RuleTestRunner.coverage(results, catalogue: workspace.catalogue)
            Console.out("untested rules: " + (rules.isEmpty ? "none" : rules.joined(separator: ", ")) + "\n")
            Console.out("untested materials: " + (materials.isEmpty ? "none" : materials.joined(separator: ", ")) + "\n")
        }
        let failed = results.filter { !$0.passed }.count
        Console.out("\(results.count - failed) passed, \(failed) failed\n")
        if failed > 0 { throw ExitStatus.findings }
    }

    /// PASS/FAIL with, for a failure, expected against actual and the rule trace.
    static func render(_ result: RuleTestResult) -> String {
        var text = "\(result.passed ? "PASS" : "FAIL") \(result.test.title)\n"
        for failure in result.failures {
            text += "  \(DiagnosticRenderer.position(failure.range.start)): \(failure.message)\n"
            text += "    expected: \(failure.expected)\n"
            text += "    actual:   \(failure.actual)\n"
            for step in failure.trace {
                let facts = step.facts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                text += "    trace: \(step.rule) \(step.outcome.rawValue) \(facts)\n"
            }
        }
        return text
    }
}
