import JianzhengBase
import JianzhengXML

/// The plain text of a corpus document, laid out as the official text is: the title block, one line per heading,
/// per paragraph (款) with its article's number before the first, per point (项, 目) and per annex item. It is the
/// text `corpus import` read, so an import can be checked against its source, and a reviewer can read a document
/// without its markup (`jianzheng corpus text`).
///
/// What the text does not keep: the punctuation an import normalises (ASCII brackets become full-width), the
/// separator between an annex's number and a heading on the same line (附件1：目录 reads 附件1 and 目录 on two lines),
/// and the spacing (an article's number is followed by an ideographic space).
public enum CorpusText {
    /// The text of an Akoma Ntoso document; nil with diagnostics when it is not well-formed XML.
    public static func read(_ bytes: [UInt8], path: String) -> (String?, [Diagnostic]) {
        let (tree, diagnostics) = XMLLoader.parse(bytes, path: path)
        guard let document = tree?.root?.children.first else { return (nil, diagnostics) }
        let inAct = document.isNamed("act")
        var lines: [String] = []
        for part in document.children {
            if part.isNamed("preface") {
                lines += part.children.map(\.text)
            } else if part.isNamed("body") || part.isNamed("mainBody") {
                for unit in part.children {
                    if unit.isNamed("p") { lines.append(unit.text) } else if unit.hasAttribute("eId") { provision(unit, inAct: inAct, lead: "", into: &lines) }
                }
            } else if part.isNamed("attachments") {
                for attachment in part.children where attachment.isNamed("attachment") { annex(attachment, into: &lines) }
            }
        }
        return (lines.joined(separator: "\n") + "\n", diagnostics)
    }

    /// A provision's lines; `lead` is the number of the provision above that its first line starts with (an
    /// article's 第一条 before its first paragraph).
    private static func provision(_ element: XMLElementRef, inAct: Bool, lead incoming: String, into lines: inout [String]) {
        let number = element.child(named: "num")?.text ?? ""
        let isDivision = element.isNamed("book") || element.isNamed("chapter") || element.isNamed("section") && inAct
        var lead = incoming
        if element.isNamed("article") {
            lead += number + "\u{3000}"
        } else if element.isNamed("section") && !inAct {
            lead += number + "、"
        } else if !(element.isNamed("paragraph") && inAct) {
            // An article's paragraphs are not numbered in the text: their number is their position.
            // A table row's 序号 (a bare number) is set off from its cells.
            lead += number + (isDivision || number.last?.isNumber == true ? "\u{3000}" : "")
        }
        if let heading = element.child(named: "heading")?.text {
            lines.append(lead + heading)
            lead = ""
        } else if isDivision {
            lines.append(lead)
            lead = ""
        }
        for child in element.children {
            if child.isNamed("content") || child.isNamed("intro") || child.isNamed("wrapUp") {
                for paragraph in child.children {
                    lines.append(lead + paragraph.text)
                    lead = ""
                }
            } else if child.hasAttribute("eId") {
                provision(child, inAct: inAct, lead: lead, into: &lines)
                lead = ""
            }
        }
        if !lead.isEmpty { lines.append(lead) }
    }

    private static func annex(_ attachment: XMLElementRef, into lines: inout [String]) {
        lines.append(attachment.child(named: "num")?.text ?? "")
        if let heading = attachment.child(named: "heading")?.text { lines.append(heading) }
        for element in attachment.child("doc")?.child("mainBody")?.children ?? [] {
            if element.isNamed("p") {
                lines.append(element.text)
            } else if element.isNamed("hcontainer") {
                provision(element, inAct: false, lead: "", into: &lines)
            }
        }
    }
}
