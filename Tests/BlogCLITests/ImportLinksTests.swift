import Foundation
import TestSupport
import Testing

/// Links and addresses that the move itself would break: Jekyll's `.html` addresses that
/// GitHub Pages also answered without it (and the reverse), relative `.md` links of Hexo posts
/// that became bundles, links written relative to a page's old address, and Hexo asset folders
/// that belong to no post.
@Suite struct ImportLinksTests {
    @Test func jekyllAddressesAnswerWithAndWithoutHTML() throws {
        let old = try Fixture(files: [
            "_config.yml": "title: J\nurl: https://example.com\n",
            "_posts/2019-01-03-a.md": """
                ---
                title: A
                ---
                See [about](../../../about.html), [the projects](../../../projects/#list), [b](2019-01-04-b.md) and [home](../../../).
                """,
            "_posts/2019-01-04-b.md": "---\ntitle: B\n---\nB.\n",
            "about.md": "---\ntitle: About\n---\nMe.\n",
            "contact.md": "---\ntitle: Contact\npermalink: /contact\n---\nMail.\n",
            "projects/index.html": "<h1 id=\"list\">Projects</h1>\n",
        ])
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "jekyll")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        #expect(moved.stdout.contains("The new site's build: 0 errors, 0 warnings"), "\(moved.stdout)")
        let output = site + "/public"
        // Jekyll wrote a.html and contact.html; GitHub Pages answered both forms of each.
        for address in ["/2019/01/03/a.html", "/2019/01/03/a", "/2019/01/04/b", "/about.html", "/about", "/contact", "/contact.html"] {
            #expect(ImportTests.answers(address, in: output), "\(address)")
        }
        let redirect = try ImportTests.page(site, "2019/01/03/a/index.html")
        #expect(redirect.contains("url=/2019/01/03/a.html"), "\(redirect)")
        #expect(moved.stdout.contains("link relative to the page's old address (../) → the address it led to there"), "\(moved.stdout)")
        let post = try String(contentsOfFile: site + "/posts/2019/2019-01-03-a.md", encoding: .utf8)
        #expect(post.contains("[the projects](/projects/#list)") && post.contains("[home](/)"), "\(post)")
        let page = try ImportTests.page(site, "2019/01/03/a.html")
        #expect(page.contains("href=\"/about/\"") && page.contains("href=\"/projects/#list\"") && page.contains("href=\"/2019/01/04/b.html\""), "\(page)")
        #expect(!built.stderr.contains("goes above the site folder"), "\(built.stderr)")
    }

    @Test func hexoBundlesKeepTheirRelativeLinksAndStrayAssetFoldersAreNamed() throws {
        let old = try Fixture(files: [
            "_config.yml": "title: H\nurl: https://example.com\npermalink: :year/:month/:day/:title/\npost_asset_folder: true\n",
            "scaffolds/post.md": "---\ntitle: {{ title }}\n---\n",
            "source/_posts/a.md": "---\ntitle: A\ndate: 2020-01-02 10:00:00\n---\n![pic](a/pic.png) and [the next one](b.md#part) and [tags](../../../../tags/).\n",
            "source/_posts/a/pic.png": Fixture.png(width: 4, height: 4),
            "source/_posts/b.md": "---\ntitle: B\ndate: 2020-01-03 10:00:00\n---\n## Part\n\nBack to [a](./a.md).\n",
            "source/_posts/lost/x.png": Fixture.png(width: 1, height: 1),
            "source/_posts/lost/y.png": Fixture.png(width: 1, height: 1),
        ])
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hexo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        #expect(moved.stdout.contains("The new site's build: 0 errors, 0 warnings"), "\(moved.stdout)")
        let bundle = try String(contentsOfFile: site + "/posts/a/index.md", encoding: .utf8)
        #expect(bundle.contains("[the next one](/posts/b.md#part)") && bundle.contains("![pic](pic.png)") && bundle.contains("[tags](/tags/)"), "\(bundle)")
        let a = try ImportTests.page(site, "2020/01/02/a/index.html")
        #expect(a.contains("href=\"/2020/01/03/b/#part\""), "\(a)")
        let b = try ImportTests.page(site, "2020/01/03/b/index.html")
        #expect(b.contains("href=\"/2020/01/02/a/\""), "\(b)")
        #expect(moved.stdout.contains("source/_posts/lost/: a folder that is no post's asset folder (there is no _posts/lost.md): Hexo did not publish its 2 files; copied to posts/lost/, where blog publishes a file only when a post links to it"), "\(moved.stdout)")
        #expect(FileManager.default.fileExists(atPath: site + "/posts/lost/x.png"))
    }
}
