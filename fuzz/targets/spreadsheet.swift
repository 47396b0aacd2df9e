// libFuzzer target: CSV (UTF-8 and GB18030) and XLSX reading and the catalogue importer.
import Foundation
import Jianzheng
import JianzhengImport
import JianzhengSpreadsheet

let rules = Workspace.load(
    paths: [ProcessInfo.processInfo.environment["JIANZHENG_RULES"] ?? "rules"],
    corpusDirectory: ProcessInfo.processInfo.environment["JIANZHENG_CORPUS"] ?? "legal-basis")
let importer = CatalogueImporter(catalogue: rules.catalogue, corpus: rules.corpus)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let workbook = try? CSV.read(path: "fuzz.csv", bytes: bytes) { _ = importer.run(workbook) }
    if let workbook = try? XLSXReader.read(path: "fuzz.xlsx", data: Data(bytes)) { _ = importer.run(workbook) }
    return 0
}

/// Touches the globals before fuzzing, so their allocations are not counted against an input.
func prepare() { _ = importer.run(Workbook(path: "prepare.csv", sheets: [])) }
