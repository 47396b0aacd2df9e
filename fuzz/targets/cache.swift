// libFuzzer target: the corpus cache decoder on forged files. The harness tags each input with the key (as an
// attacker who had stolen it would), so that every input reaches the bounds-checked decoder rather than stopping
// at the tag check; a second call without a valid tag must decode nothing.
import Foundation
import LegalCorpus

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = CorpusCacheFuzzing.decodeTagged(bytes)
    precondition(CorpusCacheFuzzing.decodeUntagged(bytes) == 0, "an untagged cache file was accepted")
    return 0
}

/// With `JIANZHENG_FUZZ_SEED` set, writes a well-formed cache body made from the shipped corpus there.
func prepare() {
    let environment = ProcessInfo.processInfo.environment
    guard let seed = environment["JIANZHENG_FUZZ_SEED"] else { return }
    let body = CorpusCacheFuzzing.seed(directory: environment["JIANZHENG_CORPUS"] ?? "legal-basis")
    FileManager.default.createFile(atPath: seed, contents: Data(body))
}
