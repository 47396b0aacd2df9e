import ArgumentParser
import Foundation
import Jianzheng
import JianzhengWorkspace
import JianzhengBase
import JianzhengSyntax

/// `jianzheng fmt [--check] [PATH…]`: rewrite `.jz` files in the canonical layout.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt", abstract: "Format .jz files in the one canonical layout (keeps every comment).")

    @ArgumentParser.Flag(help: "Do not write; exit 1 if any file is not formatted.")
    var check = false

    @Argument(help: "Files or directories (default: rules and examples).")
    var paths: [String] = []

    func run() throws {
        let (files, trees, diagnostics) = SourceSet.load(paths.isEmpty ? [WorkspaceRoot.rules, WorkspaceRoot.examples] : paths)
        let unreadable = EvaluationOptions.inputProblems(diagnostics)
        if !unreadable.isEmpty {
            DiagnosticPrinter(format: .text, files: files).print(unreadable)
            throw ExitStatus.usage
        }
        let broken = Set(diagnostics.filter { $0.severity == .error }.map(\.range.start.path))
        DiagnosticPrinter(format: .text, files: files).print(diagnostics)
        var unformatted: [String] = []
        for (file, tree) in zip(files, trees) where !broken.contains(file.path) {
            let formatted = Formatter().format(tree)
            guard Array(formatted.utf8) != file.bytes else { continue }
            unformatted.append(file.path)
            if !check { try AtomicFile.write(formatted, to: file.path, expecting: file.bytes) }
        }
        for path in unformatted { Console.out(check ? "not formatted: \(path)\n" : "formatted: \(path)\n") }
        if !broken.isEmpty {
            Console.error("\(broken.count) file(s) with syntax errors were left unchanged\n")
            throw ExitStatus.findings
        }
        if check, !unformatted.isEmpty { throw ExitStatus.findings }
    }
}
