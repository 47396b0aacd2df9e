import Foundation

/// A progress line on standard error for runs over a second: what the command is doing and for how long,
/// redrawn in place and erased at the end. Only when standard error is a terminal, and not with `--quiet`, so
/// logs and pipes never see it.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private var phase: String
    private let started = Date()
    private var shown = false
    private var timer: DispatchSourceTimer?

    /// Starts reporting `phase` after a second, if standard error is a terminal and `enabled`.
    init(_ phase: String, enabled: Bool) {
        self.phase = phase
        guard enabled, isatty(STDERR_FILENO) == 1 else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    /// What the command is doing now.
    func update(_ phase: String) {
        lock.withLock { self.phase = phase }
    }

    /// Stops and erases the line.
    func finish() {
        timer?.cancel()
        timer = nil
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
        }
    }

    private func draw() {
        lock.withLock {
            let seconds = Int(Date().timeIntervalSince(started))
            // The phase names are the program's own words: nothing from the input reaches this line.
            FileHandle.standardError.write(Data("\r\u{1B}[Kjianzheng: \(phase) … \(seconds) s".utf8))
            shown = true
        }
    }

    deinit { timer?.cancel() }
}
