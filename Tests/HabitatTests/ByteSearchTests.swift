import HabitatCore
import Testing

@Suite struct ByteSearchTests {
    func index(_ needle: String, _ hay: String, from: Int = 0) -> Int? {
        Array(hay.utf8).withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array(needle.utf8), in: $0, from: from) }
    }

    @Test func findsAtEveryPlace() {
        #expect(index("<table>", "<table>x") == 0)
        #expect(index("<table>", "ab<table>") == 2)
        #expect(index("<table>", "<<ta<tab<table>") == 8)   // false starts on the first byte
        #expect(index("<table>", "<table><table>", from: 1) == 7)
        #expect(index("<table>", "<tabl") == nil)
        #expect(index("<table>", "") == nil)
        #expect(index("é", "Été") == 3)
    }

    @Test func containsBytes() {
        #expect(ByteSearch.contains(Array("À compléter".utf8), in: Array("titre: À compléter\n".utf8)))
        #expect(!ByteSearch.contains(Array("À compléter".utf8), in: Array("titre: A compléter\n".utf8)))
    }
}
