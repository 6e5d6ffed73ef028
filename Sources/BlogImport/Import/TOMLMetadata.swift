import TOMLKit
import Yams
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// TOML (Hugo's `+++` front matter, `hugo.toml`), read with TOMLKit, as YAML nodes: one shape
/// for every importer. Dates keep their TOML text (`2021-01-16T20:40:03-06:00`).
enum TOMLMetadata {
    struct Failure: Error {
        var line: Int
        var message: String
    }

    static func mapping(_ text: String) throws -> [(String, Node)] {
        do {
            let table = try TOMLTable(string: text)
            return pairs(of: table)
        } catch let error as TOMLParseError {
            throw Failure(line: error.source.begin.line, message: error.description)
        }
    }

    private static func pairs(of table: TOMLTable) -> [(String, Node)] {
        var result: [(String, Node)] = []
        var iterator = table.makeIterator()
        while let (key, value) = iterator.next() { result.append((key, node(of: value))) }
        return result
    }

    private static func node(of value: TOMLValueConvertible) -> Node {
        switch value.type {
        case .table: return .mapping(Node.Mapping(pairs(of: value.table!).map { (Node($0.0), $0.1) }))
        case .array: return .sequence(Node.Sequence(value.array!.map { node(of: $0) }))
        case .string: return Node(value.string!)
        case .bool: return .flag(value.bool!)
        case .int: return Node(String(value.int!))
        case .double: return Node(String(value.double!))
        case .date, .time, .dateTime: return Node(value.debugDescription)
        }
    }
}
