import Foundation
import CVips
import Images
import BlogKit
import TestSupport
import Testing

/// Issue #23: a raw HTML `<img>` of a post (Hexo's and Jekyll's `<img src="a.png"
/// width="50%">`) published as `<picture>` as a Markdown image is, with the writer's own
/// attributes; what the writer chose, and what blog cannot read, left as written.
@Suite(.serialized) struct RawHTMLResponsiveImageTests {
    static let page = "2026/01/trip/index.html"

    static func site(_ body: String, extra: [String: Any] = [:]) throws -> Fixture {
        var files: [String: Any] = [
            "blog.yaml": "title: Photos\nbase_url: https://example.com/\n",
            "posts/trip/index.md": "---\ntitle: Trip\ndate: 2026-01-02\n---\n" + body,
            "posts/trip/wide.png": TestImages.png(width: 2400, height: 1200),
            "posts/trip/photo.jpg": TestImages.jpeg(width: 1600, height: 1200),
            "posts/trip/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>",
        ]
        files.merge(extra) { $1 }
        return try Fixture(files: files)
    }

    /// The `<picture>` or `<img>` that stands where `marker` (an attribute the writer gave
    /// it) is, from the tag's start to its end.
    static func element(_ html: String, with marker: String) -> String? {
        guard let at = html.range(of: marker) else { return nil }
        let start = html[..<at.lowerBound].range(of: "<picture>", options: .backwards).map { picture in
            html[picture.upperBound..<at.lowerBound].contains("</picture>") ? nil : picture.lowerBound
        } ?? nil
        let from = start ?? html[..<at.lowerBound].range(of: "<img", options: .backwards)!.lowerBound
        let end = html[at.upperBound...].range(of: start == nil ? "/>" : "</picture>")!.upperBound
        return String(html[from..<end])
    }

    @Test func rawImagesArePicturesWithTheWritersAttributes() throws {
        let site = try Self.site("""
            Intro <img src="wide.png" width="50%" class="wide"> inline.

            ![Markdown](photo.jpg)

            <div class="gallery">
            <IMG SRC=photo.jpg ALT="Upper" style="border: 1px solid" width=300 id=p>
            </div>

            <img src="/img/mislabelled.png" alt="WebP named .png">
            """, extra: ["static/img/mislabelled.png": TestImages.encoded(TestImages.image(width: 1000, height: 800)) { blog_vips_webp($0, $1, $2, 80) },
                         "posts/flat.md": "---\ntitle: Flat\ndate: 2026-01-03\n---\n<img src='flat.jpg' alt=\"flat\">\n",
                         "posts/flat.jpg": TestImages.jpeg(width: 1000, height: 500)])
        let outcome = try site.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try site.read(Self.page)
        // The raw image comes first on the page: it is the one fetched first.
        let wide = Variants.named(try #require(Self.element(html, with: "class=\"wide\""), "\(html)"))
        #expect(wide.hasPrefix("<picture><source type=\"image/avif\" srcset=\"/V/wide-480w.avif 480w"), "\(wide)")
        #expect(wide.contains("<img src=\"/V/wide-1440w.png\" srcset=\"/V/wide-480w.png 480w, /V/wide-960w.png 960w, /V/wide-1440w.png 1440w\" sizes=\"\(ResponsiveImage.sizes)\" width=\"50%\" class=\"wide\" fetchpriority=\"high\" />"), "\(wide)")
        #expect(html.components(separatedBy: "fetchpriority").count == 2)
        #expect(try #require(Self.element(html, with: "alt=\"Markdown\"")).contains("loading=\"lazy\" decoding=\"async\""))
        // Uppercase, unquoted: its attributes kept, its width the writer's and its height in
        // the image's proportions.
        let upper = Variants.named(try #require(Self.element(html, with: "ALT=\"Upper\""), "\(html)"))
        #expect(upper.contains("<img src=\"/V/photo-1440w.jpg\" srcset=\"/V/photo-480w.jpg 480w"), "\(upper)")
        #expect(upper.contains(" ALT=\"Upper\" style=\"border: 1px solid\" width=\"300\" id=\"p\" height=\"225\" loading=\"lazy\" decoding=\"async\" /></picture>"), "\(upper)")
        // A file of static/ keeps its address, whatever its bytes are, for links from elsewhere.
        #expect(try #require(Self.element(html, with: "alt=\"WebP named .png\"")).contains("/mislabelled-960w.webp 960w"), "\(html)")
        #expect(FileManager.default.fileExists(atPath: site.output + "/img/mislabelled.png"))
        // Every file the srcsets name is published, at the width its descriptor says.
        let flat = try site.read("2026/01/flat/index.html")
        let entries = ResponsiveImageTests.srcsets(html) + ResponsiveImageTests.srcsets(flat)
        #expect(entries.contains { $0.0.contains("/flat-480w.") }, "a post that is no bundle: \(flat)")
        #expect(entries.count >= 20)
        for (url, width) in entries {
            let data = try Data(contentsOf: URL(fileURLWithPath: site.output + url))
            #expect(try ImageHeader.read(data, settings: ImageSettings()).get().width == width, "\(url)")
        }
        // The feed: one <img> a raw image too, its src absolute, the writer's attributes kept.
        let feed = Variants.named(try site.read("feed.xml"))
        #expect(feed.contains("&lt;img src=&quot;https://example.com/V/wide-960w.png&quot; width=&quot;50%&quot; class=&quot;wide&quot; /&gt;"), "\(feed)")
        #expect(!feed.contains("picture") && !feed.contains("srcset"))
    }

    @Test func whatTheWriterChoseStaysAsWritten() throws {
        let chosen = """
            <picture><source srcset="wide.png" media="(min-width: 60em)"><img src="photo.jpg" alt="art"></picture>

            <img src="photo.jpg" srcset="photo.jpg 1x, wide.png 2x" alt="own">

            <img src="https://example.org/x.png" alt="remote"> <img src="logo.svg" alt="svg">
            """
        let site = try Self.site(chosen + "\n\n<img src=\"photo.jpg#original\" alt=\"As taken\" class=\"full\">\n")
        let outcome = try site.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try site.read(Self.page)
        for line in chosen.split(separator: "\n") where !line.isEmpty { #expect(html.contains(line), "\(line)") }
        // #original: the full-size file alone, the writer's attributes kept.
        #expect(html.contains("<img src=\"/2026/01/trip/photo.jpg\" alt=\"As taken\" class=\"full\" width=\"1600\" height=\"1200\" loading=\"lazy\" />"), "\(html)")
        #expect(!html.contains("<picture><source type="))
    }

    @Test func badTagsAreKeptAndNamedAtTheirLine() throws {
        let site = try Self.site("""
            <div>
            <img alt="nothing to show">
            <img src="photo.jpg?v=2#top" alt='query "and" fragment'>
            <img src="" alt="empty">
            <img src="wide.png" alt="never closed"
            </div>

            <img src="photo.jpg alt="quote left open">
            """)
        let outcome = try site.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/trip/index.md:6: warning: an <img> has no src; it is left as written"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/trip/index.md:8: warning: an <img> has no src"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/trip/index.md:9: warning: an <img> tag has no closing '>'"), "\(outcome.stderr)")
        let html = try site.read(Self.page)
        for kept in ["<img alt=\"nothing to show\">", "<img src=\"\" alt=\"empty\">", "<img src=\"wide.png\" alt=\"never closed\"\n</div>", "quote left open"] {
            #expect(html.contains(kept), "\(kept) in \(html)")
        }
        // A query or fragment is the file's: the variants are its, the writer's quotes kept.
        let query = Variants.named(try #require(Self.element(html, with: "alt='query"), "\(html)"))
        #expect(query.contains("<img src=\"/V/photo-1440w.jpg\" srcset=") && query.contains(" alt='query \"and\" fragment' width=\"1440\" height=\"1080\" fetchpriority=\"high\""), "\(query)")
    }
}
