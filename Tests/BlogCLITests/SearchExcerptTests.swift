import Foundation
import TestSupport
import Testing

/// A result's excerpt is the passage that matched, cut by the search page's script (run by
/// node, `excerpt` in `search.js`) from the text the built index stores for the post.
@Suite struct SearchExcerptTests {
    static let filler = String(repeating: "这一段只是开头的铺垫文字。", count: 12)
    static let english = String(repeating: "Nothing to see in this opening part. ", count: 5)

    nonisolated(unsafe) static let files: [String: Any] = [
        "blog.yaml": "title: T\nbase_url: https://example.com/\n",
        "posts/2016/zh.md": "---\ntitle: 中文\ndate: 2016-09-18\n---\n\(filler)\n\n后来我们改用了一致性哈希来分片。\n",
        "posts/2017/en.md": "---\ntitle: English\ndate: 2017-11-20\n---\n\(english)\n\nThen the quorum writes were rebalanced.\n",
    ]

    /// The stored text of the post whose URL ends so.
    static func storedText(_ url: String, in site: Fixture) throws -> String {
        for n in 0... {
            guard site.exists("search/d/\(n).json") else { break }
            let records = try #require(try JSONSerialization.jsonObject(with: Data(try site.read("search/d/\(n).json").utf8)) as? [[String]])
            if let record = records.first(where: { $0[0].hasSuffix(url) }) { return record[3] }
        }
        throw Failure("no record for \(url)")
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// `excerpt(text, tokenize(query), 160)` as the page shows it: pieces of text, marked or not.
    static func excerpt(_ text: String, query: String, size: Int = 160) throws -> [(text: String, marked: Bool)] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../themes/default/assets/search.js").standardizedFileURL.path
        let program = """
            const s = require(process.argv[1]);
            const [text, query, size] = JSON.parse(require('fs').readFileSync(0, 'utf8'));
            console.log(JSON.stringify(s.excerpt(text, s.tokenize(query), size)));
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", "-e", program, script]
        let (stdin, stdout) = (Pipe(), Pipe())
        (process.standardInput, process.standardOutput) = (stdin, stdout)
        try process.run()
        stdin.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: [text, query, size] as [Any]))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "node is needed (scripts/install-deps --oracles)")
        let pieces = try #require(try JSONSerialization.jsonObject(with: output) as? [[Any]])
        return pieces.map { ($0[0] as? String ?? "", $0.count > 1) }
    }

    @Test(arguments: [("/2016/09/zh/", "一致性哈希", "分片"), ("/2017/11/en/", "quorum write", "rebalanced")])
    func theExcerptIsThePassageThatMatched(url: String, query: String, nearby: String) throws {
        let site = try Fixture(files: Self.files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Self.storedText(url, in: site)
        let pieces = try Self.excerpt(text, query: query)
        let shown = pieces.map(\.text).joined()
        // Not the post's start: the passage of the match, cut before it, with it marked.
        #expect(pieces.first?.text == "…", "\(shown)")
        #expect(shown.contains(nearby), "\(shown)")
        let marked = pieces.filter(\.marked).map(\.text).joined(separator: " ")
        for word in query.split(separator: " ") { #expect(marked.lowercased().contains(word.prefix(5)), "\(marked)") }
        #expect(shown.count <= 170)
    }

    /// A title is marked at its own length (as the page does): whole, however late the
    /// match, never cut to `…` and its end. A match near the end of a long text shows a full
    /// window, ending with the text.
    @Test func aTextThatFitsIsShownWholeAndAWindowEndsWithTheText() throws {
        let title = "网页上的中文排版笔记"
        let pieces = try Self.excerpt(title, query: "中文排版", size: title.utf16.count)
        #expect(pieces.map(\.text).joined() == title, "\(pieces)")
        #expect(pieces.filter(\.marked).map(\.text).joined().contains("中文"), "\(pieces)")
        let long = Self.english + "The quorum"
        let tail = try Self.excerpt(long, query: "quorum")
        #expect(tail.first?.text == "…" && tail.last?.text == "quorum" && tail.last?.marked == true, "\(tail)")
        #expect(tail.dropFirst().map(\.text).joined().count == 160, "\(tail)")
    }

    @Test func withoutAMatchInTheTextTheExcerptIsTheStart() throws {
        let site = try Fixture(files: Self.files)
        #expect(try site.build().status == 0)
        let pieces = try Self.excerpt(try Self.storedText("/2017/11/en/", in: site), query: "English")
        #expect(pieces.first?.text.hasPrefix("Nothing to see") == true, "\(pieces)")
        #expect(pieces.allSatisfy { !$0.marked })
    }
}
