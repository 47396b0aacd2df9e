import ArgumentParser
import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengBase
import JianzhengSpreadsheet
import JianzhengXML
import LegalCorpus

/// `jianzheng corpus check`: validate the legal-basis corpus.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus", abstract: "Work with the legal-basis corpus.", subcommands: [Check.self, Schema.self, Import.self, Text.self])

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

    /// The bytes of an input file; a missing or too large file is its diagnostic and a usage exit.
    static func read(_ file: String, limit: Int) throws -> [UInt8] {
        switch InputFile.read(file, limit: limit) {
        case .success(let bytes): return bytes
        case .failure(let diagnostic):
            DiagnosticPrinter(format: .text, files: []).print([diagnostic])
            throw ExitStatus.usage
        }
    }

    /// `jianzheng corpus text FILE.xml`: a corpus document as the plain text it was imported from.
    struct Text: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a corpus document as plain text: title block, headings, articles, paragraphs, points and annex items.",
            discussion: "The text an import read, to compare with the official text or to read a document without its markup.")

        @Argument(help: "An Akoma Ntoso document of the corpus.")
        var file: String
        @Option(help: "Where to write the text; - (the default) for standard output.")
        var out: String = "-"

        func run() throws {
            let bytes = try CorpusCommand.read(file, limit: InputFile.Limit.xml)
            let (text, diagnostics) = CorpusText.read(bytes, path: file)
            DiagnosticPrinter(format: .text, files: []).print(diagnostics)
            guard let text else { throw ExitStatus.findings }
            if let confirmation = try OutputFile.write(Data(text.utf8), to: out) { Console.out(confirmation + "\n") }
        }
    }

    /// `jianzheng corpus import FILE.txt --out legal-basis/…xml`: a Chinese legal text as an Akoma Ntoso document.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import the plain text of a Chinese law, regulation, rule or 规范性文件 as Akoma Ntoso 3.0.",
            discussion: """
                Reads 编、章、节、条（之一）、款、项（（一））、目（1.）, or 一、（一） sections of a document without articles, and \
                the title block (title, 文号, 通过/公布/施行 dates). Every line it cannot place is reported with its line; \
                what the text does not say is asked for by flag. The document is marked verified only with --source.
                """)

        @Argument(help: "The text: plain text (UTF-8, UTF-16 with a byte-order mark, or GB18030), an HTML page (.html, .htm) or a Word document (.docx).")
        var file: String
        @Option(help: "Where to write the document; - for standard output.")
        var out: String
        @Option(help: "The act's title, when the text's first line is not it.") var title: String?
        @Option(help: "Rank: law, administrative-regulation, state-council-decision, local-regulation, autonomous-regulation, departmental-rule, local-government-rule, normative-document.") var rank: String?
        @Option(help: "The issuing body (制定机关).") var issuer: String?
        @Option(help: "The 文号, when the text does not state it.") var number: String?
        @Option(help: "Territory code (default CN).") var territory: String?
        @Option(name: .customLong("territory-name"), help: "The territory's name (default 全国 for CN).") var territoryName: String?
        @Option(help: "Date of effect YYYY-MM-DD, when the text does not state it.") var effective: String?
        @Option(help: "Date of promulgation YYYY-MM-DD, when the text does not state it.") var promulgated: String?
        @Option(help: "The official source of the text (a publication or address): the document is then verified.") var source: String?
        @Option(help: "The FRBR work URI (default: from the 文号 or the title).") var work: String?
        @Option(name: .customLong("version-of"), help: "The act's document in the corpus: the text is a new version of it.")
        var versionOf: String?

        func run() throws {
            let bytes = try CorpusCommand.read(file, limit: InputFile.Limit.source)
            let text = try Self.text(of: bytes, file: file)
            var flags = ImportMetadata.Flags()
            flags.title = title
            flags.issuer = issuer
            flags.number = number
            flags.territory = territory
            flags.territoryName = territoryName
            flags.source = source
            flags.work = work
            if let rank {
                guard let value = LegalRank(rawValue: rank) else {
                    throw ValidationError("--rank takes " + LegalRank.allCases.map(\.rawValue).joined(separator: ", "))
                }
                flags.rank = value
            }
            flags.effective = try effective.map { try DateArgument.parse($0) }
            flags.promulgated = try promulgated.map { try DateArgument.parse($0) }
            let printer = DiagnosticPrinter(format: .text, files: [])
            var previous: LegalAct?
            if let versionOf {
                guard case .success(let schema) = CorpusSchema.compiled else { throw ExitStatus.usage }
                let (act, problems) = CorpusLoader.loadDocument(path: versionOf, schema: schema)
                guard let act, !problems.contains(where: { $0.severity == .error }) else {
                    printer.print(problems)
                    throw ExitStatus.usage
                }
                previous = act
            }
            let outcome = CorpusImport.run(text, path: file, out: out, flags: flags, previous: previous, generated: CalendarDate.today)
            printer.print(outcome.diagnostics)
            guard let data = outcome.data, let act = outcome.act else { throw ExitStatus.findings }
            if let confirmation = try OutputFile.write(data, to: out) {
                let tops = act.versions.first?.provisions.map(\.eId).filter { !$0.contains("__") } ?? []
                let annexes = tops.filter { $0.hasPrefix("att_") }.count
                Console.error(
                    "\(confirmation): 《\(act.title)》, \(tops.count - annexes) top-level provisions, \(annexes) annexes, \(outcome.linesNotPlaced) lines not placed\n")
            }
            if let comparison = outcome.comparison, let old = previous?.versions.last, let new = act.versions.first {
                Console.error(Self.describe(comparison, from: old.validFrom, to: new.validFrom))
            }
        }

        /// The lines of the input: a Word document's paragraphs, an HTML page's blocks, or the text itself.
        static func text(of bytes: [UInt8], file: String) throws -> String {
            switch (file as NSString).pathExtension.lowercased() {
            case "docx":
                do {
                    return try DocxText.lines(bytes, path: file).joined(separator: "\n")
                } catch {
                    DiagnosticPrinter(format: .text, files: []).print(error.diagnostics)
                    throw ExitStatus.usage
                }
            case "html", "htm":
                guard let lines = HTMLText.lines(bytes) else { throw ValidationError("\(file) cannot be read as HTML") }
                return lines.joined(separator: "\n")
            default:
                guard let (text, _) = TextEncoding.decode(bytes) else {
                    throw ValidationError("\(file) is neither UTF-8, UTF-16 nor GB18030 text")
                }
                return text
            }
        }

        /// What changed, article by article, in Chinese and English.
        static func describe(_ comparison: VersionComparison, from: CalendarDate, to: CalendarDate) -> String {
            var lines = ["\(from) → \(to)：\(comparison.changes.count) 处变化 changes, \(comparison.unchanged) 条未变 unchanged"]
            for change in comparison.changes {
                switch change {
                case .added(let label): lines.append("  新增 added      \(label)")
                case .removed(let label): lines.append("  删除 removed    \(label)")
                case .changed(let label): lines.append("  修改 changed    \(label)")
                case .renumbered(let old, let new, let changed):
                    lines.append("  重新编号 renumbered \(old) → \(new)" + (changed ? "（并修改 and changed）" : ""))
                }
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}
