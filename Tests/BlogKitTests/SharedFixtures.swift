import Foundation
import TestSupport

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// What several suites need: the repository's folders, the team's shared data, the real
/// blogs' posts, and a fixture site built in memory.
enum SharedFixtures {
    /// The repository's root folder.
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// A folder of the team's shared data (see `sharedData`).
    static func shared(_ name: String) -> String? { sharedData(name) }

    /// Every Markdown file of the corpora and the example site (path, text without front
    /// matter), read once for every suite that compares against them.
    static let posts: [(String, String)] = {
        let folders = [shared("corpora"), repository.appendingPathComponent("site").path].compactMap { $0 }
        var posts: [(String, String)] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: folder)
            while let path = enumerator?.nextObject() as? String {
                guard path.hasSuffix(".md"), !path.hasSuffix("README.md"), !path.hasSuffix("SOURCE.md"),
                    let text = try? String(contentsOfFile: folder + "/" + path, encoding: .utf8)
                else { continue }
                posts.append((folder + "/" + path, body(of: text)))
            }
        }
        return posts.sorted { $0.0 < $1.0 }
    }()

    static func body(of text: String) -> String {
        let text = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex)
        else { return text }
        return String(text[end.upperBound...])
    }

    /// Builds a fixture site in memory: the build, and the HTML of each page by output path.
    static func build(_ files: [String: Any]) throws -> (BuildResult, [String: String]) {
        let site = try Fixture(files: files)
        let result = SiteBuilder.build(BuildOptions(source: site.root, now: Date(timeIntervalSince1970: 1_900_000_000)))
        var pages: [String: String] = [:]
        for file in result.files {
            if case .data(let data) = file.content { pages[file.path] = String(decoding: data, as: UTF8.self) }
        }
        return (result, pages)
    }
}
