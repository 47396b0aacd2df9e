import ArgumentParser
import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengImport
import JianzhengSpreadsheet
import JianzhengBase

/// `jianzheng import FILE.xlsx|FILE.csv --out DIR`: a departmental spreadsheet to formatted `.jz` files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a catalogue spreadsheet (XLSX, or CSV in UTF-8 or GB18030) as .jz files.",
        discussion: "Every cell that cannot be understood is reported with sheet, row and column and kept as a note; exit 1 when any is an error.")

    @Argument(help: "The spreadsheet.")
    var file: String

    @Option(help: "Directory for the .jz files.")
    var out: String

    @ArgumentParser.Flag(help: "Overwrite existing files in the output directory.")
    var force = false

    @Option(help: "A .jz mapping file naming the columns of an unusual layout.")
    var mapping: String?

    @Option(help: "Territory code for procedures without a 行政区划 column.")
    var territory = "CN-62"

    @OptionGroup var options: CommonOptions
    @OptionGroup var rulesOption: RulesOption

    func run() throws {
        try options.require([.text, .json, .sarif], by: "import")
        let data = try read(file, limit: InputFile.Limit.spreadsheet)
        var diagnostics: [Diagnostic] = []
        var columns: [ImportColumn: String] = [:]
        if let mapping {
            let bytes = try read(mapping, limit: InputFile.Limit.source)
            (columns, diagnostics) = ColumnMapping.parse(SourceFile(path: mapping, bytes: bytes))
            if diagnostics.hasErrors {
                DiagnosticPrinter(format: options.format, files: []).print(diagnostics)
                throw ExitStatus.usage
            }
        }
        let workbook: Workbook
        do {
            workbook = try Self.read(file, data)
        } catch {
            DiagnosticPrinter(format: options.format, files: []).print(error.diagnostics)
            throw ExitStatus.usage
        }
        let rules = Workspace.load(paths: [rulesOption.rules], corpusDirectory: options.corpus)
        let result = CatalogueImporter(catalogue: rules.catalogue, corpus: rules.corpus, mapping: columns, territory: territory).run(workbook)
        let existing = result.files.map { (out as NSString).appendingPathComponent($0.name) }.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            throw ValidationError("refusing to overwrite " + existing.joined(separator: ", ") + " (use --force)")
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw FileWriteError(path: out, reason: "cannot create the directory")
        }
        for (name, text) in result.files { try AtomicFile.write(text, to: (out as NSString).appendingPathComponent(name)) }
        DiagnosticPrinter(format: options.format, files: []).print(diagnostics + result.diagnostics)
        if options.format == .text {
            Console.out("imported \(result.procedures) procedures, \(result.requirements) requirements into \(result.files.count) files in \(out)\n")
        }
        if result.diagnostics.hasErrors { throw ExitStatus.findings }
    }

    /// The bytes of an input file, or its diagnostic printed and exit 2.
    private func read(_ path: String, limit: Int) throws -> [UInt8] {
        switch InputFile.read(path, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let diagnostic):
            DiagnosticPrinter(format: options.format, files: []).print([diagnostic])
            throw ExitStatus.usage
        }
    }

    static func read(_ path: String, _ bytes: [UInt8]) throws(SpreadsheetError) -> Workbook {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") || lowered.hasSuffix(".txt") { return try CSV.read(path: path, bytes: bytes) }
        return try XLSXReader.read(path: path, data: Data(bytes))
    }
}
