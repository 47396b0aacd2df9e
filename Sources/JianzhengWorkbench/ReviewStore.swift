import Foundation
import Jianzheng

/// What the people reviewing a catalogue said about its decisions, kept in SQLite: statuses, notes and
/// sign-offs as an append-only history of events (triggers refuse any update or delete), from which the current
/// state is read. The engine stays the source of truth for verdicts; an event records the fingerprint of the
/// decision it was made on, so a decision that changed under it (a re-review after the rules or the law changed)
/// is marked outdated.
public final class ReviewStore: @unchecked Sendable {
    private let database: SQLiteDatabase
    private let lock = NSLock()

    /// The schema, one migration per version; a database at version N runs migrations N+1… once, in order.
    static let migrations: [String] = [
        """
        CREATE TABLE events (
          id          INTEGER PRIMARY KEY,
          decision    TEXT NOT NULL,
          department  TEXT NOT NULL,
          kind        TEXT NOT NULL CHECK (kind IN ('status', 'note', 'resolve', 'sign-off')),
          author      TEXT NOT NULL,
          at          TEXT NOT NULL,
          status      TEXT,
          note        TEXT,
          serious     INTEGER NOT NULL DEFAULT 0,
          fingerprint TEXT NOT NULL,
          refers      INTEGER REFERENCES events(id)
        );
        CREATE INDEX events_by_decision ON events(decision, kind);
        CREATE INDEX events_by_department ON events(department, kind);
        CREATE TRIGGER events_are_never_changed BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the review history is append-only'); END;
        CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'the review history is append-only'); END;
        """,
    ]

    /// Opens the store at `path` (`:memory:` for a private one) and brings its schema up to date.
    public init(path: String) throws(WorkbenchError) {
        database = try SQLiteDatabase(path: path)
        try migrate()
    }

    /// The schema version this database is at.
    public var schemaVersion: Int {
        get throws(WorkbenchError) {
            Int(try database.execute("PRAGMA user_version").first?.first?.integer ?? 0)
        }
    }

    private func migrate() throws(WorkbenchError) {
        let current = try schemaVersion
        guard current <= Self.migrations.count else {
            throw WorkbenchError("the review database \(database.path) is at schema version \(current), newer than this workbench (\(Self.migrations.count))")
        }
        for version in current..<Self.migrations.count {
            try database.transaction { () throws(WorkbenchError) in
                for statement in Self.migrations[version].components(separatedBy: ";\n") where !statement.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    try database.execute(statement)
                }
                try database.execute("PRAGMA user_version = \(version + 1)")
            }
        }
    }

    // MARK: - Writing

    /// Sets a decision's status (已核 / 有异议; 未审 takes it back).
    public func setStatus(_ status: ReviewStatus, of decision: DecisionRecord, by author: String) throws(WorkbenchError) {
        guard status != .signedOff else { throw WorkbenchError("已签发 is given by signing off the department's list, not per decision") }
        try append(decision: decision.id, department: decision.department, kind: "status", author: author, status: status.rawValue, note: nil,
                   serious: false, fingerprint: decision.fingerprint, refers: nil)
    }

    /// Adds a note to a decision; a serious one blocks the department's sign-off until it is resolved.
    @discardableResult
    public func addNote(_ text: String, serious: Bool, on decision: DecisionRecord, by author: String) throws(WorkbenchError) -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw WorkbenchError("a note needs some text") }
        return try append(decision: decision.id, department: decision.department, kind: "note", author: author, status: nil, note: trimmed,
                          serious: serious, fingerprint: decision.fingerprint, refers: nil)
    }

    /// Marks a note resolved (the note itself stays in the history).
    public func resolveNote(_ note: Int64, on decision: DecisionRecord, by author: String) throws(WorkbenchError) {
        let found = try database.execute("SELECT decision FROM events WHERE id = ? AND kind = 'note'", [.integer(note)])
        guard found.first?.first?.text == decision.id else { throw WorkbenchError("decision \(decision.id) has no note \(note)") }
        try append(decision: decision.id, department: decision.department, kind: "resolve", author: author, status: nil, note: nil,
                   serious: false, fingerprint: decision.fingerprint, refers: note)
    }

    /// Signs off a department's list; refused while a serious note on one of its decisions is open. Each of
    /// `decisions` (the list's) is recorded 已签发 with its fingerprint, so a decision that changes after the
    /// sign-off is shown as outdated.
    public func signOff(department: String, by author: String, fingerprint: String, decisions: [DecisionRecord] = []) throws(WorkbenchError) {
        try locked { () throws(WorkbenchError) in
            try database.transaction { () throws(WorkbenchError) in
                let open = try openSeriousNotes(department: department)
                guard open.isEmpty else {
                    throw WorkbenchError("\(department)'s list cannot be signed off: \(open.count) serious note(s) are open (\(open.map(\.decision).prefix(3).joined(separator: ", ")))")
                }
                _ = try insert(
                    decision: "department:" + department, department: department, kind: "sign-off", author: author, status: nil, note: nil,
                    serious: false, fingerprint: fingerprint, refers: nil)
                for decision in decisions {
                    _ = try insert(
                        decision: decision.id, department: department, kind: "status", author: author, status: ReviewStatus.signedOff.rawValue,
                        note: nil, serious: false, fingerprint: decision.fingerprint, refers: nil)
                }
            }
        }
    }

    @discardableResult
    private func append(
        decision: String, department: String, kind: String, author: String, status: String?, note: String?, serious: Bool, fingerprint: String,
        refers: Int64?
    ) throws(WorkbenchError) -> Int64 {
        try locked { () throws(WorkbenchError) in
            try insert(decision: decision, department: department, kind: kind, author: author, status: status, note: note, serious: serious,
                       fingerprint: fingerprint, refers: refers)
        }
    }

    /// One writer at a time (SQLite serialises too; this keeps a check and its write together).
    private func locked<Result>(_ body: () throws(WorkbenchError) -> Result) throws(WorkbenchError) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    private func insert(
        decision: String, department: String, kind: String, author: String, status: String?, note: String?, serious: Bool, fingerprint: String,
        refers: Int64?
    ) throws(WorkbenchError) -> Int64 {
        let name = author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw WorkbenchError("give your name: every change is recorded with its author") }
        let rows = try database.execute(
            "INSERT INTO events (decision, department, kind, author, at, status, note, serious, fingerprint, refers) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [.text(decision), .text(department), .text(kind), .text(name), .text(Self.now()), status.map { .text($0) } ?? .null,
             note.map { .text($0) } ?? .null, .integer(serious ? 1 : 0), .text(fingerprint), refers.map { .integer($0) } ?? .null])
        guard let id = rows.first?.first?.integer else { throw WorkbenchError("the review database returned no id for the new event") }
        return id
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    // MARK: - Reading

    /// A decision's current status and open notes, and whether they were made on another version of it.
    public func state(of decision: DecisionRecord) throws(WorkbenchError) -> DecisionReviewState {
        let events = try history(of: decision.id)
        let resolved = Set(events.compactMap { $0.kind == "resolve" ? $0.refers : nil })
        let lastStatus = events.last { $0.kind == "status" }
        var state = DecisionReviewState()
        if let lastStatus, let status = lastStatus.status.flatMap(ReviewStatus.init(rawValue:)) {
            state.status = status
            state.statusOutdated = lastStatus.fingerprint != decision.fingerprint
        }
        // Signed off after its last status (a list signed off without its decisions named): issued (已签发).
        let signOff = try lastSignOff(department: decision.department)
        if let signOff, signOff.id > (lastStatus?.id ?? 0) {
            state.status = .signedOff
            state.statusOutdated = false
        }
        if state.status == .signedOff { state.signOff = signOff }
        state.notes = events.filter { $0.kind == "note" }.map { event in
            ReviewNote(
                id: event.id, author: event.author, at: event.at, text: event.note ?? "", serious: event.serious,
                resolved: resolved.contains(event.id), outdated: event.fingerprint != decision.fingerprint)
        }
        state.history = events
        return state
    }

    /// Every event of one decision, oldest first.
    public func history(of decision: String) throws(WorkbenchError) -> [ReviewEvent] {
        try database.execute(
            "SELECT id, decision, department, kind, author, at, status, note, serious, fingerprint, refers FROM events WHERE decision = ? ORDER BY id",
            [.text(decision)]
        ).map(ReviewEvent.init)
    }

    /// The last status of every decision that has one, by decision id (for the lists' 审核状态 column).
    public func statuses() throws(WorkbenchError) -> [String: (status: ReviewStatus, fingerprint: String)] {
        let rows = try database.execute(
            "SELECT decision, status, fingerprint FROM events WHERE id IN (SELECT MAX(id) FROM events WHERE kind = 'status' GROUP BY decision)")
        var result: [String: (ReviewStatus, String)] = [:]
        for row in rows {
            guard let id = row[0].text, let status = row[1].text.flatMap(ReviewStatus.init(rawValue:)), let fingerprint = row[2].text else { continue }
            result[id] = (status, fingerprint)
        }
        return result
    }

    /// The departments signed off, with the event.
    public func lastSignOff(department: String) throws(WorkbenchError) -> ReviewEvent? {
        try database.execute(
            "SELECT id, decision, department, kind, author, at, status, note, serious, fingerprint, refers FROM events WHERE department = ? AND kind = 'sign-off' ORDER BY id DESC LIMIT 1",
            [.text(department)]
        ).first.map(ReviewEvent.init)
    }

    /// The serious notes still open on a department's decisions.
    public func openSeriousNotes(department: String) throws(WorkbenchError) -> [ReviewEvent] {
        try database.execute(
            """
            SELECT id, decision, department, kind, author, at, status, note, serious, fingerprint, refers FROM events AS note
            WHERE department = ? AND kind = 'note' AND serious = 1
              AND NOT EXISTS (SELECT 1 FROM events WHERE kind = 'resolve' AND refers = note.id) ORDER BY id
            """, [.text(department)]
        ).map(ReviewEvent.init)
    }

    /// How many events the history holds.
    public func eventCount() throws(WorkbenchError) -> Int {
        Int(try database.execute("SELECT COUNT(*) FROM events").first?.first?.integer ?? 0)
    }
}

/// 审核状态: what the office has said of a decision.
public enum ReviewStatus: String, Sendable, CaseIterable {
    case unreviewed = "未审"
    case checked = "已核"
    case disputed = "有异议"
    case signedOff = "已签发"
}

/// A decision as the store keys it: stable across re-reviews (procedure and material), with the fingerprint of
/// what was decided (verdict, reason, the articles and the versions quoted).
public struct DecisionRecord: Sendable {
    public let id: String
    public let department: String
    public let fingerprint: String

    public init(_ decision: Decision) {
        id = decision.procedureID + "/" + decision.material
        department = decision.department
        let articles = decision.basis.articles.map { "\($0.citation)@\($0.versionFrom.map(\.description) ?? "")" }
        fingerprint = ([decision.verdict.rawValue, decision.reason.rawValue] + articles).joined(separator: "|")
    }

    public init(id: String, department: String, fingerprint: String) {
        self.id = id
        self.department = department
        self.fingerprint = fingerprint
    }
}

/// One event of the history.
public struct ReviewEvent: Sendable {
    public let id: Int64
    public let decision, department, kind, author, at: String
    public let status, note: String?
    public let serious: Bool
    public let fingerprint: String
    public let refers: Int64?

    init(_ row: [SQLiteDatabase.Value]) {
        id = row[0].integer ?? 0
        decision = row[1].text ?? ""
        department = row[2].text ?? ""
        kind = row[3].text ?? ""
        author = row[4].text ?? ""
        at = row[5].text ?? ""
        status = row[6].text
        note = row[7].text
        serious = row[8].integer == 1
        fingerprint = row[9].text ?? ""
        refers = row[10].integer
    }
}

/// A note as the page shows it.
public struct ReviewNote: Sendable {
    public let id: Int64
    public let author, at, text: String
    public let serious, resolved: Bool
    /// Made on another version of the decision (it changed since).
    public let outdated: Bool
}

/// What the store says of one decision now.
public struct DecisionReviewState: Sendable {
    public var status: ReviewStatus = .unreviewed
    /// Made on another version of the decision (it changed since).
    public var statusOutdated = false
    /// The department's sign-off, when it came after the decision's last status (its fingerprint is the list's).
    public var signOff: ReviewEvent?
    public var notes: [ReviewNote] = []
    public var history: [ReviewEvent] = []
}
