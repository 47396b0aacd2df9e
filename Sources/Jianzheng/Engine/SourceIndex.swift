/// The data sources of a catalogue indexed by the items they hold, so that finding the sources that cover a
/// material's proved items looks only at sources holding one of them (not at every source for every material).
struct SourceIndex: Sendable {
    /// Sources sorted by name, each with its items as a set.
    private let sources: [(source: DataSource, items: Set<String>)]
    private let byName: [String: Int]
    private let byItem: [String: [Int]]

    init(_ sources: some Sequence<DataSource>) {
        self.sources = sources.sorted { $0.name < $1.name }.map { ($0, Set($0.items)) }
        var byName: [String: Int] = [:]
        var byItem: [String: [Int]] = [:]
        for (index, entry) in self.sources.enumerated() {
            byName[entry.source.name] = index
            for item in entry.items { byItem[item, default: []].append(index) }
        }
        self.byName = byName
        self.byItem = byItem
    }

    /// The sources named, and those holding every item in `proves` (none when it is empty), in name order.
    /// (`proves` is a material's few items: looked up one by one, no set is built for it.)
    func candidates(named names: [String], proving proves: [String]) -> [DataSource] {
        // Only the sources holding the rarest of the items can hold them all: with items of very unequal popularity
        // (one fact held by nearly every source) the first item's list could be every source.
        let holders = proves.lazy.map { self.byItem[$0] ?? [] }.min { $0.count < $1.count } ?? []
        // Most materials name no source: the item's list is already in index order, no set is needed.
        if names.isEmpty {
            return holders.filter { proves.allSatisfy(sources[$0].items.contains) }.map { sources[$0].source }
        }
        var found = Set(names.compactMap { byName[$0] })
        for index in holders where proves.allSatisfy(sources[index].items.contains) { found.insert(index) }
        return found.sorted().map { sources[$0].source }
    }
}
