import JianzhengBase

/// JSON text exactly as Foundation's `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` (two-space indent, `" : "`, keys sorted, nil optionals left out, integral numbers
/// without `.0`), from a light tree of nodes, so that a large document can be written piece by piece.
/// Equality with `JSONEncoder` is tested.
final class JSONNode {
    enum Content {
        case object, array
        case string(String)
        /// A number as written.
        case number(String)
        case bool(Bool)
        case null
    }

    private(set) var content: Content
    private var members: [(key: String, node: JSONNode)] = []
    private var elements: [JSONNode] = []

    init(_ content: Content = .object) { self.content = content }

    /// The tree of an `Encodable`. The node encoder never throws (every value has a JSON form: non-finite
    /// numbers are written as `null`), so a throw can only come from a type's own `encode(to:)` — a bug in this
    /// module, stopped here rather than written as `{}` or a dropped element.
    static func of(_ value: some Encodable) -> JSONNode {
        let encoder = NodeEncoder(node: JSONNode(), codingPath: [])
        do {
            try value.encode(to: encoder)
        } catch {
            preconditionFailure("JSON encoding of \(type(of: value)) failed: \(error)")
        }
        return encoder.node
    }

    /// The member node for a key (replacing what was encoded for it before, as `JSONEncoder` does).
    func member(_ key: String) -> JSONNode {
        content = .object
        let node = JSONNode()
        if let index = members.firstIndex(where: { $0.key == key }) { members[index].node = node } else { members.append((key, node)) }
        return node
    }

    /// A new last element.
    func element() -> JSONNode {
        content = .array
        let node = JSONNode()
        elements.append(node)
        return node
    }

    func set(_ content: Content) { self.content = content }

    var elementCount: Int { elements.count }

    /// Appends the node's text at an indentation level (the first line is not indented).
    func write(into output: inout [UInt8], level: Int) {
        switch content {
        case .object:
            guard !members.isEmpty else { return Self.empty("{", "}", into: &output, level: level) }
            output.append(contentsOf: "{\n".utf8)
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output.append(contentsOf: ",\n".utf8) }
                Self.indent(level + 1, into: &output)
                Self.quote(member.key, into: &output)
                output.append(contentsOf: " : ".utf8)
                member.node.write(into: &output, level: level + 1)
            }
            Self.close("}", into: &output, level: level)
        case .array:
            guard !elements.isEmpty else { return Self.empty("[", "]", into: &output, level: level) }
            output.append(contentsOf: "[\n".utf8)
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(contentsOf: ",\n".utf8) }
                Self.indent(level + 1, into: &output)
                element.write(into: &output, level: level + 1)
            }
            Self.close("]", into: &output, level: level)
        case .string(let text): Self.quote(text, into: &output)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        }
    }

    /// The text of an object whose member `key` is written by `streamed` and the others from `head`, followed by
    /// a newline. The text goes to `sink` in pieces of about a megabyte; `streamed` gets the buffer, the
    /// indentation level and a function that passes the buffer on once it is that large.
    static func writeObject(
        _ head: JSONNode, streaming key: String, flush sink: @escaping ([UInt8]) -> Void,
        _ streamed: (inout [UInt8], Int, (inout [UInt8]) -> Void) -> Void
    ) {
        let flush = { (output: inout [UInt8]) in
            guard output.count > 1 << 20 else { return }
            sink(output)
            output.removeAll(keepingCapacity: true)
        }
        var output: [UInt8] = []
        let members = (head.members + [(key, JSONNode(.null))]).sorted { $0.key < $1.key }
        output.append(contentsOf: "{\n".utf8)
        for (index, member) in members.enumerated() {
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            indent(1, into: &output)
            quote(member.key, into: &output)
            output.append(contentsOf: " : ".utf8)
            if member.key == key {
                streamed(&output, 1, flush)
            } else {
                member.node.write(into: &output, level: 1)
            }
            flush(&output)
        }
        close("}", into: &output, level: 0)
        output.append(UInt8(ascii: "\n"))
        sink(output)
    }

    static func close(_ bracket: String, into output: inout [UInt8], level: Int) {
        output.append(UInt8(ascii: "\n"))
        indent(level, into: &output)
        output.append(contentsOf: bracket.utf8)
    }

    /// An empty object or array: the brackets on two lines with an empty line between.
    static func empty(_ open: String, _ close: String, into output: inout [UInt8], level: Int) {
        output.append(contentsOf: open.utf8)
        output.append(contentsOf: "\n\n".utf8)
        indent(level, into: &output)
        output.append(contentsOf: close.utf8)
    }

    static func indent(_ level: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    /// A JSON string. Beyond what JSON requires (`"`, `\\`, C0 controls), DEL, C1 controls and bidirectional
    /// overrides are written as `\\u` escapes too: the same text for a parser, nothing that drives a terminal
    /// when the JSON is printed to one.
    static func quote(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: needsLook) else { return output.append(contentsOf: bytes) }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case 0x08: output.append(contentsOf: "\\b".utf8)
                case 0x0C: output.append(contentsOf: "\\f".utf8)
                case 0x0A: output.append(contentsOf: "\\n".utf8)
                case 0x0D: output.append(contentsOf: "\\r".utf8)
                case 0x09: output.append(contentsOf: "\\t".utf8)
                case 0..<0x20, 0x7F: escape(UInt32(byte), into: &output)
                case 0xC2, 0xD8, 0xE2:
                    // A two- or three-byte scalar that may be a C1 control or a bidirectional override.
                    let length = byte == 0xE2 ? 3 : 2
                    guard index + length <= bytes.count else {
                        output.append(byte)
                        break
                    }
                    let scalar = bytes[index..<index + length].dropFirst().reduce(UInt32(byte) & (length == 3 ? 0x0F : 0x1F)) {
                        $0 << 6 | UInt32($1 & 0x3F)
                    }
                    if let unicode = Unicode.Scalar(scalar), UnsafeCharacters.isUnsafe(unicode) {
                        escape(scalar, into: &output)
                    } else {
                        output.append(contentsOf: bytes[index..<index + length])
                    }
                    index += length
                    continue
                default: output.append(byte)
                }
                index += 1
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func needsLook(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    private static func escape(_ scalar: UInt32, into output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(contentsOf: "\\u".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { output.append(hex[Int(scalar >> UInt32(shift) & 0xF)]) }
    }
}

/// An `Encoder` that fills a `JSONNode`.
struct NodeEncoder: Encoder {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        node.set(.object)
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        node.set(.array)
        return UnkeyedNodeContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(node: node, codingPath: codingPath) }

    /// Encodes a value into a node: numbers, strings and booleans directly, anything else through its `encode(to:)`.
    static func encode(_ value: some Encodable, into node: JSONNode, at codingPath: [any CodingKey]) throws {
        switch value {
        case let value as String: node.set(.string(value))
        case let value as Bool: node.set(.bool(value))
        case let value as any BinaryInteger: node.set(.number("\(value)"))
        case let value as Double where !value.isFinite: node.set(.null)
        case let value as Double:
            // As `JSONEncoder` writes a double: Swift's shortest form, without a trailing `.0`.
            var text = value.description
            if text.hasSuffix(".0") { text.removeLast(2) }
            node.set(.number(text))
        default: try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
        }
    }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).set(.null) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try NodeEncoder.encode(value, into: node.member(key.stringValue), at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.member("super"), codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
    }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]
    var count: Int { node.elementCount }

    mutating func encodeNil() throws { node.element().set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try NodeEncoder.encode(value, into: node.element(), at: codingPath) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        NodeEncoder(node: node.element(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        NodeEncoder(node: node.element(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { NodeEncoder(node: node.element(), codingPath: codingPath) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: JSONNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.set(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws { try NodeEncoder.encode(value, into: node, at: codingPath) }
}
