import ArgumentParser
import Foundation
import JianzhengBase
import Jianzheng
import JianzhengWorkspace
import JianzhengReports
import JianzhengSpreadsheet

/// `jianzheng export --list … --format xlsx|csv --out FILE`: the published lists as spreadsheets.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export the published lists (保留/取消/告知承诺/共享/目录) as XLSX or CSV.",
        discussion: "--lang en writes the lists' headers and wording in English (default zh).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case xlsx, csv
    }

    @Option(help: "retained, cancelled, commitment, sharing, catalogue, or all (XLSX only: one sheet each).")
    var list = "all"

    @Option(help: "xlsx or csv.")
    var format: Format = .xlsx

    @Option(help: "The file to write, or - for standard output.")
    var out: String

    @Option(help: "CSV encoding: utf-8 (with BOM), gb18030, or utf-16 (with BOM).")
    var encoding = "utf-8"


    @OptionGroup var corpusOption: CorpusOption

    @OptionGroup var evaluation: EvaluationOptions

    @Argument(help: "Catalogue files or directories (default: examples).")
    var paths: [String] = []

    func run() throws {
        // Published lists are Chinese documents unless --lang en asks otherwise.
        let language = Console.language ?? .zh
        var kinds: [PublishedLists.Kind]
        if list == "all" {
            kinds = PublishedLists.Kind.allCases
        } else if let kind = PublishedLists.Kind(rawValue: list) {
            kinds = [kind]
        } else {
            throw ValidationError("--list takes " + (PublishedLists.Kind.allCases.map(\.rawValue) + ["all"]).joined(separator: ", "))
        }
        let (sources, corpus) = evaluation.inputs(paths, corpus: corpusOption)
        let workspace = try EvaluationOptions.checked(
            Workspace.load(paths: sources, corpusDirectory: corpus, overlays: evaluation.overlays))
        let review = try evaluation.review(workspace)
        let lists = PublishedLists(decisions: review.decisions, catalogue: workspace.catalogue, language: language)
        // The list of bases to verify is in the workbook only when there is something to verify.
        if list == "all", !review.decisions.contains(where: { $0.basis.status == .pending }) { kinds.removeAll { $0 == .pending } }
        let data: Data
        switch format {
        case .xlsx:
            let sheets = kinds.map { kind in
                let table = lists.table(kind)
                return XLSXWriter.SheetData(name: lists.title(kind), rows: [table.header] + table.rows, numeric: table.numeric)
            }
            data = try XLSXWriter.write(sheets)
            let oversized = XLSXWriter.oversizedCells(in: sheets)
            if oversized > 0 {
                Console.error("warning: \(oversized) cell(s) longer than \(XLSXWriter.maximumCellLength) characters were cut, each with a note; the hearing report has the full text\n")
            }
        case .csv:
            guard kinds.count == 1, let kind = kinds.first else { throw ValidationError("CSV holds one list: choose --list, or use --format xlsx") }
            guard let textEncoding = TextEncoding(rawValue: encoding) else { throw ValidationError("--encoding takes utf-8, gb18030 or utf-16") }
            let table = lists.table(kind)
            data = Data(textEncoding.encode(CSV.write([table.header] + table.rows)))
        }
        if try OutputFile.write(data, to: out) != nil {
            Console.out("wrote \(out): " + kinds.map { "\(lists.title($0)) \(lists.table($0).rows.count)" }.joined(separator: ", ") + "\n")
        }
    }
}
