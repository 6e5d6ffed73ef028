import Foundation
import Yams
import BlogCore
import BlogMarkdown

/// Reads `blog.yaml`. Pure: takes the file's text, returns the config and its problems.
public enum ConfigParser {
    public static let fileName = "blog.yaml"
    /// `:title` is `:slug` by Jekyll's and Hexo's name; `:i_month` and `:i_day` are not padded;
    /// `:categories` is the post's categories as folders; `:section` the first folder of the
    /// post under `posts/`.
    package static let permalinkTokens = [
        ":year", ":month", ":day", ":slug", ":title", ":i_month", ":i_day", ":hour", ":minute", ":second", ":categories",
        ":section",
    ]

    public static func parse(_ text: String, file: String = fileName) -> (Config, [Diagnostic]) {
        var config = Config()
        var problems: [Diagnostic] = []
        let fields: YAMLFields
        switch YAMLFields.parse(normalizedText(text), file: file, firstLine: 1) {
        case .success(let parsed): fields = parsed
        case .failure(let problem): return (config, [problem])
        }
        for field in fields.fields {
            func fail(_ message: String) { problems.append(.error(file, line: field.line, message)) }
            let string = field.node.string.map(trimmed)
            switch field.key {
            case "title": config.title = string ?? config.title
            case "description": config.description = string ?? ""
            case "author": config.author = string ?? ""
            case "language": config.language = string ?? config.language
            case "theme": config.theme = string
            case "base_url":
                guard let url = string, let normalized = normalizedBaseURL(url) else {
                    fail("base_url must be an absolute http(s) URL such as 'https://example.com/blog/'")
                    continue
                }
                config.baseURL = normalized
            case "timezone":
                guard let name = string, let zone = TimeZone(identifier: name) else {
                    fail("unknown timezone '\(string ?? "")' (use a name such as 'Asia/Shanghai' or 'UTC')")
                    continue
                }
                config.timeZone = zone
            case "permalink":
                guard let pattern = string, let problem = permalinkProblem(pattern) else {
                    config.permalink = string.map(normalizedPermalink) ?? config.permalink
                    continue
                }
                fail(problem)
            case "paginate":
                guard let n = field.node.int, n > 0 else {
                    fail("paginate must be a whole number above 0")
                    continue
                }
                config.paginate = n
            case "markdown":
                parseMarkdownOptions(field.node, into: &config, file: file, line: field.line, problems: &problems)
            case "math":
                guard let script = field.node.mapping?["script"]?.string.map(trimmed), !script.isEmpty,
                    field.node.mapping?.count == 1
                else {
                    fail("math must be a mapping such as '{script: https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js}'")
                    continue
                }
                config.mathScript = script
            case "highlight":
                parseHighlight(field, into: &config, file: file, problems: &problems)
            case "images":
                parseImages(field, into: &config, file: file, problems: &problems)
            case "search":
                parseSearch(field, into: &config, file: file, problems: &problems)
            case "include":
                config.includedHidden = includedHidden(field, file: file, problems: &problems)
            case "deploy", "check":
                parseSection(field, into: &config, file: file, problems: &problems)
            default:
                problems.append(.warning(file, line: field.line, "unknown key '\(field.key)' is ignored"))
            }
        }
        return (config, problems)
    }

    /// Names no site may publish: a repository's (the output's own `.git` must never be
    /// replaced by one from `static/`) and blog's own.
    package static let neverPublished: Set<String> = [".git", ".hg", ".svn", ".blog", ".blog-output"]

    private static func includedHidden(_ field: YAMLFields.Field, file: String, problems: inout [Diagnostic]) -> [String] {
        let items = field.node.sequence.map { Array($0) } ?? [field.node]
        var paths: [String] = []
        for item in items {
            guard let written = item.string.map(trimmed), !written.isEmpty,
                let path = SitePath.normalize(written.hasPrefix("static/") ? String(written.dropFirst(7)) : written),
                !path.isEmpty
            else {
                problems.append(.error(file, line: field.line, "include must list paths below static/, such as '[.well-known, .htaccess]'"))
                continue
            }
            if let refused = path.split(separator: "/").first(where: { neverPublished.contains(String($0)) }) {
                problems.append(.error(file, line: field.line, "include: '\(refused)' is never published (it would replace the output's own)"))
                continue
            }
            paths.append(path)
        }
        return paths
    }

    private static func parseMarkdownOptions(
        _ node: Node, into config: inout Config, file: String, line: Int, problems: inout [Diagnostic]
    ) {
        guard let mapping = node.mapping else {
            problems.append(.error(file, line: line, "markdown must be a mapping such as '{safe: true}'"))
            return
        }
        for (key, value) in mapping {
            let keyLine = (key.mark?.line ?? line)
            if key.string == "safe", let flag = value.bool {
                config.safeMarkdown = flag
            } else if key.string == "safe" {
                problems.append(.error(file, line: keyLine, "markdown.safe must be true or false"))
            } else if key.string == "hard_breaks" {
                guard let flag = value.bool else {
                    problems.append(.error(file, line: keyLine, "markdown.hard_breaks must be true or false"))
                    continue
                }
                config.hardBreaks = flag
            } else if key.string == "extensions" {
                parseExtensions(value, into: &config, file: file, line: keyLine, problems: &problems)
            } else if key.string == "math" {
                let flags = flags(
                    value, section: "markdown.math", known: ["backslash"], example: "{backslash: true}",
                    unknown: { "unknown key 'markdown.math.\($0)' is ignored" }, file: file, line: keyLine, problems: &problems)
                for (_, flag) in flags { config.mathBackslash = flag }
            } else {
                problems.append(.warning(file, line: keyLine, "unknown key 'markdown.\(key.string ?? "")' is ignored"))
            }
        }
    }

    /// `markdown: {extensions: {math: false, autolinks: false}}`: each extension named is
    /// switched on or off; those not named stay on.
    private static func parseExtensions(
        _ node: Node, into config: inout Config, file: String, line: Int, problems: inout [Diagnostic]
    ) {
        let names = MarkdownExtension.allCases.map(\.rawValue).joined(separator: ", ")
        let flags = flags(
            node, section: "markdown.extensions", known: MarkdownExtension.allCases.map(\.rawValue), example: "{math: false}",
            unknown: { "unknown Markdown extension '\($0)' is ignored (extensions: \(names))" }, file: file, line: line, problems: &problems)
        for (name, on) in flags {
            let extensionName = MarkdownExtension(rawValue: name)!
            if on { config.markdownExtensions.insert(extensionName) } else { config.markdownExtensions.remove(extensionName) }
        }
    }

    /// `highlight: {enabled: false}`, `highlight: {line_numbers: true}`.
    private static func parseHighlight(
        _ field: YAMLFields.Field, into config: inout Config, file: String, problems: inout [Diagnostic]
    ) {
        let flags = flags(
            field.node, section: "highlight", known: ["enabled", "line_numbers"], example: "{enabled: true, line_numbers: false}",
            unknown: { "unknown key 'highlight.\($0)' is ignored" }, file: file, line: field.line, problems: &problems)
        for (name, flag) in flags {
            if name == "enabled" { config.highlight = flag } else { config.lineNumbers = flag }
        }
    }

    /// `search: {enabled: false}`.
    private static func parseSearch(
        _ field: YAMLFields.Field, into config: inout Config, file: String, problems: inout [Diagnostic]
    ) {
        let flags = flags(
            field.node, section: "search", known: ["enabled"], example: "{enabled: false}",
            unknown: { "unknown key 'search.\($0)' is ignored" }, file: file, line: field.line, problems: &problems)
        for (_, flag) in flags { config.searchEnabled = flag }
    }

    /// The `key: true|false` pairs of a mapping of switches, each other key and value reported.
    private static func flags(
        _ node: Node, section: String, known: [String], example: String, unknown: (String) -> String,
        file: String, line: Int, problems: inout [Diagnostic]
    ) -> [(String, Bool)] {
        guard let mapping = node.mapping else {
            problems.append(.error(file, line: line, "\(section) must be a mapping such as '\(example)'"))
            return []
        }
        var result: [(String, Bool)] = []
        for (key, value) in mapping {
            let keyLine = key.mark?.line ?? line
            guard let name = key.string, known.contains(name) else {
                problems.append(.warning(file, line: keyLine, unknown(key.string ?? "")))
                continue
            }
            guard let flag = value.bool else {
                problems.append(.error(file, line: keyLine, "\(section).\(name) must be true or false"))
                continue
            }
            result.append((name, flag))
        }
        return result
    }

    /// `deploy: {target: …, args: […]}` and `check: {max_image_kb: …}`.
    private static func parseSection(
        _ field: YAMLFields.Field, into config: inout Config, file: String, problems: inout [Diagnostic]
    ) {
        guard let mapping = field.node.mapping else {
            problems.append(.error(file, line: field.line, "\(field.key) must be a mapping of keys under it"))
            return
        }
        for (key, value) in mapping {
            let line = key.mark?.line ?? field.line
            switch (field.key, key.string ?? "") {
            case ("deploy", "target"):
                config.deployTarget = value.string.map(trimmed)
            case ("deploy", "args"):
                // A list, or one string split at spaces (not commas: `--chmod=D755,F644`).
                if let sequence = value.sequence, sequence.allSatisfy({ $0.string != nil }) {
                    config.deployArguments = sequence.compactMap(\.string)
                } else if let text = value.string {
                    config.deployArguments = text.split(whereSeparator: \.isWhitespace).map(String.init)
                } else {
                    problems.append(.error(file, line: line, "deploy.args must be a list of rsync arguments"))
                }
            case ("check", "max_image_kb"):
                guard let n = value.int, n > 0 else {
                    problems.append(.error(file, line: line, "check.max_image_kb must be a whole number above 0"))
                    continue
                }
                config.maxImageKilobytes = n
            default:
                problems.append(.warning(file, line: line, "unknown key '\(field.key).\(key.string ?? "")' is ignored"))
            }
        }
    }

    package static func normalizedBaseURL(_ url: String) -> String? {
        guard url.hasPrefix("http://") || url.hasPrefix("https://"),
            let parsed = URL(string: url), parsed.host != nil
        else { return nil }
        return url.hasSuffix("/") ? url : url + "/"
    }

    package static func normalizedPermalink(_ pattern: String) -> String {
        var p = pattern.hasPrefix("/") ? pattern : "/" + pattern
        if !p.hasSuffix("/") && !p.hasSuffix(".html") { p += "/" }
        return p
    }

    /// Why a permalink pattern cannot work, or nil when it can.
    package static func permalinkProblem(_ pattern: String) -> String? {
        guard pattern.contains(":slug") || pattern.contains(":title") else {
            return "permalink '\(pattern)' must contain ':slug' so that every post gets its own URL"
        }
        if pattern.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            return "permalink '\(pattern)' may not contain '.' or '..' segments"
        }
        var unknown: Substring?
        _ = expandTokens(pattern) { name in
            if !permalinkTokens.contains(":" + name) && unknown == nil { unknown = name }
            return ""
        }
        guard let unknown else { return nil }
        return "unknown permalink token ':\(unknown)' (use \(permalinkTokens.joined(separator: ", ")))"
    }
}

/// Drops a byte-order mark and turns CRLF (and lone CR) line ends into LF.
package func normalizedText(_ text: String) -> String {
    var t = text
    if t.hasPrefix("\u{FEFF}") { t.removeFirst() }
    // "\r" found with memchr: this runs over every post, and byte iteration is 10× slower.
    let hasCR = t.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, 13, $0.count) != nil }
    if hasCR {
        t = t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
    return t
}
