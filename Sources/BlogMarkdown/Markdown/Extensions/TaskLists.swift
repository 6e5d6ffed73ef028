import CCmark
import BlogCore

/// GFM task lists: a list item starting `[ ] ` or `[x] ` gets a disabled checkbox.
package struct TaskLists {
    package let document: MarkdownDocument

    package func apply() {
        for item in document.allNodes() where item.type == CMARK_NODE_ITEM {
            guard let paragraph = item.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH,
                let text = paragraph.firstChild, text.type == CMARK_NODE_TEXT
            else { continue }
            let literal = text.literal
            let checked: Bool
            if literal.hasPrefix("[ ]") { checked = false } else if literal.hasPrefix("[x]") || literal.hasPrefix("[X]") { checked = true } else { continue }
            let rest = literal.dropFirst(3)
            // `[x]` followed by a space, or ending the line.
            guard rest.first == " " || rest.first == "\t" || (rest.isEmpty && text.next.map { $0.type == CMARK_NODE_SOFTBREAK } ?? true)
            else { continue }
            // A form control needs a name for screen readers (axe: `label`): the item's words.
            var name = trimmed(String(paragraph.plainText.dropFirst(3)))
            if name.count > 100 { name = String(name.prefix(99)) + "…" }
            let label = name.isEmpty ? "" : " aria-label=\"\(escapeHTML(name))\""
            let box = MarkdownNode.custom(
                inline: true, enter: "<input type=\"checkbox\"\(checked ? " checked=\"\"" : "") disabled=\"\"\(label) />")
            text.replace(with: [.node(box), .text(String(rest))])
        }
    }
}
