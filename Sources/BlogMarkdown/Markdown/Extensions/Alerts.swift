import CCmark
import Foundation
import BlogCore

/// GitHub's alerts, which Hugo (0.132 on) and Obsidian read too: a block quote whose first line
/// is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]` is a callout of that
/// kind, titled in the blog's language — the same `note` box as NexT's `{% note %}` moved in
/// from Hexo. Obsidian's own title after the marker (`[!tip] Before you start`) is kept.
/// Another word in the marker is left as a quote, with a warning.
package struct Alerts {
    /// Each kind, and the `note` colour it takes.
    package static let kinds: [(name: String, style: String)] = [
        ("note", "info"), ("tip", "success"), ("important", "primary"), ("warning", "warning"), ("caution", "danger"),
    ]

    let document: MarkdownDocument
    /// The title of each kind, by its name (`note`); English's when a kind is missing.
    let titles: [String: String]

    package func apply() {
        for quote in document.allNodes() where quote.type == CMARK_NODE_BLOCK_QUOTE {
            guard let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
                let marker = paragraph.firstChild, marker.type == CMARK_NODE_TEXT,
                let match = marker.literal.wholeMatch(of: /\[!([A-Za-z]+)\]([+-]?)(?:[ \t]+(.*))?/)
            else { continue }
            // The marker is its line: what follows it on the next lines is the alert's text.
            let after = marker.next
            guard after == nil || after?.type == CMARK_NODE_SOFTBREAK || after?.type == CMARK_NODE_LINEBREAK else { continue }
            let name = match.1.lowercased()
            guard let style = Self.kinds.first(where: { $0.name == name })?.style else {
                let known = Self.kinds.map { "[!\($0.name.uppercased())]" }.joined(separator: ", ")
                document.warn(quote.startLine, "'[!\(match.1)]' is not an alert this blog knows (\(known)); it is shown as a quote")
                continue
            }
            let ownTitle = match.3.map { trimmed(String($0)) } ?? ""
            let title = ownTitle.isEmpty ? titles[name] ?? name.capitalized : ownTitle
            marker.delete()
            after?.delete()
            if paragraph.firstChild == nil { paragraph.delete() }
            let box = MarkdownNode.custom(
                inline: false, enter: "<div class=\"note \(style)\" role=\"note\"><p class=\"note-title\">\(escapeHTML(title))</p>",
                exit: "</div>")
            quote.insertBefore(box)
            for child in quote.children {
                child.unlink()
                box.append(child)
            }
            if quote.startLine > 0 { document.lineRanges[box.pointer] = quote.startLine...max(quote.startLine, quote.endLine) }
            quote.delete()
        }
    }
}
