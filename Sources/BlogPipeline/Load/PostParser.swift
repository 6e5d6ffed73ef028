import Foundation
import Yams
import BlogCore
import BlogMarkdown

/// Turns the text of one Markdown file into a `SourcePost`. Pure: the caller reads the file.
public enum PostParser {
    /// - Parameters:
    ///   - path: the file's path relative to the site folder (`posts/2016/a.md`).
    ///   - isBundle: the file is the `index.md` of a folder whose other files are its assets.
    public static func parse(
        path: String, text: String, kind: ContentKind, isBundle: Bool, config: Config
    ) -> (SourcePost?, [Diagnostic]) {
        let (text, found) = removingControlCharacters(normalizedText(text), file: path)
        var problems = found
        let parts: FrontMatter
        switch FrontMatter.split(text, file: path) {
        case .success(let split): parts = split
        case .failure(let problem): return (nil, [problem])
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = isBundle
            ? (folder as NSString).lastPathComponent
            : ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let prefix = DateParser.datePrefix(of: name, timeZone: config.timeZone)
        var post = SourcePost(
            kind: kind, sourcePath: path, folder: folder, isBundle: isBundle,
            slug: prefix?.1 ?? name, body: .text(parts.body), bodyLineOffset: parts.bodyLineOffset)
        post.date = prefix?.0

        if let yaml = parts.yaml {
            switch YAMLFields.parse(yaml, file: path, firstLine: 2) {
            case .success(let fields):
                for field in fields.fields {
                    post.keyLines[field.key] = field.line
                    apply(field, to: &post, config: config, file: path, problems: &problems)
                }
                if post.image == nil, let cover = fields.fields.first(where: { themeImageKeys.contains($0.key) }) {
                    post.image = themeImage(cover)
                    if post.image != nil { post.keyLines["image"] = cover.line }
                }
            case .failure(let problem):
                // The body is still worth resolving: its problems are reported in this round.
                post.loadFailed = true
                return (post, problems + [problem])
            }
        }
        if post.yearSummary == 0 { post.yearSummary = post.date?.year }  // `true`, date read later
        if kind == .post && post.date == nil && post.keyLines["date"] == nil {
            problems.append(.error(
                path, line: 1,
                "post has no date: add 'date: 2016-12-31' to its front matter or start its file name with '2016-12-31-'"))
        }
        if post.slug.isEmpty || post.slug.contains("/") || post.slug == "." || post.slug == ".." {
            problems.append(.error(
                path, line: post.line(ofKey: "slug") ?? 1,
                "slug '\(post.slug)' cannot be used in a URL (it must be a non-empty name without '/')"))
        }
        post.loadFailed = problems.hasErrors
        return (post, problems)
    }

    /// CommonMark replaces U+0000 with U+FFFD; a stray NUL (a broken export, an editor
    /// accident) is said, with its line, since the writer surely did not mean it. Other control
    /// characters (U+0008 from a pasted terminal, U+0092 from text read in the wrong encoding)
    /// are invisible in a page and not allowed in a feed's XML: they are removed, and said.
    package static func removingControlCharacters(_ text: String, file: String) -> (String, [Diagnostic]) {
        guard hasStrayControl(text) else { return (text, []) }
        var nul = Occurrences(), control = Occurrences()
        var cleaned = String.UnicodeScalarView()
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if scalar.value == 0 {
                nul.add(line, scalar)
                cleaned.append("\u{FFFD}")
            } else if isStrayControl(scalar) {
                control.add(line, scalar)
            } else {
                cleaned.append(scalar)
            }
        }
        var problems: [Diagnostic] = []
        if let first = nul.lines.first {
            let what = nul.count == 1 ? "a NUL byte (U+0000)" : "\(nul.count) NUL bytes (U+0000)"
            problems.append(.warning(file, line: first, "\(what) replaced with U+FFFD, as CommonMark says\(nul.alsoOn)"))
        }
        if let first = control.lines.first {
            let names = control.kinds.sorted().map { String(format: "U+%04X", $0) }.joined(separator: ", ")
            let what = control.count == 1 ? "a control character (\(names))" : "\(control.count) control characters (\(names))"
            problems.append(.warning(
                file, line: first, "\(what) removed: invisible in a page, and not allowed in the feed's XML\(control.alsoOn)"))
        }
        return (String(cleaned), problems)
    }

    /// Tab, line feed, form feed (CommonMark's whitespace) and carriage return.
    private static let kept: Set<UInt8> = [9, 10, 12, 13]

    /// Told from bytes, as every post is read: a C0 control but tab, line feed, form feed
    /// and carriage return, DEL, or a C1 control (`C2 80`…`C2 9F`; `C2` alone also starts
    /// `©`, `·` and the no-break space, which must not send a post down the slow path).
    private static func hasStrayControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for i in bytes.indices {
                switch bytes[i] {
                case 9, 10, 12, 13: continue
                case 0..<0x20, 0x7F: return true
                case 0xC2 where i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1]): return true
                default: continue
                }
            }
            return false
        }
    }

    private static func isStrayControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && !kept.contains(UInt8(value))) || (0x7F...0x9F).contains(value)
    }

    /// Where a kind of character was found, for one warning.
    private struct Occurrences {
        var count = 0
        var lines: [Int] = []
        var kinds = Set<UInt32>()

        mutating func add(_ line: Int, _ scalar: Unicode.Scalar) {
            count += 1
            kinds.insert(scalar.value)
            if lines.last != line { lines.append(line) }
        }

        var alsoOn: String {
            guard lines.count > 1 else { return "" }
            return "; also on line\(lines.count > 2 ? "s" : "") " + lines.dropFirst().prefix(5).map(String.init).joined(separator: ", ")
                + (lines.count > 6 ? " …" : "")
        }
    }

    private static let misspelledKeys = ["tag": "tags", "category": "categories", "alias": "aliases"]

    /// Where themes of other generators keep a post's picture: Hexo's Butterfly and Hugo's
    /// PaperMod `cover` (PaperMod's as `cover: {image: …}`), Icarus' `thumbnail`, Fluid's
    /// `index_img`, Hugo's Ananke `featured_image`. A moved blog's posts keep their social
    /// card's picture; `image:` wins when both are written.
    static let themeImageKeys: Set<String> = ["cover", "thumbnail", "index_img", "featured_image"]

    private static func themeImage(_ field: YAMLFields.Field) -> String? {
        let written = field.node.string ?? field.node.mapping?["image"]?.string
        return written.map(trimmed).flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func apply(
        _ field: YAMLFields.Field, to post: inout SourcePost, config: Config, file: String,
        problems: inout [Diagnostic]
    ) {
        func fail(_ message: String) { problems.append(.error(file, line: field.line, message)) }
        // `updated:` with nothing after it (Hexo writes that) means "not set", as in every
        // generator a blog may come from, not an error.
        if field.node.isEmptyValue { return }
        func date() -> PostDate? {
            guard let text = field.node.string else {
                fail("\(field.key) must be a date such as 2016-12-31 or 2016-12-31 10:00 +0800")
                return nil
            }
            guard let date = DateParser.parse(text, timeZone: config.timeZone) else {
                fail("cannot read \(field.key) '\(text)' (write 2016-12-31, 2016-12-31 10:00, 2016-12-31 10:00:00 +0800 or 2016-12-31T10:00:00Z)")
                return nil
            }
            return date
        }
        func list() -> [String] {
            guard let items = field.node.stringList else {
                fail("\(field.key) must be a list such as [a, b] or a comma-separated string")
                return []
            }
            return items
        }
        switch field.key {
        case "title": post.title = field.node.string.map(trimmed)
        case "date": post.date = date()
        case "updated": post.updated = date()
        case "tags": post.tags = list()
        case "categories": post.categories = list()
        case "aliases":
            post.aliases = list().map { $0.hasPrefix("/") ? $0 : "/" + $0 }
        case "slug": post.slug = field.node.string.map(trimmed) ?? ""
        case "summary": post.summary = field.node.string.map(trimmed)
        case "image", "images":
            // Jekyll's SEO tag and most themes write one `image:`, Hugo a list `images:`.
            // jekyll-seo-tag also takes `image: {path: …}`.
            let written = field.node.string.map { [$0] } ?? field.node.stringList ?? field.node.mapping?["path"]?.string.map { [$0] }
            guard let first = written?.first else {
                return fail("\(field.key) must be the path or URL of an image, such as cover.jpg")
            }
            post.image = trimmed(first)
        case "year_summary":
            if let flag = field.node.bool {
                post.yearSummary = flag ? 0 : nil  // its own year, known once `date` is read
            } else if let year = field.node.int, (1000...9999).contains(year) {
                post.yearSummary = year
            } else {
                fail("year_summary must be true or a year such as 2016")
            }
        case "draft":
            guard let flag = field.node.bool else { return fail("draft must be true or false") }
            post.draft = flag
        default:
            if let intended = misspelledKeys[field.key] {
                problems.append(.warning(file, line: field.line, "unknown key '\(field.key)' is ignored; did you mean '\(intended)'?"))
            }
        }
    }
}

/// A Markdown file cut into its YAML front matter and its body.
package struct FrontMatter {
    package var yaml: String?
    package var body: String
    /// Lines before the body: the front matter and its two `---` lines.
    package var bodyLineOffset: Int

    package static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        guard text.hasPrefix("---"), isFence(text.prefix { $0 != "\n" }) else {
            return .success(FrontMatter(yaml: nil, body: text, bodyLineOffset: 0))
        }
        let unclosed = Diagnostic.error(file, line: 1, "front matter starts with '---' but has no closing '---' line")
        guard let firstNewline = text.firstIndex(of: "\n") else { return .failure(unclosed) }
        var lineNumber = 1
        var lineStart = text.index(after: firstNewline)
        let yamlStart = lineStart
        while lineStart < text.endIndex {
            lineNumber += 1
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if isFence(line) || trimmedTrailing(line) == "..." {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(
                    yaml: String(text[yamlStart..<lineStart]), body: String(text[bodyStart...]),
                    bodyLineOffset: lineNumber))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return .failure(unclosed)
    }

    private static func isFence(_ line: Substring) -> Bool { trimmedTrailing(line) == "---" }

    private static func trimmedTrailing(_ line: Substring) -> Substring {
        var l = line
        while let last = l.last, last == " " || last == "\t" { l.removeLast() }
        return l
    }
}
