import CLibXML2

/// The text of an HTML page as lines, the way a browser breaks them: each block element (p, div, li, h1–h6,
/// table rows and cells) and each `<br>` ends a line; scripts and styles are not text. Read with libxml2's HTML
/// parser without the network, so a page that names external resources loads none of them.
public enum HTMLText {
    /// Nil when libxml2 cannot read the bytes at all.
    public static func lines(_ bytes: [UInt8]) -> [String]? {
        XMLLoader.ensureInitialised()
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_RECOVER.rawValue)
        guard let document = bytes.withUnsafeBufferPointer({ buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { htmlReadMemory($0, Int32(buffer.count), nil, nil, options) }
            } ?? nil
        }) else { return nil }
        defer { xmlFreeDoc(document) }
        var lines: [String] = []
        var current = ""
        func flush() {
            lines.append(current)
            current = ""
        }
        // Depth-first without recursion: a hostile page may nest thousands of levels.
        var stack: [(node: xmlNodePtr, leaving: Bool)] = []
        if let root = xmlDocGetRootElement(document) { stack.append((root, false)) }
        while let (node, leaving) = stack.popLast() {
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if leaving {
                if blocks.contains(name) { flush() }
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { current += String(cString: content).replacingOccurrences(of: "\n", with: " ") }
            case XML_ELEMENT_NODE:
                if skipped.contains(name) { continue }
                if name == "br" {
                    flush()
                    continue
                }
                if blocks.contains(name) { flush() }
                stack.append((node, true))
                var children: [xmlNodePtr] = []
                var child = node.pointee.children
                while let next = child {
                    children.append(next)
                    child = next.pointee.next
                }
                for next in children.reversed() { stack.append((next, false)) }
            default:
                continue
            }
        }
        flush()
        return lines.map { $0.trimmingCharacters(in: [" ", "\u{00A0}"]) }.filter { !$0.isEmpty }
    }

    private static let blocks: Set<String> = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "article", "pre", "blockquote"]
    private static let skipped: Set<String> = ["script", "style", "head", "noscript"]
}

extension String {
    fileprivate func trimmingCharacters(in characters: Set<Character>) -> String {
        let start = drop { characters.contains($0) }
        var end = start.endIndex
        while end > start.startIndex, characters.contains(start[start.index(before: end)]) { end = start.index(before: end) }
        return String(start[..<end])
    }
}
