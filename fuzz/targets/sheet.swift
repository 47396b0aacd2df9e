// libFuzzer target, structure-aware: the input is the XML inside one worksheet (rows, cells, merged ranges),
// wrapped into a real XLSX archive, read and imported. A custom mutator replaces the numbers the format
// trusts (row and cell references, shared-string indexes, date serials, merge ranges) with hostile ones, so that
// every run reaches the cell reader instead of failing in ZIP or XML first.
import Foundation
import Jianzheng
import JianzhengImport
import JianzhengSpreadsheet

let rules = Workspace.load(
    paths: [ProcessInfo.processInfo.environment["JIANZHENG_RULES"] ?? "rules"],
    corpusDirectory: ProcessInfo.processInfo.environment["JIANZHENG_CORPUS"] ?? "legal-basis")
let importer = CatalogueImporter(catalogue: rules.catalogue, corpus: rules.corpus)
let strings = ["事项编码", "事项名称", "实施部门", "申请材料", "620000-MZ-0001", "结婚登记", "民政部门", "居民户口簿"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let content = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let archive = try? MinimalWorkbook.archive(sheetContent: content, sharedStrings: strings) else { return 0 }
    if let workbook = try? XLSXReader.read(path: "fuzz.xlsx", data: archive) {
        for sheet in workbook.sheets { precondition(sheet.rows.count <= 1_048_576) }
        _ = importer.run(workbook)
    }
    return 0
}

/// Numbers a worksheet must never be trusted with.
let hostileNumbers = [
    "0", "-1", "1", "2", "9223372036854775807", "-9223372036854775808", "1048576", "1048577", "16384", "NaN", "inf",
    "1e300", "-5", "2958466", "99999999999999999999", "", " ", "1.5", "0x10",
]
let hostileReferences = ["A0", "XFD1048576", "XFE1", "AAAAAAAAAAAAAAAA1", "A99999999", "1A", "B", "", "A1:XFD1048576", "Z9:A1"]

@_silgen_name("LLVMFuzzerMutate")
func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int

@_cdecl("LLVMFuzzerCustomMutator")
public func mutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = SystemRandomNumberGenerator()
    var text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    // Half the time a byte-level mutation, else one value of the sheet's structure replaced.
    if seed % 2 == 0 { return LLVMFuzzerMutate(data, size, maxSize) }
    let slots: [(open: String, close: String, values: [String])] = [
        ("r=\"", "\"", hostileNumbers + hostileReferences), ("<v>", "</v>", hostileNumbers), ("ref=\"", "\"", hostileReferences),
        ("s=\"", "\"", hostileNumbers), ("t=\"", "\"", ["s", "n", "b", "e", "str", "inlineStr", "d", "x"]),
    ]
    let slot = slots[Int(seed / 2) % slots.count]
    let openings = text.ranges(of: slot.open)
    guard let chosen = openings.randomElement(using: &random),
        let closing = text[chosen.upperBound...].range(of: slot.close)
    else {
        text += "<row r=\"\(hostileNumbers.randomElement(using: &random) ?? "1")\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
        return copy(text, into: data, maxSize: maxSize)
    }
    text.replaceSubrange(chosen.upperBound..<closing.lowerBound, with: slot.values.randomElement(using: &random) ?? "")
    return copy(text, into: data, maxSize: maxSize)
}

func copy(_ text: String, into data: UnsafeMutablePointer<UInt8>, maxSize: Int) -> Int {
    let bytes = Array(text.utf8.prefix(maxSize))
    bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: bytes.count) }
    return bytes.count
}

/// Touches the globals before fuzzing, so their allocations are not counted against an input.
func prepare() { _ = importer.run(Workbook(path: "prepare.xlsx", sheets: [])) }
