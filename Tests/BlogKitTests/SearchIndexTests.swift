import Foundation
import Testing

@testable import BlogCore
@testable import BlogPipeline

/// The files of the search index, made from documents (no site): what the script will find.
@Suite struct SearchIndexTests {
    /// The index's files by path, parsed.
    struct Built {
        var files: [String: String]
        /// Term shards, as the manifest says.
        var termShards: Int

        init(_ docs: [SearchDocument]) {
            files = Dictionary(uniqueKeysWithValues: SearchIndex.files(docs).map { ($0.path, $0.text) })
            let manifest = try? JSONSerialization.jsonObject(with: Data((files["index.json"] ?? "").utf8)) as? [String: Int]
            termShards = manifest?["terms"] ?? 0
        }

        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(try #require(files[path]).utf8))
        }

        /// `(doc, score, position)` of each posting of the term, and its document frequency.
        func postings(_ term: String) throws -> (df: Int, list: [(doc: Int, score: Int, position: Int)])? {
            let shard = try #require(try json("t/\(Int(SearchIndex.fnv1a(term) % UInt32(termShards))).json") as? [String: String])
            guard let line = shard[term] else { return nil }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false)
            var doc = 0
            let list = parts[1].split(separator: ";").map { entry -> (Int, Int, Int) in
                let f = entry.split(separator: ",").map { Int($0, radix: 36)! }
                doc += f[0]
                return (doc, f[1], f[2])
            }
            return (Int(parts[0], radix: 36)!, list)
        }
    }

    static func doc(_ title: String, _ html: String, tags: [String] = [], url: String? = nil) -> SearchDocument {
        SearchDocument(url: url ?? "/\(title)/", title: title, date: "2016-12-31", tags: tags, html: html)
    }

    @Test func termsPointToTheirDocumentsWithFieldWeights() throws {
        let built = Built([
            Self.doc("缓存策略", "<p>Nothing else.</p>"),
            Self.doc("Other", "<h2>缓存</h2><p>我们的缓存很快。</p>", tags: ["swift"]),
            Self.doc("Third", "<p>一次缓存，<em>两次</em>缓存。</p><pre><code>let secretvar = 1</code></pre>"),
        ])
        let cache = try #require(try built.postings("缓存"))
        #expect(cache.df == 3)
        #expect(cache.list.map(\.doc) == [0, 1, 2])
        let score = Dictionary(uniqueKeysWithValues: cache.list.map { ($0.doc, $0.score) })
        // Title > heading (and body) > body alone.
        #expect(score[0]! > score[1]! && score[1]! > score[2]!)
        #expect(try built.postings("swift")?.list.map(\.doc) == [1])
        // Code blocks are not indexed; inline elements do not break a run of Chinese.
        #expect(try built.postings("secretvar") == nil)
        #expect(try built.postings("次缓")?.list.map(\.doc) == [2])
    }

    @Test func manifestAndDocumentShardsHoldWhatResultsShow() throws {
        let docs = (0..<20).map { Self.doc("Post \($0)", "<p>Body of post number \($0), about <b>swift</b>.</p>") }
        let built = Built(docs)
        let manifest = try #require(try built.json("index.json") as? [String: Int])
        #expect(manifest["lead"] == SearchIndex.leadLength)
        #expect(manifest["docs"] == 20)
        let perShard = try #require(manifest["perShard"])
        let terms = try #require(manifest["terms"])
        #expect(Set(built.files.keys) == Set(SearchIndex.plannedPaths(docs: 20) + (0..<terms).map { "t/\($0).json" }))
        let shard = try #require(try built.json("d/\(13 / perShard).json") as? [[String]])
        let record = shard[13 % perShard]
        #expect(record == ["/Post 13/", "Post 13", "2016-12-31", "Body of post number 13, about swift."])
    }

    @Test func numbersAreWrittenInBase36AsTheScriptReadsThem() {
        for n in [0, 1, 35, 36, 1_295, 1_296, 600, 123_456_789, Int(Int32.max)] {
            var bytes: [UInt8] = []
            SearchIndex.base36(n, into: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(n, radix: 36))
        }
    }

    @Test func aCommonTermKeepsItsBestPostingsAndItsTrueCount() throws {
        let docs = (0..<(SearchIndex.maxPostings + 50)).map { i in
            Self.doc(i == 640 ? "common" : "p\(i)", "<p>common words</p>")
        }
        let common = try #require(try Built(docs).postings("common"))
        #expect(common.df == docs.count)
        #expect(common.list.count == SearchIndex.maxPostings)
        #expect(common.list.contains { $0.doc == 640 })  // the title match outranks the rest
    }

    /// Excerpts come from the start of the text, white space collapsed, at most `leadLength`.
    @Test func theLeadIsShortAndClean() {
        let text = SearchText(html: "<h1>T</h1>\n<p>a  &amp; b&#x4E2D;&#25991;</p><!-- x --><p>c</p>")
        #expect(SearchIndex.lead(utf8: text.body) == "T a & b中文 c")
        #expect(String(decoding: text.headings, as: UTF8.self).contains("T"))
        #expect(SearchIndex.lead(utf8: Array(String(repeating: "字", count: 5_000).utf8)).count == SearchIndex.leadLength)
        // Unicode's other white space too (an ideographic space, a no-break space, an em space).
        #expect(SearchIndex.lead(utf8: Array("\u{3000}前言\u{3000}\u{A0} 正文\u{2003}end\u{85}".utf8)) == "前言 正文 end")
    }

    /// What a reader searches for is the text between tags, character references read as
    /// their characters (cmark's escapes and any other), and nothing of a code block, whose
    /// highlighting is tags of its own; inline tags do not cut a word, other tags do.
    @Test func theTextIsWhatAReaderSees() {
        let html = """
            <p>Tom &amp; Jerry&#39;s &quot;x&lt;y&gt;&quot; &copy; &bogus; &#x4E2D; a &amp b&#39</p>\
            <pre><code class="language-go"><span class="k">func</span> <span title="</code>">x</span>\
            <!-- </pre> --></code></pre><p>使用<em>缓存</em>策略</p><h2 id="h">Head&amp;ing</h2>end
            """
        let text = SearchText(html: html)
        #expect(String(decoding: text.body, as: UTF8.self) == "\nTom & Jerry's \"x<y>\" &copy; &bogus; 中 a &amp b&#39\n使用缓存策略\nHead&ing\nend")
        #expect(String(decoding: text.headings, as: UTF8.self) == "Head&ing\n")
    }

    static func seconds(_ work: () -> Void) -> Double {
        let start = Date()
        work()
        return Date().timeIntervalSince(start)
    }

    /// A word repeated, distinct made-up words, and one run of Chinese: four times the text
    /// takes about four times as long (quadratic work would take sixteen).
    @Test(arguments: ["repeat", "distinct", "chinese"])
    func badInputIsLinear(shape: String) {
        func text(_ n: Int) -> String {
            switch shape {
            case "repeat": return String(repeating: "word ", count: n)
            case "distinct": return (0..<n).map { "w\(String($0, radix: 36))" }.joined(separator: " ")
            default: return String(repeating: "我们的缓存策略很快", count: n / 9)
            }
        }
        let (small, large) = (text(25_000), text(100_000))
        let once = Self.seconds { _ = Built([Self.doc("a", "<p>" + small + "</p>")]) }
        let four = Self.seconds { _ = Built([Self.doc("a", "<p>" + large + "</p>")]) }
        #expect(four < max(once * 8, 0.5), "\(shape): \(once) s, then \(four) s for four times the text")
    }

    /// 100,000 distinct words in one post: no term shard grows past its limit.
    @Test func shardsStayBounded() throws {
        let words = (0..<100_000).map { "t\(String($0 * 7919, radix: 36))" }.joined(separator: " ")
        let built = Built([Self.doc("a", "<p>\(words)</p>"), Self.doc("b", "<p>short</p>")])
        for (path, text) in built.files where path.hasPrefix("t/") {
            #expect(text.utf8.count <= SearchIndex.shardLimit + 2, "\(path): \(text.utf8.count) bytes")
        }
        #expect(try built.postings("short")?.list.map(\.doc) == [1])
    }

    /// A shard over its limit halves its longest lists; of lists as long, which are halved
    /// must not depend on the order the merge gave the terms (once a Dictionary's, which
    /// differs from one run to the next), nor must the best postings kept.
    @Test func anOverfullShardIsTheSameWhateverTheTermsOrder() {
        let entries = (0..<8).map { n in
            let postings = (0..<SearchIndex.maxPostings + 50).map { doc in
                SearchIndex.Posting(doc: Int32(doc), score: UInt16((doc * (n + 3)) % 7 + 1), position: Int32(doc % 50))
            }
            return SearchIndex.Entry(TermKey("term\(n)"), postings, keep: SearchIndex.maxPostings)
        }
        let shard = SearchIndex.termShards(entries, count: 1)
        #expect(shard[0].utf8.count <= SearchIndex.shardLimit + 2)
        #expect(shard[0].utf8.count > SearchIndex.shardTarget)
        #expect(SearchIndex.termShards(entries.reversed(), count: 1) == shard)
        #expect(SearchIndex.termShards([entries[3], entries[0], entries[7]] + entries[4...6] + entries[1...2], count: 1) == shard)
        // The best postings kept: of equal scores, the earlier documents.
        let kept = SearchIndex.best(entries[0].postings, keep: 100)
        let sorted = entries[0].postings.sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
        #expect(kept.map(\.doc) == sorted.prefix(100).map(\.doc).sorted())
    }
}
