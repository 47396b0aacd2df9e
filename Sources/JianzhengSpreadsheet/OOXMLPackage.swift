import Foundation
import JianzhengXML

/// The parts every Office Open XML package has, written once for XLSX and DOCX (ECMA-376 part 2): the content
/// types and the relationship parts.
public enum OOXMLPackage {
    /// Where the relationship types of office documents live (`…/officeDocument`, `…/styles`, …).
    public static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `[Content_Types].xml`: XML and relationship parts by extension, then one override per part, in order.
    public static func contentTypes(_ overrides: [(part: String, type: String)]) -> Data {
        let writer = XMLWriter()
        writer.start("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"])
        writer.element("Default", ["Extension": "rels", "ContentType": "application/vnd.openxmlformats-package.relationships+xml"])
        writer.element("Default", ["Extension": "xml", "ContentType": "application/xml"])
        for (part, type) in overrides { writer.element("Override", ["PartName": part, "ContentType": type]) }
        writer.end()
        return writer.finish()
    }

    /// A relationships part (`_rels/.rels`, `xl/_rels/workbook.xml.rels` …): the targets get `rId1`, `rId2`, … in order.
    public static func relationships(_ targets: [(type: String, target: String)]) -> Data {
        let writer = XMLWriter()
        writer.start("Relationships", ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"])
        for (index, relationship) in targets.enumerated() {
            writer.element("Relationship", ["Id": "rId\(index + 1)", "Type": relationship.type, "Target": relationship.target])
        }
        writer.end()
        return writer.finish()
    }
}
