// libFuzzer target: what reaches a terminal. Any bytes as a .jz file (names, strings, comments, file contents)
// are parsed, resolved and reviewed; every diagnostic message must name control characters instead of holding
// them, and the text written for people, after the console's neutralisation, holds none.
import Jianzheng
import JianzhengReports
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

let emptyCorpus = LegalCorpus(acts: [])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = SourceFile(path: "fuzz.jz", bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let (tree, parseDiagnostics) = Parser.parse(file)
    let (catalogue, resolveDiagnostics) = CatalogueBuilder.build([tree], corpus: emptyCorpus)
    let renderer = DiagnosticRenderer(files: [file])
    var text = ""
    for diagnostic in (parseDiagnostics + resolveDiagnostics).prefix(50) {
        precondition(!diagnostic.message.unicodeScalars.contains(where: UnsafeCharacters.isUnsafe), "a message holds a control character")
        text += renderer.annotated(diagnostic)
    }
    if !catalogue.procedures.isEmpty, !catalogue.policies.isEmpty,
        let review = try? ReviewEngine(catalogue: catalogue, corpus: emptyCorpus).review(asOf: CalendarDate(daysSinceEpoch: 20454))
    {
        text += TerminalReport.render(review)
    }
    precondition(!UnsafeCharacters.neutralised(text).unicodeScalars.contains(where: UnsafeCharacters.isUnsafe))
    return 0
}

func prepare() { _ = emptyCorpus.acts.count }
