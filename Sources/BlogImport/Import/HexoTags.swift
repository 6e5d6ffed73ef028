import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// Hexo's tag plugins and those of its most used theme, NexT (`note`, `tabs`, `label`, `gp`,
/// `mermaid`, `centerquote`). Hexo leaves fenced code alone, so tags there stay as written.
/// Every argument written into HTML is escaped: `{% youtube "x\"><script>…" %}` stays text.
struct HexoTags: TagDialect {
    var links: ImportLinks
    /// The post's old file, for the report.
    var file: String
    /// The files of the post's asset folder, by name.
    var assets: Set<String>

    func closer(of tag: TemplateTag) -> String { "end" + tag.name }

    func isVerbatim(_ tag: TemplateTag) -> Bool { ["raw", "codeblock", "code", "mermaid"].contains(tag.name) }

    func skipped(in text: String) -> [Range<Int>] { FencedCode.ranges(in: text) }

    func convert(_ tag: TemplateTag, inner: String?, at place: TagPlace, report: inout ImportReport) -> TagOutcome {
        guard tag.syntax == .liquid else { return .kept }
        let args = tag.arguments
        switch tag.name {
        case "asset_img", "asset_link", "asset_path":
            guard let file = args.first else { break }
            guard assets.contains(file) else {
                return .notConverted("{% \(tag.name) \(file) %} (no such file in the post's asset folder; Hexo showed nothing)")
            }
            if tag.name == "asset_path" { return .converted(escapeHTML(file), kind: "Hexo {% asset_path %} → the file's path") }
            if tag.name == "asset_img" { return .converted(image(file, rest: Array(args.dropFirst())), kind: "Hexo {% asset_img %} → image") }
            let title = args.count > 1 ? args[1...].joined(separator: " ") : file
            return .converted("[\(MarkdownBlocks.label(title))](\(MarkdownBlocks.destination(file)))", kind: "Hexo {% asset_link %} → link")
        case "post_link", "post_path":
            guard let name = args.first else { break }
            guard let target = links.byName[name] ?? links.byName[(name as NSString).lastPathComponent] else {
                return .notConverted("{% \(tag.name) \(name) %} (no such post)")
            }
            if tag.name == "post_path" { return .converted(escapeHTML(ImportLinks.link(to: target)), kind: "Hexo {% post_path %} → the post's file") }
            let title = args.count > 1 ? args[1...].joined(separator: " ") : links.titles[target] ?? name
            return .converted("[\(MarkdownBlocks.label(title))](\(MarkdownBlocks.destination(ImportLinks.link(to: target))))", kind: "Hexo {% post_link %} → link to the post's file")
        case "codeblock", "code":
            guard let inner else { break }
            return .converted(codeBlock(inner, args: args, indent: place.indent), kind: "Hexo {% codeblock %} → fenced code")
        case "raw":
            return .converted(inner ?? "", kind: "Hexo {% raw %} → its text")
        case "blockquote", "quote":
            guard let inner else { break }
            var quote = MarkdownBlocks.quoted(inner, indent: place.indent)
            if !args.isEmpty { quote += "\n" + place.indent + ">\n" + place.indent + "> — " + attribution(args) }
            return .converted(quote, kind: "Hexo {% blockquote %} → block quote")
        case "centerquote", "cq":
            guard let inner else { break }
            return .converted(MarkdownBlocks.quoted(inner, indent: place.indent), kind: "NexT {% centerquote %} → block quote")
        case "iframe":
            guard let url = args.first else { break }
            let width = args.count > 1 ? args[1] : "100%", height = args.count > 2 ? args[2] : "300"
            return .converted("<iframe src=\"\(escapeHTML(url))\" width=\"\(escapeHTML(width))\" height=\"\(escapeHTML(height))\" loading=\"lazy\"></iframe>", kind: "Hexo {% iframe %} → iframe")
        case "youtube":
            guard let id = args.first else { break }
            return .converted("<iframe src=\"https://www.youtube-nocookie.com/embed/\(escapeHTML(id))\" width=\"560\" height=\"315\" allowfullscreen loading=\"lazy\"></iframe>", kind: "Hexo {% youtube %} → embedded video")
        case "vimeo":
            guard let id = args.first else { break }
            return .converted("<iframe src=\"https://player.vimeo.com/video/\(escapeHTML(id))\" width=\"560\" height=\"315\" allowfullscreen loading=\"lazy\"></iframe>", kind: "Hexo {% vimeo %} → embedded video")
        case "gist":
            guard let id = args.first else { break }
            let file = args.count > 1 ? "?file=\(args[1])" : ""
            return .converted("<script src=\"\(escapeHTML("https://gist.github.com/\(id).js\(file)"))\"></script>", kind: "Hexo {% gist %} → the gist's script")
        case "note":
            guard let inner else { break }
            let classes = (["note"] + args.filter { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } }).joined(separator: " ")
            return .converted(MarkdownBlocks.wrapped(inner, open: "<div class=\"\(classes)\">", close: "</div>", indent: place.indent), kind: "NexT {% note %} → <div class=\"note\">")
        case "tabs":
            guard let inner else { break }
            let (html, outside) = tabs(inner, indent: place.indent)
            if !outside.isEmpty {
                report.notConverted.append(.warning(file, line: place.line, "text of {% tabs %} outside its <!-- tab --> markers, which NexT did not show, is kept after the tabs: check it"))
            }
            return .converted(html + outside, kind: "NexT {% tabs %} → one <details> a tab")
        case "label":
            let text = args.joined(separator: " ")
            let parts = text.split(separator: "@", maxSplits: 1).map { trimmed(String($0)) }
            let label = parts.count == 2 ? parts[1] : text
            let style = parts.count == 2 ? parts[0] : "default"
            return .converted("<mark class=\"label \(escapeHTML(style))\">\(escapeHTML(label))</mark>", kind: "NexT {% label %} → <mark class=\"label\">")
        case "gp", "grouppicture":
            guard let inner else { break }
            return .converted(MarkdownBlocks.wrapped(inner, open: "<div class=\"group-picture\">", close: "</div>", indent: place.indent), kind: "NexT {% grouppicture %} → its images")
        case "mermaid":
            guard let inner else { break }
            return .converted(MarkdownBlocks.fence((args.joined(separator: " ") + "\n") + MarkdownBlocks.codeLines(inner), info: "mermaid", indent: place.indent), kind: "NexT {% mermaid %} → its diagram source as code")
        default: break
        }
        return .notConverted(describe(tag))
    }

    /// `{% asset_img a.png [width [height]] ["title 'alt'"] %}`: Markdown when it has no size,
    /// so that `blog` reads the image's own; an `<img>` with the size written otherwise.
    private func image(_ file: String, rest: [String]) -> String {
        var rest = rest
        var size: [String] = []
        while let first = rest.first, first.allSatisfy(\.isNumber) || first.hasSuffix("%") || first.hasSuffix("px"), size.count < 2 {
            size.append(first)
            rest.removeFirst()
        }
        var title = rest.joined(separator: " ")
        var alt = title
        // `"title 'alt'"`: Hexo's way of giving both.
        if let open = title.firstIndex(of: "'"), title.hasSuffix("'"), open < title.index(before: title.endIndex) {
            alt = String(title[title.index(after: open)..<title.index(before: title.endIndex)])
            title = trimmed(String(title[..<open]))
        }
        if size.isEmpty {
            let quoted = title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let titlePart = title.isEmpty || title == alt ? "" : " \"\(quoted)\""
            return "![\(MarkdownBlocks.label(alt))](\(MarkdownBlocks.destination(file))\(titlePart))"
        }
        let src = file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? file
        let height = size.count > 1 ? " height=\"\(escapeHTML(size[1]))\"" : ""
        return "<img src=\"\(escapeHTML(src))\" alt=\"\(escapeHTML(alt))\" width=\"\(escapeHTML(size[0]))\"\(height)>"
    }

    /// `{% codeblock [title] [lang:x] [url [link text]] [line_number:b] [mark:1,3-4] [first_line:n] %}`
    private func codeBlock(_ inner: String, args: [String], indent: String) -> String {
        var language = ""
        var options: [String] = []
        var words: [String] = []
        var url: String?
        // Hexo counts `mark:` from `first_line:` (`first_line:124 mark:138`); Hugo's `hl_lines`,
        // which `blog` follows, from the block's first line.
        let firstLine = args.first { $0.hasPrefix("first_line:") }.flatMap { Int($0.dropFirst(11)) } ?? 1
        func relative(_ mark: Substring) -> String {
            let ends = mark.split(separator: "-").compactMap { Int($0) }.map { String(max(1, $0 - firstLine + 1)) }
            return ends.count == 2 ? "\"\(ends[0])-\(ends[1])\"" : ends.first ?? String(mark)
        }
        for arg in args {
            if arg.hasPrefix("lang:") {
                language = String(arg.dropFirst(5))
            } else if arg.hasPrefix("line_number:") {
                options.append("linenos=\(arg.hasSuffix("true") ? "true" : "false")")
            } else if arg.hasPrefix("first_line:") {
                options.append("linenostart=\(arg.dropFirst(11))")
            } else if arg.hasPrefix("mark:") {
                let marks = arg.dropFirst(5).split(separator: ",").map(relative)
                options.append("hl_lines=[\(marks.joined(separator: ", "))]")
            } else if arg.hasPrefix("http://") || arg.hasPrefix("https://") {
                url = arg
            } else if !arg.contains(":") || url != nil {
                words.append(arg)
            }
        }
        // Hexo numbers a code block's lines unless told not to.
        if !options.contains(where: { $0.hasPrefix("linenos=") }) { options.insert("linenos=true", at: 0) }
        let info = language + " {" + options.joined(separator: ", ") + "}"
        let code = MarkdownBlocks.fence(inner, info: info, indent: indent)
        guard !words.isEmpty || url != nil else { return code }
        let title = words.joined(separator: " ")
        let caption = url.map { "[\(MarkdownBlocks.label(title.isEmpty ? $0 : title))](\(MarkdownBlocks.destination($0)))" } ?? "**\(escapeHTML(title))**"
        return caption + "\n\n" + indent + code
    }

    /// `Author, Source` then a link: `{% blockquote David Levithan, Wide Awake http://… %}`.
    private func attribution(_ args: [String]) -> String {
        let url = args.first { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        let words = args.filter { $0 != url }.joined(separator: " ")
        guard let url else { return escapeHTML(words) }
        return "[\(MarkdownBlocks.label(words.isEmpty ? url : words))](\(MarkdownBlocks.destination(url)))"
    }

    /// NexT's tabs: `<!-- tab Title@icon -->…<!-- endtab -->`, one `<details>` each, the
    /// first open, so that every tab's content shows without a script.
    private func tabs(_ inner: String, indent: String) -> (String, outside: String) {
        var sections: [String] = []
        var outside = ""
        var rest = Substring(inner)
        while let start = rest.range(of: "<!-- tab") {
            outside += rest[..<start.lowerBound]
            guard let headEnd = rest[start.upperBound...].range(of: "-->") else { break }
            let head = trimmed(String(rest[start.upperBound..<headEnd.lowerBound]))
            let end = rest[headEnd.upperBound...].range(of: "<!-- endtab -->")
            let body = rest[headEnd.upperBound..<(end?.lowerBound ?? rest.endIndex)]
            let title = String(head.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            let summary = escapeHTML(title.isEmpty ? "Tab \(sections.count + 1)" : title)
            sections.append(MarkdownBlocks.wrapped(String(body), open: "<details\(sections.isEmpty ? " open" : "")><summary>\(summary)</summary>", close: "</details>", indent: indent))
            rest = end.map { rest[$0.upperBound...] } ?? rest[rest.endIndex...]
        }
        outside += rest
        let kept = trimmed(outside).isEmpty ? "" : "\n\n" + indent + trimmed(outside)
        return (sections.joined(separator: "\n\n" + indent), kept)
    }
}

/// Fenced code blocks of Markdown found line by line: their byte ranges.
enum FencedCode {
    static func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var open: (start: Int, mark: UInt8, count: Int)?
        var offset = 0
        for line in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            let content = line.drop { $0 == 32 || $0 == 9 }
            if let mark = content.first, mark == UInt8(ascii: "`") || mark == UInt8(ascii: "~") {
                let count = content.prefix { $0 == mark }.count
                if let fence = open {
                    if mark == fence.mark, count >= fence.count, content.dropFirst(count).allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                        ranges.append(fence.start..<(offset + line.count))
                        open = nil
                    }
                } else if count >= 3 {
                    open = (offset, mark, count)
                }
            }
            offset += line.count + 1
        }
        if let fence = open { ranges.append(fence.start..<text.utf8.count) }
        return ranges
    }
}
