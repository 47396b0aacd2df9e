import ArgumentParser
import JianzhengSyntax
import LegalCorpus

/// `jianzheng corpus check`: validate the legal-basis corpus.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Work with the legal-basis corpus.", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every act: schema, duplicate eIds, dangling references, overlapping versions.")

        @OptionGroup var options: CommonOptions

        func run() throws {
            let (corpus, diagnostics) = CorpusLoader.load(directory: options.corpus)
            DiagnosticPrinter(format: options.format, files: []).print(diagnostics)
            if options.format == .text {
                let versions = corpus.acts.reduce(0) { $0 + $1.versions.count }
                Console.out("\(corpus.acts.count) acts, \(versions) versions checked in \(options.corpus)\n")
            }
            if diagnostics.contains(where: { $0.code == .unreadableFile }) { throw ExitStatus.usage }
            if diagnostics.hasErrors { throw ExitStatus.findings }
        }
    }
}
