import Foundation
import JianzhengBase
import JianzhengXML

/// Writes an imported legal text as an Akoma Ntoso 3.0 document: valid against the official OASIS schema and the
/// project's own (`CorpusSchema`), project metadata in `proprietary`.
public enum AkomaNtosoWriter {
    /// What the text does not say about itself, or says otherwise: given on the command line.
    public struct Metadata: Sendable {
        public var title: String
        public var documentNumber: String?
        public var rank: LegalRank
        public var issuer: String
        public var territory: String
        public var territoryName: String
        public var promulgated: CalendarDate
        /// When the act first took effect.
        public var effective: CalendarDate
        /// When this text (version) takes effect: the act's effective date for its first text.
        public var versionFrom: CalendarDate
        /// The official source the text was imported from; the text is `verified` only when one is named.
        public var source: String?
        /// The FRBR work URI; derived from the 文号 or the title when not given.
        public var workURI: String
        /// For a new version: the articles its amendment renumbered, old eId → new.
        public var renumbered: [String: String] = [:]

        public init(
            title: String, documentNumber: String?, rank: LegalRank, issuer: String, territory: String, territoryName: String,
            promulgated: CalendarDate, effective: CalendarDate, versionFrom: CalendarDate? = nil, source: String?, workURI: String
        ) {
            self.title = title
            self.documentNumber = documentNumber
            self.rank = rank
            self.issuer = issuer
            self.territory = territory
            self.territoryName = territoryName
            self.promulgated = promulgated
            self.effective = effective
            self.versionFrom = versionFrom ?? effective
            self.source = source
            self.workURI = workURI
        }
    }

    /// The work URI of an act: `/akn/cn/act/2003/gwyl-387` for 国务院令第387号, `/akn/cn/act/2005/zxfl-39` for a
    /// 主席令, a stable hash of the title otherwise; a document without articles is a `doc`.
    public static func workURI(title: String, documentNumber: String?, year: Int, hasArticles: Bool) -> String {
        let kind = hasArticles ? "act" : "doc"
        var slug = "jz-" + String(stableHash(title), radix: 16)
        if let number = documentNumber {
            let digits = number.split(whereSeparator: { !ChineseNumeral.isNumeral($0) }).last.flatMap { ChineseNumeral.parse($0) }
            if let digits, number.contains("国务院令") { slug = "gwyl-\(digits)" }
            if let digits, number.contains("主席令") { slug = "zxfl-\(digits)" }
        }
        return "/akn/cn/\(kind)/\(year)/\(slug)"
    }

    /// FNV-1a over the UTF-8 bytes: the same title gives the same URI on every machine.
    private static func stableHash(_ text: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The document's bytes; `generated` is the manifestation's date (the day of the import).
    public static func write(_ imported: LegalTextImporter.Result, metadata: Metadata, generated: CalendarDate) -> Data {
        let writer = XMLWriter(indented: true)
        writer.start("akomaNtoso", ["xmlns": CorpusDocumentReader.aknNamespace, "xmlns:jz": CorpusDocumentReader.metadataNamespace])
        writer.start(imported.hasArticles ? "act" : "doc", ["name": metadata.title])
        meta(writer, metadata, generated: generated)
        // The title block and contents as written: not read by the engine, kept so the document holds the whole text.
        if !imported.preface.isEmpty { blocks(writer, "preface", imported.preface) }
        writer.start(imported.hasArticles ? "body" : "mainBody")
        for line in imported.opening { writer.element("p", text: line) }
        for unit in imported.body { self.unit(writer, unit) }
        writer.end()
        if !imported.annexes.isEmpty {
            writer.start("attachments")
            for annex in imported.annexes { self.annex(writer, annex, metadata: metadata, generated: generated) }
            writer.end()
        }
        writer.end()
        writer.end()
        return writer.finish()
    }

    /// An annex is a document of its own in Akoma Ntoso (an `attachment` holding a `doc` with its identification);
    /// its items are `hcontainer`s named `item` with eIds `att_N__item_M`, the eIds 附件N第M项 cites.
    private static func annex(_ writer: XMLWriter, _ annex: LegalTextImporter.Annex, metadata: Metadata, generated: CalendarDate) {
        writer.start("attachment", ["eId": annex.eId])
        writer.element("num", text: annex.written)
        if let heading = annex.heading { writer.element("heading", text: heading) }
        writer.start("doc", ["name": "annex"])
        writer.start("meta")
        identification(writer, metadata, generated: generated, component: annex.eId)
        writer.end()
        writer.start("mainBody")
        for line in annex.intro { writer.element("p", text: line) }
        for item in annex.items { unit(writer, item) }
        // Akoma Ntoso wants a body with something in it.
        if annex.intro.isEmpty, annex.items.isEmpty { writer.element("p", text: "") }
        writer.end()
        writer.end()
        writer.end()
    }

    private static func meta(_ writer: XMLWriter, _ metadata: Metadata, generated: CalendarDate) {
        writer.start("meta")
        identification(writer, metadata, generated: generated, component: "main")
        writer.start("proprietary", ["source": "#jianzheng"])
        writer.start("jz:act", [
            "rank": metadata.rank.rawValue, "territory": metadata.territory, "territoryName": metadata.territoryName,
            "issuer": metadata.issuer, "effective": metadata.effective.description,
            "textStatus": metadata.source == nil ? LegalAct.TextStatus.unverified.rawValue : LegalAct.TextStatus.verified.rawValue,
        ])
        for (from, to) in metadata.renumbered.sorted(by: { $0.key < $1.key }) { writer.element("jz:renumbered", ["from": from, "to": to]) }
        if let source = metadata.source { writer.element("jz:note", text: "imported from the official text: \(source)") }
        writer.end()
        writer.end()
        writer.end()
    }

    /// The FRBR identification of the document (`component` main) or of one of its annexes (`att_N`).
    private static func identification(_ writer: XMLWriter, _ metadata: Metadata, generated: CalendarDate, component: String) {
        let expression = "\(metadata.workURI)/zho@\(metadata.versionFrom)"
        let author = "#" + metadata.issuer
        writer.start("identification", ["source": "#jianzheng"])
        writer.start("FRBRWork")
        writer.element("FRBRthis", ["value": metadata.workURI + "/!" + component])
        writer.element("FRBRuri", ["value": metadata.workURI])
        writer.element("FRBRdate", ["date": metadata.promulgated.description, "name": "promulgation"])
        writer.element("FRBRauthor", ["href": author])
        writer.element("FRBRcountry", ["value": "cn"])
        if let number = metadata.documentNumber { writer.element("FRBRnumber", ["value": number]) }
        writer.element("FRBRname", ["value": metadata.title])
        writer.end()
        writer.start("FRBRExpression")
        writer.element("FRBRthis", ["value": expression + "/!" + component])
        writer.element("FRBRuri", ["value": expression])
        writer.element("FRBRdate", ["date": metadata.versionFrom.description, "name": "version"])
        writer.element("FRBRauthor", ["href": author])
        writer.element("FRBRlanguage", ["language": "zho"])
        writer.end()
        writer.start("FRBRManifestation")
        writer.element("FRBRthis", ["value": expression + "/!" + component + ".xml"])
        writer.element("FRBRuri", ["value": expression + ".akn"])
        writer.element("FRBRdate", ["date": generated.description, "name": "generation"])
        writer.element("FRBRauthor", ["href": "#jianzheng"])
        writer.end()
        writer.end()
    }

    private static func unit(_ writer: XMLWriter, _ unit: LegalTextImporter.Unit) {
        let element: String =
            switch unit.kind {
            case .book: "book"
            case .chapter: "chapter"
            case .section: "section"
            case .article: "article"
            case .paragraph: "paragraph"
            case .point: "point"
            case .item: "hcontainer"
            }
        if unit.kind == .item { writer.start(element, ["eId": unit.eId, "name": "item"]) } else { writer.start(element, ["eId": unit.eId]) }
        writer.element("num", text: unit.number)
        if let heading = unit.heading { writer.element("heading", text: heading) }
        let text = unit.text.map { $0.split(separator: "\n").map(String.init) } ?? []
        let divides = [.book, .chapter, .section].contains(unit.kind)
        if unit.children.isEmpty {
            // Every provision holds some text, if only an empty paragraph, as both schemas require.
            blocks(writer, "content", text.isEmpty ? [""] : text)
        } else if divides {
            if !text.isEmpty { blocks(writer, "content", text) }
            for child in unit.children { self.unit(writer, child) }
        } else {
            if !text.isEmpty { blocks(writer, "intro", text) }
            for child in unit.children { self.unit(writer, child) }
        }
        writer.end()
    }

    private static func blocks(_ writer: XMLWriter, _ name: String, _ paragraphs: [String]) {
        writer.start(name)
        for paragraph in paragraphs { writer.element("p", text: paragraph) }
        writer.end()
    }
}
