import ArgumentParser
import Jianzheng
import JianzhengBase
import JianzhengReports
import LegalCorpus

/// `jianzheng cite "《婚姻登记条例》第五条" --as-of 2004-01-01`: resolve one citation.
struct CiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cite", abstract: "Resolve a citation to its act, rank, status and text on a date.")

    @Argument(help: "The citation, e.g. 《婚姻登记条例》第五条.")
    var citation: String

    @Option(name: .customLong("as-of"), help: "The date (YYYY-MM-DD); default: today.")
    var asOf: String?

    @Option(help: "Territory code of the procedure, e.g. CN-62 for Gansu.")
    var territory: String?

    @OptionGroup var options: CommonOptions

    var corpus: String { options.corpus }

    func run() throws {
        try options.require([.text, .json], by: "cite")
        let date = try DateArgument.parse(asOf)
        let (loaded, diagnostics) = CorpusLoader.load(directory: corpus)
        if diagnostics.hasErrors {
            DiagnosticPrinter(format: .text, files: []).print(diagnostics)
            throw ExitStatus.usage
        }
        let resolved = loaded.resolve(citation, on: date, in: territory)
        if options.format == .json {
            Console.out(JSONOutput.encode(CitedArticle(citation: citation, resolved: resolved)))
        } else {
            Console.out(CitationReport.text(resolved, on: date) + "\n")
        }
        if !resolved.isValid { throw ExitStatus.findings }
    }
}

/// Parses `--as-of`, defaulting to today's date.
enum DateArgument {
    static func parse(_ text: String?) throws -> CalendarDate {
        guard let text else { return CalendarDate.today }
        guard let date = CalendarDate(text) else {
            throw ValidationError("'\(text)' is not a valid date: write YYYY-MM-DD")
        }
        return date
    }
}
