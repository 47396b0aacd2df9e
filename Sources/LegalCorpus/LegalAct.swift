import JianzhengBase

/// An act (a FRBR work) with all its versions (expressions). An immutable reference type, so that the many
/// citations resolving to one act share it; assembling the corpus makes a new act with all its versions.
public final class LegalAct: Sendable {
    /// The FRBR work URI, e.g. `/akn/cn/act/2003/387`.
    public let workURI: String
    public let title: String
    /// Short titles and other names the act is cited by.
    public let aliases: [String]
    /// 文号, e.g. `国务院令第387号`.
    public let documentNumber: String?
    public let issuer: String
    public let rank: LegalRank
    /// `CN` for national acts, `CN-62` for Gansu, and so on; a territory applies to its sub-territories.
    public let territory: String
    public let territoryName: String
    public let promulgated: CalendarDate
    public let effective: CalendarDate
    public let repealed: CalendarDate?
    /// The work URI of the act that repealed or replaced this one.
    public let repealedBy: String?
    public let replaces: [String]
    public let delegatesFrom: [String]
    /// Whether the article text was checked against an official source.
    public let textStatus: TextStatus
    public let notes: [String]
    /// Versions by start date, oldest first.
    public let versions: [ActVersion]

    init(
        workURI: String, title: String, aliases: [String], documentNumber: String?, issuer: String, rank: LegalRank,
        territory: String, territoryName: String, promulgated: CalendarDate, effective: CalendarDate, repealed: CalendarDate?,
        repealedBy: String?, replaces: [String], delegatesFrom: [String], textStatus: TextStatus, notes: [String],
        versions: [ActVersion]
    ) {
        self.workURI = workURI
        self.title = title
        self.aliases = aliases
        self.documentNumber = documentNumber
        self.issuer = issuer
        self.rank = rank
        self.territory = territory
        self.territoryName = territoryName
        self.promulgated = promulgated
        self.effective = effective
        self.repealed = repealed
        self.repealedBy = repealedBy
        self.replaces = replaces
        self.delegatesFrom = delegatesFrom
        self.textStatus = textStatus
        self.notes = notes
        self.versions = versions
    }

    /// This act with other versions (the corpus loader reads each version as an act of one version).
    func with(versions: [ActVersion]) -> LegalAct {
        LegalAct(
            workURI: workURI, title: title, aliases: aliases, documentNumber: documentNumber, issuer: issuer, rank: rank,
            territory: territory, territoryName: territoryName, promulgated: promulgated, effective: effective, repealed: repealed,
            repealedBy: repealedBy, replaces: replaces, delegatesFrom: delegatesFrom, textStatus: textStatus, notes: notes,
            versions: versions)
    }

    public enum TextStatus: String, Sendable, Codable {
        case verified, excerpt, unverified
    }

    /// The version in force on a date, if any.
    public func version(on date: CalendarDate) -> ActVersion? {
        versions.last { $0.validFrom <= date && $0.validUntil.map { date < $0 } ?? true }
    }

    /// Whether the act applies in a territory (`CN-62-01` is inside `CN-62`).
    public func applies(in territory: String) -> Bool {
        territory == self.territory || territory.hasPrefix(self.territory + "-")
    }
}

/// One version of an act: the text valid from a date until the next version or the repeal.
public struct ActVersion: Sendable {
    /// The FRBR expression URI.
    public let expressionURI: String
    public let validFrom: CalendarDate
    /// Exclusive end: the next version's start, or the act's repeal date.
    public internal(set) var validUntil: CalendarDate?
    /// Provisions by eId (`art_15__para_1__point_4`).
    public let provisions: ProvisionTable
    /// The document this version was read from.
    public let path: String
    /// Articles this version's amendment renumbered: the old eId (`art_2`) → its new one (`art_4`). A citation
    /// of `art_2` written before the amendment may mean what is now `art_4`.
    public internal(set) var renumbered: [String: String] = [:]
}

/// A version's provisions, in the order of their eIds and found by eId: one array of them, not a hash table (a
/// corpus holds hundreds of thousands, and a table of a hundred entries takes room for two hundred and fifty-six).
public struct ProvisionTable: RandomAccessCollection, Sendable {
    private let sorted: [Provision]

    /// The provisions of a table by eId.
    public init(_ provisions: [String: Provision]) {
        sorted = provisions.values.sorted { $0.eId < $1.eId }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { sorted.count }
    public subscript(position: Int) -> Provision { sorted[position] }

    /// The provision of an eId.
    public subscript(eId: String) -> Provision? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle].eId < eId { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low].eId == eId ? sorted[low] : nil
    }
}

/// An article, paragraph (款) or point (项) with its text.
public struct Provision: Sendable {
    public let eId: String
    /// For a point (项, 目), the words that introduce its list in the provision above it ("公证机构办理下列公证事项："):
    /// a point quoted alone does not say what it is a point of. Nil when there are none.
    public func chapeau(in version: ActVersion) -> String? {
        // An annex item is introduced by its annex's heading (附件1 国务院决定取消的证明事项目录).
        guard let cut = Self.lastOccurrence(of: "__point_", in: eId) ?? Self.lastOccurrence(of: "__item_", in: eId) else { return nil }
        guard let parent = version.provisions[String(eId[..<cut])] ?? Self.article(of: eId).flatMap({ version.provisions[$0] }),
            let lineEnd = Self.firstLineEnd(parent.text)
        else { return nil }
        // The words before the first line break, unless they are themselves a numbered item.
        let first = parent.text[..<lineEnd]
        guard let character = first.first, character != "（", character != "(", !(character.isASCII && character.isNumber) else { return nil }
        return String(first)
    }

    /// Where the ASCII `marker` last begins in `text`, found by bytes (an eId is a few dozen ASCII bytes; a search of
    /// Unicode text is much slower, and an ASCII byte never occurs inside another character's bytes).
    private static func lastOccurrence(of marker: StaticString, in text: String) -> String.Index? {
        let pattern = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard let head = pattern.first else { return nil }
        let bytes = text.utf8
        var end = bytes.endIndex
        while let candidate = bytes[..<end].lastIndex(of: head) {
            if bytes[candidate...].starts(with: pattern) { return candidate }
            end = candidate
        }
        return nil
    }

    /// Where the first line of `text` ends (before its line feed, or its CR LF), or nil when the text is a single
    /// line or begins with a line break.
    private static func firstLineEnd(_ text: String) -> String.Index? {
        let bytes = text.utf8
        guard var end = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        if end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "\r") { end = bytes.index(before: end) }
        return end == bytes.startIndex ? nil : end
    }

    /// The article a point written without its paragraph belongs to (`art_15__point_4` → `art_15`).
    private static func article(of eId: String) -> String? {
        eId.components(separatedBy: "__").first
    }
    /// The human label, e.g. `第十五条第一款第（四）项`.
    public let label: String
    /// The full text of the provision, including its sub-provisions.
    public let text: String
    public let line: Int
}
