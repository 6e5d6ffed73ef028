import Foundation
import TestSupport
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

@Suite struct EmbeddedThemeTests {
    /// The binary's copy of the default theme is the folder's, file for file.
    @Test func embeddedThemeMatchesTheFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../themes/default").standardizedFileURL
        var onDisk: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
            onDisk[relative] = try Data(contentsOf: url).base64EncodedString()
        }
        #expect(!onDisk.isEmpty)
        #expect(EmbeddedTheme.files == onDisk)
        for name in Theme.requiredTemplates {
            #expect(EmbeddedTheme.files["templates/\(name).mustache"] != nil)
        }
    }
}
