@testable import BlogPipeline
import Testing

/// The table that numbers every term of a post and of the site (`TermTable`): one number per
/// distinct run of bytes, whatever their hashes, lengths or the table's growth.
@Suite struct TermTableTests {
    static func insert(_ term: String, hash: UInt32? = nil, into table: TermTable) -> Int {
        var bytes = Array(term.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let view = UnsafeBufferPointer(buffer)
            return table.insert(view, hash: hash ?? SearchIndex.fnv1a(view))
        }
    }

    /// Terms whose hashes are all the same (as a collision would make them) are still told
    /// apart by their bytes, short (compared as one number) or long (compared byte by byte):
    /// a term and its prefix, one with a zero byte, one of seven and one of eight bytes.
    @Test func termsWithTheSameHashStayApart() {
        let table = TermTable(capacity: 4)
        let terms = [
            "", "a", "a\u{0}", "ab", "abcdefg", "abcdefgh", "abcdefgi", "缓", "缓存", "缓存策", "\u{0}",
            "aaa", "aaaa", "aaaaa", "aaaaaa", "aaaaaaa", "abab", "ababa", "bab", "abca", "bcab",
        ]
        let numbers = terms.map { Self.insert($0, hash: 7, into: table) }
        #expect(numbers == Array(0..<terms.count))
        #expect(terms.map { Self.insert($0, hash: 7, into: table) } == numbers)
        #expect(table.count == terms.count)
        #expect((0..<terms.count).map(table.string) == terms)
    }

    /// Numbers are kept in the order first added as the table grows many times over.
    @Test func numbersSurviveGrowth() {
        let table = TermTable(capacity: 2)
        let terms = (0..<5000).map { "t\($0)" } + (0..<2000).map { "词\($0)汇" }
        for (i, term) in terms.enumerated() { #expect(Self.insert(term, into: table) == i) }
        for (i, term) in terms.enumerated().reversed() { #expect(Self.insert(term, into: table) == i) }
        #expect(table.count == terms.count)
    }

    /// A table that probes by its own hash (a post's, `insert(_:)`) numbers terms the same way
    /// and still records each term's FNV-1a, which picks its part and shard.
    @Test func ownHashesNumberTheSameAndKeepFNV() {
        let table = TermTable(capacity: 2)
        let terms = ["", "a", "a\u{0}", "abcdefg", "abcdefgh", "缓", "缓存", "缓存策"] + (0..<3000).map { "w\($0)" }
        func insert(_ term: String) -> Int {
            var bytes = Array(term.utf8)
            return bytes.withUnsafeMutableBufferPointer { table.insert(UnsafeBufferPointer($0)) }
        }
        for (i, term) in terms.enumerated() { #expect(insert(term) == i) }
        for (i, term) in terms.enumerated().reversed() { #expect(insert(term) == i) }
        #expect(table.count == terms.count)
        #expect(Array(table.hashes) == terms.map { SearchIndex.fnv1a($0) })
        #expect((0..<terms.count).map(table.string) == terms)
    }
}
