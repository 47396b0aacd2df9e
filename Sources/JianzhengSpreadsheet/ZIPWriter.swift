import Foundation
import ZIPFoundation

/// Packs the parts of an Office Open XML file (XLSX, DOCX) into a deflated ZIP archive. Entries carry a fixed
/// timestamp, so the same parts always give the same bytes.
public enum ZIPWriter {
    public static func archive(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let timestamp = Date(timeIntervalSince1970: 1_577_836_800)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                compressionMethod: .deflate
            ) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}
