import JianzhengBase
import Testing

@testable import Jianzheng

/// A material's trips and days are held in 32 bits: the largest such count is read as written, a larger one is an
/// error at the number, never a silently different count.
@Suite struct MaterialCountTests {
    static func material(trips: String, days: String) -> (Catalogue, [Diagnostic]) {
        Fixture.build(["material 远程证明 {\n  kind certificate\n  trips \(trips)\n  days \(days) 工作日\n}\n"], includeBase: false)
    }

    @Test func theLargest32BitCountIsKept() {
        let (catalogue, diagnostics) = Self.material(trips: "2147483647", days: "15")
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(catalogue.materials["远程证明"]?.trips == 2_147_483_647 && catalogue.materials["远程证明"]?.days == 15)
    }

    @Test func aLargerCountIsAnErrorAtTheNumber() {
        let (catalogue, diagnostics) = Self.material(trips: "3", days: "3000000000")
        let error = diagnostics.first { $0.code == .valueOutOfRange }
        #expect(error?.message.contains("3000000000") == true)
        #expect(error?.range.start.line == 4 && error?.range.start.column == 8)
        #expect(catalogue.materials["远程证明"]?.days == 0 && catalogue.materials["远程证明"]?.trips == 3)
    }
}
