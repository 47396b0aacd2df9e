import Foundation

/// The directory part of a path, computed on its bytes.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character name without a slash (`"a"`),
/// which is how `report --out a` crashed; this never does.
public enum PathName {
    /// `a/b/c` → `a/b`, `/c` → `/`, `c` → `.`.
    public static func directory(of path: String) -> String {
        var bytes = Array(path.utf8)
        while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        var end = slash
        while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
        return end == 0 ? "/" : String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// The directory to enumerate for `path`: a symbolic link to a directory is followed (the enumerator does
    /// not descend into a link it is given), while results are still named under `path`.
    public static func enumerable(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
