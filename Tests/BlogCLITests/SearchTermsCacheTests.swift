import Foundation
import TestSupport
import Testing

/// The posts' terms kept in `.blog/search-terms` by digest: a build after an edit tokenizes
/// only the edited post, and must give the index a cold build of the same files gives — never
/// the terms the post had before, whatever the file holds.
@Suite struct SearchTermsCacheTests {
    static let post = "---\ntitle: 缓存策略\ndate: 2016-09-18\ntags: [oldtag]\n---\n我们把缓存放在内存里。Use an oldword cache.\n"
    nonisolated(unsafe) static let files: [String: Any] = [
        "blog.yaml": "title: 搜索测试\nbase_url: https://example.com/blog/\nlanguage: zh-CN\n",
        "posts/2016/cache.md": post,
        "posts/2017/kyoto.md": "---\ntitle: 京都之秋\ndate: 2017-11-20\n---\n红叶很美，Kyoto in autumn.\n",
        "pages/about.md": "---\ntitle: About\n---\nAbout me.\n",
    ]

    static func index(_ site: Fixture) throws -> [String: Data] {
        try site.snapshot().filter { $0.key.hasPrefix("search/") }.mapValues(\.0)
    }

    /// The index a cold build of the site's posts as they are now gives.
    static func coldIndex(_ changes: [String: Any]) throws -> [String: Data] {
        let cold = try Fixture(files: files)
        try cold.write(changes)
        #expect(try cold.build().status == 0)
        return try index(cold)
    }

    /// The text, the title and the tags are each the source of terms: an edit of any one,
    /// alone, takes the old terms out of the index and puts the new ones in.
    @Test func anEditOfTextTitleOrTagsReplacesThePostsTerms() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        #expect(try SearchSiteTests.postings("oldword", in: site) != nil)
        let edits: [(post: String, gone: [String], found: [String])] = [
            (Self.post.replacingOccurrences(of: "oldword", with: "newword"), ["oldword"], ["newword", "缓存", "oldtag"]),
            (Self.post.replacingOccurrences(of: "oldword", with: "newword").replacingOccurrences(of: "缓存策略", with: "内存布局"),
             ["策略", "oldword"], ["布局", "newword"]),
            (Self.post.replacingOccurrences(of: "oldword", with: "newword").replacingOccurrences(of: "缓存策略", with: "内存布局")
                .replacingOccurrences(of: "oldtag", with: "newtag"), ["oldtag", "策略"], ["newtag", "布局"]),
        ]
        for edit in edits {
            try site.write(["posts/2016/cache.md": edit.post])
            let result = try site.build()
            #expect(result.status == 0, "\(result.stderr)")
            for term in edit.gone { #expect(try SearchSiteTests.postings(term, in: site) == nil, "\(term) after \(edit.found)") }
            for term in edit.found { #expect(try SearchSiteTests.postings(term, in: site) != nil, "\(term)") }
            #expect(try Self.index(site) == (try Self.coldIndex(["posts/2016/cache.md": edit.post])))
        }
    }

    /// A post edited and then put back has its first terms again, not the edit's.
    @Test func aPostPutBackGivesTheFirstIndex() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        let first = try Self.index(site)
        try site.write(["posts/2017/kyoto.md": "---\ntitle: 京都之秋\ndate: 2017-11-20\n---\n枫叶 maplewood.\n"])
        #expect(try site.build().status == 0)
        #expect(try SearchSiteTests.postings("maplewood", in: site) != nil)
        try site.write(["posts/2017/kyoto.md": Self.files["posts/2017/kyoto.md"]!])
        #expect(try site.build().status == 0)
        #expect(try SearchSiteTests.postings("maplewood", in: site) == nil)
        #expect(try Self.index(site) == first)
    }

    /// A terms file damaged at any byte, cut short, emptied or of another format is ignored:
    /// every post is tokenized again and the index is a cold build's.
    @Test func aDamagedTermsFileIsIgnored() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        let path = site.root + "/.blog/search-terms"
        #expect(FileManager.default.fileExists(atPath: path))
        var generator = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let post = Self.post.replacingOccurrences(of: "oldword", with: "round\(round)word")
            try site.write(["posts/2016/cache.md": post])
            #expect(try site.build().status == 0)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            switch round % 4 {
            case 0: bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            case 1: bytes = bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator))
            case 2: bytes = Data()
            default: bytes = Data("blog search text 1 another build".utf8) + bytes
            }
            try bytes.write(to: URL(fileURLWithPath: path))
            // The other post edited: the damaged file is read for the one that was not.
            let kyoto = "---\ntitle: 京都之秋\ndate: 2017-11-20\n---\n红叶 round\(round)kyoto.\n"
            try site.write(["posts/2017/kyoto.md": kyoto])
            let result = try site.build()
            #expect(result.status == 0, "round \(round): \(result.stderr)")
            #expect(try Self.index(site) == (try Self.coldIndex(["posts/2016/cache.md": post, "posts/2017/kyoto.md": kyoto])), "round \(round)")
        }
    }

    /// The file of the format before (each post's text) is removed once terms are kept.
    @Test func theOldTextFileIsRemoved() throws {
        let site = try Fixture(files: Self.files)
        try FileManager.default.createDirectory(atPath: site.root + "/.blog", withIntermediateDirectories: true)
        try Data("blog search text 1".utf8).write(to: URL(fileURLWithPath: site.root + "/.blog/search-text"))
        #expect(try site.build().status == 0)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.blog/search-text"))
        #expect(FileManager.default.fileExists(atPath: site.root + "/.blog/search-terms"))
    }
}
