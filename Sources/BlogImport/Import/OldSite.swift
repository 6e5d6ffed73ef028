import Foundation
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// The old site's folder, read only: its files, and front matter and settings in the three
/// forms generators use (YAML `---`, TOML `+++`, JSON `{ … }`), all as YAML nodes.
///
/// Every read of the old site goes through here, under one rule: only a regular file that,
/// links followed, lies inside the old site's folder is read. A link leading out of it (an
/// include linked to `/etc/passwd` would be inlined into a post), a FIFO, socket or device
/// (never opened: opening a FIFO waits for a writer forever) and what cannot be read are
/// left behind, each named with why in `refused`, for the report.
struct OldSite {
    let root: URL
    /// The root with links followed: "inside the old site" is measured against it.
    let realRoot: String
    /// Every file, relative to the root, sorted; hidden files and tool folders left out.
    let files: [String]
    /// What the rule left behind, relative to the root, sorted, with why.
    let refused: [(path: String, reason: String)]
    /// Each file's real path (links followed), the only place it is read from.
    private let realPaths: [String: String]

    static let ignoredFolders: Set<String> = ["node_modules", "vendor", ".git", "_site", "public", "resources", ".jekyll-cache", ".sass-cache"]

    /// A file that could not be read when it came to it (changed since the walk).
    struct ReadFailure: Error {
        var path: String
        var reason: String
    }

    init(root: URL) {
        self.root = root
        let given = root.standardizedFileURL.path
        realRoot = LocalFileSystem().realPath(given)
        var walk = OldSiteWalk(realRoot: realRoot)
        walk.run()
        realPaths = walk.found
        files = walk.found.keys.sorted()
        refused = walk.refused.sorted { $0.path < $1.path }
    }

    /// The bytes of a file the walk kept; nil for any other path (`_includes/../../x`).
    func data(_ path: String) -> Data? {
        guard let real = realPaths[path] else { return nil }
        return try? LocalFileSystem().contents(of: real)
    }

    func text(_ path: String) -> String? {
        data(path).map { normalizedText(String(decoding: $0, as: UTF8.self)) }
    }

    /// Copies a file the walk kept to `destination`, which must not exist: a `ReadFailure`
    /// when the old file cannot be read, another error when the new one cannot be written.
    func copy(_ path: String, to destination: URL) throws {
        guard let real = realPaths[path] else { throw ReadFailure(path: path, reason: "not a file of the old site") }
        do {
            try OldFileCopy.copy(real, to: destination.path)
        } catch let failure as ReadError {
            throw ReadFailure(path: path, reason: "unreadable when its turn came (\(failure.reason))")
        }
    }

    /// Why the walk left this path behind, if it did.
    func refusal(of path: String) -> String? {
        refused.first { $0.path == path }?.reason
    }

    /// The file's modification date (a post without a date takes it, as Hexo does).
    func modified(_ path: String) -> Date? {
        var info = stat()
        guard let real = realPaths[path], stat(real, &info) == 0 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9)
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
            guard case .object(let map)? = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) else {
                throw Failure(file: file, line: firstLine, message: "front matter is not a JSON object")
            }
            return map.sorted { $0.key < $1.key }.map { ($0.key, $0.value.node) }
        case .toml:
            do {
                return try TOMLMetadata.mapping(text)
            } catch let failure as TOMLMetadata.Failure {
                throw Failure(file: file, line: firstLine + failure.line - 1, message: "invalid TOML: \(failure.message)")
            }
        }
    }

}

/// A JSON value as Hugo's JSON front matter holds it, decoded with `Codable`.
enum JSONValue: Decodable {
    case text(String)
    /// Kept as written (`2`, `2.5`), as YAML would read it.
    case number(String)
    case flag(Bool)
    case list([JSONValue])
    case object([String: JSONValue])
    case null

    init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() { self = .null }
        else if let flag = try? value.decode(Bool.self) { self = .flag(flag) }
        else if let number = try? value.decode(Int64.self) { self = .number(String(number)) }
        else if let number = try? value.decode(Double.self) { self = .number(String(number)) }
        else if let text = try? value.decode(String.self) { self = .text(text) }
        else if let list = try? value.decode([JSONValue].self) { self = .list(list) }
        else { self = .object(try value.decode([String: JSONValue].self)) }
    }

    /// As a YAML node, as the YAML and TOML front matters are read.
    var node: Node {
        switch self {
        case .text(let text): Node(text)
        case .number(let number): Node(number)
        case .flag(let flag): .flag(flag)
        case .list(let list): .sequence(Node.Sequence(list.map(\.node)))
        case .object(let map): .mapping(Node.Mapping(map.sorted { $0.key < $1.key }.map { (Node($0.key), $0.value.node) }))
        case .null: Node("")
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
