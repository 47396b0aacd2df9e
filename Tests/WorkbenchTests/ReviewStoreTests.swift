import Foundation
import Testing

@testable import JianzhengWorkbench

/// Issue 19: the review state in SQLite — statuses, notes and sign-offs as an append-only history that survives a
/// restart, with decisions changed under them marked outdated.
@Suite struct ReviewStoreTests {
    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("jz-store-\(UUID().uuidString).sqlite").path
    }

    static let decision = DecisionRecord(id: "P1/死亡证明", department: "民政部门", fingerprint: "remove|NO_BASIS")

    @Test func statusesAndNotesSurviveReopening() throws {
        let path = Self.temporaryDatabase()
        do {
            let store = try ReviewStore(path: path)
            try store.setStatus(.checked, of: Self.decision, by: "张三")
            try store.addNote("依据需再核对", serious: false, on: Self.decision, by: "李四")
        }
        let reopened = try ReviewStore(path: path)
        let state = try reopened.state(of: Self.decision)
        #expect(state.status == .checked && !state.statusOutdated)
        #expect(state.notes.map(\.text) == ["依据需再核对"] && state.notes.first?.author == "李四")
        #expect(state.history.count == 2)
        #expect(try reopened.schemaVersion == ReviewStore.migrations.count)
    }

    @Test func aDecisionChangedUnderItsStatusAndNotesIsMarkedOutdated() throws {
        let store = try ReviewStore(path: ":memory:")
        try store.setStatus(.checked, of: Self.decision, by: "张三")
        try store.addNote("同意取消", serious: false, on: Self.decision, by: "张三")
        let changed = DecisionRecord(id: Self.decision.id, department: "民政部门", fingerprint: "keep|BASIS_SUFFICIENT|《婚姻登记条例》第五条@2003-10-01")
        let state = try store.state(of: changed)
        #expect(state.status == .checked && state.statusOutdated)
        #expect(state.notes.first?.outdated == true)
    }

    @Test func theHistoryCannotBeChangedOrDeleted() throws {
        let path = Self.temporaryDatabase()
        let store = try ReviewStore(path: path)
        try store.setStatus(.disputed, of: Self.decision, by: "张三")
        let database = try SQLiteDatabase(path: path)
        #expect(throws: WorkbenchError.self) { try database.execute("UPDATE events SET status = '已核'") }
        #expect(throws: WorkbenchError.self) { try database.execute("DELETE FROM events") }
        #expect(try store.eventCount() == 1)
        #expect(try store.state(of: Self.decision).status == .disputed)
    }

    @Test func aSeriousNoteBlocksTheSignOffUntilResolved() throws {
        let store = try ReviewStore(path: ":memory:")
        let note = try store.addNote("依据已废止，不能保留", serious: true, on: Self.decision, by: "李四")
        #expect(throws: WorkbenchError.self) { try store.signOff(department: "民政部门", by: "王五", fingerprint: "list") }
        #expect(try store.lastSignOff(department: "民政部门") == nil)
        try store.resolveNote(note, on: Self.decision, by: "李四")
        try store.signOff(department: "民政部门", by: "王五", fingerprint: "list")
        let state = try store.state(of: Self.decision)
        #expect(state.status == .signedOff && state.signOff?.author == "王五")
        #expect(state.notes.first?.resolved == true)
    }

    @Test func aDecisionChangedAfterItsListWasSignedOffIsMarkedOutdated() throws {
        let store = try ReviewStore(path: ":memory:")
        try store.signOff(department: "民政部门", by: "王五", fingerprint: "list", decisions: [Self.decision])
        #expect(try store.state(of: Self.decision).status == .signedOff)
        #expect(try !store.state(of: Self.decision).statusOutdated)
        let changed = DecisionRecord(id: Self.decision.id, department: "民政部门", fingerprint: "keep|BASIS_SUFFICIENT")
        let state = try store.state(of: changed)
        #expect(state.status == .signedOff && state.statusOutdated)
    }

    @Test func everyChangeNamesItsAuthorAndANoteHasText() throws {
        let store = try ReviewStore(path: ":memory:")
        #expect(throws: WorkbenchError.self) { try store.setStatus(.checked, of: Self.decision, by: "  ") }
        #expect(throws: WorkbenchError.self) { try store.addNote(" \n", serious: false, on: Self.decision, by: "张三") }
        #expect(throws: WorkbenchError.self) { try store.setStatus(.signedOff, of: Self.decision, by: "张三") }
        #expect(try store.eventCount() == 0)
    }

    @Test func aNewerDatabaseIsRefusedNotDamaged() throws {
        let path = Self.temporaryDatabase()
        _ = try ReviewStore(path: path)
        try SQLiteDatabase(path: path).execute("PRAGMA user_version = 99")
        #expect(throws: WorkbenchError.self) { try ReviewStore(path: path) }
    }

    @Test func bindingBeyondLoopbackNeedsAToken() {
        #expect(throws: WorkbenchError.self) { try BindPolicy.check(host: "0.0.0.0", token: nil) }
        #expect(throws: WorkbenchError.self) { try BindPolicy.check(host: "192.168.1.5", token: "short") }
        #expect(throws: Never.self) { try BindPolicy.check(host: "0.0.0.0", token: "a-long-enough-secret-token") }
        #expect(throws: Never.self) { try BindPolicy.check(host: "127.0.0.1", token: nil) }
    }
}
