import Foundation
import JianzhengBase
import JianzhengSyntax
import Testing

@testable import LegalCorpus

/// A corpus taken from the cache must be the corpus read from the XML, field for field; a changed document, a
/// changed schema or a damaged cache must never give a stale answer.
@Suite struct CorpusCacheTests {
    /// Every stored property of a value, recursively (dictionaries in key order), as text: a field the cache
    /// forgot, today or after a field is added, shows up as a difference.
    static func dump(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .dictionary || mirror.displayStyle == .set {
            return "[" + mirror.children.map { dump($0.value) }.sorted().joined(separator: ", ") + "]"
        }
        if mirror.displayStyle == .collection {
            return "[" + mirror.children.map { dump($0.value) }.joined(separator: ", ") + "]"
        }
        if mirror.children.isEmpty { return "\(value)" }
        return "\(mirror.subjectType)(" + mirror.children.map { "\($0.label ?? ""): \(dump($0.value))" }.joined(separator: ", ") + ")"
    }

    static func dump(_ corpus: LegalCorpus) -> String { corpus.acts.map { dump($0) }.joined(separator: "\n") }

    static func load(_ directory: String, cache: String) -> (LegalCorpus, [Diagnostic]) {
        CorpusLoader.load(directory: directory, extraDocuments: [], cacheRoot: cache, minimumCached: 0)
    }

    /// A copy of the shipped corpus (so that documents can be changed) and an empty cache directory.
    static func scratch() throws -> (corpus: String, cache: String) {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("jz-cache-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Fixtures.corpusDirectory, toPath: base.appendingPathComponent("legal-basis").path)
        return (base.appendingPathComponent("legal-basis").path, base.appendingPathComponent("cache").path)
    }

    @Test func aCachedCorpusIsTheCorpusReadFromTheXML() throws {
        let (directory, cache) = try Self.scratch()
        let fresh = CorpusLoader.load(directory: directory, extraDocuments: [], cacheRoot: nil, minimumCached: 0)
        let first = Self.load(directory, cache: cache)
        let cached = try #require(try CorpusCache.open(root: cache, directory: directory)?.get().read())
        #expect(cached.count == 40)
        let second = Self.load(directory, cache: cache)
        #expect(Self.dump(fresh.0) == Self.dump(first.0))
        #expect(Self.dump(fresh.0) == Self.dump(second.0))
        #expect(fresh.1.isEmpty && second.1.isEmpty)
        #expect(Self.dump(fresh.0).contains("第十五条"))
    }

    @Test func aChangedDocumentIsReadAgain() throws {
        let (directory, cache) = try Self.scratch()
        _ = Self.load(directory, cache: cache)
        let path = directory + "/national/regulation/教师资格条例.xml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = try #require(text.range(of: "教师资格认定") ).lowerBound
        try text.replacingCharacters(in: changed..<text.index(changed, offsetBy: 2), with: "修改")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (corpus, _) = Self.load(directory, cache: cache)
        let fresh = CorpusLoader.load(directory: directory, extraDocuments: [], cacheRoot: nil, minimumCached: 0).0
        #expect(Self.dump(corpus) == Self.dump(fresh))
        #expect(Self.dump(corpus).contains("修改资格认定"))
    }

    @Test func aDamagedCacheIsIgnored() throws {
        let (directory, cache) = try Self.scratch()
        let fresh = Self.dump(Self.load(directory, cache: cache).0)
        let file = try #require(try CorpusCache.open(root: cache, directory: directory)?.get().file)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        for cut in [bytes.count / 2, 40, 3] {
            try Data(bytes.prefix(cut)).write(to: URL(fileURLWithPath: file))
            #expect(Self.dump(Self.load(directory, cache: cache).0) == fresh)
        }
        // Flipped bytes in the middle: a count or a length now points past the end, or text is not UTF-8.
        bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        for index in stride(from: 64, to: bytes.count, by: max(1, bytes.count / 50)) { bytes[index] ^= 0xFF }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        #expect(Self.dump(Self.load(directory, cache: cache).0) == fresh)
    }

    @Test func aCachedTextThatIsNotUTF8IsRefusedAndAReplacementCharacterIsKept() throws {
        // Tagged as someone holding the key would (the tag passes): the texts themselves must still be UTF-8.
        let seed = CorpusCacheFuzzing.seed(directory: Fixtures.corpusDirectory)
        let documents = CorpusCacheFuzzing.decodeTagged(seed)
        #expect(documents > 30)
        let character = Array("第".utf8)
        let at = try #require((0..<(seed.count - 2)).first { Array(seed[$0..<$0 + 3]) == character })
        var broken = seed
        broken[at + 1] = 0xFF  // a continuation byte no longer: the same length, not UTF-8
        #expect(CorpusCacheFuzzing.decodeTagged(broken) < documents)
        var replaced = seed
        replaced.replaceSubrange(at..<at + 3, with: [0xEF, 0xBF, 0xBD])  // U+FFFD, valid UTF-8 of the same length
        #expect(CorpusCacheFuzzing.decodeTagged(replaced) == documents)
    }

    @Test func theCacheDirectoryComesFromTheEnvironment() {
        #expect(CorpusCache.root(in: ["HOME": "/home/a"]) == "/home/a/.cache/jianzheng")
        #expect(CorpusCache.root(in: ["HOME": "/home/a", "XDG_CACHE_HOME": "/x"]) == "/x/jianzheng")
        #expect(CorpusCache.root(in: ["HOME": "/home/a", "XDG_CACHE_HOME": "/x", "JIANZHENG_CACHE_DIR": "/c"]) == "/c")
        #expect(CorpusCache.root(in: ["HOME": "/home/a", "JIANZHENG_CACHE_DIR": ""]) == "/home/a/.cache/jianzheng")
        #expect(CorpusCache.root(in: ["HOME": "/home/a", "JIANZHENG_NO_CACHE": "1"]) == nil)
        #expect(CorpusCache.root(in: [:]) == nil)
    }

    /// The key and the cache file, as an attacker who can write the cache would forge them.
    static func forge(_ cache: String, directory: String, _ change: (inout [UInt8]) -> Void) throws {
        let file = try #require(try CorpusCache.open(root: cache, directory: directory)?.get().file)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    @Test func aForgedCacheCannotChangeWhatTheLawSays() throws {
        let (directory, cache) = try Self.scratch()
        let fresh = Self.dump(Self.load(directory, cache: cache).0)
        // Rewrite an article's text in place, keeping every length: the file still decodes, but its tag no longer
        // verifies without the key.
        let original = Array("教师资格认定".utf8), forged = Array("教师资格取消".utf8)
        try Self.forge(cache, directory: directory) { bytes in
            var index = 0
            while index + original.count <= bytes.count {
                if Array(bytes[index..<index + original.count]) == original {
                    bytes.replaceSubrange(index..<index + original.count, with: forged)
                }
                index += 1
            }
        }
        let reloaded = Self.dump(Self.load(directory, cache: cache).0)
        #expect(reloaded == fresh)
        #expect(!reloaded.contains("教师资格取消"))
    }

    @Test func aCacheDirectoryOthersCanWriteIsRefusedWithAWarning() throws {
        let (directory, cache) = try Self.scratch()
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        chmod(cache, 0o777)
        let (corpus, diagnostics) = Self.load(directory, cache: cache)
        #expect(diagnostics.map(\.code) == [.corpusCacheRefused])
        #expect(diagnostics.first?.message.contains("mode 777") == true)
        #expect(corpus.acts.count == 37)
        #expect(!FileManager.default.fileExists(atPath: cache + "/key"))
    }

    @Test func aNewCacheDirectoryIsPrivate() throws {
        let (directory, cache) = try Self.scratch()
        _ = Self.load(directory, cache: cache)
        var info = stat()
        #expect(stat(cache, &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(stat(cache + "/key", &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func anEditWhoseModificationTimeWasRestoredIsStillSeen() throws {
        let (directory, cache) = try Self.scratch()
        _ = Self.load(directory, cache: cache)
        let path = directory + "/national/regulation/教师资格条例.xml"
        var before = stat()
        stat(path, &before)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = try #require(text.range(of: "教师资格认定")).lowerBound
        // Same size, same inode (written in place), modification time set back.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data(text.replacingCharacters(in: changed..<text.index(changed, offsetBy: 2), with: "修改").utf8))
        try handle.close()
        #if os(Linux)
            var times = [before.st_atim, before.st_mtim]
        #else
            var times = [before.st_atimespec, before.st_mtimespec]
        #endif
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(Self.dump(Self.load(directory, cache: cache).0).contains("修改资格认定"))
    }

    @Test func sipHashMatchesThePublishedTestVectors() {
        let key = (0..<16).map(UInt8.init)
        #expect(SipHash.tag(key: key, []) == 0x726f_db47_dd0e_0e31)
        #expect(SipHash.tag(key: key, (0..<15).map(UInt8.init)) == 0xa129_ca61_49be_45e5)
        #expect(SipHash.tag(key: key, (0..<8).map(UInt8.init)) == 0x93f5_f579_9a93_2462)
    }
}
