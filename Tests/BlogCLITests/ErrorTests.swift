import Foundation
import TestSupport
import Testing

/// Broken sites: every problem reported at once as `file:line: error: …`, exit status 1,
/// and the previous output left exactly as it was.
@Suite struct ErrorTests {
    static let good: [String: String] = [
        "blog.yaml": "title: T\nbase_url: https://example.com/\n",
        "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n",
        "posts/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\nSee [a](a.md).\n",
    ]

    @Test func everyProblemIsReportedTogetherAndTheOutputIsUntouched() throws {
        let site = try Fixture(files: Self.good)
        #expect(try site.build().status == 0)
        let before = try site.snapshot()

        try site.write([
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nHello.\n\n![chart](chart.png)\n",
            "posts/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\nSee [c](c.md).\n",
            "posts/c.md": "---\ntitle: C\ntags: [a, b\ndate: 2016-01-01\n---\n![gone](gone.png) [up](#top)\n",
            "posts/d.md": "---\ntitle: D\ndate: 2016-31-12\n---\n",
            "posts/e.md": "---\ntitle: E\ndate: 2016-01-05\nslug: a\n---\n",
            "posts/f.md": "---\ntitle: F\ndate: 2016-03-01\n---\n![secret](../../../../etc/passwd)\n",
            "posts/g.md": "No title, no date.\n",
        ])
        let result = try site.build()
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        for expected in [
            "posts/a.md:7: error: image 'chart.png' not found (looked in posts/ and at /2016/01/a/chart.png)",
            // Where the problem starts, not where libyaml gave up (line 4).
            "posts/c.md:3:7: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts here",
            // One round: a post whose front matter fails still has its body checked.
            "posts/c.md:6: error: image 'gone.png' not found",
            "posts/d.md:3: error: cannot read date '2016-31-12'",
            "posts/e.md:4: error: URL /2016/01/a/ is also the URL of posts/a.md",
            "posts/a.md:1: error: URL /2016/01/a/ is also the URL of posts/e.md",
            "posts/f.md:5: error: '../../../../etc/passwd' goes above the site folder from posts/ (a relative link is read from the post's file); it is not published",
            "posts/g.md:1: error: post has no date",
        ] {
            #expect(lines.contains { $0.hasPrefix(expected) }, "missing: \(expected)\n\(result.stderr)")
        }
        // Its link to one of its own headings is no error, URL or not.
        #expect(!result.stderr.contains("#top"), "\(result.stderr)")
        // c.md has its own error: a link to it is not blamed on b.md as well.
        #expect(!result.stderr.contains("posts/b.md"), "\(result.stderr)")
        #expect(result.stderr.contains("build failed with"))
        let after = try site.snapshot()
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, (data, date)) in before {
            #expect(after[path]?.0 == data && after[path]?.1 == date, "\(path) changed")
        }
    }

    @Test func templateErrorNamesTheTemplateAndLine() throws {
        let site = try Fixture(files: Self.good.merging([
            "templates/post.mustache": "{{<base}}\n{{$content}}\n{{#post}}{{title}}\n{{/content}}\n{{/base}}\n",
            "templates/page.mustache": "{{<base}}{{$content}}{{>missing-partial}}{{/content}}{{/base}}\n",
        ]) { $1 })
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("templates/post.mustache:4: error: template error: a section is closed with another name"))
        #expect(result.stderr.contains("templates/page.mustache:1: error: template 'missing-partial' not found (used as a partial)"))
    }

    @Test func unknownConfigKeyIsAWarningNotAFailure() throws {
        let site = try Fixture(files: Self.good.merging(["blog.yaml": "title: T\nbase_url: https://example.com/\ncolour: red\n"]) { $1 })
        let result = try site.build()
        #expect(result.status == 0)
        #expect(result.stderr == "blog.yaml:3: warning: unknown key 'colour' is ignored\n")
    }

    /// One round: a broken blog.yaml does not hide the posts' problems; and its YAML error
    /// points where the failing construct starts, not at the end of the file.
    @Test func aBrokenConfigDoesNotHideThePostsProblems() throws {
        let site = try Fixture(files: Self.good.merging([
            "blog.yaml": "title: [oops\n",
            "posts/b.md": "---\ntitle: B\ndate: 2016-02-01\n---\n![gone](gone.png)\n",
        ]) { $1 })
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("blog.yaml:1:8: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts here (noticed at line 2)\n"), "\(result.stderr)")
        #expect(result.stderr.contains("posts/b.md:5: error: image 'gone.png' not found"))
    }

    /// The theme is read with the site: a template that cannot be read is an error naming
    /// it, not an empty page.
    @Test func anUnreadableTemplateOfTheThemeIsAnError() throws {
        var files: [String: Any] = Self.good.merging(["blog.yaml": "title: T\ntheme: mytheme\n"]) { $1 }.mapValues { $0 as Any }
        for name in ["base", "post", "home", "archives", "year", "tag", "tags", "category", "categories", "page", "404"] {
            files["mytheme/templates/\(name).mustache"] = "\(name)\n"
        }
        files["mytheme/templates/post.mustache"] = Data([0x70, 0xFF, 0xFE, 0x0A])
        let site = try Fixture(files: files)
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("mytheme/templates/post.mustache: error: cannot read this template as UTF-8 text"), "\(result.stderr)")
    }

    @Test func refusesToWriteIntoTheSiteFolderOrItsParent() throws {
        let site = try Fixture(files: Self.good)
        for output in [site.root, (site.root as NSString).deletingLastPathComponent] {
            let result = try site.build(["--output", output])
            #expect(result.status == 1)
            #expect(result.stderr.contains("it is the site folder or contains it"))
        }
    }

    @Test func refusesAFolderItDidNotMake() throws {
        let site = try Fixture(files: Self.good.merging(["mine/notes.txt": "precious"]) { $1 })
        let result = try site.build(["--output", site.root + "/mine"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("was not made by blog"))
        #expect(try String(contentsOfFile: site.root + "/mine/notes.txt", encoding: .utf8) == "precious")
    }

    @Test func noSiteFolder() throws {
        let empty = try Fixture(files: [:])
        let result = try BlogProcess.run(["build", "--source", empty.root, "--output", empty.root + "/../out-\(UUID())"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("blog.yaml: error: no blog.yaml in"))
    }

    @Test func badUsageExitsWithTwo() throws {
        let result = try BlogProcess.run(["build", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag"))
    }
}
