import Foundation
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// The Markdown stage against an oracle: Debian's `cmark-gfm` command (installed by
/// `.ci/run`, never linked), over every post of the real blogs in `../shared/corpora/` and of
/// the example site. Each table must have the same rows, cells, alignment and cell text, and
/// footnotes the same numbers. Math and CJK emphasis, which cmark-gfm has not, are off here.
@Suite struct MarkdownOracleTests {
    static var oracle: String? {
        ["/usr/bin/cmark-gfm", "/usr/local/bin/cmark-gfm"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func ours(_ markdown: String) -> String {
        var extensions = MarkdownExtension.all
        extensions.remove(.math)
        extensions.remove(.cjkEmphasis)
        let document = MarkdownDocument(markdown, safe: false, extensions: extensions)
        return document.html(of: MarkdownNode(document.root))
    }

    static func theirs(_ markdown: String, oracle: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: oracle)
        process.arguments = ["--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist", "-e", "footnotes"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Tables as rows of cells: `align|text`, the text without tags and with spaces collapsed.
    static func tables(_ html: String) -> [[[String]]] {
        html.matches(of: /(?s)<table>(.*?)<\/table>/).map { table in
            String(table.1).matches(of: /(?s)<tr>(.*?)<\/tr>/).map { row in
                String(row.1).matches(of: /(?s)<t[hd]( align="(\w+)")?>(.*?)<\/t[hd]>/).map { cell in
                    let text = String(cell.3).replacing(/<[^>]*>/, with: "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    return (cell.2.map(String.init) ?? "") + "|" + text
                }
            }
        }
    }

    /// The number of each footnote reference, in order, and how many notes are listed.
    static func footnotes(_ html: String) -> ([String], Int) {
        (html.matches(of: /data-footnote-ref>(\d+)<\/a>/).map { String($0.1) }, html.matches(of: /<li id="fn-/).count)
    }

    /// Posts where we differ on purpose, and why (the README lists them too).
    static let known: [String: String] = [
        // `…#files.[^gcc-versions]`: cmark-gfm's autolink swallows the footnote reference into
        // the URL and the note is lost; the writer meant a footnote, which we keep.
        "jekyll-memfault/_posts/2020-12-08-seamless-firmware-with-platformio.md": "a footnote right after a URL",
    ]

    @Test func tablesAndFootnotesMatchCmarkGFM() throws {
        let oracle = try #require(Self.oracle, "cmark-gfm is not installed (apt-get install cmark-gfm; .ci/run does)")
        let posts = SharedFixtures.posts
        #expect(posts.count > 500, "the corpora are not in ../shared/corpora (set BLOG_SHARED)")
        var tables = 0, notes = 0
        for (path, markdown) in posts {
            if Self.known.keys.contains(where: path.hasSuffix) { continue }
            let (ours, theirs) = (Self.ours(markdown), try Self.theirs(markdown, oracle: oracle))
            let (ourTables, theirTables) = (Self.tables(ours), Self.tables(theirs))
            #expect(ourTables == theirTables, "\(path): tables differ")
            #expect(Self.footnotes(ours) == Self.footnotes(theirs), "\(path): footnotes differ")
            tables += theirTables.count
            notes += Self.footnotes(theirs).1
        }
        // The corpora do hold what is compared.
        print("compared \(posts.count) posts: \(tables) tables, \(notes) footnotes")
        #expect(tables >= 25 && notes >= 10, "\(tables) tables, \(notes) footnotes")
    }
}
