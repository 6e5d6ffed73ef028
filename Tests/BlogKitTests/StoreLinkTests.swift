import BlogCore
import BlogPipeline
import Foundation
import Testing

/// Image variants are published as hard links to the store's files. A store file that is a
/// symbolic link by the time it is published must never reach the output, as a link to
/// anywhere or as its target's bytes.
@Suite struct StoreLinkTests {
    @Test func aStoreFileTurnedLinkIsRefused() throws {
        let folder = NSTemporaryDirectory() + "store-link-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("secret".utf8).write(to: URL(fileURLWithPath: folder + "/secret"))
        try FileManager.default.createSymbolicLink(atPath: folder + "/480.webp", withDestinationPath: folder + "/secret")
        #expect(throws: WriteError.self) { try FileOps.create(folder + "/published.webp", .link(folder + "/480.webp")) }
        #expect(!FileManager.default.fileExists(atPath: folder + "/published.webp"))
        // A plain file is linked: one inode, two names.
        try Data("variant".utf8).write(to: URL(fileURLWithPath: folder + "/960.webp"))
        #expect(try FileOps.create(folder + "/shown.webp", .link(folder + "/960.webp")))
        var info = stat()
        #expect(lstat(folder + "/shown.webp", &info) == 0 && info.st_nlink == 2)
    }
}
