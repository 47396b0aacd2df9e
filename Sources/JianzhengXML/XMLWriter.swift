import CLibXML2
import Foundation

/// Writes an XML document with libxml2's text writer: names and text are escaped by libxml2, and characters
/// that XML 1.0 cannot carry (C0 controls other than tab, newline and return) are dropped.
public final class XMLWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    /// A writer with the XML declaration already written (`standalone="yes"`); `indented`: one element a line,
    /// two spaces a level (for documents people read and edit, such as the legal corpus).
    public init(indented: Bool = false) {
        XMLLoader.ensureInitialised()
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        if indented {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", "yes")
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    /// Opens an element with attributes in the given order.
    public func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        xmlTextWriterStartElement(writer, name)
        for (key, value) in attributes { xmlTextWriterWriteAttribute(writer, key, Self.clean(value)) }
    }

    /// Closes the innermost open element.
    public func end() {
        xmlTextWriterEndElement(writer)
    }

    /// Escaped character data.
    public func text(_ value: String) {
        xmlTextWriterWriteString(writer, Self.clean(value))
    }

    /// `<name attributes>text</name>`, or an empty element when `text` is nil.
    public func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String? = nil) {
        start(name, attributes)
        if let value { text(value) }
        end()
    }

    /// Closes every open element and returns the document's bytes.
    public func finish() -> Data {
        xmlTextWriterEndDocument(writer)
        xmlTextWriterFlush(writer)
        guard let content = xmlBufferContent(buffer) else { return Data() }
        return Data(bytes: content, count: Int(xmlBufferLength(buffer)))
    }

    /// Drops characters XML 1.0 forbids.
    static func clean(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" || $0.value == 0xFFFE || $0.value == 0xFFFF })
        else { return value }
        var scalars = String.UnicodeScalarView()
        for scalar in value.unicodeScalars
        where !(scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
