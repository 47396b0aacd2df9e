import JianzhengBase
import JianzhengXML

/// The paragraphs of a Word document (DOCX), as lines of text: each `w:p` of `word/document.xml` in document
/// order (table cells included), its runs' text joined, a `w:br` a line break. For importing a legal text a
/// department has as a Word file.
public enum DocxText {
    public static func lines(_ bytes: [UInt8], path: String) throws(SpreadsheetError) -> [String] {
        let archive: ZIPReader
        do {
            archive = try ZIPReader(bytes)
        } catch {
            throw SpreadsheetError(path, "not a Word document (DOCX): \(error.message)")
        }
        let part: [UInt8]?
        do {
            part = try archive.data("word/document.xml")
        } catch {
            throw SpreadsheetError(path, "cannot read word/document.xml: \(error.message)")
        }
        guard let part else { throw SpreadsheetError(path, "not a Word document (DOCX): it has no word/document.xml") }
        let (tree, diagnostics) = XMLLoader.parse(part, path: "\(path)/word/document.xml")
        guard let root = tree?.root else { throw SpreadsheetError(diagnostics: diagnostics) }
        var lines: [String] = []
        // Depth-first without recursion, paragraphs in document order.
        var stack = [root]
        while let element = stack.popLast() {
            if element.name == "p" {
                lines += paragraph(element)
                continue
            }
            stack += element.children.reversed()
        }
        return lines
    }

    /// A paragraph's runs: text, tabs, and line breaks (a `w:br` starts a new line).
    private static func paragraph(_ element: XMLElementRef) -> [String] {
        var lines = [""]
        var stack = [element]
        while let node = stack.popLast() {
            switch node.name {
            case "t": lines[lines.count - 1] += node.text
            case "tab": lines[lines.count - 1] += "\t"
            case "br", "cr": lines.append("")
            default: stack += node.children.reversed()
            }
        }
        return lines
    }
}
