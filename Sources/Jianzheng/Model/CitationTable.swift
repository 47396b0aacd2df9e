import JianzhengBase
import LegalCorpus

/// Every distinct citation text of a catalogue, parsed once, so that the resolver and the engine resolve a
/// text cited thousands of times without parsing or hashing it again.
///
/// Files are read in parallel, each into its own table; binding adds each file's texts as a segment. A
/// `CitationReference` names its segment and its position in the file's table, and `id(of:)` maps that to
/// the catalogue-wide id.
public struct CitationTable: Sendable {
    private var interner = StringInterner()
    /// `CitationParser.parse` of each text; filled in by `parsePending()`.
    private(set) var parsed: [Result<Citation, CitationSyntaxError>] = []
    /// For each segment, the catalogue-wide id of each of the file's texts.
    private var segments: [[Int32]] = []

    public init() {}

    var segmentCount: Int { segments.count }

    /// Adds one file's distinct texts, in the order of the file's own ids.
    mutating func addSegment(_ fileTexts: [String]) {
        segments.append(fileTexts.map { intern($0) })
    }

    /// The catalogue-wide id of a reference; nil for one the resolver did not read.
    func id(of reference: CitationReference) -> Int32? {
        id(segment: reference.segment, local: reference.id)
    }

    /// The catalogue-wide id of a file's text.
    func id(segment: Int32, local: Int32) -> Int32? {
        let segment = Int(segment), local = Int(local)
        guard segment >= 0, segment < segments.count, local >= 0, local < segments[segment].count else { return nil }
        return segments[segment][local]
    }

    /// The distinct texts in id order.
    public var texts: [String] { interner.strings }

    /// The text with an id.
    func text(_ id: Int32) -> String { interner.strings[Int(id)] }

    /// The id of a text, adding it when new.
    mutating func intern(_ text: String) -> Int32 {
        interner.intern(text)
    }

    /// Parses the texts added since the last call, in parallel.
    mutating func parsePending() {
        let pending = Array(texts[parsed.count...])
        parsed += ConcurrentSlots<Result<Citation, CitationSyntaxError>>.map(pending) { CitationParser.parse($0) }
    }

    /// Whether a reference names its act only by a title several acts share (`LegalCorpus.citesAmbiguousAct`).
    func citesAmbiguousAct(_ reference: CitationReference, in corpus: LegalCorpus) -> Bool {
        guard let id = id(of: reference).map(Int.init), id < parsed.count else {
            // A text the resolver did not read: resolved in full to tell.
            if case .ambiguousAct = corpus.resolve(reference.text).problem { return true }
            return false
        }
        guard case .success(let citation) = parsed[id] else { return false }
        return corpus.citesAmbiguousAct(citation)
    }

    /// Resolves a reference on a date (nil: any version) in a territory (nil: anywhere).
    func resolve(_ reference: CitationReference, in corpus: LegalCorpus, on date: CalendarDate? = nil, territory: String? = nil) -> ResolvedCitation {
        guard let id = id(of: reference).map(Int.init), id < parsed.count else { return corpus.resolve(reference.text, on: date, in: territory) }
        return corpus.resolve(parsed: parsed[id], text: reference.text, on: date, in: territory)
    }
}
