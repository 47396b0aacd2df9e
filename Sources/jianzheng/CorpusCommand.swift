import ArgumentParser
import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengBase
import LegalCorpus

/// `jianzheng corpus check`: validate the legal-basis corpus.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Work with the legal-basis corpus.", subcommands: [Check.self, Schema.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every act: schema, duplicate eIds, dangling references, overlapping versions.")

        @OptionGroup var options: CommonOptions

        func run() throws {
            try options.require([.text, .json, .sarif], by: "corpus check")
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

    /// `jianzheng corpus schema --out DIR`: the compiled-in schema files, for other XML tools.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the corpus schema compiled into jianzheng (akn-subset.xsd, jianzheng.xsd) to a directory.")

        @Option(help: "The directory to write the schema files to.")
        var out: String

        func run() throws {
            for file in CorpusSchema.files {
                let path = (out as NSString).appendingPathComponent(file.name)
                try AtomicFile.write(file.text, to: path)
                Console.out("wrote \(path)\n")
            }
        }
    }
}
