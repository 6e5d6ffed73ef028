import CCmark
import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown

/// What a reader meets, in a real browser: headless Chromium (test-only, installed by
/// `scripts/install-deps --oracles`) opens pages the `blog` binary built and
/// `Oracles/browser_check.py` reports axe-core's findings in light and dark colours, how far a
/// page scrolls sideways on a 390-px phone, each embed's shape, and each formula's box.
@Suite(.serialized) struct ReaderBrowserTests {
    struct Report: Decodable {
        struct Violation: Decodable {
            var id: String
            var impact: String
            var help: String
            var nodes: [[String]]
        }
        struct Phone: Decodable {
            struct Embed: Decodable {
                var src: String
                var width: Double
                var height: Double
            }
            var sideways: Int
            var width: Int
            var embeds: [Embed]
        }
        struct Formula: Decodable {
            var tex: String
            var width: Double
            var height: Double
            var merror: Int
        }
        var page: String
        var axe_light: [Violation]
        var axe_dark: [Violation]
        var phone: Phone
        var math: [Formula]
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a program; its standard error is read on another thread, so that neither pipe
    /// can fill and block the child.
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: Data, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let (out, err) = (Pipe(), Pipe())
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        nonisolated(unsafe) var message = Data()
        let reader = Thread { message = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1_000) }
        return (process.terminationStatus, data, String(decoding: message, as: UTF8.self))
    }

    /// Builds the site with the `blog` binary into a new folder; returns that folder.
    static func build(_ site: String) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("blog-browser-\(UUID().uuidString)").path
        let built = try run(blogExecutable, ["build", "--source", site, "--output", output])
        #expect(built.status == 0, "\(built.err)")
        return output
    }

    static func check(_ output: String, pages: [String]) throws -> [Report] {
        let script = repository.appendingPathComponent("Tests/BlogKitTests/Oracles/browser_check.py").path
        let checked = try run("/usr/bin/env", ["python3", script, output] + pages)
        try #require(checked.status == 0, "browser_check.py failed (scripts/install-deps --oracles installs Chromium and selenium): \(checked.err)")
        return try JSONDecoder().decode([Report].self, from: checked.out)
    }

    /// A post of what real blogs hold, beside the example site's own.
    static let realContent = """
        ---
        title: What real posts hold · 真实文章
        date: 2020-05-01
        tags: [reader]
        ---
        Text before a talk, a photo, a gallery, a wide table and long code.

        <iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="A talk" allowfullscreen></iframe>

        ![Maple leaves in Kyoto](maple.jpg "Autumn in Kyoto, 2018")

        ![one](maple.jpg) ![two](torii.jpg) ![three](maple.jpg) ![four](torii.jpg)

        ```swift
        let message = "A line of code far longer than any phone is wide, which scrolls inside its own block and never makes the page scroll sideways"
        ```

        | year | posts | words | images | links | tags | categories | drafts | pages | feeds | aliases | notes |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | 2016 | 12 | 24,000 | 31 | 140 | 18 | 4 | 2 | 3 | 1 | 7 | a-long-unbroken-cell-value-to-widen-it |

        <div class="note warning"><p>A callout moved in from Hexo's NexT.</p></div>

        <details><summary>More</summary><p>Folded text.</p></details>

        - [x] done
        - [ ] to do

        Inline $E = mc^2$ and display:

        $$
        \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}
        $$
        """

    @Test func theExampleSiteAndRealContentPassAxeAndFitAPhone() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blog-browser-site-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: Self.repository.appendingPathComponent("site").path, toPath: site)
        defer { try? FileManager.default.removeItem(atPath: site) }
        for left in ["public", ".blog"] { try? FileManager.default.removeItem(atPath: site + "/" + left) }
        let bundle = site + "/posts/2020/real-content"
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try Self.realContent.write(toFile: bundle + "/index.md", atomically: true, encoding: .utf8)
        for (from, to) in [("maple.jpg", "maple.jpg"), ("torii-path.jpg", "torii.jpg")] {
            try FileManager.default.copyItem(atPath: site + "/posts/2018/kyoto-autumn/" + from, toPath: bundle + "/" + to)
        }
        let output = try Self.build(site)
        defer { try? FileManager.default.removeItem(atPath: output) }

        let tag = try #require(try FileManager.default.contentsOfDirectory(atPath: output + "/tags").sorted().first { !$0.hasSuffix(".html") })
        let post = "2026/11/markdown-as-blogs-write-it/index.html"
        let pages = ["index.html", post, "2020/05/real-content/index.html", "archives/index.html", "2026/index.html", "tags/\(tag)/index.html", "about/index.html", "search/index.html"]
        for page in pages { #expect(FileManager.default.fileExists(atPath: output + "/" + page), "\(page)") }
        let reports = try Self.check(output, pages: pages)
        #expect(reports.count == pages.count)
        for report in reports {
            let found = report.axe_light.map { "light: \($0.id) (\($0.impact)) \($0.help) at \($0.nodes)" }
                + report.axe_dark.map { "dark: \($0.id) (\($0.impact)) \($0.help) at \($0.nodes)" }
            #expect(found.isEmpty, "\(report.page): \(found.joined(separator: "; "))")
            #expect(report.phone.sideways == 0, "\(report.page) scrolls \(report.phone.sideways) px sideways at 390 px")
            for embed in report.phone.embeds {
                #expect(embed.width > 300 && abs(embed.width / embed.height - 16.0 / 9.0) < 0.02, "\(report.page): \(embed.src) is \(embed.width)×\(embed.height) at 390 px")
            }
            for formula in report.math {
                #expect(formula.width > 0 && formula.height > 0 && formula.merror == 0, "\(report.page): \(formula.tex)")
            }
        }
        let real = try #require(reports.first { $0.page.hasPrefix("2020/05/") })
        #expect(real.phone.embeds.count == 1 && real.math.count == 2, "the fixture's embed and formulas were found")
        #expect(reports.first { $0.page == post }.map { $0.math.count >= 3 } == true)
    }

    /// Every formula of the three real blogs, and those of the kinds blogs write, drawn by
    /// Chromium from the MathML: none is an empty box, none holds an `merror`.
    @Test func everyFormulaOfTheCorporaIsDrawn() throws {
        let corpus = MathMLOracleTests.corpusFormulas()
        try #require(!corpus.isEmpty, "the corpora's formulas were found")
        let formulas = corpus + MathMLOracleTests.formulas.map { ($0, true) } + MathMLTests.constructs.map { ($0.tex, $0.display) }
        var body = ""
        for (written, display) in formulas {
            let tex = trimmed(written)  // as a writer puts it between the dollars
            body += display ? "$$\n\(tex)\n$$\n\n" : "A formula $\(tex)$ inline.\n\n"
        }
        let site = try Fixture(files: [
            "blog.yaml": "title: Math\nbase_url: https://example.com/\n",
            "posts/math.md": "---\ntitle: Math\ndate: 2020-01-01\n---\n" + body,
        ])
        let output = try Self.build(site.root)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = try #require(try Self.check(output, pages: ["2020/01/math/index.html"]).first)
        let drawn = Set(report.math.map { trimmed($0.tex) })
        let missing = formulas.filter { !drawn.contains(trimmed($0.0)) }.map(\.0)
        #expect(report.math.count >= formulas.count, "\(report.math.count) of \(formulas.count) formulas became MathML; not: \(missing)")
        let bad = report.math.filter { $0.width <= 0 || $0.height <= 0 || $0.merror > 0 }
        #expect(bad.isEmpty, "\(bad.count) formulas empty or in error: \(bad.prefix(10).map(\.tex))")
    }
}
