// libFuzzer target: compiling an XSD from untrusted text. The schema parser runs under the process-wide entity
// loader, which refuses every URL but the compiled-in schema files: whatever includes, imports, redefines or
// DOCTYPEs the input holds, no file is read and no connection is made (`-close_fd_mask` is not needed: the
// harness checks that no new file descriptor stays open either).
import Foundation
import JianzhengXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let before = openDescriptors()
    if case .success(let schema) = XMLSchema.compile(.init(name: "fuzz.xsd", text: text)) {
        let (tree, _) = XMLLoader.parse(Array("<a xmlns=\"urn:t\"/>".utf8), path: "a.xml")
        if let tree { _ = schema.validate(tree) }
    }
    precondition(openDescriptors() == before, "compiling a schema left a file or socket open")
    return 0
}

func openDescriptors() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
}

func prepare() {}
