import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Names and paths a writer can type that must never write outside the output folder, break
/// the output, or lose the writer's files.
@Suite struct OutputSafetyTests {
    static let config = "title: T\nbase_url: https://example.com/blog/\n"

    @Test func oddTagNamesStayInsideTheOutput() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\ntags: ['..', '?', 'C++', 'C#', '50%-off']\ncategories: '../..'\n---\nx\n",
        ])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let parent = (site.root as NSString).deletingLastPathComponent
        #expect(!FileManager.default.fileExists(atPath: parent + "/index.html"))
        for path in ["tags/u2e-2e/index.html", "tags/u3f/index.html", "tags/c-plus-plus/index.html", "tags/c-sharp/index.html",
                     "tags/50-off/index.html", "categories/u2e-2e-2f-2e-2e/index.html"] {
            #expect(site.exists(path), "missing \(path)")
        }
        #expect(try site.read("index.html").contains("<!DOCTYPE html>"))
    }

    @Test func aFileAndAFolderAtOnePathIsAnErrorBeforeAnythingIsWritten() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n",
            "pages/feed.md": "---\ntitle: Feed\nslug: feed.xml\n---\nx\n",
        ])
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("needs a folder (for /feed.xml/index.html)"), "\(result.stderr)")
        #expect(!site.exists("index.html"))
    }

    @Test func hiddenFilesOfTheOutputAreKept() throws {
        let site = try Fixture(files: ["blog.yaml": Self.config, "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n"])
        _ = try site.build()
        try FileManager.default.createDirectory(atPath: site.output + "/.git", withIntermediateDirectories: true)
        try Data("ref: refs/heads/main\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.git/HEAD"))
        _ = try site.build()
        #expect(site.exists(".git/HEAD"))
    }

    /// An output of hidden files only (a GitHub Pages checkout whose site was deleted) is
    /// written as a new one: the hidden files stay, those the site publishes are replaced.
    @Test func anOutputOfHiddenFilesOnlyIsWrittenAround() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config + "include: [.well-known]\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n",
            "static/.well-known/security.txt": "Contact: new\n",
            "static/files/notes.txt": "copied byte for byte\n",
        ])
        let fm = FileManager.default
        try fm.createDirectory(atPath: site.output + "/.git", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: site.output + "/.well-known", withIntermediateDirectories: true)
        try Data().write(to: URL(fileURLWithPath: site.output + "/.blog-output"))
        try Data("ref: refs/heads/main\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.git/HEAD"))
        try Data("Contact: old, and longer\n".utf8).write(to: URL(fileURLWithPath: site.output + "/.well-known/security.txt"))
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try site.read(".git/HEAD") == "ref: refs/heads/main\n")
        #expect(try site.read(".well-known/security.txt") == "Contact: new\n")
        #expect(try site.read("files/notes.txt") == "copied byte for byte\n")
        #expect(try site.read("2016/01/a/index.html").contains("<!DOCTYPE html>"))
        #expect(try site.build().stdout.contains("Nothing changed"))
    }

    @Test func staticPublishesHiddenFilesButNoLinkOutOfTheSite() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config + "include: [.well-known]\n",
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\n---\nx\n",
            "static/.well-known/security.txt": "Contact: me\n",
        ])
        try FileManager.default.createSymbolicLink(atPath: site.root + "/static/passwd.txt", withDestinationPath: "/etc/passwd")
        let result = try site.build()
        #expect(result.status == 1)
        #expect(result.stderr.contains("static/passwd.txt: error: is a symbolic link to a file outside the site folder; it is not published"))
        try FileManager.default.removeItem(atPath: site.root + "/static/passwd.txt")
        #expect(try site.build().status == 0)
        #expect(site.exists(".well-known/security.txt"))
        #expect(!site.exists("passwd.txt"))
    }

    @Test func aliasesWithoutExtensionAreFolders() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/a.md": "---\ntitle: A\ndate: 2016-01-01\naliases: [/old-post, /2015/x.html]\n---\nx\n",
        ])
        #expect(try site.build().status == 0)
        #expect(try site.read("old-post/index.html").contains("url=/blog/2016/01/a/"))
        #expect(site.exists("2015/x.html"))
    }

    @Test func feedStaysValidXMLWithOddCharacters() throws {
        let site = try Fixture(files: [
            "blog.yaml": Self.config,
            "posts/q&a.md": "---\ntitle: \"Bell \\a & <tags>\"\ndate: 2016-01-01\n---\nForm\u{0C}feed & more.\n",
        ])
        let result = try site.build()
        #expect(result.status == 0, "\(result.stderr)")
        let feed = try Data(contentsOf: URL(fileURLWithPath: site.output + "/feed.xml"))
        #expect(XMLParser(data: feed).parse())
        #expect(String(decoding: feed, as: UTF8.self).contains("<id>https://example.com/blog/2016/01/q%26a/</id>"))
    }
}
