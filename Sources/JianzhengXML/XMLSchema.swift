import CLibXML2
import JianzhengSyntax

/// A compiled XSD, safe to share between tasks (libxml2 validates with one schema from several threads).
public final class XMLSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    public let path: String

    /// Compiles the schema at `path`, or returns the diagnostics explaining why not.
    public static func load(path: String) -> Result<XMLSchema, SchemaLoadError> {
        XMLLoader.ensureInitialised()
        guard let context = xmlSchemaNewParserCtxt(path) else {
            return .failure(SchemaLoadError(diagnostics: [Diagnostic(
                .xmlSchemaInvalid, "cannot read schema", at: SourceRange(at: SourceLocation(path: path, line: 1, column: 1)))]))
        }
        defer { xmlSchemaFreeParserCtxt(context) }
        let sink = XMLErrorSink(path: path)
        sink.code = .xmlSchemaInvalid
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        xmlSchemaSetParserStructuredErrors(context, XMLErrorSink.handler, unmanaged.toOpaque())
        guard let schema = xmlSchemaParse(context) else {
            return .failure(SchemaLoadError(diagnostics: sink.diagnostics))
        }
        return .success(XMLSchema(schema: schema, path: path))
    }

    private init(schema: xmlSchemaPtr, path: String) {
        self.schema = schema
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
