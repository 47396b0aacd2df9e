import Foundation
import Testing

/// `jianzheng report` on part of a catalogue, and split into one report per department (issue 17).
@Suite struct ReportScopeCLITests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jz-report-scope-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func aSplitReportIsAnIndexAndOnePartPerDepartment() throws {
        let directory = try Self.scratch().appendingPathComponent("parts")
        let result = try CLI.run("report", "--parts", "department", "--format", "html", "--out", directory.path, "--as-of", "2026-11-29", "--quiet")
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.contains("index.html") && files.contains("民政部门.html") && files.contains("公安机关.html"))
        let index = try String(contentsOf: directory.appendingPathComponent("index.html"), encoding: .utf8)
        for file in files where file != "index.html" { #expect(index.contains("href=\"\(file)\"")) }
        let part = try String(contentsOf: directory.appendingPathComponent("民政部门.html"), encoding: .utf8)
        #expect(part.contains("<dt>实施部门</dt><dd>民政部门</dd>"))
        #expect(!part.contains("公安机关（"))
        let refused = try CLI.run("report", "--parts", "department", "--out", "-")
        #expect(refused.status == 2 && refused.stderr.contains("directory"))
    }

    @Test func filtersNameWhatTheyKeepAndRefuseWhatTheCatalogueDoesNotHave() throws {
        let directory = try Self.scratch()
        let list = directory.appendingPathComponent("procedures.txt")
        try "# 两个事项\n620000-GA-0030\n620000-MZ-0030\n".write(to: list, atomically: true, encoding: .utf8)
        let listed = try CLI.run("report", "--procedures", list.path, "--format", "md", "--out", "-", "--as-of", "2026-11-29", "--quiet")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("620000-GA-0030") && listed.stdout.contains("620000-MZ-0030") && !listed.stdout.contains("620000-JY-0012"))
        let removed = try CLI.run("report", "--verdict", "取消", "--verdict", "commitment", "--format", "md", "--out", "-", "--quiet")
        #expect(removed.status == 0 && removed.stdout.contains("**审查结论**: 取消、告知承诺"))
        let unknownDepartment = try CLI.run("report", "--department", "民证部门", "--out", "-")
        #expect(unknownDepartment.status == 2 && unknownDepartment.stderr.contains("民政部门"))
        let unknownVerdict = try CLI.run("report", "--verdict", "cancel", "--out", "-")
        #expect(unknownVerdict.status == 2 && unknownVerdict.stderr.contains("--verdict takes"))
        let missingList = try CLI.run("report", "--procedures", directory.appendingPathComponent("none.txt").path, "--out", "-")
        #expect(missingList.status == 2 && missingList.stderr.contains("cannot read the procedure list"))
    }
}
