import JianzhengBase

/// The metadata of an imported text: what the command line gives, else what the text states, else what the
/// title and 文号 imply (…法 is a law, a 国务院令 an administrative regulation by 国务院, a number with 〔〕 a
/// normative document). What none of them gives is an error asking for the flag.
public enum ImportMetadata {
    /// The flags of `corpus import`, each nil when not given.
    public struct Flags: Sendable {
        public var title, number, issuer, territory, territoryName, source, work: String?
        public var rank: LegalRank?
        public var promulgated, effective: CalendarDate?

        public init() {}
    }

    /// The metadata of the text; with `previous` (the act's version in the corpus, `--version-of`), of a new
    /// version of that act: its work, title, rank, issuer and territory, and the date this text takes effect.
    public static func resolve(
        _ imported: LegalTextImporter.Result, flags: Flags, path: String, previous: LegalAct? = nil
    ) -> (AkomaNtosoWriter.Metadata?, [Diagnostic]) {
        if let previous { return version(of: previous, imported, flags: flags, path: path) }
        var missing: [(String, String)] = []
        let block = imported.titleBlock
        let title = flags.title ?? block.title
        let number = flags.number ?? block.documentNumber
        let rank = flags.rank ?? title.flatMap { inferredRank(title: $0, number: number) }
        let issuer = flags.issuer ?? number.flatMap { $0.contains("国务院令") ? "国务院" : nil }
        let effective = flags.effective ?? block.effective
        let promulgated = flags.promulgated ?? block.promulgated ?? block.adopted
        let territory = flags.territory ?? "CN"
        let territoryName = flags.territoryName ?? (territory == "CN" ? "全国" : nil)
        if title == nil { missing.append(("title", "--title")) }
        if rank == nil { missing.append(("rank", "--rank (law, administrative-regulation, …)")) }
        if issuer == nil { missing.append(("issuer (制定机关)", "--issuer")) }
        if effective == nil { missing.append(("date of effect (施行日期)", "--effective YYYY-MM-DD")) }
        if promulgated == nil { missing.append(("date of promulgation (公布日期)", "--promulgated YYYY-MM-DD")) }
        if territoryName == nil { missing.append(("territory's name", "--territory-name")) }
        let at = SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        let diagnostics = missing.map { Diagnostic(.importMetadataMissing, "the text does not say its \($0.0); give \($0.1)", at: at) }
        guard let title, let rank, let issuer, let effective, let promulgated, let territoryName else { return (nil, diagnostics) }
        let work = flags.work ?? AkomaNtosoWriter.workURI(title: title, documentNumber: number, year: promulgated.year, hasArticles: imported.hasArticles)
        return (
            AkomaNtosoWriter.Metadata(
                title: title, documentNumber: number, rank: rank, issuer: issuer, territory: territory, territoryName: territoryName,
                promulgated: promulgated, effective: effective, source: flags.source, workURI: work),
            diagnostics
        )
    }

    private static func version(
        of previous: LegalAct, _ imported: LegalTextImporter.Result, flags: Flags, path: String
    ) -> (AkomaNtosoWriter.Metadata?, [Diagnostic]) {
        let at = SourceRange(at: SourceLocation(path: path, line: 1, column: 1))
        let latest = previous.versions.last?.validFrom ?? previous.effective
        // The title block of an amended text states when the act was first adopted; the new text's date is
        // given by flag unless the block names a later one.
        guard let from = flags.effective ?? imported.titleBlock.effective, from > latest else {
            return (nil, [Diagnostic(
                .importMetadataMissing, "the text does not say its date of effect after \(latest); give --effective YYYY-MM-DD", at: at)])
        }
        return (
            AkomaNtosoWriter.Metadata(
                title: previous.title, documentNumber: previous.documentNumber, rank: previous.rank, issuer: previous.issuer,
                territory: previous.territory, territoryName: previous.territoryName, promulgated: previous.promulgated,
                effective: previous.effective, versionFrom: from, source: flags.source, workURI: previous.workURI),
            []
        )
    }

    /// The rank the title and 文号 imply, when they imply one.
    static func inferredRank(title: String, number: String?) -> LegalRank? {
        if title.hasSuffix("法"), !title.hasSuffix("办法") { return .law }
        if let number, number.contains("国务院令"), title.hasSuffix("条例") || title.hasSuffix("规定") || title.hasSuffix("办法") {
            return .administrativeRegulation
        }
        if let number, number.contains("〔") { return .normativeDocument }
        return nil
    }
}
