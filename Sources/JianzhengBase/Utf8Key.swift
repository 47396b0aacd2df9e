/// A string hashed and compared by its UTF-8 bytes, as written. `String` hashes Chinese text through Unicode
/// normalisation, several times slower; names and citations in `.jz` files are matched as written, so a
/// byte key gives the same grouping for the dictionaries the resolver and the engine build per requirement.
public struct Utf8Key: Hashable, Sendable {
    public let text: String

    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    public func hash(into hasher: inout Hasher) {
        text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            ?? hasher.combine(text)
    }

    public static func == (lhs: Utf8Key, rhs: Utf8Key) -> Bool {
        lhs.text.hasSameBytes(as: rhs.text)
    }
}
