import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// Hugo's shortcodes, the built-in ones and those themes commonly bring (`figure` with `img=`,
/// `gallery`, `table`, `blockquote`). Hugo runs them in code too, so they are converted
/// wherever they stand; Go template text (`{{ .Title }}` in a post about templates) is not a
/// shortcode and stays as written. Every parameter written into HTML is escaped (Hugo's own
/// templates escape them): a post's `id="x\"><script>…"` stays text.
struct HugoShortcodes: TagDialect {
    var links: ImportLinks
    /// The images of the post's bundle, relative to it, in name order (for `gallery`).
    var bundleImages: [String] = []
    /// Shortcodes the old site defines itself (`layouts/shortcodes/<name>.html`).
    var siteShortcodes: Set<String> = []

    func closer(of tag: TemplateTag) -> String { "/" + tag.name }

    func isVerbatim(_ tag: TemplateTag) -> Bool { tag.name == "highlight" }

    func convert(_ tag: TemplateTag, inner: String?, at place: TagPlace, report: inout ImportReport) -> TagOutcome {
        guard tag.syntax == .shortcode || tag.syntax == .markdownShortcode else { return .kept }
        let first = tag.arguments.first
        switch tag.name {
        case "ref", "relref":
            guard let path = first ?? tag.named["path"] else { break }
            let fragment = ImportLinks.fragment(of: path)
            let name = String(path.prefix { $0 != "#" })
            guard let target = findPost(name) else { return .notConverted("{{< \(tag.name) \"\(path)\" >}} (no such post)") }
            return .converted(escapeHTML(ImportLinks.link(to: target) + fragment), kind: "Hugo {{< ref >}} and {{< relref >}} → link to the post's file")
        case "figure":
            guard var source = tag.named["src"] ?? tag.named["img"] ?? first else { break }
            let caption = tag.named["caption"] ?? tag.named["title"]
            var kind = "Hugo {{< figure >}} → image with caption"
            // A theme's figure that processes a page resource (feather's `img="*sunset*"
            // command="Resize" options="700x"): the resource it matches, as it is.
            if let command = Self.processingKeys.lazy.compactMap({ tag.named[$0] }).first {
                source = bundleImages.first { HugoGlob.matches(source, $0) } ?? source
                kind = Self.processed("{{< figure command=… >}}", command: command)
            }
            return .converted(figure(source, caption: caption, alt: tag.named["alt"], link: tag.named["link"], indent: place.indent), kind: kind)
        case "gallery":
            if let pattern = tag.named["match"] {
                let images = bundleImages.filter { HugoGlob.matches(pattern, $0) }.map { "![](\(MarkdownBlocks.destination($0)))" }
                guard !images.isEmpty else { return .notConverted(describe(tag) + " (no image of the bundle matches '\(pattern)')") }
                return .converted(images.joined(separator: "\n" + place.indent), kind: "Hugo {{< gallery match=… >}} → the bundle's images it matches")
            }
            let images = bundleImages.map { "![](\(MarkdownBlocks.destination($0)))" }
            return .converted(images.joined(separator: "\n" + place.indent), kind: "Hugo {{< gallery >}} → every image of the bundle")
        case "imgproc":
            // docsy's and Hugo's documentation's: the bundle's first image whose path matches
            // `**NAME*`, processed, in a figure with the inside as its caption.
            guard let name = first else { break }
            guard let source = bundleImages.first(where: { HugoGlob.matches("**" + name + "*", $0) }) else {
                return .notConverted(describe(tag) + " (no image of the bundle matches '\(name)')")
            }
            let caption = inner.map { trimmed(MarkdownBlocks.codeLines($0)) } ?? ""
            let command = tag.arguments.dropFirst().first ?? "Resize"
            return .converted(figure(source, caption: caption.isEmpty ? nil : caption, alt: tag.named["alt"], link: nil, indent: place.indent), kind: Self.processed("{{< imgproc NAME \(command) … >}}", command: command))
        case "alert", "pageinfo", "note", "notice", "callout":
            // docsy's `alert` (title, color) and `pageinfo` (color), the common `note`: a
            // callout of blog's theme, its kind by the colour, the title kept above the text.
            guard let inner else { break }
            let color = (tag.named["color"] ?? (tag.name == "notice" ? first : nil) ?? (tag.name == "note" ? "info" : "primary")).lowercased()
            let kind = Self.calloutKinds[color] ?? "info"
            var text = trimmed(MarkdownBlocks.codeLines(inner))
            if let title = tag.named["title"], !title.isEmpty {
                text = "<p><strong>\(escapeHTML(title))</strong></p>\n\n" + place.indent + text
            }
            return .converted(MarkdownBlocks.wrapped(text, open: "<div class=\"note \(kind)\">", close: "</div>", indent: place.indent), kind: "Hugo {{< \(tag.name) >}} → a callout (<div class=\"note\">)")
        case "highlight":
            guard let inner else { break }
            return .converted(
                MarkdownBlocks.fence(inner, info: Self.fenceInfo(first ?? "", options: tag.arguments.dropFirst().first ?? ""), indent: place.indent),
                kind: "Hugo {{< highlight >}} → fenced code")
        case "youtube":
            guard let id = tag.named["id"] ?? first else { break }
            return .converted(iframe("https://www.youtube-nocookie.com/embed/\(id)", title: tag.named["title"] ?? "YouTube video"), kind: "Hugo {{< youtube >}} → embedded video")
        case "vimeo":
            guard let id = tag.named["id"] ?? first else { break }
            return .converted(iframe("https://player.vimeo.com/video/\(id)", title: tag.named["title"] ?? "Vimeo video"), kind: "Hugo {{< vimeo >}} → embedded video")
        case "gist":
            guard tag.arguments.count >= 2 else { break }
            let file = tag.arguments.count > 2 ? "?file=\(tag.arguments[2])" : ""
            let source = escapeHTML("https://gist.github.com/\(tag.arguments[0])/\(tag.arguments[1]).js\(file)")
            return .converted("<script src=\"\(source)\"></script>", kind: "Hugo {{< gist >}} → the gist's script")
        case "tweet", "x", "twitter":
            guard let id = tag.named["id"] ?? tag.arguments.last else { break }
            let user = tag.named["user"] ?? (tag.arguments.count > 1 ? tag.arguments[0] : "i/web")
            let url = escapeHTML("https://x.com/\(user)/status/\(id)")
            return .converted("<blockquote class=\"twitter-tweet\"><a href=\"\(url)\">\(url)</a></blockquote>", kind: "Hugo {{< tweet >}} → a link to the post")
        case "table":
            guard let inner else { break }
            return .converted(MarkdownBlocks.codeLines(inner), kind: "Hugo {{< table >}} → the Markdown table inside")
        case "blockquote":
            guard let inner else { break }
            var quote = MarkdownBlocks.quoted(inner, indent: place.indent)
            if let author = tag.named["author"] ?? first { quote += "\n" + place.indent + ">\n" + place.indent + "> — " + escapeHTML(author) }
            return .converted(quote, kind: "Hugo {{< blockquote >}} → block quote")
        case "details":
            guard let inner else { break }
            let summary = escapeHTML(tag.named["summary"] ?? "Details")
            return .converted(MarkdownBlocks.wrapped(inner, open: "<details><summary>\(summary)</summary>", close: "</details>", indent: place.indent), kind: "Hugo {{< details >}} → details")
        default: break
        }
        let own = siteShortcodes.contains(tag.name) ? " (the site's own shortcode, layouts/shortcodes/\(tag.name).html)" : ""
        return .notConverted(describe(tag) + own)
    }

    /// A post named by `ref`: a path (`blog/a/index.md`, `a.md`) or a bundle's name, compared
    /// without case, as Hugo does.
    private func findPost(_ name: String) -> String? {
        var key = name.lowercased()
        for suffix in ["/index.md", "/_index.md", ".md"] where key.hasSuffix(suffix) { key = String(key.dropLast(suffix.count)) }
        key = key.trimmingCharacters(in: ["/"])
        if let target = links.byName[key] ?? links.byOrigin[name] { return target }
        let last = String(key.split(separator: "/").last ?? "")
        return links.byName[last]
    }

    /// Markdown image (so that `blog` sizes and publishes it) in a `<figure>` with the caption.
    private func figure(_ source: String, caption: String?, alt: String?, link: String?, indent: String) -> String {
        let altText = alt ?? caption ?? ""
        var image = "![\(MarkdownBlocks.label(altText))](\(MarkdownBlocks.destination(source)))"
        if let link { image = "[\(image)](\(MarkdownBlocks.destination(link)))" }
        guard let caption, !caption.isEmpty else { return image }
        // The caption is Markdown, as Hugo renders it: a paragraph of its own inside; its raw
        // HTML shown as text, as Hugo's `markdownify` leaves it out, its autolinks kept.
        return "<figure>\n\n" + indent + image + "\n\n" + indent + "<figcaption>\n\n" + indent + MarkdownBlocks.inertHTML(caption) + "\n\n" + indent + "</figcaption>\n" + indent + "</figure>\n"
    }

    /// The parameters by which themes' image shortcodes name an image processing (feather's
    /// `command="Resize" options="700x"`).
    static let processingKeys = ["command", "resize", "process", "options"]

    /// The kind a processed image is reported as: blog makes an image's sizes itself, so
    /// the bundle's original goes in; a crop (`Fill`, `Crop`) is not made, which the writer
    /// should know, since the page then shows the whole image.
    static func processed(_ shortcode: String, command: String) -> String {
        let crops = ["fill", "crop"].contains { command.lowercased().hasPrefix($0) }
        return "Hugo \(shortcode) → the original image, which blog sizes" + (crops ? " (not cropped: the whole image is shown)" : "")
    }

    /// docsy's and Bootstrap's colours → the kinds of blog's callouts (`.note.warning`).
    static let calloutKinds: [String: String] = [
        "primary": "primary", "info": "info", "note": "info", "tip": "success", "success": "success", "secondary": "info",
        "light": "info", "dark": "info", "warning": "warning", "caution": "warning", "danger": "danger", "error": "danger",
    ]

    private func iframe(_ url: String, title: String) -> String {
        "<iframe src=\"\(escapeHTML(url))\" title=\"\(escapeHTML(title))\" width=\"560\" height=\"315\" allowfullscreen loading=\"lazy\"></iframe>"
    }

    /// `go {linenos=true, hl_lines=[2, 3]}` from Hugo's `highlight go "linenos=table,hl_lines=2 3"`.
    static func fenceInfo(_ language: String, options: String) -> String {
        guard !options.isEmpty else { return language }
        let pairs = options.split(separator: ",").map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1).map { trimmed(String($0)) }
            guard parts.count == 2 else { return trimmed(String(pair)) }
            switch parts[0] {
            case "linenos": return "linenos=\(parts[1] == "false" ? "false" : "true")"
            case "hl_lines": return "hl_lines=[" + parts[1].split(separator: " ").map { $0.contains("-") ? "\"\($0)\"" : String($0) }.joined(separator: ", ") + "]"
            default: return parts[0] + "=" + parts[1]
            }
        }
        return language + " {" + pairs.joined(separator: ", ") + "}"
    }
}

/// Hugo's resource globs (`images/*`, `**photo*`), as `Resources.Match` reads them: without
/// case, `*` within one folder, `**` across folders, `?` one character, `{a,b}` either.
enum HugoGlob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.lowercased()), 0, Array(path.lowercased()), 0)
    }

    private static func match(_ p: [Character], _ i: Int, _ s: [Character], _ j: Int) -> Bool {
        guard i < p.count else { return j == s.count }
        switch p[i] {
        case "*":
            if i + 1 < p.count, p[i + 1] == "*" {
                return (j...s.count).contains { match(p, i + 2, s, $0) }
            }
            var k = j
            while true {
                if match(p, i + 1, s, k) { return true }
                guard k < s.count, s[k] != "/" else { return false }
                k += 1
            }
        case "?":
            return j < s.count && s[j] != "/" && match(p, i + 1, s, j + 1)
        case "{":
            guard let close = p[i...].firstIndex(of: "}") else { break }
            let rest = Array(p[(close + 1)...])
            return p[(i + 1)..<close].split(separator: ",", omittingEmptySubsequences: false).contains { match(Array($0) + rest, 0, s, j) }
        default: break
        }
        return j < s.count && s[j] == p[i] && match(p, i + 1, s, j + 1)
    }
}
