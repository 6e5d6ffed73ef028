import Foundation
import Testing

/// The layers are modules (BlogCore, BlogMarkdown, BlogPipeline, BlogIncremental,
/// BlogImport), whose order the compiler keeps. What it cannot see is checked here: the
/// folders of BlogPipeline are its stages, each using only the folders below it, and cmark
/// and TOML each have one module that imports them.
@Suite struct ArchitectureTests {
    /// Lowest first: a folder may use the folders before it, never one after it.
    static let layers = ["Load", "Resolve", "Search", "Render", "Check", "Write"]

    static let sourcesRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources").path
    static let root = sourcesRoot + "/BlogPipeline"

    /// A module imported anywhere but in its own door would make a second one.
    @Test(arguments: [("CCmark", "BlogMarkdown"), ("TOMLKit", "BlogImport"), ("Mustache", "BlogPipeline")])
    func onlyOneModuleImports(library: String, module: String) throws {
        var importers = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: Self.sourcesRoot)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: Self.sourcesRoot + "/" + path, encoding: .utf8)
            if text.contains("\nimport \(library)\n") || text.hasPrefix("import \(library)\n") {
                importers.insert(String(path.split(separator: "/")[0]))
            }
        }
        #expect(importers == [module])
    }

    /// Every Swift file of each folder, comments removed.
    static func sources() throws -> [String: [(file: String, text: String)]] {
        var result: [String: [(String, String)]] = [:]
        for folder in try FileManager.default.contentsOfDirectory(atPath: root) {
            let path = root + "/" + folder
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: path + "/" + file, encoding: .utf8)
                let code = text.split(separator: "\n").map { line in
                    line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
                }
                result[folder, default: []].append((file, code.joined(separator: "\n")))
            }
        }
        return result
    }

    @Test func everyFolderIsAStageOfTheOrder() throws {
        #expect(Set(try Self.sources().keys) == Set(Self.layers))
    }

    @Test func noStageUsesALaterOne() throws {
        let sources = try Self.sources()
        let declaration = try Regex(#"(?m)^(?:public |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol|actor) (\w+)"#)
        var owner: [String: String] = [:]
        for (folder, files) in sources {
            for (_, text) in files {
                for match in text.matches(of: declaration) {
                    if let name = match.output[1].substring { owner[String(name)] = folder }
                }
            }
        }
        var violations: [String] = []
        for (folder, files) in sources {
            let level = Self.layers.firstIndex(of: folder) ?? 0
            for (file, text) in files {
                let words = Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" }).map(String.init))
                for word in words {
                    guard let home = owner[word], let homeLevel = Self.layers.firstIndex(of: home), homeLevel > level else { continue }
                    violations.append("\(folder)/\(file) uses \(word) of \(home)")
                }
            }
        }
        #expect(violations.sorted() == [])
    }
}
