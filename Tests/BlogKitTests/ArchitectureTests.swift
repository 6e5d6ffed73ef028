import Foundation
import Testing

/// The folders of BlogKit are the stages of the pipeline, and each uses only the folders
/// below it: the order the README's architecture note gives. A type of a later stage named
/// in an earlier one would be an import cycle in waiting.
@Suite struct ArchitectureTests {
    /// Lowest first: a folder may use the folders before it, never one after it.
    static let layers = ["Support", "Model", "Markdown", "Load", "Resolve", "Render", "Check", "Write", "Build", "Import"]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/BlogKit").path

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
