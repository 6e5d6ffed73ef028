import Foundation
import TestSupport
import Testing

/// `blog serve` never touches the folder people publish: its pages carry preview URLs and
/// drafts, so they live in `<site>/.blog/preview`.
extension ServeTests {
    static let withDraft: [String: String] = [
        "blog.yaml": "title: Preview\nbase_url: https://example.com/blog/\n",
        "posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nHello from the first post.\n",
        "posts/secret.md": "---\ntitle: Secret\ndate: 2016-02-01\ndraft: true\n---\nNot yet.\n",
    ]

    @Test func serveLeavesTheOutputFolderByteForByte() throws {
        let site = try Fixture(files: Self.withDraft)
        let build = try ServeProcess.run(["build", "--source", site.root])
        #expect(build.status == 0, "\(build.printed)")
        let before = try Self.snapshot(site.root + "/public")
        #expect(before["2016/01/a/index.html"] != nil)

        let server = try ServeProcess(site: site, arguments: ["--drafts"])
        let draft = try server.http.get("/blog/2016/02/secret/")
        #expect(draft.status == 200)
        #expect(draft.text.contains("Not yet."))
        try site.write(["posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nEdited while serving.\n"])
        #expect(Self.eventually { (try? server.http.get("/blog/2016/01/a/"))?.text.contains("Edited while serving.") == true })
        #expect(server.interrupt() == 0)

        let after = try Self.snapshot(site.root + "/public")
        #expect(after == before, "public/ changed: \(Set(after.keys).symmetricDifference(before.keys))")
        for (path, data) in after {
            #expect(!String(decoding: data, as: UTF8.self).contains("127.0.0.1"), "\(path) has a preview URL")
        }
        // The preview went where serve says it goes, with the draft and the preview origin.
        let previewed = try String(contentsOfFile: Self.preview(site) + "/2016/02/secret/index.html", encoding: .utf8)
        #expect(previewed.contains("http://127.0.0.1:\(server.port)/blog/"))
    }

    @Test func serveDoesNotCreateTheOutputFolder() throws {
        let site = try Fixture(files: Self.withDraft)
        let server = try ServeProcess(site: site, arguments: ["--drafts"])
        #expect(try server.http.get("/blog/2016/01/a/").status == 200)
        try site.write(["posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nEdited.\n"])
        #expect(Self.eventually { (try? server.http.get("/blog/2016/01/a/"))?.text.contains("Edited.") == true })
        server.interrupt()
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public"))
        #expect(FileManager.default.fileExists(atPath: Self.preview(site) + "/index.html"))
    }

    @Test func serveRefusesOutputAndSaysWhy() throws {
        let site = try Fixture(files: Self.withDraft)
        let refused = try ServeProcess.run(["serve", "--source", site.root, "--output", site.root + "/public"])
        #expect(refused.status != 0)
        #expect(refused.printed.contains("blog serve does not write the output folder, so it takes no --output"))
        #expect(refused.printed.contains(".blog/preview"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/public"))
        let help = try ServeProcess.run(["serve", "--help"])
        #expect(!help.printed.contains("--output"), "serve's help must not offer --output")
    }

    /// Every file under `folder` (hidden ones too: the marker, the manifest), by relative path.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) }
        }
        return files
    }

    /// Polls `condition` for up to `seconds`.
    static func eventually(within seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return condition()
    }
}
