import CCmark
import BlogCore

/// Math, kept as written (`SourceRewrite` hid it from cmark behind a stand-in), in Pandoc's
/// form that MathJax and KaTeX read: `<span class="math inline">\(…\)</span>`, and a
/// paragraph of display math alone as `<div class="math display">\[…\]</div>`.
package struct Math {
    package let document: MarkdownDocument
    package let math: [SourceRewrite.Math]

    package func apply() {
        let marks: Set<Character> = [SourceRewrite.start, SourceRewrite.filler]
        for text in document.allNodes() where text.type == CMARK_NODE_TEXT && text.literal.contains(where: marks.contains) {
            replace(in: text)
        }
        for paragraph in document.allNodes() where paragraph.type == CMARK_NODE_PARAGRAPH {
            let children = paragraph.children
            guard children.count == 1, let only = children.first, only.type == CMARK_NODE_CUSTOM_INLINE,
                let index = document.displayMath[only.pointer]
            else { continue }
            let block = MarkdownNode.custom(inline: false, enter: "<div class=\"math display\">\\[" + escapeHTML(math[index].tex) + "\\]</div>")
            paragraph.insertBefore(block)
            document.lineRanges[block.pointer] = paragraph.startLine...paragraph.endLine
            paragraph.delete()
        }
    }

    private func replace(in text: MarkdownNode) {
        let literal = text.literal
        if literal.first == SourceRewrite.filler, let previous = text.previous,
            previous.type == CMARK_NODE_SOFTBREAK || previous.type == CMARK_NODE_LINEBREAK
        {
            previous.delete()
        }
        var pieces: [MarkdownNode.Piece] = []
        var current = ""
        var i = literal.startIndex
        while i < literal.endIndex {
            let c = literal[i]
            if c == SourceRewrite.filler {
                i = literal.index(after: i)
                continue
            }
            if c == SourceRewrite.start, let close = literal[i...].firstIndex(of: SourceRewrite.end),
                let index = Int(literal[literal.index(after: i)..<close]), index < math.count
            {
                pieces.append(.text(current))
                current = ""
                let item = math[index]
                let html = item.display
                    ? "<span class=\"math display\">\\[" + escapeHTML(item.tex) + "\\]</span>"
                    : "<span class=\"math inline\">\\(" + escapeHTML(item.tex) + "\\)</span>"
                let node = MarkdownNode.custom(inline: true, enter: html)
                if item.display { document.displayMath[node.pointer] = index }
                pieces.append(.node(node))
                i = literal.index(after: close)
                continue
            }
            current.append(c)
            i = literal.index(after: i)
        }
        pieces.append(.text(current))
        text.replace(with: pieces)
    }
}
