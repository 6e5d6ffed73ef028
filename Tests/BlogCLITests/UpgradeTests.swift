import Foundation
import Testing
import TestSupport

/// A site built by one build of `blog`, then by another (an upgrade, a local change): the
/// second trusts nothing the first saved, since its code may write pages differently.
@Suite struct UpgradeTests {
    /// A copy of the binary with another GNU build id: to the saved build, another `blog`.
    static func anotherBuildOfBlog(in folder: String) throws -> String {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: BlogProcess.executable)))
        let note: [UInt8] = [4, 0, 0, 0, 20, 0, 0, 0, 3, 0, 0, 0] + Array("GNU".utf8) + [0]
        let at = try #require(bytes.indices.first { bytes[$0] == 4 && bytes[$0...].starts(with: note) })
        bytes[at + note.count] ^= 0xFF
        let copy = folder + "/blog-other"
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
        chmod(copy, 0o755)
        return copy
    }

    @Test func anotherBuildOfBlogBuildsEverythingOnceAndSaysWhy() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: T\nbase_url: https://example.com/\n",
            "posts/a.md": "---\ntitle: A\ndate: 2019-01-01\ntags: [x]\n---\nHello.\n",
        ])
        #expect(try site.build().status == 0)
        #expect(try site.build().stdout.contains("Nothing changed"))
        let tools = try Fixture(files: [:])
        let other = try Self.anotherBuildOfBlog(in: tools.root)
        let upgraded = try BlogProcess.run(["build", "--source", site.root], executable: other)
        #expect(upgraded.status == 0, "\(upgraded.stderr)")
        #expect(upgraded.stderr.contains("note: blog changed since the last build"), "\(upgraded.stderr)")
        #expect(!upgraded.stdout.contains("Nothing changed"))
        // Once: the next build by the same binary trusts what it saved itself.
        let again = try BlogProcess.run(["build", "--source", site.root], executable: other)
        #expect(again.stdout.contains("Nothing changed"), "\(again.stdout)")
        #expect(!again.stderr.contains("note:"))
    }
}
