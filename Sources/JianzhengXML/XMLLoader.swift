import CLibXML2
import JianzhengBase

/// Limits applied to every XML input before and during parsing.
public struct XMLLimits: Sendable {
    /// Larger files are refused before parsing.
    public var maximumBytes: Int = 32 * 1024 * 1024
    /// An element with more attributes is refused before parsing (libxml2's duplicate check is quadratic:
    /// 10⁵ attributes on one element ran past 30 s).
    public var maximumAttributes: Int = 256
    public static let standard = XMLLimits()
}

/// Parses XML with libxml2 safely: no network, no DTD, no entity expansion, errors captured as diagnostics.
///
/// A document type declaration is refused outright (Akoma Ntoso needs none), which stops external entities
/// (XXE) and entity-expansion bombs (billion laughs) before libxml2 sees them. libxml2 itself still runs with
/// `XML_PARSE_NONET`, without `XML_PARSE_NOENT` or DTD loading, and with its default depth limit, as a
/// second line of defence. Nothing is printed on stderr: every libxml2 message becomes a `Diagnostic`.
public enum XMLLoader {
    /// Initialises libxml2 once, before any concurrent use.
    private static let initialised: Bool = {
        xmlInitParser()
        ExternalEntityPolicy.install()
        return true
    }()

    static func ensureInitialised() { precondition(initialised) }

    /// Parses bytes; returns the document, or nil with the diagnostics that explain why.
    public static func parse(
        _ bytes: [UInt8], path: String, limits: XMLLimits = .standard
    ) -> (XMLTree?, [Diagnostic]) {
        ensureInitialised()
        let file = SourceFile(path: path, bytes: [])
        if bytes.count > limits.maximumBytes {
            return (nil, [Diagnostic(
                .xmlTooLarge, "XML file of \(bytes.count) bytes exceeds the limit of \(limits.maximumBytes) bytes",
                at: SourceRange(at: file.location(at: 0)))])
        }
        if let problem = encodingProblem(bytes) {
            return (nil, [Diagnostic(.xmlNotWellFormed, problem, at: SourceRange(at: file.location(at: 0)))])
        }
        switch prescan(bytes, maximumAttributes: limits.maximumAttributes) {
        case .declaration(let offset):
            let located = SourceFile(path: path, bytes: bytes)
            return (nil, [Diagnostic(
                .xmlEntityRefused,
                "document type declarations are refused: external entities and entity expansion are not allowed",
                at: located.range(offset, offset + 9))])
        case .tooManyAttributes(let offset):
            let located = SourceFile(path: path, bytes: bytes)
            return (nil, [Diagnostic(
                .xmlTooLarge, "an element with more than \(limits.maximumAttributes) attributes is refused",
                at: located.range(offset, offset + 1))])
        case nil:
            break
        }
        guard let context = xmlNewParserCtxt() else {
            return (nil, [Diagnostic(.xmlNotWellFormed, "libxml2 could not allocate a parser", at: file.range(0, 0))])
        }
        defer { xmlFreeParserCtxt(context) }
        let sink = XMLErrorSink(path: path)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        context.pointee._private = unmanaged.toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            let parser = userData.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let sinkPointer = parser.pointee._private else { return }
            Unmanaged<XMLErrorSink>.fromOpaque(sinkPointer).takeUnretainedValue().record(error.pointee)
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOBLANKS.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let address = buffer.baseAddress else { return nil }
            return address.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlCtxtReadMemory(context, base, Int32(buffer.count), path, "UTF-8", options)
            }
        }
        var diagnostics = sink.diagnostics
        guard let document, context.pointee.wellFormed != 0 else {
            if let document { xmlFreeDoc(document) }
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.xmlNotWellFormed, "XML is not well-formed", at: file.range(0, 0)))
            }
            return (nil, diagnostics)
        }
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil {
            xmlFreeDoc(document)
            diagnostics.append(Diagnostic(.xmlEntityRefused, "document type declarations are refused", at: file.range(0, 0)))
            return (nil, diagnostics)
        }
        return (XMLTree(document: document, path: path), diagnostics)
    }

    /// Why a document is not in the one encoding read (UTF-8), said plainly: libxml2 would report the first
    /// byte it cannot decode, which reads like corruption.
    static func encodingProblem(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || (bytes.count > 1 && bytes[0] == 0x3C && bytes[1] == 0) {
            return "the document is in UTF-16; XML is read in UTF-8 only: convert it (iconv -f UTF-16 -t UTF-8)"
        }
        let head = bytes.prefix(200)
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        let name = rest.dropFirst().prefix { $0 != quote }
        guard name.uppercased() != "UTF-8", name.uppercased() != "UTF8" else { return nil }
        return "the document declares encoding '\(name)'; XML is read in UTF-8 only: convert it (iconv -f \(name) -t UTF-8) and declare encoding=\"UTF-8\""
    }

    /// What the scan before parsing refuses.
    enum PrescanProblem: Equatable {
        /// `<!DOCTYPE` or `<!ENTITY` outside comments, at this byte offset.
        case declaration(Int)
        /// A start tag, at this offset, with more attributes than allowed.
        case tooManyAttributes(Int)
    }

    /// One pass over the bytes, linear in their number, before libxml2 sees them.
    static func prescan(_ bytes: [UInt8], maximumAttributes: Int) -> PrescanProblem? {
        bytes.withUnsafeBufferPointer { bytes in
            func matches(_ pattern: StaticString, at index: Int) -> Bool {
                pattern.withUTF8Buffer { expected in
                    guard index + expected.count <= bytes.count else { return false }
                    for offset in 0..<expected.count where bytes[index + offset] != expected[offset] { return false }
                    return true
                }
            }
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                if matches("<!--", at: index) {
                    var probe = index + 4
                    while probe < bytes.count, !matches("-->", at: probe) { probe += 1 }
                    index = probe + 3
                    continue
                }
                if matches("<!DOCTYPE", at: index) || matches("<!ENTITY", at: index) { return .declaration(index) }
                // A start tag: count its attributes (an '=' outside quoted values) up to its '>'.
                let tagStart = index
                var attributes = 0
                var quote: UInt8?
                index += 1
                while index < bytes.count {
                    let byte = bytes[index]
                    if let open = quote {
                        if byte == open { quote = nil }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > maximumAttributes { return .tooManyAttributes(tagStart) }
                    } else if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "<") {
                        break
                    }
                    index += 1
                }
            }
            return nil
        }
    }
}

/// Collects libxml2's structured errors for one parse or validation.
final class XMLErrorSink: @unchecked Sendable {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []
    var code: DiagnosticCode = .xmlNotWellFormed

    init(path: String) { self.path = path }

    /// The structured-error callback for schema and XPath contexts, whose user data is the sink itself.
    /// The parameter type differs across libxml2 versions, so it is never named here.
    static let handler: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        Unmanaged<XMLErrorSink>.fromOpaque(userData).takeUnretainedValue().record(error.pointee)
    }

    func record(_ error: xmlError) {
        guard error.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
        let message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        let cleaned = message.trimmingTrailingWhitespace()
        let line = max(1, Int(error.line))
        let location = SourceLocation(path: path, line: line, column: max(1, Int(error.int2)))
        diagnostics.append(Diagnostic(Self.classify(error.code, otherwise: code), cleaned, at: SourceRange(at: location)))
    }

    /// The diagnostic code of a libxml2 error, by its error number (never its wording): entity trouble is
    /// refused, the parser's own limits (depth, name length, memory: reported as internal or memory errors)
    /// mean too large, anything else is this sink's code.
    static func classify(_ number: Int32, otherwise: DiagnosticCode) -> DiagnosticCode {
        let entity = [XML_ERR_ENTITY_LOOP, XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY, XML_ERR_ENTITY_PROCESSING, XML_ERR_ENTITY_BOUNDARY]
        let limits = [XML_ERR_INTERNAL_ERROR, XML_ERR_NO_MEMORY, XML_ERR_NAME_TOO_LONG]
        if entity.contains(where: { Int32($0.rawValue) == number }) { return .xmlEntityRefused }
        if limits.contains(where: { Int32($0.rawValue) == number }) { return .xmlTooLarge }
        return otherwise
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
