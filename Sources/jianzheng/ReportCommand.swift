import ArgumentParser
import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengBase
import JianzhengReports

/// `jianzheng report`: a justification report for a public hearing, as HTML, DOCX or Markdown.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a hearing report (HTML, DOCX or Markdown) quoting the law for every decision.",
        discussion: "--lang en writes it in English (default zh); names and quoted law stay as written.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, docx, md
    }

    @Option(help: "html, docx or md.")
    var format: Format = .html

    @Option(help: "The file to write, or - for standard output.")
    var out: String

    @Option(help: "Report on one procedure only.")
    var procedure: String?

    @Option(help: "The 编制单位 printed on the cover and in the 落款 (default: a line to fill in).")
    var unit: String?

    @Option(help: "The report's date (成文日期), YYYY-MM-DD (default: the as-of date).")
    var date: String?


    @OptionGroup var corpusOption: CorpusOption

    @OptionGroup var evaluation: EvaluationOptions

    @Argument(help: "Catalogue files or directories (default: examples).")
    var paths: [String] = []

    func run() throws {
        // A hearing report is an official Chinese document unless --lang en asks otherwise.
        let language = Console.language ?? .zh
        let (sources, corpus) = evaluation.inputs(paths, corpus: corpusOption)
        let proposed = try EvaluationOptions.checked(Workspace.load(paths: sources, corpusDirectory: corpus, overlays: evaluation.overlays))
        let progress = Progress("reviewing", enabled: !evaluation.quiet)
        defer { progress.finish() }
        let review = try evaluation.review(proposed, progress: progress)
        if let procedure, proposed.catalogue.procedures[procedure] == nil {
            throw ValidationError("unknown procedure '\(procedure)'")
        }
        var diff: ReviewDiff?
        if !evaluation.overlays.isEmpty {
            let current = try EvaluationOptions.checked(Workspace.load(paths: sources, corpusDirectory: corpus))
            diff = ReviewDiff.compare(
                before: try evaluation.review(current), beforeCatalogue: current.catalogue, after: review, afterCatalogue: proposed.catalogue)
        }
        progress.update("writing the \(format.rawValue) report")
        let receipt = try ReproducibilityReceipt(workspace: proposed, review: review)
        var reportDate: CalendarDate?
        if let date {
            guard let parsed = CalendarDate(date) else { throw ValidationError("--date takes YYYY-MM-DD, not '\(date)'") }
            reportDate = parsed
        }
        let document = ReportBuilder(
            review: review, catalogue: proposed.catalogue, receipt: receipt, diff: diff, language: language, notice: try NoticeTemplate.load(language),
            unit: unit, date: reportDate)
            .build(procedure: procedure)
        let data: Data
        switch format {
        case .html: data = Data(HTMLRenderer.render(document).utf8)
        case .md: data = Data(MarkdownRenderer.render(document).utf8)
        case .docx: data = try DocxRenderer.render(document, date: review.asOf.description)
        }
        progress.finish()
        if let confirmation = try OutputFile.write(data, to: out) { Console.out(confirmation + "\n") }
    }
}
