import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

/// Jekyll's Liquid, as posts use it. Liquid runs before Markdown, in code too, so every tag
/// outside `{% raw %}` is converted wherever it stands; Liquid output other than the site's
/// address (`${{ secrets.TOKEN }}` in a workflow shown in a post) is kept as written. A tag's
/// arguments written into HTML are escaped; an include's HTML is the site's own, kept.
struct JekyllTags: TagDialect {
    var links: ImportLinks
    /// The text of `_includes/<name>` when it has no Liquid of its own.
    var include: (String) -> String?
    /// Why `_includes/<name>` was not read (a link out of the site, a FIFO), if it was not.
    var refusal: (String) -> String? = { _ in nil }

    /// Includes that print nothing a reader sees (Jekyll Bootstrap's setup, analytics).
    static let silentIncludes: Set<String> = ["JB/setup", "JB/analytics", "JB/comments", "JB/sharing"]
    /// Tags whose inside is a diagram's source, kept as a code block in that language.
    static let diagramTags: Set<String> = ["blockdiag", "seqdiag", "actdiag", "nwdiag", "mermaid", "graphviz", "plantuml", "uml"]

    func closer(of tag: TemplateTag) -> String { "end" + tag.name }

    func isVerbatim(_ tag: TemplateTag) -> Bool { tag.name == "raw" || tag.name == "comment" || tag.name == "highlight" }

    func convert(_ tag: TemplateTag, inner: String?, at place: TagPlace, report: inout ImportReport) -> TagOutcome {
        if tag.syntax == .output {
            guard tag.name == "site.baseurl" || tag.name == "site.url" else { return .kept }
            return .converted("", kind: "Liquid {{ site.url }} and {{ site.baseurl }} → nothing: links start at the site's root")
        }
        guard tag.syntax == .liquid else { return .kept }
        switch tag.name {
        case "raw":
            return .converted(inner ?? "", kind: "Liquid {% raw %} → its text")
        case "comment":
            return .converted("", kind: "Liquid {% comment %} → removed (Jekyll shows none of it)")
        case "highlight":
            guard let inner else { break }
            return .converted(MarkdownBlocks.fence(inner, info: Self.fenceInfo(tag), indent: place.indent), kind: "Liquid {% highlight %} → fenced code")
        case "post_url":
            guard let name = tag.arguments.first else { break }
            guard let target = links.byName[name] ?? links.byName[(name as NSString).lastPathComponent] else {
                return .notConverted("{% post_url \(name) %} (no post of that name)")
            }
            return .converted(escapeHTML(ImportLinks.link(to: target)), kind: "Liquid {% post_url %} → link to the post's file")
        case "link":
            guard let path = tag.arguments.first else { break }
            guard let target = links.byOrigin[path] else { return .notConverted("{% link \(path) %} (no such file)") }
            return .converted(escapeHTML(ImportLinks.link(to: target)), kind: "Liquid {% link %} → link to the file")
        case "include":
            guard let name = tag.arguments.first else { break }
            if Self.silentIncludes.contains(name) {
                return .converted("", kind: "Liquid {% include \(name) %} → removed (it shows nothing)")
            }
            if let text = include(name) { return .converted(text, kind: "Liquid {% include %} → the included file's HTML") }
            return .notConverted("{% include \(name) %}" + (refusal(name).map { " (_includes/\(name) is \($0))" } ?? ""))
        case "gist":
            guard let id = tag.arguments.first else { break }
            let file = tag.arguments.dropFirst().first.map { "?file=\($0)" } ?? ""
            return .converted("<script src=\"\(escapeHTML("https://gist.github.com/\(id).js\(file)"))\"></script>", kind: "Liquid {% gist %} → the gist's script")
        case "tag_url", "category_url":
            guard let name = tag.arguments.first, links.tags.contains(name) else { break }
            return .converted("/\(tag.name == "tag_url" ? "tags" : "categories")/\(slugify(name))/", kind: "Liquid {% tag_url %} → the tag's page")
        default:
            if Self.diagramTags.contains(tag.name), let inner {
                return .converted(MarkdownBlocks.fence(inner, info: tag.name, indent: place.indent), kind: "Liquid {% \(tag.name) %} → its diagram source as code")
            }
            if inner == nil, tag.arguments.count == 1,
                let url = links.staticURLs[tag.arguments[0]] ?? links.assetTagFolders[tag.name].map({ $0 + tag.arguments[0] })
            {
                return .converted(escapeHTML(url), kind: "Liquid {% \(tag.name) %} (the site's own tag) → the URL of the file it names")
            }
        }
        return .notConverted(describe(tag))
    }

    /// `go {linenos=true, hl_lines=[2, 3]}` from `{% highlight go linenos hl_lines="2 3" %}`.
    static func fenceInfo(_ tag: TemplateTag) -> String {
        var options: [String] = []
        if tag.arguments.dropFirst().contains("linenos") || tag.named["linenos"] != nil { options.append("linenos=true") }
        if let lines = tag.named["hl_lines"] {
            options.append("hl_lines=[" + lines.split(separator: " ").joined(separator: ", ") + "]")
        }
        let language = tag.arguments.first ?? ""
        return options.isEmpty ? language : language + " {" + options.joined(separator: ", ") + "}"
    }
}

/// How the report names a tag left for the writer: `{% name args %}`.
func describe(_ tag: TemplateTag) -> String {
    let words = [tag.name] + tag.arguments + tag.named.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }
    switch tag.syntax {
    case .liquid: return "{% " + words.joined(separator: " ") + " %}"
    case .output: return "{{ " + words.joined(separator: " ") + " }}"
    case .shortcode: return "{{< " + words.joined(separator: " ") + " >}}"
    case .markdownShortcode: return "{{% " + words.joined(separator: " ") + " %}}"
    }
}
