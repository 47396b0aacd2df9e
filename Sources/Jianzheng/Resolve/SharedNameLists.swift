import JianzhengBase

/// One array for each distinct list of names read from a file. A catalogue's materials name the same few issuers and
/// proved items again and again, and a list of one's own is an allocation of 48–64 bytes: at 500,000 procedures two
/// per material were about 450 MB. A list is kept as it is written (names compared by their bytes), so sharing it
/// changes nothing a reader sees.
struct SharedNameLists {
    private var singles: [Utf8Key: [String]] = [:]
    private var longer: [[Utf8Key]: [String]] = [:]

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
