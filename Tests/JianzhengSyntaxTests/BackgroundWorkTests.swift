import Foundation
import JianzhengBase
import Testing

@Suite struct BackgroundWorkTests {
    /// Counts how often the work ran, from whichever thread runs it.
    private final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }

    @Test func theWorkRunsOnceAndEveryReadWaitsForItsResult() {
        let runs = Runs()
        let work = BackgroundWork { () -> [Int] in
            runs.add()
            Thread.sleep(forTimeInterval: 0.05)
            return (1...1000).map { $0 * $0 }
        }
        #expect(work.value.count == 1000)
        #expect(work.value.last == 1_000_000)
        #expect(runs.value == 1)
    }
}
