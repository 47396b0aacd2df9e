// libFuzzer target: the hostile-input-proof XML loader, XSD validation and the Akoma Ntoso reader.
import Foundation
import JianzhengXML
import LegalCorpus

let schema: XMLSchema = {
    guard case .success(let schema) = CorpusSchema.compiled else { fatalError("the compiled-in corpus schema does not compile") }
    return schema
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = CorpusLoader.readDocument(bytes, path: "fuzz.xml", schema: schema)
    if let tree = XMLLoader.parse(bytes, path: "fuzz.xml").0 {
        _ = try? tree.select("//akn:article", namespaces: ["akn": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"])
    }
    return 0
}

/// Touches the globals before fuzzing, so their allocations are not counted against an input.
func prepare() { _ = schema.path }
