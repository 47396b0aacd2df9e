import Testing

@testable import Jianzheng

/// Values read from one file are held once each, and each as it is written: a text in other Unicode characters is
/// another value, never replaced by an earlier one that merely compares equal.
@Suite struct SharedValuesTests {
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var text = text
        return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func equalListsAndTextsShareOneCopy() {
        var values = SharedValues()
        let first = values.shared(["甘肃省人力资源和社会保障厅"]), second = values.shared(["甘肃省人力资源和社会保障厅"])
        #expect(first == second)
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
        let pair = values.shared(["户籍信息", "婚姻状况"]), again = values.shared(["户籍信息", "婚姻状况"])
        #expect(pair.withUnsafeBufferPointer { $0.baseAddress } == again.withUnsafeBufferPointer { $0.baseAddress })
        #expect(values.shared(["户籍信息"]) == ["户籍信息"] && values.shared(["婚姻状况", "户籍信息"]) == ["婚姻状况", "户籍信息"])
        let text = values.shared("本人承诺符合条件。本人承诺符合条件。")
        #expect(Self.storage(values.shared(String(decoding: Array("本人承诺符合条件。本人承诺符合条件。".utf8), as: UTF8.self))) == Self.storage(text))
        #expect(values.shared([]) == [] && values.shared("短") == "短" && values.shared(nil as String?) == nil)
    }

    @Test func aTextWrittenInOtherCharactersIsKeptAsWritten() {
        var values = SharedValues()
        let composed = "申请人承诺所填写的内容真实有效，Café", decomposed = "申请人承诺所填写的内容真实有效，Cafe\u{301}"
        #expect(composed == decomposed)
        _ = values.shared(composed)
        #expect(Array(values.shared(decomposed).utf8) == Array(decomposed.utf8))
        _ = values.shared([composed])
        #expect(values.shared([decomposed]).map { Array($0.utf8) } == [Array(decomposed.utf8)])
    }
}
