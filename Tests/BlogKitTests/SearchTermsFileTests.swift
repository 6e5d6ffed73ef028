import Foundation
import Testing

@testable import BlogCore
@testable import BlogIncremental
@testable import BlogPipeline

/// `.blog/search-terms`: what is written is read back the same, and a file that is not whole
/// is nothing (the posts are tokenized again), even with a checksum that matches.
@Suite struct SearchTermsFileTests {
    static let posts: [UInt64: SearchTerms] = [
        7: SearchTerms(title: "缓存策略", tags: ["swift"], text: SearchText(html: "<h2>Caching</h2><p>Use an LRU cache. 我们把缓存放在内存里。</p>")),
        9: SearchTerms(title: "Café ｷｬｯｼｭ", tags: [], text: SearchText(html: "<p>caches cached caching</p>")),
        11: SearchTerms(title: "", tags: [], text: SearchText()),
    ]

    static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "search-terms-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    static func written(_ posts: [UInt64: SearchTerms], source: String) throws -> Data {
        let store = SearchTermsStore()
        for (digest, terms) in posts { _ = store.terms(digest: digest) { terms } }
        try SearchTermsFile.write(store, source: source)
        return try Data(contentsOf: URL(fileURLWithPath: SearchTermsFile.path(source: source)))
    }

    @Test func termsAreReadBackAsWritten() throws {
        let source = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: source) }
        _ = try Self.written(Self.posts, source: source)
        let read = SearchTermsFile.read(path: SearchTermsFile.path(source: source))
        #expect(read == Self.posts)
        // The same terms as tokenizing gives: the index made from either is the same.
        #expect(Self.posts[7]!.count > 10 && read[7]!.lead == Self.posts[7]!.lead)
    }

    /// Every cut of the content, given a checksum of its own so that only the parse can
    /// refuse it: none is read as terms, none crashes.
    @Test func aFileCutAnywhereIsNothing() throws {
        let source = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let content = Array(try Self.written(Self.posts, source: source).dropLast(8))
        let path = SearchTermsFile.path(source: source)
        for length in 0..<content.count {
            var bytes = Array(content.prefix(length))
            withUnsafeBytes(of: bytes.withUnsafeBytes(ContentHash.xxh64).littleEndian) { bytes.append(contentsOf: $0) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(SearchTermsFile.read(path: path).isEmpty, "cut at \(length) of \(content.count)")
        }
    }

    /// Any one byte made 0xFF or 0, under a checksum that matches (lengths, counts and
    /// numbers read as huge or as nothing): the file is read or refused, never a crash, and
    /// what is read has every term inside its post's bytes.
    @Test func aDamagedByteIsNeverACrash() throws {
        let source = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: source) }
        let content = Array(try Self.written(Self.posts, source: source).dropLast(8))
        let path = SearchTermsFile.path(source: source)
        for index in content.indices {
            for value: UInt8 in [0xFF, 0] {
                var bytes = content
                bytes[index] = value
                withUnsafeBytes(of: bytes.withUnsafeBytes(ContentHash.xxh64).littleEndian) { bytes.append(contentsOf: $0) }
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                for terms in SearchTermsFile.read(path: path).values {
                    #expect((0..<terms.count).allSatisfy { terms.start($0) <= terms.end($0) && terms.end($0) <= terms.bytes.count })
                }
            }
        }
    }

    /// A store that changed nothing since loaded writes nothing; one that forgot a post does.
    @Test func anUnchangedStoreIsNotWrittenAgain() throws {
        let source = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: source) }
        _ = try Self.written(Self.posts, source: source)
        let path = SearchTermsFile.path(source: source)
        let store = SearchTermsFile.store(source: source)
        _ = store.terms(digest: 7) { Issue.record("tokenized again"); return SearchTerms(title: "", tags: [], text: SearchText()) }
        store.retain([7, 9, 11])
        #expect(store.changed == nil)
        store.retain([7])
        try SearchTermsFile.write(store, source: source)
        #expect(Set(SearchTermsFile.read(path: path).keys) == [7])
    }
}
