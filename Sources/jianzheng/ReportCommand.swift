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

    @Option(help: "Report on this procedure (repeatable).")
    var procedure: [String] = []

    @Option(help: "Report on the procedures listed in this file, one id a line (# starts a comment).")
    var procedures: String?

    @Option(help: "Report on this department's procedures (repeatable).")
    var department: [String] = []

    @Option(help: "Report on the requirements with this verdict (repeatable): keep, remove, commitment, obtain-by-sharing, or 保留, 取消, 告知承诺, 共享获取.")
    var verdict: [String] = []

    @Option(help: "department: write an index and one report per department into the directory --out names.")
    var parts: String?

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
        let scope = try self.scope(proposed.catalogue)
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
        let builder = ReportBuilder(
            review: review, catalogue: proposed.catalogue, receipt: receipt, diff: diff, language: language, notice: try NoticeTemplate.load(language),
            unit: unit, date: reportDate)
        guard let parts else {
            let data = try render(builder.build(scope: scope), asOf: review.asOf)
            progress.finish()
            if let confirmation = try OutputFile.write(data, to: out) { Console.out(confirmation + "\n") }
            return
        }
        guard parts == "department" else { throw ValidationError("--parts takes department, not '\(parts)'") }
        guard out != "-" else { throw ValidationError("--parts writes several files: --out names a directory, not -") }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        // One report per department, then the index that links them.
        let departments = builder.departments(in: scope)
        let written = departments.map { ReportPart(department: $0.department, procedures: $0.procedures, file: Self.fileName($0.department) + "." + format.rawValue) }
        // The parts are built and written on every core; the first failure to write one stops the report.
        let finished = Counter()
        let failures = ConcurrentSlots<(any Error)?>.map(written) { part in
            do {
                let data = try render(builder.build(scope: scope.part(part.department)), asOf: review.asOf)
                _ = try OutputFile.write(data, to: (out as NSString).appendingPathComponent(part.file))
                progress.update("wrote part \(finished.next()) of \(written.count): \(part.department)")
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        progress.update("writing the index")
        let index = (out as NSString).appendingPathComponent("index." + format.rawValue)
        _ = try OutputFile.write(try render(builder.build(scope: scope, parts: written), asOf: review.asOf), to: index)
        progress.finish()
        Console.out("wrote \(index) and \(written.count) parts, one per department, in \(out)\n")
    }

    /// A count shared by the threads writing the parts, for the progress line.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }

    private func render(_ document: ReportDocument, asOf: CalendarDate) throws -> Data {
        switch format {
        case .html: Data(HTMLRenderer.render(document).utf8)
        case .md: Data(MarkdownRenderer.render(document).utf8)
        case .docx: try DocxRenderer.render(document, date: asOf.description)
        }
    }

    /// A department's name as a file name: path separators and characters file systems refuse replaced.
    static func fileName(_ department: String) -> String {
        let name = String(department.map { "/\\:*?\"<>|".contains($0) ? "_" : $0 }.prefix(80))
        return name.isEmpty || name.hasPrefix(".") ? "_" + name : name
    }

    /// The scope the options name, each checked against the catalogue: an unknown procedure or department, or an
    /// unknown verdict, is an error.
    private func scope(_ catalogue: Catalogue) throws -> ReportScope {
        var scope = ReportScope()
        var ids = procedure
        if let procedures {
            let text: String
            do {
                text = try String(contentsOfFile: procedures, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read the procedure list '\(procedures)' (UTF-8 text, one id a line): \(error.localizedDescription)")
            }
            ids += text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        }
        if !ids.isEmpty || procedures != nil {
            if let unknown = ids.first(where: { catalogue.procedures[$0] == nil }) { throw ValidationError("unknown procedure '\(unknown)'") }
            scope.procedures = Set(ids)
        }
        if !department.isEmpty {
            let known = Set(catalogue.procedures.values.map(\.department))
            if let unknown = department.first(where: { !known.contains($0) }) {
                throw ValidationError("no procedure of department '\(unknown)'; the departments are \(known.sorted().joined(separator: ", "))")
            }
            scope.departments = Set(department)
        }
        if !verdict.isEmpty {
            scope.verdicts = Set(try verdict.map { word in
                guard let verdict = Verdict.allCases.first(where: { $0.rawValue == word || $0.chinese == word }) else {
                    throw ValidationError("--verdict takes keep, remove, commitment or obtain-by-sharing (or 保留, 取消, 告知承诺, 共享获取), not '\(word)'")
                }
                return verdict
            })
        }
        return scope
    }
}
