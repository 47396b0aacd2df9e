import JianzhengSyntax
import LegalCorpus

/// Every distinct citation text of a catalogue, parsed once. A `CitationReference` points into it by `id`,
/// so the resolver and the engine resolve a text cited thousands of times without parsing or hashing it again.
public struct CitationTable: Sendable {
    public private(set) var texts: [String] = []
    /// `CitationParser.parse` of each text; filled in by `parsePending()`.
    private(set) var parsed: [Result<Citation, CitationSyntaxError>] = []
    private var index: [Utf8Key: Int32] = [:]

    public init() {}

    /// The id of a text, adding it when new.
    mutating func intern(_ text: String) -> Int32 {
        let key = Utf8Key(text)
        if let id = index[key] { return id }
        let id = Int32(texts.count)
        texts.append(text)
        index[key] = id
        return id
    }

    /// Parses the texts added since the last call, in parallel.
    mutating func parsePending() {
        let pending = Array(texts[parsed.count...])
        parsed += ConcurrentSlots<Result<Citation, CitationSyntaxError>>.map(pending) { CitationParser.parse($0) }
    }

    /// Resolves a reference on a date (nil: any version) in a territory (nil: anywhere).
    func resolve(_ reference: CitationReference, in corpus: LegalCorpus, on date: CalendarDate? = nil, territory: String? = nil) -> ResolvedCitation {
        let id = Int(reference.id)
        guard id >= 0, id < parsed.count else { return corpus.resolve(reference.text, on: date, in: territory) }
        return corpus.resolve(parsed: parsed[id], text: reference.text, on: date, in: territory)
    }
}
