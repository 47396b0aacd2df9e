import JianzhengBase

extension SourceFile {
    /// Locations of increasing offsets in one pass over the bytes (the lexer's tokens come in order).
    struct Cursor {
        let file: SourceFile
        var offset = 0
        var line = 1
        var column = 1

        /// Line and column of an offset.
        mutating func position(at target: Int) -> (Int32, Int32) {
            guard target >= offset else {
                let location = file.location(at: target)
                return (Int32(location.line), Int32(location.column))
            }
            let bytes = file.bytes
            let end = min(target, bytes.count)
            while offset < end {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
            return (Int32(line), Int32(column))
        }
    }
}
