// libFuzzer target: citation parsing and resolution against the shipped corpus on a date and territory.
import Foundation
import JianzhengBase
import JianzhengSyntax
import LegalCorpus

let corpus = CorpusLoader.load(directory: ProcessInfo.processInfo.environment["JIANZHENG_CORPUS"] ?? "legal-basis").0

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if case .success(let citation) = CitationParser.parse(text) {
        _ = citation.description
        _ = citation.eId
    }
    let resolved = corpus.resolve(text, on: CalendarDate(year: 2016, month: 6, day: 30), in: "CN-62")
    _ = resolved.problem?.chinese
    _ = CitationReport.text(resolved, on: CalendarDate(year: 2016, month: 6, day: 30)!)
    return 0
}

/// Touches the globals before fuzzing, so their allocations are not counted against an input.
func prepare() { _ = corpus.acts.count }
