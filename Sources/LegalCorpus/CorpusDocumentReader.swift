import JianzhengBase
import JianzhengXML

/// Reads one validated Akoma Ntoso document into an act and its one version.
struct CorpusDocumentReader {
    static let aknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    static let metadataNamespace = "urn:jianzheng:legal-metadata:1"

    let tree: XMLTree

    /// The act described by the document, with a single version; or diagnostics when metadata is unusable.
    func read() -> (LegalAct?, [Diagnostic]) {
        guard let root = tree.root, let document = root.children.first,
            let meta = document.child("meta"), let identification = meta.child("identification"),
            let work = identification.child("FRBRWork"), let expression = identification.child("FRBRExpression"),
            let metadata = meta.child("proprietary")?.child("act"), let body = document.child("body") ?? document.child("mainBody")
        else {
            return (nil, [problem("document lacks the meta, identification, proprietary or body element", line: 1)])
        }
        var diagnostics: [Diagnostic] = []
        // What the project's schema lets through for older corpora but Akoma Ntoso does not.
        if identification.child("FRBRManifestation") == nil {
            diagnostics.append(Diagnostic(
                .corpusNotAkomaNtoso, "the identification has no FRBRManifestation: other Akoma Ntoso tools will refuse this document",
                at: SourceRange(at: SourceLocation(path: tree.path, line: identification.line, column: 1))))
        }
        if document.isNamed("doc"), document.child("body") != nil {
            diagnostics.append(Diagnostic(
                .corpusNotAkomaNtoso, "a doc's body is called mainBody in Akoma Ntoso: other Akoma Ntoso tools will refuse this document",
                at: SourceRange(at: SourceLocation(path: tree.path, line: body.line, column: 1))))
        }
        func date(_ element: XMLElementRef?, _ attribute: String) -> CalendarDate? {
            guard let element, let text = element.attribute(attribute) else { return nil }
            guard let value = CalendarDate(text) else {
                diagnostics.append(problem("invalid date '\(text)' in \(attribute)", line: element.line))
                return nil
            }
            return value
        }
        guard let workURI = work.child("FRBRuri")?.attribute("value"),
            let expressionURI = expression.child("FRBRuri")?.attribute("value"),
            let promulgated = date(work.child("FRBRdate"), "date"),
            let validFrom = date(expression.child("FRBRdate"), "date"),
            let effective = date(metadata, "effective"),
            let rank = metadata.attribute("rank").flatMap(LegalRank.init(rawValue:)),
            let textStatus = metadata.attribute("textStatus").flatMap(LegalAct.TextStatus.init(rawValue:))
        else {
            return (nil, diagnostics + [problem("incomplete FRBR or act metadata", line: meta.line)])
        }
        let title = document.attribute("name") ?? work.child("FRBRname")?.attribute("value") ?? workURI
        var provisions = provisions(in: body, diagnostics: &diagnostics)
        if let attachments = document.child("attachments") { annexes(attachments, into: &provisions, diagnostics: &diagnostics) }
        var version = ActVersion(expressionURI: expressionURI, validFrom: validFrom, validUntil: nil, provisions: ProvisionTable(provisions), path: tree.path)
        for entry in metadata.children where entry.name == "renumbered" {
            if let from = entry.attribute("from"), let to = entry.attribute("to") { version.renumbered[from] = to }
        }
        let act = LegalAct(
            workURI: workURI, title: title,
            aliases: metadata.children.filter { $0.name == "alias" }.map(\.text),
            documentNumber: work.child("FRBRnumber")?.attribute("value"),
            issuer: metadata.attribute("issuer") ?? "", rank: rank,
            territory: metadata.attribute("territory") ?? "CN",
            territoryName: metadata.attribute("territoryName") ?? "",
            promulgated: promulgated, effective: effective, repealed: date(metadata, "repealed"),
            repealedBy: metadata.attribute("repealedBy"),
            replaces: metadata.children.filter { $0.name == "replaces" }.compactMap { $0.attribute("href") },
            delegatesFrom: metadata.children.filter { $0.name == "delegatesFrom" }.compactMap { $0.attribute("href") },
            textStatus: textStatus,
            notes: metadata.children.filter { $0.name == "note" }.map(\.text),
            versions: [version])
        return (act, diagnostics)
    }

    /// Every element reached from the body through elements with an eId, labelled with the chain of its `num`s,
    /// with its text.
    private func provisions(in body: XMLElementRef, diagnostics: inout [Diagnostic]) -> [String: Provision] {
        var result: [String: Provision] = [:]
        var text: [UInt8] = []
        for child in body.elements where child.hasAttribute("eId") {
            text.removeAll(keepingCapacity: true)
            Self.write(child, label: Self.label(of: child, under: ""), to: &text, into: &result, diagnostics: &diagnostics)
        }
        return result
    }

    /// Each annex (`att_N`, labelled 附件N) and its numbered items (`att_N__item_M`, 附件N第M项), with their text.
    private func annexes(_ attachments: XMLElementRef, into provisions: inout [String: Provision], diagnostics: inout [Diagnostic]) {
        for attachment in attachments.children where attachment.isNamed("attachment") {
            guard let eId = attachment.attribute("eId") else { continue }
            let number = attachment.child(named: "num")?.text ?? ""
            var lines = attachment.child(named: "heading").map { [$0.text] } ?? []
            for element in attachment.child("doc")?.child("mainBody")?.children ?? [] {
                if element.isNamed("p") {
                    lines.append(element.text)
                    continue
                }
                guard element.isNamed("hcontainer"), let itemId = element.attribute("eId") else { continue }
                let text = element.child(named: "content")?.children.map(\.text).joined(separator: "\n") ?? ""
                let written = element.child(named: "num")?.text ?? ""
                let position = itemId.split(separator: "_").last.flatMap { Int($0) }
                let label = number + (position.map { "第\(ChineseNumeral.format($0))项" } ?? written)
                record(Provision(eId: itemId, label: label, text: text, line: element.line), at: element, into: &provisions, diagnostics: &diagnostics)
                lines.append(written + text)
            }
            record(
                Provision(eId: eId, label: number, text: lines.joined(separator: "\n"), line: attachment.line), at: attachment, into: &provisions,
                diagnostics: &diagnostics)
        }
    }

    private func record(_ provision: Provision, at element: XMLElementRef, into provisions: inout [String: Provision], diagnostics: inout [Diagnostic]) {
        if provisions[provision.eId] != nil {
            diagnostics.append(Diagnostic(.corpusDuplicateEId, "duplicate eId '\(provision.eId)'", at: SourceRange(at: element.location)))
        }
        provisions[provision.eId] = provision
    }

    /// A provision's label: its parent's, then its own number (`（四）` under an article reads `第（四）项`).
    private static func label(of element: XMLElementRef, under parent: String) -> String {
        let number = element.child(named: "num")?.text ?? ""
        return parent + (element.isNamed("point") && !number.hasPrefix("第") ? "第\(number)项" : number)
    }

    /// The text recorded for a provision and the run of the buffer it was made from.
    private struct WrittenText {
        let bytes: Range<Int>
        let text: String
    }

    /// Appends the text of an element to `text`: its paragraphs joined, sub-provisions prefixed by their numbers.
    /// When the element is a provision (`label` given), it is recorded with its text, and so are the provisions
    /// under it: one pass over one buffer, a provision's text being the run of bytes its element wrote. Returns the
    /// text recorded: a provision whose text is exactly its last sub-provision's (an article of one paragraph, the
    /// usual case) shares that string instead of holding a copy.
    @discardableResult
    private static func write(
        _ element: XMLElementRef, label: String?, to text: inout [UInt8], into provisions: inout [String: Provision],
        diagnostics: inout [Diagnostic]
    ) -> WrittenText? {
        let start = text.count
        var lastWritten: WrittenText?
        var separated = false
        func separate() {
            if separated { text.append(UInt8(ascii: "\n")) }
            separated = true
        }
        for child in element.elements {
            // Articles are numbered through the whole act: 第五条, not 第一章第五条.
            let childLabel = label.flatMap { label in
                child.hasAttribute("eId") ? Self.label(of: child, under: child.isNamed("article") ? "" : label) : nil
            }
            if child.isNamed("content") || child.isNamed("intro") || child.isNamed("wrapUp") {
                separate()
                var first = true
                for line in child.elements {
                    if !first { text.append(UInt8(ascii: "\n")) }
                    first = false
                    line.appendText(to: &text)
                }
            } else if child.isNamed("paragraph") {
                separate()
                lastWritten = write(child, label: childLabel, to: &text, into: &provisions, diagnostics: &diagnostics)
            } else if child.isNamed("point") || child.isNamed("article") || child.isNamed("section") {
                separate()
                child.child(named: "num")?.appendText(to: &text)
                lastWritten = write(child, label: childLabel, to: &text, into: &provisions, diagnostics: &diagnostics)
            } else if childLabel != nil {
                // A provision of its own whose text is not part of this element's.
                let end = text.count
                write(child, label: childLabel, to: &text, into: &provisions, diagnostics: &diagnostics)
                text.removeSubrange(end...)
            }
        }
        guard let label, let eId = element.attribute("eId") else { return nil }
        if let problem = numberMismatch(element, eId: eId) { diagnostics.append(problem) }
        let bytes = start..<text.count
        let written = lastWritten?.bytes == bytes ? lastWritten?.text : nil
        let provision = Provision(eId: eId, label: label, text: written ?? String(decoding: text[bytes], as: UTF8.self), line: element.line)
        if provisions.updateValue(provision, forKey: eId) != nil {
            diagnostics.append(Diagnostic(.corpusDuplicateEId, "duplicate eId '\(eId)'", at: SourceRange(at: element.location)))
        }
        return WrittenText(bytes: bytes, text: provision.text)
    }

    /// An article or point whose `num` names another number than its eId (`art_5` numbered 第六条): a citation
    /// of 第五条 would quote the text of 第六条. Inserted articles (之一) and unnumbered elements are not checked.
    private static func numberMismatch(_ element: XMLElementRef, eId: String) -> Diagnostic? {
        guard element.isNamed("article") || element.isNamed("point"), let expected = trailingNumber(eId),
            let heading = element.child(named: "num")?.text, !heading.unicodeScalars.contains("之")
        else { return nil }
        // Scalar by scalar: a heading is a few characters, but filtering `Character`s segments graphemes.
        var numerals = String.UnicodeScalarView()
        for scalar in heading.unicodeScalars
        where ChineseNumeral.digit(scalar) != nil || ChineseNumeral.unit(scalar) != nil || scalar.isASCII && ("0"..."9").contains(scalar) {
            numerals.append(scalar)
        }
        guard !numerals.isEmpty, let written = ChineseNumeral.parse(Substring(String(numerals))), written != expected else { return nil }
        return Diagnostic(
            .corpusNumberMismatch,
            "'\(eId)' is numbered '\(heading)' (\(written), not \(expected)): a citation of \(expected) would quote the wrong provision",
            at: SourceRange(at: element.location))
    }

    /// The number after the last `_` of an eId (`art_5__para_1__point_3` → 3), nil when it ends otherwise.
    private static func trailingNumber(_ eId: String) -> Int? {
        var value = 0, scale = 1, digits = 0
        for byte in eId.utf8.reversed() {
            if byte == UInt8(ascii: "_") { return digits > 0 ? value : nil }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 9 else { return nil }
            value += Int(byte - UInt8(ascii: "0")) * scale
            scale *= 10
            digits += 1
        }
        return nil
    }

    private func problem(_ message: String, line: Int) -> Diagnostic {
        Diagnostic(.corpusInvalidMetadata, message, at: SourceRange(at: SourceLocation(path: tree.path, line: line, column: 1)))
    }
}
