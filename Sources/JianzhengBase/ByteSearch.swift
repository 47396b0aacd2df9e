import Foundation

extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in this string: a plain byte search, much faster than
    /// `contains(_:)` on Chinese text, and exact because UTF-8 is self-synchronising.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = String(self)
        var pattern = needle
        haystack.makeContiguousUTF8()
        pattern.makeContiguousUTF8()
        return haystack.utf8.withContiguousStorageIfAvailable { haystack in
            pattern.utf8.withContiguousStorageIfAvailable { pattern in ByteSearch.contains(haystack, pattern) } ?? false
        } ?? false
    }
}

extension String {
    /// Whether the two strings are the same UTF-8 bytes (not merely the same Unicode text, which `==` tests).
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var lhs = self, rhs = other
        return lhs.withUTF8 { left in rhs.withUTF8 { right in ByteSearch.equal(left, right) } }
    }
}

/// Plain byte search and comparison over contiguous UTF-8 (the C library's, which compares many bytes at a time).
public enum ByteSearch {
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !pattern.isEmpty else { return true }
        guard pattern.count <= haystack.count, let text = haystack.baseAddress, let needle = pattern.baseAddress else { return false }
        // Each place the first byte occurs, up to the last where the pattern still fits, compared whole.
        var start = text
        let end = text + (haystack.count - pattern.count + 1)
        while start < end, let found = memchr(start, Int32(needle.pointee), end - start) {
            let candidate = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if memcmp(candidate, needle, pattern.count) == 0 { return true }
            start = candidate + 1
        }
        return false
    }

    /// Whether two byte sequences are the same bytes.
    public static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        return memcmp(left, right, lhs.count) == 0
    }
}
