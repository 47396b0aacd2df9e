import Foundation
import Jianzheng
import JianzhengWorkspace
import Testing

@Suite struct AtomicFileTests {
    private func scratchDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jz-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o7777
    }

    @Test func aReplacedFileKeepsItsModeAndLeavesNoTemporaryFile() throws {
        let directory = try scratchDirectory()
        let path = directory + "/清单.md"
        try AtomicFile.write("old", to: path)
        chmod(path, 0o600)
        try AtomicFile.write("new", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["清单.md"])
    }

    @Test func aSymbolicLinkStaysALinkAndItsTargetIsWritten() throws {
        let directory = try scratchDirectory()
        try AtomicFile.write("old", to: directory + "/target")
        #expect(symlink("target", directory + "/link") == 0)
        try AtomicFile.write("new", to: directory + "/link")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory + "/link") == "target")
        #expect(try String(contentsOfFile: directory + "/target", encoding: .utf8) == "new")
    }

    @Test func aHardLinkedFileIsRewrittenInPlaceSoEveryLinkSeesIt() throws {
        let directory = try scratchDirectory()
        try AtomicFile.write("old", to: directory + "/a")
        #expect(link(directory + "/a", directory + "/b") == 0)
        try AtomicFile.write("new", to: directory + "/a")
        #expect(try String(contentsOfFile: directory + "/b", encoding: .utf8) == "new")
    }

    @Test func aPlantedTemporaryNameIsNeverFollowed() throws {
        // The old scheme wrote to a predictable `.NAME.jz-tmp-PID`; a link planted there redirected the write.
        let directory = try scratchDirectory()
        try AtomicFile.write("secret", to: directory + "/victim")
        #expect(symlink(directory + "/victim", directory + "/.out.jz-tmp-\(getpid())") == 0)
        try AtomicFile.write("report", to: directory + "/out")
        #expect(try String(contentsOfFile: directory + "/victim", encoding: .utf8) == "secret")
        #expect(try String(contentsOfFile: directory + "/out", encoding: .utf8) == "report")
    }

    @Test func aFileChangedSinceItWasReadIsNotReplaced() throws {
        let directory = try scratchDirectory()
        let path = directory + "/a.jz"
        try AtomicFile.write("edited by someone else", to: path)
        #expect(throws: FileWriteError.self) { try AtomicFile.write("formatted", to: path, expecting: Array("original".utf8)) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "edited by someone else")
    }

    @Test(arguments: ["/nonexistent-jz-dir/out.md", "/tmp"])
    func impossibleTargetsAreErrorsNamingThePath(path: String) throws {
        let error = try #require(throws: FileWriteError.self) { try AtomicFile.write("x", to: path) }
        #expect(error.description.hasPrefix("cannot write '\(path)': "))
    }

    @Test func aDeviceIsWrittenDirectly() throws {
        try AtomicFile.write("discarded", to: "/dev/null")
    }
}
