import Foundation
import TestSupport
import Testing

/// `blog serve` shows the set of files `blog build` publishes: a hidden file of `static/`
/// when `include:` lists it, never one it does not (`.env`), nor the writer's own.
@Suite(.serialized) struct HiddenFilesTests {
    @Test func servePublishesWhatTheBuildPublishes() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: Preview\nbase_url: https://example.com/\ninclude: [.well-known]\n",
            "posts/a.md": "---\ntitle: First\ndate: 2016-01-01\n---\nHello.\n",
            "static/.well-known/security.txt": "Contact: me\n",
            "static/.env": "SECRET=1\n",
        ])
        let server = try ServeProcess(site: site)
        defer { server.interrupt() }
        let listed = try server.http.get("/.well-known/security.txt")
        #expect(listed.status == 200)
        #expect(listed.text == "Contact: me\n")
        #expect(try server.http.get("/.env").status == 404)
        #expect(try server.http.get("/.blog-output").status == 404)
        let build = Process()
        build.executableURL = URL(fileURLWithPath: blogExecutable)
        build.arguments = ["build", "--source", site.root]
        build.standardError = FileHandle.nullDevice
        build.standardOutput = FileHandle.nullDevice
        try build.run()
        build.waitUntilExit()
        #expect(build.terminationStatus == 0)
        let output = site.root + "/public/"
        #expect(try String(contentsOfFile: output + ".well-known/security.txt", encoding: .utf8) == "Contact: me\n")
        #expect(!FileManager.default.fileExists(atPath: output + ".env"))
    }
}
