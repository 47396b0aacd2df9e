import ArgumentParser
import Foundation
import Jianzheng
import JianzhengReports
import JianzhengWorkspace

/// `jianzheng guide [PROCEDURE…]`: the 办事指南 of procedures after the review, as HTML, DOCX or Markdown.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide", abstract: "Write the 办事指南 (service guide) of procedures as the review leaves them (HTML, DOCX or Markdown).",
        discussion: """
            Lists only what is still required, with its basis: a removed certificate is not listed, a shared one says the \
            window obtains it, a commitment comes with its 告知承诺书. The catalogue is named with --in (default: examples).
            """)

    @Argument(help: "Procedure ids (default: every procedure).")
    var procedures: [String] = []

    @Option(help: "html, docx or md.")
    var format: ReportCommand.Format = .html

    @Option(help: "The file to write, or - for standard output.")
    var out: String

    @OptionGroup var corpusOption: CorpusOption

    @OptionGroup var evaluation: EvaluationOptions

    func run() throws {
        let language = Console.language ?? .zh
        let (sources, corpus) = evaluation.inputs([], corpus: corpusOption)
        let workspace = try EvaluationOptions.checked(Workspace.load(paths: sources, corpusDirectory: corpus, overlays: evaluation.overlays))
        if let unknown = procedures.first(where: { workspace.catalogue.procedures[$0] == nil }) {
            throw ValidationError("unknown procedure '\(unknown)'")
        }
        let progress = Progress("reviewing", enabled: !evaluation.quiet)
        defer { progress.finish() }
        let review = try evaluation.review(workspace, progress: progress)
        progress.update("writing the guides")
        let document = GuideBuilder(review: review, catalogue: workspace.catalogue, language: language, notice: try NoticeTemplate.load(language))
            .build(procedures: procedures)
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
