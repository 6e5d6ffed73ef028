import Foundation
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

@Suite struct ManifestTests {
    @Test func readsBackWhatItWrote() throws {
        let folder = NSTemporaryDirectory() + "manifest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var manifest = BuildManifest(
            tool: "blog 0.2.0 theme\tabc", includeDrafts: true,
            inputs: ["posts/a b.md": .init(size: 12, modified: 1_795_763_323_375_148_434), "old\tname.md": .init(size: 0, modified: -5)],
            outputs: ["index.html": .init(size: 9, modified: 7)], nextDue: 1_900_000_000,
            warnings: ["blog.yaml:3: warning: unknown key 'colour'\tis ignored"])
        manifest.copies = ["2016/a/x.png": UInt64.max - 7, "static.txt": 42]
        manifest.output = "/somewhere/public"
        try manifest.write(source: folder)
        #expect(FileManager.default.fileExists(atPath: folder + "/.blog/" + BuildManifest.fileName(output: "/somewhere/public")))
        #expect(BuildManifest.read(source: folder, output: "/somewhere/public") == manifest)
        // The record of a build into another folder says nothing about this one.
        #expect(BuildManifest.read(source: folder, output: "/elsewhere") == nil)
    }

    @Test func aLineOfAnotherVersionMeansNoManifest() throws {
        let folder = NSTemporaryDirectory() + "manifest-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for text in ["tool\tx\nshape\t1\n", "in\t12\tx7\tposts/a.md\n", "in\t12\n", "copy\t99999999999999999999999\ta.png\n"] {
            try FileManager.default.createDirectory(atPath: folder + "/.blog", withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/.blog/" + BuildManifest.fileName(output: "")))
            #expect(BuildManifest.read(source: folder, output: "") == nil, "\(text)")
        }
    }
}
