import JianzhengBase

/// The data sources of a catalogue indexed by the items they hold, so that finding the sources that cover a
/// material's proved items looks only at sources holding one of them (not at every source for every material).
///
/// Items are numbered once: a material's items are looked up by text once each, and every containment test
/// after that compares small integers (testing each candidate source's set of texts hashed the material's
/// items again for every source holding the rarest one).
struct SourceIndex: Sendable {
    /// Sources sorted by name, each with the numbers of its items in ascending order.
    private let sources: [(source: DataSource, items: [Int32])]
    private let byName: [String: Int]
    /// The number of each item any source holds (items compare as Unicode text, as `Set<String>` did).
    private let itemNumbers: [String: Int32]
    /// The same numbers by the items' bytes as the sources write them: an item written alike is found without hashing
    /// Unicode text (which normalises it first); only one written otherwise is looked up as text.
    private let itemNumbersByBytes: [Utf8Key: Int32]
    /// For each item number, the sources holding it, in index order.
    private let holders: [[Int]]
    /// The same sources themselves: what a material proving that one item and naming no source finds, one array
    /// shared by every such material instead of an array of its own for each (an allocation less per material; the
    /// peak at 500,000 procedures did not measurably change).
    private let holdingSources: [[DataSource]]

    init(_ sources: some Sequence<DataSource>) {
        let sorted = sources.sorted { $0.name < $1.name }
        var byName: [String: Int] = [:]
        var itemNumbers: [String: Int32] = [:]
        var itemNumbersByBytes: [Utf8Key: Int32] = [:]
        var holders: [[Int]] = []
        var indexed: [(source: DataSource, items: [Int32])] = []
        indexed.reserveCapacity(sorted.count)
        for (index, source) in sorted.enumerated() {
            byName[source.name] = index
            var numbers: [Int32] = []
            numbers.reserveCapacity(source.items.count)
            for item in source.items {
                let number = itemNumbers[item] ?? {
                    itemNumbers[item] = Int32(holders.count)
                    holders.append([])
                    return Int32(holders.count - 1)
                }()
                itemNumbersByBytes[Utf8Key(item)] = number
                // A source listing an item twice holds it once.
                if !numbers.contains(number) {
                    numbers.append(number)
                    holders[Int(number)].append(index)
                }
            }
            indexed.append((source, numbers.sorted()))
        }
        self.sources = indexed
        self.byName = byName
        self.itemNumbers = itemNumbers
        self.itemNumbersByBytes = itemNumbersByBytes
        self.holders = holders
        holdingSources = holders.map { $0.map { indexed[$0].source } }
    }

    /// The sources named, and those holding every item in `proves` (none when it is empty), in name order.
    func candidates(named names: [String], proving proves: [String]) -> [DataSource] {
        var numbers: [Int32] = []
        numbers.reserveCapacity(proves.count)
        // An item no source holds: no source can hold them all.
        var heldByNone = proves.isEmpty
        for item in proves {
            guard let number = itemNumbersByBytes[Utf8Key(item)] ?? itemNumbers[item] else {
                heldByNone = true
                break
            }
            numbers.append(number)
        }
        // Most materials name no source and prove one item: its sources, listed once.
        if names.isEmpty, numbers.count == 1, !heldByNone { return holdingSources[Int(numbers[0])] }
        // Only the sources holding the rarest of the items can hold them all: with items of very unequal popularity
        // (one fact held by nearly every source) the first item's list could be every source. (Loops, not closures:
        // a closure capturing the index copies it, retaining each of its arrays, on every call.)
        var rarest = -1
        if !heldByNone {
            for number in numbers where rarest < 0 || holders[Int(number)].count < holders[rarest].count { rarest = Int(number) }
        }
        let holding = rarest < 0 ? [] : holders[rarest]
        // Otherwise the rarest item's list is already in index order, no set is needed.
        if names.isEmpty {
            // Counted first, so that the list (held by the material's profile) is allocated at its size.
            var count = 0
            for index in holding where holdsAll(numbers, index) { count += 1 }
            var found: [DataSource] = []
            found.reserveCapacity(count)
            for index in holding where holdsAll(numbers, index) { found.append(sources[index].source) }
            return found
        }
        var found = Set(names.compactMap { byName[$0] })
        for index in holding where holdsAll(numbers, index) { found.insert(index) }
        return found.sorted().map { sources[$0].source }
    }

    /// Whether the source at `index` holds every item numbered in `numbers`.
    private func holdsAll(_ numbers: [Int32], _ index: Int) -> Bool {
        for number in numbers where !Self.contains(sources[index].items, number) { return false }
        return true
    }

    /// Whether an ascending list of a source's item numbers holds `number` (a source has a few dozen at most).
    private static func contains(_ items: [Int32], _ number: Int32) -> Bool {
        var low = 0
        var high = items.count
        while low < high {
            let middle = (low + high) / 2
            if items[middle] < number { low = middle + 1 } else { high = middle }
        }
        return low < items.count && items[low] == number
    }
}
