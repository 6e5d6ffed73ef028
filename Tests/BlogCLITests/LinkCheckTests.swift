import Foundation
import TestSupport
import Testing

/// Every link and image of the finished site that points into it finds a file there, or the
/// build says where it is written; through the real binary.
@Suite struct LinkCheckTests {
    static let config = "title: T\nbase_url: https://example.com/blog/\n"

    static var posts: [String: Any] { [
        "blog.yaml": config,
        "posts/b.md": "---\ntitle: B\ndate: 2016-01-02\n---\nThe target.\n",
        "static/images/logo.png": Fixture.png(width: 4, height: 4),
    ] }

    @Test func deadLinksOfPostsAreErrorsAtTheirLine() throws {
        var files = Self.posts
        files["posts/a.md"] = """
            ---
            title: A
            date: 2016-01-01
            ---
            Fine: [b](/blog/2016/01/b/), [up to b](../b/), [tags](/tags/), ![logo](/images/logo.png).

            Dead: [an old URL](/2020/06/26/gone/) and [beside](nothing-here/).

            <p>Raw HTML: <img src="/blog/images/x.png" alt="x">
            and <a href="/blog/archives/">fine</a>, <a href="/blog/missing/">dead</a>.</p>

            <div>
            <a href="../../../../../../etc/">above</a>
            </div>

            """
        let site = try Fixture(files: files)
        let result = try site.build()
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors == [
            "posts/a.md:7: error: link '/2020/06/26/gone/' leads to no page or file of the site (looked in static/ and at /blog/2020/06/26/gone/)",
            "posts/a.md:7: error: link 'nothing-here/' leads to no page or file of the site (looked in posts/ and at /blog/2016/01/a/nothing-here/)",
            "posts/a.md:9: error: link '/blog/images/x.png' leads to no page or file of the site (nothing at /blog/images/x.png)",
            "posts/a.md:10: error: link '/blog/missing/' leads to no page or file of the site (nothing at /blog/missing/)",
            "posts/a.md:13: error: link '../../../../../../etc/' leads to no page or file of the site (nothing at above the site's root)",
        ], "\(result.stderr)")
        #expect(!site.exists("index.html"))
    }

    @Test func aFullAddressOfTheSiteIsAWarningAndAFolderIsNoImage() throws {
        var files = Self.posts
        files["posts/a.md"] = "---\ntitle: A\ndate: 2016-01-01\n---\n[old](https://example.com/blog/2019/old/) [b](https://example.com/blog/2016/01/b/)\n"
        let site = try Fixture(files: files)
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("posts/a.md:5: warning: link 'https://example.com/blog/2019/old/' leads to no page"))
        #expect(!result.stderr.contains("2016/01/b"))

        try site.write(["posts/pictures.png/one.png": Fixture.png(width: 1, height: 1),
                        "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\n\n![a folder](pictures.png)\n"])
        let folder = try site.build()
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("posts/a.md:6: error: image 'pictures.png' is a folder (posts/pictures.png/), not an image"), "\(folder.stderr)")
    }

    @Test func aDeadLinkOfTheThemeIsAnErrorAtItsTemplate() throws {
        var files = Self.posts
        files["posts/a.md"] = "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n"
        files["templates/404.mustache"] = "{{<base}}{{$content}}\n<p>Lost?</p>\n<a href=\"{{site.base_path}}about/\">About</a>\n<a href=\"{{site.base_path}}archives/\">Archives</a>\n{{/content}}{{/base}}\n"
        let site = try Fixture(files: files)
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains(
            "templates/404.mustache:3: error: the theme links to '/blog/about/', which leads to no page or file of the site (nothing at /blog/about/; on /404.html)"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("archives"))
        // With the page it links to, the same theme builds.
        try site.write(["pages/about.md": "---\ntitle: About\n---\nMe.\n"])
        let fixed = try site.build()
        #expect(fixed.status == 0, "\(fixed.stderr)")
    }
}
