// libFuzzer target: the .jz lexer, parser, formatter and resolver. Beyond "no crash, no hang", it checks the
// formatter's promise: a file that parses cleanly formats to text that parses cleanly to the same tree, and
// formatting that text changes nothing.
import Jianzheng
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

let emptyCorpus = LegalCorpus(acts: [])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.jz", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let (tree, diagnostics) = Parser.parse(file)
    _ = CatalogueBuilder.build([tree], corpus: emptyCorpus)
    let renderer = DiagnosticRenderer(files: [file])
    for diagnostic in diagnostics.prefix(20) { _ = renderer.annotated(diagnostic) }
    guard diagnostics.isEmpty else { return 0 }
    let formatted = Formatter().format(tree)
    let (again, againDiagnostics) = Parser.parse(SourceFile(path: "formatted.jz", text: formatted))
    precondition(againDiagnostics.isEmpty, "formatted text does not parse: \(againDiagnostics.map(\.message))")
    precondition(SyntaxDump.dump(again) == SyntaxDump.dump(tree), "formatting changed the tree")
    precondition(Formatter().format(again) == formatted, "formatting is not idempotent")
    return 0
}

/// Touches the globals before fuzzing, so their allocations are not counted against an input.
func prepare() { _ = emptyCorpus.acts.count }
