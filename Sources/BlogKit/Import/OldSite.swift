import Foundation
import Yams

/// The old site's folder, read only: its files, and front matter and settings in the three
/// forms generators use (YAML `---`, TOML `+++`, JSON `{ … }`), all as YAML nodes.
struct OldSite {
    let root: URL
    /// Every file, relative to the root, sorted; hidden files and tool folders left out.
    let files: [String]

    static let ignoredFolders: Set<String> = ["node_modules", "vendor", ".git", "_site", "public", "resources", ".jekyll-cache", ".sass-cache"]

    init(root: URL) {
        self.root = root
        var found: [String] = []
        let base = root.standardizedFileURL.path
        if let walk = FileManager.default.enumerator(atPath: base) {
            while let path = walk.nextObject() as? String {
                let name = (path as NSString).lastPathComponent
                let type = walk.fileAttributes?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    if name.hasPrefix(".") || (Self.ignoredFolders.contains(name) && !path.contains("/")) { walk.skipDescendants() }
                    continue
                }
                if name.hasPrefix(".") || type != .typeRegular { continue }
                found.append(path)
            }
        }
        files = found.sorted()
    }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    func text(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return normalizedText(String(decoding: data, as: UTF8.self))
    }

    /// The file's modification date (a post without a date takes it, as Hexo does).
    func modified(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.modificationDate] as? Date
    }

    /// The first of these settings files that exists, read as a mapping.
    func settings(_ names: [String]) throws -> (String, [(String, Node)])? {
        for name in names {
            guard let text = text(name) else { continue }
            let format: MetadataFormat = name.hasSuffix(".toml") ? .toml : name.hasSuffix(".json") ? .json : .yaml
            return (name, try Metadata.mapping(text, format: format, file: name))
        }
        return nil
    }
}

enum MetadataFormat { case yaml, toml, json }

/// Front matter and settings files as ordered YAML mappings.
enum Metadata {
    struct Failure: Error, CustomStringConvertible {
        var file: String
        var line: Int
        var message: String
        var description: String { "\(file):\(line): error: \(message)" }
    }

    /// A post's file cut into its metadata (as a mapping) and its body.
    static func split(_ text: String, file: String) throws -> (fields: [(String, Node)], body: String, bodyLine: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first.map({ trimmed(String($0)) }) else { return ([], text, 1) }
        let format: MetadataFormat
        let closing: String
        switch first {
        case "---": (format, closing) = (.yaml, "---")
        case "+++": (format, closing) = (.toml, "+++")
        case "{": (format, closing) = (.json, "}")
        default: return ([], text, 1)
        }
        guard let end = lines.indices.dropFirst().first(where: { trimmed(String(lines[$0])) == closing || (format == .yaml && trimmed(String(lines[$0])) == "...") }) else {
            throw Failure(file: file, line: 1, message: "front matter starts with '\(first)' but never ends")
        }
        let inside = format == .json ? lines[0...end] : lines[1..<end]
        let fields = try mapping(inside.joined(separator: "\n"), format: format, file: file, firstLine: format == .json ? 1 : 2)
        return (fields, lines[(end + 1)...].joined(separator: "\n"), end + 2)
    }

    static func mapping(_ text: String, format: MetadataFormat, file: String, firstLine: Int = 1) throws -> [(String, Node)] {
        switch format {
        case .yaml:
            switch YAMLFields.parse(text, file: file, firstLine: firstLine) {
            case .success(let fields): return fields.fields.map { ($0.key, $0.node) }
            case .failure(let problem): throw Failure(file: file, line: problem.location.line ?? firstLine, message: problem.message)
            }
        case .json:
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let map = object as? [String: Any] else {
                throw Failure(file: file, line: firstLine, message: "front matter is not a JSON object")
            }
            return map.sorted { $0.key < $1.key }.map { ($0.key, node(of: $0.value)) }
        case .toml:
            do {
                return try TOMLMetadata.mapping(text)
            } catch let failure as TOMLMetadata.Failure {
                throw Failure(file: file, line: firstLine + failure.line - 1, message: "invalid TOML: \(failure.message)")
            }
        }
    }

    /// A JSON or TOML value as a YAML node.
    static func node(of value: Any) -> Node {
        switch value {
        case let text as String: return Node(text)
        case let number as NSNumber:
            // JSON's true and false arrive as numbers whose type is a C char.
            return String(cString: number.objCType) == "c" ? .flag(number.boolValue) : Node(number.stringValue)
        case let list as [Any]: return .sequence(Node.Sequence(list.map(node(of:))))
        case let map as [String: Any]:
            return .mapping(Node.Mapping(map.sorted { $0.key < $1.key }.map { (Node($0.key), node(of: $0.value)) }))
        default: return Node("\(value)")
        }
    }
}

extension Array where Element == (String, Node) {
    subscript(key: String) -> Node? { first { $0.0 == key }?.1 }

    /// A setting as text, by any of its names (`baseURL`, `baseurl`).
    func string(_ keys: String...) -> String? {
        for key in keys { if let value = self[key]?.string, !value.isEmpty { return value } }
        return nil
    }
}

extension Node {
    /// Items of a list, or the words of a string (Jekyll's `tags: a b c`), or one item.
    func words(splittingSpaces: Bool) -> [String] {
        if let items = sequence { return items.flatMap { $0.words(splittingSpaces: false) } }
        guard let text = string, !text.isEmpty else { return [] }
        let parts = splittingSpaces ? text.split(separator: " ") : text.split(separator: ",")
        return parts.map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    subscript(key: String) -> Node? { mapping?[Node(key)] }
}
