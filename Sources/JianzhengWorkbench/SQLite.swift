import CSQLite
import Foundation

/// A thin, typed layer over the system's SQLite (apt libsqlite3-dev): one connection, prepared statements with
/// bound parameters (never text spliced into SQL), transactions, and errors that say what failed.
final class SQLiteDatabase {
    private var handle: OpaquePointer?
    let path: String

    /// Opens (creating when absent) the database at `path`; `:memory:` for a private one.
    init(path: String) throws(WorkbenchError) {
        self.path = path
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        guard sqlite3_open_v2(path, &opened, flags, nil) == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(opened)
            throw WorkbenchError("cannot open the review database \(path): \(message)")
        }
        handle = opened
        sqlite3_busy_timeout(opened, 5_000)
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA journal_mode = WAL")
    }

    deinit { sqlite3_close(handle) }

    /// A value bound to a `?` parameter or read from a column.
    enum Value: Equatable, Sendable {
        case integer(Int64)
        case text(String)
        case null

        var text: String? { if case .text(let value) = self { value } else { nil } }
        var integer: Int64? { if case .integer(let value) = self { value } else { nil } }
    }

    /// Runs one statement with parameters; returns its rows, each as its columns' values.
    @discardableResult
    func execute(_ sql: String, _ parameters: [Value] = []) throws(WorkbenchError) -> [[Value]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw WorkbenchError("SQL error in '\(sql)': \(lastError)")
        }
        defer { sqlite3_finalize(statement) }
        for (index, parameter) in parameters.enumerated() {
            let position = Int32(index + 1)
            let result: Int32
            switch parameter {
            case .integer(let value): result = sqlite3_bind_int64(statement, position, value)
            case .text(let value): result = sqlite3_bind_text(statement, position, value, -1, jz_sqlite_transient())
            case .null: result = sqlite3_bind_null(statement, position)
            }
            guard result == SQLITE_OK else { throw WorkbenchError("cannot bind parameter \(position) of '\(sql)': \(lastError)") }
        }
        var rows: [[Value]] = []
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { break }
            guard step == SQLITE_ROW else { throw WorkbenchError("cannot run '\(sql)': \(lastError)") }
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: .integer(sqlite3_column_int64(statement, column))
                case SQLITE_NULL: .null
                default: .text(String(cString: sqlite3_column_text(statement, column)))
                }
            })
        }
        return rows
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    func transaction<Result>(_ body: () throws(WorkbenchError) -> Result) throws(WorkbenchError) -> Result {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            do {
                try execute("ROLLBACK")
            } catch let rollback {
                throw WorkbenchError("\(error); rolling back failed too: \(rollback)")
            }
            throw error
        }
    }

    private var lastError: String { String(cString: sqlite3_errmsg(handle)) }
}

/// A workbench failure with what to tell the user.
public struct WorkbenchError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
