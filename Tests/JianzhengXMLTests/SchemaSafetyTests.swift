import Foundation
import JianzhengBase
import JianzhengSyntax
import LegalCorpus
import Testing

@testable import JianzhengXML

/// A schema is compiled from a parsed tree, and libxml2 may load nothing by URL but the schema files compiled
/// into the binary: no local file, no network, no DTD.
@Suite struct SchemaSafetyTests {
    static func schema(including location: String) -> String {
        """
        <?xml version="1.0"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t" elementFormDefault="qualified">
          <xs:include schemaLocation="\(location)"/>
          <xs:element name="a" type="xs:string"/>
        </xs:schema>
        """
    }

    @Test func theShippedSchemaIsCompiledIntoTheBinary() throws {
        _ = try CorpusSchema.compiled.get()
        #expect(CorpusSchema.files.map(\.name) == ["akn-subset.xsd", "jianzheng.xsd"])
    }

    @Test func aSchemaCannotIncludeALocalFile() throws {
        let included = FileManager.default.temporaryDirectory.appendingPathComponent("jz-included-\(UUID().uuidString).xsd")
        try #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t"><xs:element name="b"/></xs:schema>"#
            .write(to: included, atomically: true, encoding: .utf8)
        for location in [included.path, "file://" + included.path] {
            let result = XMLSchema.compile(.init(name: "hostile.xsd", text: Self.schema(including: location)))
            #expect(throws: SchemaLoadError.self) { try result.get() }
        }
    }

    @Test func aSchemaCannotReachTheNetwork() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                try #require(bind(listener, raw, length) == 0)
                try #require(getsockname(listener, raw, &length) == 0)
            }
        }
        try #require(listen(listener, 4) == 0)
        let port = UInt16(bigEndian: address.sin_port)
        let result = XMLSchema.compile(.init(name: "hostile.xsd", text: Self.schema(including: "http://127.0.0.1:\(port)/x.xsd")))
        #expect(throws: SchemaLoadError.self) { try result.get() }
        _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
        #expect(accept(listener, nil, nil) == -1, "libxml2 connected to the listener")
    }

    @Test func aSchemaWithADoctypeIsRefusedLikeAnyDocument() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE xs:schema [<!ENTITY % leak SYSTEM "file:///etc/passwd"> %leak;]>
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>
            """
        let result = XMLSchema.compile(.init(name: "hostile.xsd", text: text))
        guard case .failure(let error) = result else {
            Issue.record("a schema with a DOCTYPE compiled")
            return
        }
        #expect(error.diagnostics.map(\.code) == [.xmlEntityRefused])
    }

    @Test func aCorpusFolderCarryingItsOwnSchemaDoesNotChangeValidation() throws {
        // The first round compiled legal-basis/schema/akn-subset.xsd from the corpus folder: a planted schema could
        // include files and URLs, or accept anything. Now such a folder is just ignored.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-planted-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try Self.schema(including: "http://127.0.0.1:9/x.xsd")
            .write(to: directory.appendingPathComponent("schema/akn-subset.xsd"), atomically: true, encoding: .utf8)
        try "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>"
            .write(to: directory.appendingPathComponent("bad.xml"), atomically: true, encoding: .utf8)
        let (_, diagnostics) = CorpusLoader.load(directory: directory.path)
        #expect(diagnostics.map(\.code) == [.xmlSchemaInvalid])
        #expect(diagnostics.first?.range.start.path.hasSuffix("bad.xml") == true)
    }
}

@Suite struct InputBudgetTests {
    @Test func anElementWithTooManyAttributesIsRefusedBeforeParsing() {
        let attributes = (0..<100_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let (tree, diagnostics) = XMLLoader.parse(Array("<?xml version=\"1.0\"?>\n<root \(attributes)/>".utf8), path: "wide.xml")
        #expect(tree == nil)
        #expect(diagnostics.map(\.code) == [.xmlTooLarge])
        #expect(diagnostics.first?.range.start.line == 2)
    }

    @Test func quotedEqualsSignsAndTextAreNotAttributes() {
        let value = String(repeating: "=", count: 1000)
        let (tree, diagnostics) = XMLLoader.parse(Array("<root a=\"\(value)\">\(value)</root>".utf8), path: "quoted.xml")
        #expect(tree != nil && diagnostics.isEmpty)
    }

    @Test func anOversizedFileIsRefusedBeforeItIsRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jz-sparse-\(UUID().uuidString).xml").path
        // A sparse file: 64 MB that take no disk, and would take 64 MB of memory if read.
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, 64 * 1024 * 1024) == 0)
        let clock = ContinuousClock()
        var result: Result<[UInt8], Diagnostic>?
        let elapsed = clock.measure { result = InputFile.read(path, limit: XMLLimits.standard.maximumBytes, tooLarge: .xmlTooLarge) }
        guard case .failure(let diagnostic) = result else {
            Issue.record("an oversized file was read")
            return
        }
        #expect(diagnostic.code == .xmlTooLarge)
        #expect(elapsed < .seconds(1))
        if case .failure(let missing) = InputFile.read("/nonexistent-jz", limit: 10) {
            #expect(missing.message == "cannot read file: No such file or directory")
        }
    }
}

@Suite struct EncodingMessageTests {
    @Test func utf16AndOtherDeclaredEncodingsAreNamedInTheMessage() {
        let utf16: [UInt8] = [0xFF, 0xFE] + "<a/>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let (_, first) = XMLLoader.parse(utf16, path: "u16.xml")
        #expect(first.first?.message.contains("UTF-16") == true)
        let (_, second) = XMLLoader.parse(Array("<?xml version=\"1.0\" encoding=\"GB2312\"?>\n<a/>".utf8), path: "gb.xml")
        #expect(second.first?.message.contains("declares encoding 'GB2312'") == true)
        let (tree, third) = XMLLoader.parse(Array("<?xml version=\"1.0\" encoding='utf-8'?>\n<a/>".utf8), path: "ok.xml")
        #expect(tree != nil && third.isEmpty)
    }
}
