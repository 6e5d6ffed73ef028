import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// What a dialect makes of one tag.
enum TagOutcome {
    /// Converted: the text that takes its place, and the kind the report counts it under.
    case converted(String, kind: String)
    /// Left for the writer: an HTML comment takes its place (readers see nothing, the writer
    /// finds it in the file) and the report names it with its line.
    case notConverted(String)
    /// Not the dialect's: left exactly as written (Go templates in a Hugo post's code).
    case kept
}

/// Where a tag stands: its line in the old file and the indentation of that line (a tag in a
/// list item makes blocks that must stay in the item).
struct TagPlace {
    var line: Int
    var indent: String
}

/// One generator's template language: which tags open blocks and what each tag becomes.
protocol TagDialect {
    /// The tag that closes `tag` when it opens a block (`endhighlight`, `/blockquote`).
    func closer(of tag: TemplateTag) -> String
    /// The block's inside is kept as written (`{% raw %}`), not converted.
    func isVerbatim(_ tag: TemplateTag) -> Bool
    /// - Parameter inner: the block's inside, converted, or nil for a tag without one.
    func convert(_ tag: TemplateTag, inner: String?, at place: TagPlace, report: inout ImportReport) -> TagOutcome
    /// Byte ranges whose tags are left alone (fenced code, for Hexo).
    func skipped(in text: String) -> [Range<Int>]
}

extension TagDialect {
    func skipped(in text: String) -> [Range<Int>] { [] }
}

/// Rewrites every tag of a post's body with a dialect; blocks are matched to their closing
/// tag (nested blocks of the same name counted), and their inside is rewritten first.
struct TagRewriter {
    var dialect: any TagDialect
    /// The old file, for the report.
    var file: String

    func rewrite(_ text: String, firstLine: Int, report: inout ImportReport) -> String {
        let skipped = dialect.skipped(in: text)
        let tags = TemplateScanner.tags(in: text).filter { tag in !skipped.contains { $0.contains(tag.range.lowerBound) } }
        guard !tags.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var lines = LineCounter(bytes: bytes, firstLine: firstLine)
        var out = ""
        var cursor = 0
        var i = 0
        while i < tags.count {
            let tag = tags[i]
            out += String(decoding: bytes[cursor..<tag.range.lowerBound], as: UTF8.self)
            let place = TagPlace(line: lines.line(at: tag.range.lowerBound), indent: indentation(bytes, before: tag.range.lowerBound))
            var inner: String?
            var end = tag.range.upperBound
            var closing: TemplateTag?
            if !tag.selfClosing, !tag.isEscaped, let j = match(tags, opener: i) {
                let raw = String(decoding: bytes[tag.range.upperBound..<tags[j].range.lowerBound], as: UTF8.self)
                inner = dialect.isVerbatim(tag)
                    ? raw : rewrite(raw, firstLine: lines.line(at: tag.range.upperBound), report: &report)
                end = tags[j].range.upperBound
                closing = tags[j]
                i = j + 1
            } else {
                i += 1
            }
            if tag.isEscaped {
                // `{{</* figure */>}}` is how Hugo writers show a shortcode: its text.
                let raw = String(decoding: bytes[tag.range], as: UTF8.self)
                out += raw.replacingOccurrences(of: "/*", with: "", options: [], range: nil).replacingOccurrences(of: "*/", with: "")
                report.count("Hugo {{</* … */>}} → the shortcode's text")
                cursor = end
                continue
            }
            if tag.isBroken {
                report.notConverted.append(.warning(file, line: place.line, "'\(String(decoding: bytes[tag.range], as: UTF8.self))' opens a tag that is never closed; it was not converted: it is left in the post as an HTML comment"))
                out += Self.comment("a tag that is never closed")
                cursor = end
                continue
            }
            switch dialect.convert(tag, inner: inner, at: place, report: &report) {
            case .kept:
                out += String(decoding: bytes[tag.range], as: UTF8.self)
                if let inner, let closing { out += inner + String(decoding: bytes[closing.range], as: UTF8.self) }
            case .converted(let text, let kind):
                out += text
                report.count(kind)
            case .notConverted(let what):
                report.notConverted.append(.warning(file, line: place.line, "\(what) was not converted: it is left in the post as an HTML comment"))
                out += Self.comment("not converted: \(what)")
                if let inner, let closing {
                    out += inner + Self.comment("end of \(closing.name)")
                }
            }
            cursor = end
        }
        out += String(decoding: bytes[cursor...], as: UTF8.self)
        return out
    }

    /// An HTML comment for the writer, without the template marks, so that no page shows a
    /// tag's `{%` even in its source. On one line and without `--`: a tag's text must not end
    /// it (a blank line ends a comment inside a paragraph), or what follows would be HTML.
    static func comment(_ text: String) -> String {
        var text = text
        for mark in ["{{<", ">}}", "{{%", "%}}", "{%", "%}", "{{", "}}", "--"] { text = text.replacingOccurrences(of: mark, with: " ") }
        return "<!-- blog import: " + text.split(whereSeparator: { $0 == " " || $0.isNewline }).joined(separator: " ") + " -->"
    }

    /// The index of the tag that closes `tags[opener]`, counting nested blocks of its name.
    private func match(_ tags: [TemplateTag], opener: Int) -> Int? {
        let name = tags[opener].name
        let closer = dialect.closer(of: tags[opener])
        var depth = 0
        for j in (opener + 1)..<tags.count {
            if tags[j].name == name && !tags[j].selfClosing { depth += 1 }
            if tags[j].name == closer {
                if depth == 0 { return j }
                depth -= 1
            }
        }
        return nil
    }

    private func indentation(_ bytes: [UInt8], before offset: Int) -> String {
        var start = offset
        while start > 0, bytes[start - 1] != 10 { start -= 1 }
        let prefix = bytes[start..<offset].prefix { $0 == 32 || $0 == 9 }
        return String(decoding: prefix, as: UTF8.self)
    }
}

/// Lines of byte offsets, counted forward as a rewrite goes through its text.
struct LineCounter {
    let bytes: [UInt8]
    var offset = 0
    var line: Int

    init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        line = firstLine
    }

    mutating func line(at target: Int) -> Int {
        if target < offset { (offset, line) = (0, line - bytes[target..<offset].filter { $0 == 10 }.count) }
        while offset < target {
            if bytes[offset] == 10 { line += 1 }
            offset += 1
        }
        return line
    }
}

/// Blocks a conversion writes into Markdown.
enum MarkdownBlocks {
    /// A fenced code block at `indent`, its fence longer than any run of backticks inside.
    /// The info string loses backticks and line breaks, either of which would undo the fence
    /// and let the code inside be read as Markdown and HTML.
    static func fence(_ code: String, info: String, indent: String) -> String {
        let info = info.filter { $0 != "`" && !$0.isNewline }
        var longest = 0
        var run = 0
        for c in code {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let marks = String(repeating: "`", count: max(3, longest + 1))
        return marks + info + "\n" + codeLines(code) + "\n" + indent + marks
    }

    /// The inside of a block tag as lines of code: the line break after the opening tag and
    /// the indentation before the closing one dropped.
    static func codeLines(_ inner: String) -> String {
        var text = Substring(inner)
        if text.hasPrefix("\r\n") { text = text.dropFirst(2) } else if text.hasPrefix("\n") { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        if text.hasSuffix("\n") { text = text.dropLast() }
        return String(text)
    }

    /// Markdown inside a block (a quote, a note): its own lines, separated from HTML around it
    /// by blank lines so that CommonMark reads it as Markdown.
    static func wrapped(_ inner: String, open: String, close: String, indent: String) -> String {
        // The blank line after the closing tag ends its HTML block before what follows.
        open + "\n\n" + indent + trimmed(codeLines(inner)) + "\n\n" + indent + close + "\n"
    }

    /// `> ` before every line; the first stands where the tag stood, already indented.
    static func quoted(_ text: String, indent: String) -> String {
        codeLines(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { i, line in
                let content = line.hasPrefix(indent) ? line.dropFirst(indent.count) : Substring(line)
                return (i == 0 ? "" : indent) + (content.isEmpty ? ">" : "> " + content)
            }
            .joined(separator: "\n")
    }

    /// A URL as a Markdown link destination: in `<…>` when it has spaces, parentheses or
    /// angle brackets, with `<`, `>` and `\` escaped there: a destination that fails to parse
    /// leaves the link as text, where `<script>` in it would be HTML.
    static func destination(_ url: String) -> String {
        guard url.contains(where: { " ()<>\\".contains($0) || $0.isNewline }) else { return url }
        var escaped = ""
        for c in url {
            if c.isNewline {
                escaped += "%0A"
                continue
            }
            if c == "<" || c == ">" || c == "\\" { escaped.append("\\") }
            escaped.append(c)
        }
        return "<" + escaped + ">"
    }

    /// Markdown whose raw HTML shows as text (`<script>` → `&lt;script>`), as Hugo's
    /// `markdownify` leaves raw HTML out, but whose autolinks (`<https://…>`,
    /// `<me@example.com>`) stay links: escaping every `<` broke real captions.
    static func inertHTML(_ markdown: String) -> String {
        guard markdown.contains("<") else { return markdown }
        var result = ""
        var rest = Substring(markdown)
        while let open = rest.firstIndex(of: "<") {
            result += rest[..<open]
            let after = rest[open...]
            if let autolink = after.prefixMatch(of: autolinkPattern) {
                result += autolink.output
                rest = after[autolink.range.upperBound...]
            } else {
                result += "&lt;"
                rest = after.dropFirst()
            }
        }
        return result + rest
    }

    /// CommonMark's autolinks: a URI scheme and no space or angle bracket, or an address.
    nonisolated(unsafe) private static let autolinkPattern =
        #/<(?:[A-Za-z][A-Za-z0-9.+-]{1,31}:[^<>\s\x00-\x20]*|[A-Za-z0-9.!#$%&'*+\/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/#

    /// Text safe inside `[…]`: its brackets escaped for Markdown and its HTML for the page
    /// (Markdown reads `&lt;` back as `<`, so the text shows as written).
    static func label(_ text: String) -> String {
        escapeHTML(text).replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
    }
}
