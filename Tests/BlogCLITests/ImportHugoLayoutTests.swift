import Foundation
import TestSupport
import Testing

/// Hugo sites whose content is not in `content/` (docsy's `module.mounts`, a language's
/// `contentDir`) and whose `baseURL` is `/`: the new site has the posts and addresses Hugo
/// published, and builds.
@Suite struct ImportHugoLayoutTests {
    nonisolated(unsafe) static let mounted: [String: Any] = [
        "hugo.yaml": """
            baseURL: /
            title: Docsy-like
            defaultContentLanguage: en
            permalinks:
              blog: /blog/:year/:month/:slug/
            module:
              mounts:
                - source: content/en
                  target: content
                - source: static
                  target: static
            """,
        "content/en/_index.md": "---\ntitle: Home\n---\n",
        "content/en/blog/_index.md": "---\ntitle: Blog\n---\n",
        "content/en/blog/2021/first.md": """
            ---
            title: First Post
            date: 2021-01-05
            ---
            See [the bundle](../../02/bundle-post/), [the second]({{< ref "blog/2021/second.md" >}}) and [all posts](/blog/).
            """,
        "content/en/blog/2021/second.md": "---\ntitle: Second Post\ndate: 2021-01-06\nslug: the-second\n---\nText.\n",
        "content/en/blog/bundle-post/index.md": "---\ntitle: Bundle Post\ndate: 2021-02-01\n---\n![A photo](images/a.png)\n",
        "content/en/blog/bundle-post/images/a.png": Fixture.png(width: 4, height: 3),
        "content/en/docs/_index.md": "---\ntitle: Docs\n---\nDocs home.\n",
        "content/en/docs/guide.md": "---\ntitle: Guide\n---\nGuide.\n",
        "static/img/logo.png": Fixture.png(width: 2, height: 2),
        "layouts/_default/single.html": "{{ .Content }}",
        "layouts/_default/list.html": "{{ range .Pages }}{{ .Title }}{{ end }}",
    ]

    @Test func mountedContentKeepsHugosSectionsAndAddresses() throws {
        let old = try Fixture(files: Self.mounted)
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
        #expect(moved.stdout.contains("Imported a hugo site: 3 posts, 1 pages"), "\(moved.stdout)")
        #expect(moved.stdout.contains("The new site's build: 0 errors, 0 warnings"), "\(moved.stdout)")
        let settings = try String(contentsOfFile: site + "/blog.yaml", encoding: .utf8)
        #expect(settings.contains("permalink: /blog/:year/:month/:slug/\n"), "\(settings)")
        #expect(!settings.contains("base_url"), "baseURL '/' names no host: \(settings)")
        #expect(moved.stdout.contains("hugo.yaml: baseURL '/' names no host"), "\(moved.stdout)")
        // One layout for the posts: their path inside the section, under posts/.
        let written = Set(filePaths(under: site).filter { !$0.hasPrefix("public/") && !$0.hasPrefix(".blog") })
        #expect(written.isSuperset(of: ["posts/2021/first.md", "posts/2021/second.md", "posts/bundle-post/index.md", "posts/bundle-post/images/a.png", "pages/guide.md", "static/img/logo.png"]), "\(written.sorted())")
        #expect(!written.contains { $0.contains("/en/") }, "\(written.sorted())")

        let output = site + "/public"
        for address in ["/blog/2021/01/first-post/", "/blog/2021/01/the-second/", "/blog/2021/02/bundle-post/", "/docs/guide/", "/blog/", "/docs/"] {
            #expect(ImportTests.answers(address, in: output), "\(address)")
        }
        let first = try ImportTests.page(site, "blog/2021/01/first-post/index.html")
        #expect(first.contains("href=\"/blog/2021/02/bundle-post/\"") && first.contains("href=\"/blog/2021/01/the-second/\""), "\(first)")
        #expect(try ImportTests.page(site, "blog/2021/02/bundle-post/index.html").contains("images/a.png"))

        // Every page Hugo itself publishes answers in the new site.
        guard let hugo = ImportTests.tool("hugo") else { return }
        let oldBuild = try BlogProcess.run(["--quiet", "-s", old.root, "-d", old.root + "/public"], executable: hugo, in: old.root)
        #expect(oldBuild.status == 0, "\(oldBuild.stdout)\(oldBuild.stderr)")
        let published = ImportTests.addresses(in: old.root + "/public").filter { !$0.hasPrefix("/tags/") && !$0.hasPrefix("/categories/") }
        #expect(published.contains("/blog/2021/01/first-post/"), "\(published)")
        for address in published { #expect(ImportTests.answers(address, in: output), "hugo's \(address)") }
    }

    @Test func aLanguagesContentDirIsTheContent() throws {
        let old = try Fixture(files: [
            "config/_default/hugo.yaml": "baseURL: https://example.org/\ntitle: Multi\ndefaultContentLanguage: en\n",
            "config/_default/languages.yaml": "en:\n  contentDir: content/en\n  weight: 1\nfr:\n  contentDir: content/fr\n  weight: 2\n",
            "content/en/posts/hello.md": "---\ntitle: Hello World\ndate: 2022-03-04\n---\nSee [the other]({{< ref \"posts/other.md\" >}}).\n",
            "content/en/posts/other.md": "---\ntitle: Other\ndate: 2022-03-05\n---\nx\n",
            "content/fr/posts/bonjour.md": "---\ntitle: Bonjour\ndate: 2022-03-04\n---\nx\n",
        ])
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0 && built.status == 0, "\(moved.stdout)\(built.stderr)")
        #expect(moved.stdout.contains("Imported a hugo site: 2 posts, 0 pages"), "\(moved.stdout)")
        #expect(moved.stdout.contains("content/fr: the content of the site's language 'fr', which Hugo published under /fr/"), "\(moved.stdout)")
        #expect(try String(contentsOfFile: site + "/blog.yaml", encoding: .utf8).contains("permalink: /posts/:slug/"))
        #expect(FileManager.default.fileExists(atPath: site + "/posts/hello.md"))
        #expect(ImportTests.answers("/posts/hello-world/", in: site + "/public"))
        #expect(try ImportTests.page(site, "posts/hello-world/index.html").contains("href=\"/posts/other/\""))
    }

    /// goldmark's `passthrough` with `\\(`/`\\[` delimiters made them math in Hugo: the new
    /// site says so (`markdown.math.backslash`); a site without it keeps them brackets.
    @Test func backslashMathOnlyWhereHugosRendererHadIt() throws {
        let files: [String: String] = [
            "hugo.toml": """
                baseURL = 'https://example.org/'
                title = 'Math'
                [markup.goldmark.extensions.passthrough]
                enable = true
                [markup.goldmark.extensions.passthrough.delimiters]
                inline = [['\\(', '\\)']]
                block = [['\\[', '\\]'], ['$$', '$$']]
                """,
            "content/posts/a.md": "---\ntitle: A\ndate: 2022-01-01\n---\nEuler: \\(e^{i\\pi}+1=0\\).\n",
        ]
        let old = try Fixture(files: files)
        let (moved, site, built) = try ImportTests.importAndBuild(old, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(moved.status == 0 && built.status == 0, "\(moved.stdout)\(built.stderr)")
        let settings = try String(contentsOfFile: site + "/blog.yaml", encoding: .utf8)
        #expect(settings.contains("markdown:\n  math:\n    backslash: true\n"), "\(settings)")
        let page = try ImportTests.page(site, "posts/a/index.html")
        #expect(page.contains("<math") && page.contains("e^{i\\pi}+1=0"), "\(page)")

        let plain = try Fixture(files: ["hugo.toml": "baseURL = 'https://example.org/'\ntitle = 'Plain'\n", "content/posts/a.md": files["content/posts/a.md"]!])
        let (_, plainSite, plainBuilt) = try ImportTests.importAndBuild(plain, kind: "hugo")
        defer { try? FileManager.default.removeItem(atPath: plainSite) }
        #expect(plainBuilt.status == 0)
        #expect(!(try String(contentsOfFile: plainSite + "/blog.yaml", encoding: .utf8)).contains("backslash"))
        let plainPage = try ImportTests.page(plainSite, "posts/a/index.html")
        #expect(!plainPage.contains("<math") && plainPage.contains("Euler: (e^{i\\pi}+1=0)."), "\(plainPage)")
    }
}
