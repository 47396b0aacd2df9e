import Foundation
import JianzhengBase

/// The acts read from each document of a corpus directory, kept between runs so that a review over an unchanged
/// corpus does not parse, validate and walk thousands of XML files again.
///
/// The cache can never change what the law says:
/// - it lives in a directory owned by the user with mode 0700 (created so; any other directory is refused with a
///   warning and the corpus is read from the XML), and its files are opened without following links;
/// - each cache file ends with a SipHash-2-4 tag under a per-user 128-bit key (`key`, mode 0600, in the same
///   directory): a forged, copied or bit-flipped file does not verify and is ignored;
/// - a document is taken from it only when its size, inode, device, modification time and status-change time
///   (to the nanosecond) are those it had when it was read. The status-change time cannot be set back by any
///   tool, so an edit whose old modification time was restored is still seen;
/// - the whole cache is used only when written by this very executable (whose schema is compiled in).
/// Documents that gave diagnostics are never cached, so their warnings and errors are reported on every run.
///
/// Location: `JIANZHENG_CACHE_DIR`, else `$XDG_CACHE_HOME/jianzheng`, else `~/.cache/jianzheng`; one file per
/// corpus directory of at least `minimumDocuments` documents (smaller ones load in milliseconds).
/// `JIANZHENG_NO_CACHE=1` turns it off.
struct CorpusCache {
    static let minimumDocuments = 256

    /// The directory caches go to by default, or nil when caching is off.
    static var defaultRoot: String? { root(in: ProcessInfo.processInfo.environment) }

    /// The cache directory an environment names; empty variables count as unset.
    static func root(in environment: [String: String]) -> String? {
        let environment = environment.filter { !$0.value.isEmpty }
        guard environment["JIANZHENG_NO_CACHE"] == nil else { return nil }
        return environment["JIANZHENG_CACHE_DIR"] ?? environment["XDG_CACHE_HOME"].map { $0 + "/jianzheng" }
            ?? environment["HOME"].map { $0 + "/.cache/jianzheng" }
    }

    /// Where a document stood on disk when it was read.
    struct Stamp: Equatable {
        var size: UInt64
        var inode: UInt64
        var device: UInt64
        var modified: Int64
        var changed: Int64

        init?(path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            self.init(info)
        }

        init(_ info: stat) {
            size = UInt64(info.st_size)
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
            #if os(Linux)
                modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            #else
                modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
                changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
            #endif
        }

        init(size: UInt64, inode: UInt64, device: UInt64, modified: Int64, changed: Int64) {
            (self.size, self.inode, self.device, self.modified, self.changed) = (size, inode, device, modified, changed)
        }
    }

    /// One cached document.
    struct Entry {
        var stamp: Stamp
        var act: LegalAct
    }

    /// Why a cache directory was not used.
    struct Refusal: Error {
        let reason: String
    }

    static let magic = "jianzheng-corpus-cache/4"

    /// The cache file of a corpus directory.
    let file: String
    /// The key its tag is computed with.
    let key: [UInt8]
    /// What the cache must have been written against: this executable.
    let context: String

    /// The cache of a corpus directory under `root`; nil when this executable cannot be identified; a refusal
    /// when `root` is not a private directory of this user.
    static func open(root: String, directory: String) -> Result<CorpusCache, Refusal>? {
        guard let executable = Stamp(path: "/proc/self/exe") ?? CommandLine.arguments.first.flatMap(Stamp.init(path:)) else {
            return nil
        }
        do {
            try PrivateDirectory.ensure(root)
            let key = try PrivateDirectory.key(in: root)
            let absolute = URL(fileURLWithPath: directory).standardizedFileURL.path
            return .success(CorpusCache(
                file: root + "/corpus-" + stableHash(absolute) + ".bin", key: key,
                context: "\(executable.size).\(executable.inode).\(executable.device).\(executable.modified)"))
        } catch {
            return .failure(error)
        }
    }

    /// FNV-1a of a path, in hexadecimal: the same in every process (`Hasher` is seeded per process). Two
    /// directories sharing a file would only make each other's documents be read again.
    static func stableHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    /// The cached documents by path; empty when there is no cache, or it is not this user's, or its tag does not
    /// verify. Documents are decoded in parallel: the header lists where each one starts.
    func read() -> [String: Entry] {
        guard let contents = PrivateDirectory.contents(of: file) else { return [:] }
        return Self.decode(contents, key: key, context: context)
    }

    /// The entries of a cache file's contents; empty unless its tag verifies under `key` and it was written
    /// against `context`. Every read is bounds-checked.
    static func decode(_ contents: [UInt8], key: [UInt8], context: String) -> [String: Entry] {
        var contents = contents
        guard contents.count >= 8 else { return [:] }
        let tag = contents.suffix(8).enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
        contents.removeLast(8)
        let bytes = contents
        guard SipHash.tag(key: key, bytes) == tag else { return [:] }
        var reader = ByteReader(bytes: bytes)
        guard reader.string() == magic, reader.string() == context, let count = reader.count() else { return [:] }
        var offsets: [Int] = []
        for _ in 0..<count {
            guard let offset = reader.integer() else { return [:] }
            offsets.append(offset)
        }
        // Each document starts after the table, where the previous one ends, within the file.
        let bounds = offsets + [bytes.count]
        guard zip(bounds, bounds.dropFirst()).allSatisfy({ $0 >= reader.position && $0 <= $1 }) else { return [:] }
        let decoded = ConcurrentSlots<(String, Entry)?>.map(Array(0..<count)) { index in
            var entry = ByteReader(bytes: bytes, position: bounds[index])
            guard let path = entry.string(), let stamp = entry.stamp(), let act = entry.act(), entry.position == bounds[index + 1]
            else { return nil }
            return (path, Entry(stamp: stamp, act: act))
        }
        var entries: [String: Entry] = [:]
        for item in decoded {
            guard let (path, entry) = item else { return [:] }
            entries[path] = entry
        }
        return entries
    }

    /// Writes the documents, tagged, through a private temporary file and a rename (a reader sees the old cache or
    /// the new one). A failed write only costs time on the next run, so it is not reported.
    func write(_ entries: [(path: String, entry: Entry)]) {
        PrivateDirectory.replace(file, with: Self.encode(entries, key: key, context: context))
    }

    /// A cache file's contents: header, documents, tag.
    static func encode(_ entries: [(path: String, entry: Entry)], key: [UInt8], context: String) -> [UInt8] {
        // Documents are encoded in parallel, then written after a header that lists where each starts.
        let encoded = ConcurrentSlots<[UInt8]>.map(entries) { document in
            var writer = ByteWriter()
            writer.string(document.path)
            writer.stamp(document.entry.stamp)
            writer.act(document.entry.act)
            return writer.bytes
        }
        var header = ByteWriter()
        header.string(Self.magic)
        header.string(context)
        header.integer(entries.count)
        var offset = header.bytes.count + 8 * entries.count
        for document in encoded {
            header.integer(offset)
            offset += document.count
        }
        var bytes = header.bytes
        bytes.reserveCapacity(offset + 8)
        for document in encoded { bytes.append(contentsOf: document) }
        let tag = SipHash.tag(key: key, bytes)
        withUnsafeBytes(of: tag.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }
}

/// Entry points for the `cache` fuzz target (scripts/fuzz.sh): the cache decoder on untrusted bytes.
public enum CorpusCacheFuzzing {
    static let key = [UInt8](repeating: 7, count: 16)
    static let context = "fuzz"

    /// Decodes `body` after giving it a valid tag (and the magic and context header when it lacks them), as a
    /// file forged by someone holding the key; returns how many documents decoded.
    public static func decodeTagged(_ body: [UInt8]) -> Int {
        var header = ByteWriter()
        header.string(CorpusCache.magic)
        header.string(context)
        var contents = body.starts(with: header.bytes) ? body : header.bytes + body
        withUnsafeBytes(of: SipHash.tag(key: key, contents).littleEndian) { contents.append(contentsOf: $0) }
        return CorpusCache.decode(contents, key: key, context: context).count
    }

    /// A well-formed body to start fuzzing from: the acts of the corpus in `directory`, one entry each.
    public static func seed(directory: String) -> [UInt8] {
        let (corpus, _) = CorpusLoader.load(directory: directory, extraDocuments: [], cacheRoot: nil, minimumCached: .max)
        let stamp = CorpusCache.Stamp(size: 1, inode: 2, device: 3, modified: 4, changed: 5)
        var contents = CorpusCache.encode(
            corpus.acts.map { (path: $0.versions[0].path, entry: CorpusCache.Entry(stamp: stamp, act: $0)) }, key: key, context: context)
        contents.removeLast(8)
        return contents
    }

    /// Decodes bytes as a whole cache file, tag included; returns how many documents decoded.
    public static func decodeUntagged(_ contents: [UInt8]) -> Int {
        CorpusCache.decode(contents, key: key, context: context).count
    }
}

/// Appends little-endian integers and length-prefixed UTF-8 strings.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func integer(_ value: Int) { unsigned(UInt64(bitPattern: Int64(value))) }

    mutating func unsigned(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        integer(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func optional(_ value: String?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { string(value) }
    }

    mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }

    mutating func date(_ value: CalendarDate) {
        integer(value.year)
        integer(value.month)
        integer(value.day)
    }

    mutating func optional(_ value: CalendarDate?) {
        bytes.append(value == nil ? 0 : 1)
        if let value { date(value) }
    }

    mutating func stamp(_ value: CorpusCache.Stamp) {
        unsigned(value.size)
        unsigned(value.inode)
        unsigned(value.device)
        integer(Int(value.modified))
        integer(Int(value.changed))
    }

    mutating func act(_ act: LegalAct) {
        string(act.workURI)
        string(act.title)
        strings(act.aliases)
        optional(act.documentNumber)
        string(act.issuer)
        string(act.rank.rawValue)
        string(act.territory)
        string(act.territoryName)
        date(act.promulgated)
        date(act.effective)
        optional(act.repealed)
        optional(act.repealedBy)
        strings(act.replaces)
        strings(act.delegatesFrom)
        string(act.textStatus.rawValue)
        strings(act.notes)
        integer(act.versions.count)
        for version in act.versions {
            string(version.expressionURI)
            date(version.validFrom)
            optional(version.validUntil)
            integer(version.provisions.count)
            for provision in version.provisions {
                // Written twice: the format keeps the key its first version wrote for a table by eId (read and ignored).
                string(provision.eId)
                string(provision.eId)
                string(provision.label)
                string(provision.text)
                integer(provision.line)
            }
            string(version.path)
            integer(version.renumbered.count)
            for (from, to) in version.renumbered.sorted(by: { $0.key < $1.key }) {
                string(from)
                string(to)
            }
        }
    }
}

/// Reads what `ByteWriter` wrote; every read checks the bounds and gives nil past the end or on bad data.
private struct ByteReader: Sendable {
    let bytes: [UInt8]
    var position = 0

    var isAtEnd: Bool { position == bytes.count }

    mutating func unsigned() -> UInt64? {
        guard bytes.count - position >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
        position += 8
        return value
    }

    mutating func integer() -> Int? { unsigned().map { Int(Int64(bitPattern: $0)) } }

    /// A count of following items, each at least one byte long (so a corrupt count cannot ask for more).
    mutating func count() -> Int? {
        guard let value = integer(), value >= 0, value <= bytes.count - position else { return nil }
        return value
    }

    mutating func string() -> String? {
        guard let length = count() else { return nil }
        defer { position += length }
        let range = position..<position + length
        // Decoding replaces what is not UTF-8, so a text that reads back as the bytes it was decoded from was valid
        // (the standard library's generic `String(validating:)` looked up type metadata on every call: most of the
        // time of reading a cached corpus).
        return bytes.withUnsafeBufferPointer { buffer in
            let encoded = UnsafeBufferPointer(rebasing: buffer[range])
            var text = String(decoding: encoded, as: UTF8.self)
            return text.withUTF8 { ByteSearch.equal($0, encoded) } ? text : nil
        }
    }

    mutating func flag() -> Bool? {
        guard position < bytes.count, bytes[position] <= 1 else { return nil }
        defer { position += 1 }
        return bytes[position] == 1
    }

    mutating func optionalString() -> String?? {
        guard let present = flag() else { return nil }
        return present ? string().map { .some($0) } : .some(nil)
    }

    mutating func strings() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        for _ in 0..<count {
            guard let value = string() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func date() -> CalendarDate? {
        guard let year = integer(), let month = integer(), let day = integer() else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }

    mutating func optionalDate() -> CalendarDate?? {
        guard let present = flag() else { return nil }
        return present ? date().map { .some($0) } : .some(nil)
    }

    mutating func stamp() -> CorpusCache.Stamp? {
        guard let size = unsigned(), let inode = unsigned(), let device = unsigned(), let modified = integer(), let changed = integer()
        else { return nil }
        return CorpusCache.Stamp(size: size, inode: inode, device: device, modified: Int64(modified), changed: Int64(changed))
    }

    mutating func act() -> LegalAct? {
        guard let workURI = string(), let title = string(), let aliases = strings(), let documentNumber = optionalString(),
            let issuer = string(), let rank = string().flatMap(LegalRank.init(rawValue:)), let territory = string(),
            let territoryName = string(), let promulgated = date(), let effective = date(), let repealed = optionalDate(),
            let repealedBy = optionalString(), let replaces = strings(), let delegatesFrom = strings(),
            let textStatus = string().flatMap(LegalAct.TextStatus.init(rawValue:)), let notes = strings(),
            let versionCount = count()
        else { return nil }
        var versions: [ActVersion] = []
        for _ in 0..<versionCount {
            guard let expressionURI = string(), let validFrom = date(), let validUntil = optionalDate(),
                let provisionCount = count()
            else { return nil }
            var provisions: [String: Provision] = [:]
            provisions.reserveCapacity(provisionCount)
            for _ in 0..<provisionCount {
                guard string() != nil, let eId = string(), let label = string(), let text = string(), let line = integer() else {
                    return nil
                }
                provisions[eId] = Provision(eId: eId, label: label, text: text, line: line)
            }
            guard let path = string(), let renumberedCount = count() else { return nil }
            var renumbered: [String: String] = [:]
            for _ in 0..<renumberedCount {
                guard let from = string(), let to = string() else { return nil }
                renumbered[from] = to
            }
            versions.append(ActVersion(
                expressionURI: expressionURI, validFrom: validFrom, validUntil: validUntil, provisions: ProvisionTable(provisions), path: path,
                renumbered: renumbered))
        }
        return LegalAct(
            workURI: workURI, title: title, aliases: aliases, documentNumber: documentNumber, issuer: issuer, rank: rank,
            territory: territory, territoryName: territoryName, promulgated: promulgated, effective: effective,
            repealed: repealed, repealedBy: repealedBy, replaces: replaces, delegatesFrom: delegatesFrom,
            textStatus: textStatus, notes: notes, versions: versions)
    }
}
