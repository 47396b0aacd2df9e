import CLibXML2
import Foundation

/// The only resources libxml2 may load by URL: the schema files compiled into the binary, by their names
/// under `jianzheng-schema:/`. Everything else (a file, `http://`, `ftp://`, a DTD, an external entity) is
/// refused, for every parser in the process, whatever options a caller passes.
///
/// Installed once with `xmlSetExternalEntityLoader` before libxml2 is first used (`XMLLoader`).
enum ExternalEntityPolicy {
    /// The URL prefix of an embedded schema file.
    static let scheme = "jianzheng-schema:/"

    private static let lock = NSLock()
    nonisolated(unsafe) private static var embedded: [String: [UInt8]] = [:]

    /// Makes `bytes` loadable as `jianzheng-schema:/NAME`.
    static func register(name: String, bytes: [UInt8]) {
        lock.withLock { embedded[scheme + name] = bytes }
    }

    private static func bytes(for url: String) -> [UInt8]? {
        lock.withLock { embedded[url] }
    }

    /// Installs the loader; called once from libxml2's one-time initialisation.
    static func install() {
        xmlSetExternalEntityLoader { url, _, context in
            guard let url, let bytes = ExternalEntityPolicy.bytes(for: String(cString: url)) else { return nil }
            let buffer = bytes.withUnsafeBufferPointer { pointer in
                pointer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: pointer.count) {
                        xmlParserInputBufferCreateMem($0, Int32(pointer.count), XML_CHAR_ENCODING_UTF8)
                    }
                }
            }
            guard let buffer, let buffer else { return nil }
            guard let input = xmlNewIOInputStream(context, buffer, XML_CHAR_ENCODING_UTF8) else {
                xmlFreeParserInputBuffer(buffer)
                return nil
            }
            return input
        }
    }
}
