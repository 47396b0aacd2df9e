import CLibXML2
import JianzhengBase

/// A parsed XML document that frees itself. Use it inside one task.
public final class XMLTree {
    let document: xmlDocPtr
    public let path: String

    init(document: xmlDocPtr, path: String) {
        self.document = document
        self.path = path
    }

    deinit { xmlFreeDoc(document) }

    /// The root element.
    public var root: XMLElementRef? {
        xmlDocGetRootElement(document).map { XMLElementRef(node: $0, tree: self) }
    }

    /// Elements selected by an XPath 1.0 expression; `namespaces` maps prefixes to URIs.
    public func select(_ xpath: String, namespaces: [String: String] = [:]) throws(XPathError) -> [XMLElementRef] {
        guard let context = xmlXPathNewContext(document) else { throw XPathError(message: "cannot create context") }
        defer { xmlXPathFreeContext(context) }
        for (prefix, uri) in namespaces { xmlXPathRegisterNs(context, prefix, uri) }
        let sink = XMLErrorSink(path: path)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        // libxml2 2.9 hands the per-context handler messages without text, so the thread-local handler is set
        // for this synchronous call only.
        xmlSetStructuredErrorFunc(unmanaged.toOpaque(), XMLErrorSink.handler)
        let result = xmlXPathEvalExpression(xpath, context)
        xmlSetStructuredErrorFunc(nil, nil)
        guard let result else {
            throw XPathError(message: sink.diagnostics.first?.message ?? "invalid XPath expression '\(xpath)'")
        }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            guard let node = set.pointee.nodeTab[index], node.pointee.type == XML_ELEMENT_NODE else { return nil }
            return XMLElementRef(node: node, tree: self)
        }
    }
}

/// An XPath expression that libxml2 could not evaluate.
public struct XPathError: Error, Sendable {
    public let message: String
}

/// An element of an `XMLTree`; it keeps the tree alive. Two references are equal when they name the same node.
public struct XMLElementRef: Hashable {
    let node: xmlNodePtr
    let tree: XMLTree

    public static func == (lhs: XMLElementRef, rhs: XMLElementRef) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }

    /// Whether the local name is `name` (compared in place, no string is made).
    public func isNamed(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { expected in
            guard var pointer = node.pointee.name else { return false }
            for byte in expected {
                guard pointer.pointee == byte else { return false }
                pointer += 1
            }
            return pointer.pointee == 0
        }
    }

    /// The local name (`article`).
    public var name: String { String(cString: node.pointee.name) }

    /// The namespace URI, if any.
    public var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// 1-based line in the source.
    public var line: Int { Int(xmlGetLineNo(node)) }

    /// An attribute without namespace.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { jz_xmlFree(value) }
        return String(cString: value)
    }

    /// Whether an attribute without namespace is present (nothing is copied, no C string is made).
    public func hasAttribute(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { xmlHasNsProp(node, $0.baseAddress, nil) != nil }
        }
    }

    /// An attribute in a namespace, e.g. `r:id` with the relationships namespace.
    public func attributeNS(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(node, name, namespace) else { return nil }
        defer { jz_xmlFree(value) }
        return String(cString: value)
    }

    /// The concatenated text of this element and its descendants.
    public var text: String {
        var bytes: [UInt8] = []
        appendText(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 of the text of this element and its descendants, in document order, to `bytes` (what
    /// `text` is, without a string or a buffer of libxml2's per call).
    public func appendText(to bytes: inout [UInt8]) {
        var current = node.pointee.children
        while let visiting = current {
            switch visiting.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = visiting.pointee.content {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ENTITY_REF_NODE:
                // Only the predefined entities can occur (a document type declaration is refused), and libxml2
                // replaces those while parsing; should one remain, its content is what libxml2 would give.
                if let value = xmlNodeGetContent(visiting) {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
                    jz_xmlFree(value)
                }
            case XML_ELEMENT_NODE:
                if let first = visiting.pointee.children {
                    current = first
                    continue
                }
            default:
                break
            }
            // The next node in document order that is not below `visiting`, without leaving this element.
            var climbing: xmlNodePtr? = visiting
            while let up = climbing, up != node {
                if let next = up.pointee.next {
                    current = next
                    break
                }
                climbing = up.pointee.parent
                current = nil
            }
        }
    }

    /// Child elements in document order, followed one by one without collecting them into an array.
    public var elements: ChildElements { ChildElements(first: node.pointee.children, tree: tree) }

    /// The child elements of an element, in document order.
    public struct ChildElements: Sequence {
        fileprivate let first: xmlNodePtr?
        fileprivate let tree: XMLTree

        public struct Iterator: IteratorProtocol {
            fileprivate var current: xmlNodePtr?
            fileprivate let tree: XMLTree

            public mutating func next() -> XMLElementRef? {
                while let node = current {
                    current = node.pointee.next
                    if node.pointee.type == XML_ELEMENT_NODE { return XMLElementRef(node: node, tree: tree) }
                }
                return nil
            }
        }

        public func makeIterator() -> Iterator { Iterator(current: first, tree: tree) }
    }

    /// Child elements in document order.
    public var children: [XMLElementRef] { Array(elements) }

    /// The first child element with a local name.
    public func child(_ name: String) -> XMLElementRef? { elements.first { $0.name == name } }

    /// The first child element with a local name, found without making strings.
    public func child(named name: StaticString) -> XMLElementRef? { elements.first { $0.isNamed(name) } }

    /// The location of this element.
    public var location: SourceLocation { SourceLocation(path: tree.path, line: line, column: 1) }
}
