import Foundation
import Jianzheng
import JianzhengWorkspace

/// Where `--out` sends a finished document: `-` is standard output, anything else a file written atomically.
enum OutputFile {
    /// Writes `data`; returns a line to confirm a file write, or nil when it went to standard output.
    static func write(_ data: Data, to out: String) throws(FileWriteError) -> String? {
        if out == "-" {
            FileHandle.standardOutput.write(data)
            return nil
        }
        try AtomicFile.write(data, to: out)
        return "wrote \(out) (\(data.count) bytes)"
    }
}
