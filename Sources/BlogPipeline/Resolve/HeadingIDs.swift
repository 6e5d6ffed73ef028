import BlogCore
import BlogMarkdown

/// Gives every heading an `id` so that `#fragments` work, and returns the table of contents.
/// Latin text is slugged, CJK text kept (`## 为什么 cmark` → `为什么-cmark`), and a repeated
/// id gets `-1`, `-2`… as GitHub does.
package enum HeadingIDs {
    package static func assign(in document: MarkdownDocument) -> [TOCEntry] {
        var used: [String: Int] = [:]
        var toc: [TOCEntry] = []
        // Listed before any is replaced: replacing frees a heading's children.
        let headings = document.allNodes().filter(\.isHeading)
        for heading in headings {
            let title = trimmed(heading.plainText)
            let id: String
            if let chosen = document.headingID(of: heading) {
                id = chosen  // `## Title {#chosen}`: the writer's, as written
                used[id] = max(used[id] ?? 0, 1)
            } else {
                let slug = slugify(title)
                let base = slug.isEmpty ? "section" : slug
                var candidate = base
                var count = used[base] ?? 0
                while used[candidate] != nil {
                    candidate = "\(base)-\(count)"
                    count += 1
                }
                used[base] = max(count, 1)
                used[candidate] = used[candidate] ?? 1
                id = candidate
            }
            toc.append(TOCEntry(level: heading.headingLevel, id: id, title: title))
            // cmark writes `<hN>…</hN>`; the same with the id added.
            let html = document.html(of: heading)
            let level = heading.headingLevel
            let inner = html.dropFirst("<h\(level)>".count)
            heading.replace(withHTML: "<h\(level) id=\"\(escapeHTML(id))\">" + inner, inline: false)
        }
        return toc
    }
}
