import JianzhengBase

/// One copy of each distinct list of names, and of each distinct text, read from a file. A catalogue's materials name
/// the same few issuers and proved items and promise in the same words again and again, and its procedures name the
/// same departments, domains and territories: a list or a text of its own is an allocation of 48–64 bytes (at 500,000
/// procedures the materials' two lists alone were about 350 MB). A value is kept as it is written (compared by its
/// bytes), so sharing it changes nothing a reader sees.
struct SharedValues {
    private var texts: [Utf8Key: String] = [:]
    private var singles: [Utf8Key: [String]] = [:]
    private var longer: [[Utf8Key]: [String]] = [:]

    /// `text`, or an equal text read earlier from the same file.
    mutating func shared(_ text: String) -> String {
        // A short text is held inline, in no allocation of its own.
        guard text.utf8.count > 15 else { return text }
        let key = Utf8Key(text)
        if let known = texts[key] { return known }
        texts[key] = text
        return text
    }

    /// `text`, shared, when there is one.
    mutating func shared(_ text: String?) -> String? {
        text.map { shared($0) }
    }

    /// `names`, or an equal list read earlier from the same file.
    mutating func shared(_ names: [String]) -> [String] {
        switch names.count {
        case 0: return names
        case 1:
            let key = Utf8Key(names[0])
            if let known = singles[key] { return known }
            singles[key] = names
            return names
        default:
            let key = names.map(Utf8Key.init)
            if let known = longer[key] { return known }
            longer[key] = names
            return names
        }
    }
}
