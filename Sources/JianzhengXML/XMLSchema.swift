import CLibXML2
import JianzhengBase

/// A compiled XSD, safe to share between tasks (libxml2 validates with one schema from several threads).
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    /// The parsed schema document, kept alive as long as the schema compiled from it.
    private let source: XMLTree
    public let path: String

    /// A schema document compiled into the binary.
    public struct EmbeddedFile: Sendable {
        /// The file name other schema files import it by (`schemaLocation="jianzheng.xsd"`).
        public let name: String
        public let text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// Compiles `main`, whose imports are found among `imports` and nowhere else.
    ///
    /// Every file is parsed like any other XML document (no DOCTYPE, no network) and the schema is compiled
    /// from the parsed tree; the process-wide entity loader serves imports from memory and refuses every other
    /// URL, so a schema can neither read a local file nor reach the network.
    public static func compile(_ main: EmbeddedFile, imports: [EmbeddedFile] = []) -> Result<XMLSchema, SchemaLoadError> {
        XMLLoader.ensureInitialised()
        for file in [main] + imports {
            ExternalEntityPolicy.register(name: file.name, bytes: Array(file.text.utf8))
        }
        let path = ExternalEntityPolicy.scheme + main.name
        let (tree, parseDiagnostics) = XMLLoader.parse(Array(main.text.utf8), path: path)
        guard let tree else { return .failure(SchemaLoadError(diagnostics: parseDiagnostics)) }
        guard let context = xmlSchemaNewDocParserCtxt(tree.document) else {
            return .failure(SchemaLoadError(diagnostics: [Diagnostic(
                .xmlSchemaInvalid, "cannot create a schema parser", at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)))]))
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let sink = XMLErrorSink(path: path)
        sink.code = .xmlSchemaInvalid
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        xmlSchemaSetParserStructuredErrors(context, XMLErrorSink.handler, unmanaged.toOpaque())
        let compiled = xmlSchemaParse(context)
        guard let compiled, sink.diagnostics.isEmpty else {
            if let compiled { xmlSchemaFree(compiled) }
            return .failure(SchemaLoadError(diagnostics: sink.diagnostics.isEmpty
                ? [Diagnostic(.xmlSchemaInvalid, "the schema does not compile", at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)))]
                : sink.diagnostics))
        }
        return .success(XMLSchema(schema: compiled, source: tree, path: path))
    }

    private init(schema: xmlSchemaPtr, source: XMLTree, path: String) {
        self.schema = schema
        self.source = source
        self.path = path
    }

    deinit { xmlSchemaFree(schema) }

    /// Validates a document; every violation becomes a diagnostic with the document's file and line.
    public func validate(_ tree: XMLTree) -> [Diagnostic] {
        guard let context = xmlSchemaNewValidCtxt(schema) else {
            return [Diagnostic(.xmlSchemaInvalid, "cannot create a validation context",
                at: SourceRange(at: SourceLocation(path: tree.path, line: 1, column: 1)))]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let sink = XMLErrorSink(path: tree.path)
        sink.code = .xmlSchemaInvalid
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        xmlSchemaSetValidStructuredErrors(context, XMLErrorSink.handler, unmanaged.toOpaque())
        let result = xmlSchemaValidateDoc(context, tree.document)
        if result != 0, sink.diagnostics.isEmpty {
            return [Diagnostic(.xmlSchemaInvalid, "document does not match the schema",
                at: SourceRange(at: SourceLocation(path: tree.path, line: 1, column: 1)))]
        }
        return sink.diagnostics
    }
}

/// Why a schema could not be compiled.
public struct SchemaLoadError: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
