import Foundation
import Testing

@testable import BlogCore
@testable import BlogMarkdown
@testable import BlogPipeline
@testable import BlogIncremental
@testable import BlogImport

/// The theme README documents every key a template can use; these tests hold it to the data
/// the engine gives, both ways: each documented key exists, each given key is documented, and
/// keys documented as *int* or *bool* are numbers and booleans (and only those).
@Suite struct ThemeDataDocumentationTests {
    static let kinds = ["post", "page", "home", "archives", "year", "tags", "tag", "categories", "category", "search", "404"]

    static func readme() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../themes/default/README.md").standardizedFileURL
        return try String(contentsOf: url, encoding: .utf8)
    }

    @Test(arguments: kinds)
    func everyKeyIsDocumentedAndEveryDocumentedKeyExists(kind: String) throws {
        let documented = try DocumentedKeys(readme: Self.readme())
        var expected = try #require(documented.keys[kind], "the README documents no keys for '\(kind)'")
        if kind == "404" {
            // "absent on the 404 page, which is served at any URL" (README, every template).
            expected["canonical"] = nil
            expected = expected.filter { !$0.key.hasPrefix("social") }
        }
        let given = GivenKeys.of(ThemeDataSample.page(kind))
        let undocumented = Set(given.keys).subtracting(expected.keys).sorted()
        let missing = Set(expected.keys).subtracting(given.keys).sorted()
        #expect(undocumented.isEmpty, "given to '\(kind)' templates but not in themes/default/README.md: \(undocumented)")
        #expect(missing.isEmpty, "documented for '\(kind)' but not given: \(missing)")
        for (path, type) in given.sorted(by: { $0.key < $1.key }) {
            guard let documentedType = expected[path] else { continue }
            #expect(type == documentedType, "'\(path)' on '\(kind)' is \(type) but documented as \(documentedType)")
        }
    }

    /// Guards the parser itself: a README whose tables it no longer understands must not pass
    /// by documenting nothing.
    @Test func theReadmeTablesAreUnderstood() throws {
        let documented = try DocumentedKeys(readme: Self.readme())
        #expect(Set(documented.keys.keys) == Set(Self.kinds))
        let post = try #require(documented.keys["post"])
        #expect(post["site.base_path"] == .other)
        #expect(post["post.reading_minutes"] == .int)
        #expect(post["post.tags[].name"] == .other)
        let home = try #require(documented.keys["home"])
        #expect(home["pagination.pages[].gap"] == .bool)
        #expect(home["posts[].has_more"] == .bool)
        let archives = try #require(documented.keys["archives"])
        #expect(archives["years[].months[].posts[].date_iso"] == .other)
        #expect(documented.keys["tags"]?["categories"] == nil)
    }

    /// The walk sees what templates see: a key left nil is no key at all.
    @Test func anAbsentValueIsNoKey() {
        var page = ThemeDataSample.page("post")
        page.description = nil
        page.site.author = nil
        let given = GivenKeys.of(page)
        #expect(given["description"] == nil)
        #expect(given["site.author"] == nil)
        #expect(given["site.title"] == .other)
    }
}

enum ValueType: String, CustomStringConvertible {
    case int, bool, other
    var description: String { rawValue }
}

/// Every key path the Mustache form of a page holds: `a.b` for a key of a dictionary, `a[].b`
/// for a key of the items of a list (all items together).
enum GivenKeys {
    static func of(_ page: PageContext) -> [String: ValueType] {
        var paths: [String: ValueType] = [:]
        walk(MustacheEncoder().convert(page), prefix: "", into: &paths)
        return paths
    }

    private static func walk(_ value: Any, prefix: String, into paths: inout [String: ValueType]) {
        if let dictionary = value as? [String: Any] {
            for (key, child) in dictionary {
                let path = prefix + key
                paths[path] = child is Int ? .int : child is Bool ? .bool : .other
                walk(child, prefix: path + ".", into: &paths)
            }
        } else if let list = value as? [Any] {
            for item in list { walk(item, prefix: String(prefix.dropLast()) + "[].", into: &paths) }
        }
    }
}

/// The keys `themes/default/README.md` documents under `## Data`, by kind of page, in the
/// notation of `GivenKeys`. Its tables are read as a theme writer reads them:
/// - under `### Available in every template`, keys of every page; under `### A post summary`,
///   the keys that any post summary has; under `### \`x.mustache\``, keys of page `x` (when a
///   heading names several templates, a key named after one of them is that one's only);
/// - after a line `Each item of \`list\``, keys of the items of that list;
/// - a value `list of …` is a list; `{a, b}` in a value names the keys of the value (or of its
///   items); a value that is "a post summary" or "post summaries" has the summary's keys;
/// - a value starting with *int* or *bool* (or a key in braces followed by one) has that type.
struct DocumentedKeys {
    private(set) var keys: [String: [String: ValueType]] = [:]

    init(readme: String) throws {
        guard let start = readme.range(of: "\n## Data\n") else { throw Problem("no '## Data' section") }
        let rest = readme[start.upperBound...]
        let body = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        var everyPage: [Row] = []
        var summary: [Row] = []
        var byTemplate: [String: [Row]] = [:]
        var templates: [String] = []
        var isSummary = false
        var itemPrefix = ""
        for line in body.split(separator: "\n").map(String.init) {
            if line.hasPrefix("### ") {
                templates = Self.matches(#"`([a-z0-9]+)\.mustache`"#, in: line)
                isSummary = line.contains("A post summary")
                itemPrefix = ""
                if templates.isEmpty && !isSummary && !line.contains("Available in every template") {
                    throw Problem("unknown section: \(line)")
                }
            } else if line.hasPrefix("Each item of `") {
                itemPrefix = (Self.matches(#"`([a-z_.]+)`"#, in: line).first ?? "") + "[]."
            } else if line.hasPrefix("|") {
                let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst()
                guard let first = cells.first else { continue }
                let value = cells.dropFirst().joined(separator: "|")
                for key in Self.matches("`([a-z0-9_.]+)`", in: String(first)) {
                    let row = Row(path: itemPrefix + key, value: value)
                    if isSummary {
                        summary.append(row)
                    } else if templates.isEmpty {
                        everyPage.append(row)
                    } else {
                        let root = String(row.path.prefix { $0 != "." })
                        for template in templates where templates.count == 1 || !templates.contains(root) || root == template {
                            byTemplate[template, default: []].append(row)
                        }
                    }
                }
            }
        }
        let summaryKeys = Self.paths(of: summary, summary: [:])
        for (template, rows) in byTemplate.merging(["404": []], uniquingKeysWith: { a, _ in a }) {
            keys[template] = Self.paths(of: everyPage + rows, summary: summaryKeys)
        }
    }

    struct Row {
        var path: String
        var value: String
    }

    struct Problem: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    private static func paths(of rows: [Row], summary: [String: ValueType]) -> [String: ValueType] {
        var paths: [String: ValueType] = [:]
        func add(_ path: String, _ type: ValueType) {
            // The objects above a documented key are there too: `site` for `site.title`.
            var prefix = ""
            for component in path.split(separator: ".").dropLast() {
                prefix += component
                let container = prefix.hasSuffix("[]") ? String(prefix.dropLast(2)) : prefix
                if paths[container] == nil { paths[container] = .other }
                prefix += "."
            }
            paths[path] = type
        }
        func addSummary(at path: String) {
            for (key, type) in summary { add(path + "." + key, type) }
        }
        for row in rows {
            // Mustache tags in the text (`{{{post.content}}}`) are examples, not keys.
            let text = row.value.replacingOccurrences(of: #"\{\{[^}]*\}\}\}?"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "`", with: "").trimmingCharacters(in: .whitespaces)
            add(row.path, type(at: text))
            let isList = text.hasPrefix("list of")
            let container = row.path + (isList ? "[]" : "")
            let groups = matches(#"\{([^{}]*)\}"#, in: text)
            for group in groups {
                for part in splitOutsideParentheses(group) {
                    let part = part.trimmingCharacters(in: .whitespaces)
                    let name = String(part.prefix { $0.isLetter || $0 == "_" })
                    add(container + "." + name, type(at: String(part.dropFirst(name.count)).trimmingCharacters(in: .whitespaces)))
                    if part.contains("post summar") { addSummary(at: container + "." + name + "[]") }
                }
            }
            if groups.isEmpty && text.contains("post summar") { addSummary(at: container) }
        }
        return paths
    }

    /// `month (12), name (Jan, Feb, …)` → `month (12)`, `name (Jan, Feb, …)`.
    private static func splitOutsideParentheses(_ text: String) -> [String] {
        var parts = [""]
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == "," && depth == 0 { parts.append("") } else { parts[parts.count - 1].append(character) }
        }
        return parts
    }

    private static func type(at text: String) -> ValueType {
        let text = text.drop { $0 == ":" || $0 == " " }
        return text.hasPrefix("*int*") ? .int : text.hasPrefix("*bool*") ? .bool : .other
    }

    private static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
