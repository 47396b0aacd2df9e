import JianzhengBase

/// One copy of each distinct list of names, and of each distinct text, read from a file. A catalogue's materials name
/// the same few issuers and proved items and promise in the same words again and again, and its procedures name the
/// same departments, domains and territories: a list or a text of its own is an allocation of 48–64 bytes (at 500,000
/// procedures the materials' two lists alone were about 350 MB). A value is kept as it is written (compared by its
/// bytes), so sharing it changes nothing a reader sees.
struct SharedValues {
    private var texts: Set<Utf8Key> = []
    private var lists: Set<NameList> = []

    /// `text`, or an equal text read earlier from the same file.
    mutating func shared(_ text: String) -> String {
        // A short text is held inline, in no allocation of its own.
        guard text.utf8.count > 15 else { return text }
        // One hash, found or new: `insert` hands back the member already there.
        return texts.insert(Utf8Key(text)).memberAfterInsert.text
    }

    /// `text`, shared, when there is one.
    mutating func shared(_ text: String?) -> String? {
        text.map { shared($0) }
    }

    /// `names`, or an equal list read earlier from the same file.
    mutating func shared(_ names: [String]) -> [String] {
        names.isEmpty ? names : lists.insert(NameList(names)).memberAfterInsert.names
    }

    /// A list of names hashed and compared by their bytes, as written, without a key array of its own.
    private struct NameList: Hashable {
        let names: [String]

        init(_ names: [String]) {
            self.names = names
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(names.count)
            for name in names {
                hasher.combine(name.utf8.count)
                Utf8Key(name).hash(into: &hasher)
            }
        }

        static func == (lhs: NameList, rhs: NameList) -> Bool {
            lhs.names.count == rhs.names.count && zip(lhs.names, rhs.names).allSatisfy { $0.hasSameBytes(as: $1) }
        }
    }
}
