import CCmark
import BlogCore

/// Math (`SourceRewrite` hid it from cmark behind a stand-in), written as MathML Core
/// (`MathMLConverter`) that browsers draw with no script, the TeX kept in an annotation; a
/// paragraph of display math alone becomes `<div class="math display"><math display="block">…`.
/// With `forScript` (a site that names a MathJax or KaTeX script), math is kept as written in
/// Pandoc's form those read: `<span class="math inline">\(…\)</span>`, `\[…\]`.
package struct Math {
    package let document: MarkdownDocument
    package let math: [SourceRewrite.Math]
    /// The site loads a script that typesets TeX in the browser (`math: {script: URL}`).
    package var forScript: Bool = false

    package func apply() {
        let marks: Set<Character> = [SourceRewrite.start, SourceRewrite.filler]
        let texts = textsWithMath(marks: marks)
        let html = forScript ? math.map(Self.scriptHTML) : convertAll(lines: texts.lines)
        for text in texts.nodes { replace(in: text, html: html) }
        for paragraph in document.allNodes() where paragraph.type == CMARK_NODE_PARAGRAPH {
            let children = paragraph.children
            guard children.count == 1, let only = children.first, only.type == CMARK_NODE_CUSTOM_INLINE,
                let index = document.displayMath[only.pointer]
            else { continue }
            let content = forScript ? "\\[" + escapeHTML(math[index].tex) + "\\]" : html[index]
            let block = MarkdownNode.custom(inline: false, enter: "<div class=\"math display\">" + content + "</div>")
            paragraph.insertBefore(block)
            document.lineRanges[block.pointer] = paragraph.startLine...paragraph.endLine
            paragraph.delete()
        }
    }

    private static func scriptHTML(_ item: SourceRewrite.Math) -> String {
        item.display
            ? "<span class=\"math display\">\\[" + escapeHTML(item.tex) + "\\]</span>"
            : "<span class=\"math inline\">\\(" + escapeHTML(item.tex) + "\\)</span>"
    }

    /// Each formula as MathML, converted once; what could not be read is warned of at the
    /// formula's line, each unknown command once in the post.
    private func convertAll(lines: [Int: Int]) -> [String] {
        var warned = Set<String>()
        return math.enumerated().map { index, item in
            let result = MathMLConverter.convert(item.tex, display: item.display)
            let line = lines[index] ?? 1
            if let failure = result.failure {
                document.warn(line, "math '\(Self.excerpt(item.tex))' cannot be read (\(failure)); it is shown as written")
            }
            for name in result.unknown where warned.insert(name).inserted {
                let what = name.hasPrefix("\\begin{") ? "environment '\(name.dropFirst(7).dropLast())'" : "command '\(name)'"
                document.warn(line, "math: unknown \(what) is shown as written, in red")
            }
            return result.html
        }
    }

    private static func excerpt(_ tex: String) -> String {
        let flat = tex.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > 40 ? flat.prefix(40) + "…" : flat
    }

    /// The text nodes that hold stand-ins, and the line of each formula, found before the
    /// tree changes: a block's line, plus the line breaks before the stand-in in it.
    private func textsWithMath(marks: Set<Character>) -> (nodes: [MarkdownNode], lines: [Int: Int]) {
        var nodes: [MarkdownNode] = []
        var lines: [Int: Int] = [:]
        var blockLine = 1
        var breaks = 0
        for node in document.allNodes() {
            let type = node.type
            if type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                blockLine = document.line(of: node)
                breaks = 0
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                breaks += 1
            } else if type == CMARK_NODE_TEXT {
                let literal = node.literal
                guard literal.contains(where: marks.contains) else { continue }
                nodes.append(node)
                for index in Self.indices(in: literal) { lines[index] = blockLine + breaks }
            }
        }
        return (nodes, lines)
    }

    /// The numbers of the stand-ins in a text (`start`, number, `end`).
    private static func indices(in literal: String) -> [Int] {
        var result: [Int] = []
        var rest = literal[...]
        while let open = rest.firstIndex(of: SourceRewrite.start), let close = rest[open...].firstIndex(of: SourceRewrite.end) {
            if let index = Int(rest[rest.index(after: open)..<close]) { result.append(index) }
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    private func replace(in text: MarkdownNode, html: [String]) {
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
                let node = MarkdownNode.custom(inline: true, enter: html[index])
                if math[index].display { document.displayMath[node.pointer] = index }
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
