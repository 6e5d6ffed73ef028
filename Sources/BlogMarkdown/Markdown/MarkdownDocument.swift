import CCmark
import Foundation
import BlogCore

/// A small Swift face over a cmark document tree: parse, walk, edit, render.
/// A document belongs to one thread at a time (cmark trees are not thread-safe); each post
/// is parsed and rendered within one task.
package final class MarkdownDocument {
    package private(set) var root: OpaquePointer
    /// cmark render options (safe or unsafe raw HTML).
    package let renderOptions: Int32
    /// The Markdown as cmark read it: the post's, or with footnote definitions and math
    /// rewritten (`SourceRewrite`), on the same lines.
    package private(set) var source: String
    /// Lines of blocks the extensions made (tables, display math), which cmark knows none of.
    package var lineRanges: [OpaquePointer: ClosedRange<Int>] = [:]
    /// Ids set in the Markdown (`## Title {#id}`), by heading.
    package var headingIDs: [OpaquePointer: String] = [:]
    /// Display math stand-ins, by node (`Math`).
    package var displayMath: [OpaquePointer: Int] = [:]
    /// What the writer probably meant otherwise (an undefined footnote), by line of the Markdown.
    package private(set) var warnings: [(line: Int, message: String)] = []

    /// - Parameters:
    ///   - extensions: the GFM and other extensions to apply (`Markdown/Extensions/`).
    ///   - footnotePrefix: put in footnotes' ids, unique to the post.
    ///   - hardBreaks: every line break of a paragraph is a `<br>` (Hexo's renderers do that).
    ///   - backslashMath: `\(…\)` and `\[…\]` are math (with the math extension), not escapes.
    ///   - mathScript: the site loads a script that typesets TeX (`math: {script: URL}`): math
    ///     is kept as TeX for it, not written as MathML.
    ///   - alertTitles: the title of each kind of alert (`note`, `tip`…) in the blog's language.
    package init(
        _ markdown: String, safe: Bool, extensions: Set<MarkdownExtension> = [], footnotePrefix: String = "",
        hardBreaks: Bool = false, backslashMath: Bool = false, mathScript: Bool = false, alertTitles: [String: String] = [:]
    ) {
        renderOptions = (safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE) | (hardBreaks ? CMARK_OPT_HARDBREAKS : 0)
        root = Self.parse(markdown)
        source = markdown
        guard !extensions.isEmpty else { return }
        var rewrite: SourceRewrite?
        if SourceRewrite.mayApply(to: markdown, extensions: extensions, backslashMath: backslashMath) {
            let code = codeLines()
            let rewritten = SourceRewrite(markdown, isCode: code.contains, extensions: extensions, backslashMath: backslashMath)
            warnings += rewritten.warnings
            if rewritten.changed {
                cmark_node_free(root)
                root = Self.parse(rewritten.text)
                source = rewritten.text
            }
            rewrite = rewritten
        }
        applyExtensions(extensions, rewrite: rewrite, footnotePrefix: footnotePrefix, mathScript: mathScript, alertTitles: alertTitles)
    }

    /// Parses Markdown with cmark; the caller frees the tree.
    package static func parse(_ markdown: String) -> OpaquePointer {
        var markdown = markdown
        // The length in bytes, not strlen: a NUL inside the text must not end the document
        // (cmark itself turns it into U+FFFD).
        return markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                cmark_parse_document(text.baseAddress, text.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    /// Lines of code blocks and raw HTML, where no extension looks.
    private func codeLines() -> Set<Int> {
        var lines = Set<Int>()
        for node in allNodes() where node.type == CMARK_NODE_CODE_BLOCK || node.type == CMARK_NODE_HTML_BLOCK {
            if node.startLine > 0, node.endLine >= node.startLine { lines.formUnion(node.startLine...node.endLine) }
        }
        return lines
    }

    /// Each extension runs only when the Markdown holds what it looks for, told from bytes:
    /// most posts hold no table, footnote or math, and pay nothing for them.
    private func applyExtensions(
        _ extensions: Set<MarkdownExtension>, rewrite: SourceRewrite?, footnotePrefix: String, mathScript: Bool, alertTitles: [String: String]
    ) {
        let has = { (needle: String) in containsBytes(self.source, needle) }
        let tables = extensions.contains(.tables) && has("|")
        let footnotes = extensions.contains(.footnotes) && has("[^")
        let headings = extensions.contains(.headingIDs) && has("{#")
        let tasks = extensions.contains(.tasklists) && (has("[ ]") || has("[x]") || has("[X]"))
        let tilde = extensions.contains(.strikethrough) && has("~")
        let standIns = rewrite?.emphasisStandIns ?? false
        let links = extensions.contains(.autolinks) && Autolinks.mayHoldLinks(source)
        let math = !(rewrite?.math.isEmpty ?? true)
        let figures = extensions.contains(.figures) && has("![")
        let alerts = extensions.contains(.alerts) && has("[!")
        // A post that holds nothing any extension looks for is left as cmark read it (most
        // posts): not even its text nodes are walked.
        guard tables || footnotes || headings || tasks || tilde || standIns || links || math || figures || alerts else { return }
        cmark_consolidate_text_nodes(root)
        if tables { Tables(document: self, lines: Self.lines(of: source)).apply() }
        if footnotes { Footnotes(document: self, definitions: rewrite?.definitions ?? [], prefix: footnotePrefix).apply() }
        if headings { HeadingAttributes(document: self).apply() }
        if tasks { TaskLists(document: self).apply() }
        if tilde { Delimiters(document: self).apply() }
        if links { Autolinks(document: self).apply() }
        if let rewrite, math { Math(document: self, math: rewrite.math, forScript: mathScript).apply() }
        if standIns { CJKEmphasis.removeStandIns(from: self) }
        if figures { Figures(document: self).apply() }
        if alerts { Alerts(document: self, titles: alertTitles).apply() }
    }

    /// The lines of a text, split at its bytes (a split by `Character` cost more than cmark's
    /// parse of the same text).
    package static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let newline = utf8[start...].firstIndex(of: 10) {
            lines.append(text[start..<newline])
            start = utf8.index(after: newline)
        }
        lines.append(text[start...])
        return lines
    }

    /// The link reference definitions of the Markdown (`[ref]: url`), as lines: table cells
    /// are parsed on their own and need them for `[text][ref]`.
    package static func referenceDefinitions(_ lines: [Substring]) -> String {
        lines.filter { line in
            let rest = line.drop { $0 == " " }
            return line.count - rest.count <= 3 && rest.hasPrefix("[") && !rest.hasPrefix("[^") && rest.contains("]:")
        }.joined(separator: "\n")
    }

    package func warn(_ line: Int, _ message: String) { warnings.append((line, message)) }

    /// The line of a node: its own, or its block's (inline nodes and the extensions' blocks
    /// have none of their own).
    package func line(of node: MarkdownNode) -> Int {
        var current: MarkdownNode? = node
        while let n = current {
            if let range = lineRanges[n.pointer] { return range.lowerBound }
            if n.type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue, n.startLine > 0 { return n.startLine }
            current = n.parent
        }
        return 1
    }

    deinit { cmark_node_free(root) }

    /// Top-level blocks, in order.
    package var blocks: [MarkdownNode] { MarkdownNode(root).children }

    /// Every node of the tree in document order (each once, on entering).
    package func allNodes() -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                nodes.append(MarkdownNode(node))
            }
        }
        return nodes
    }

    /// HTML of one node and what it contains.
    package func html(of node: MarkdownNode) -> String {
        guard let html = cmark_render_html(node.pointer, renderOptions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

/// A node of a `MarkdownDocument`. Valid while its document lives.
package struct MarkdownNode {
    package let pointer: OpaquePointer

    package init(_ pointer: OpaquePointer) { self.pointer = pointer }

    package var type: cmark_node_type { cmark_node_get_type(pointer) }
    package var isHeading: Bool { type == CMARK_NODE_HEADING }
    package var isImage: Bool { type == CMARK_NODE_IMAGE }
    package var isLink: Bool { type == CMARK_NODE_LINK }
    package var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    /// The 1-based line of the node within the Markdown it was parsed from.
    package var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    package var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    package var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    package var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }

    /// Whether the node's literal text holds `needle`, looked for in cmark's own bytes: the
    /// extensions ask this of every text node, and most say no without a String being made.
    package func literalContains(_ needle: String) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        return strstr(literal, needle) != nil
    }
    package var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }

    package var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }

    package func hasAncestor(where test: (MarkdownNode) -> Bool) -> Bool {
        var node = parent
        while let current = node {
            if test(current) { return true }
            node = current.parent
        }
        return false
    }

    package var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            result.append(MarkdownNode(node))
            child = cmark_node_next(node)
        }
        return result
    }

    /// The text a reader sees, markup removed (for heading ids, alt text and titles).
    package var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    private func appendPlainText(to text: inout String) {
        switch type {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += literal
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
        default: for child in children { child.appendPlainText(to: &text) }
        }
    }

    /// Replaces this node by raw HTML that cmark writes as is (a custom block or inline),
    /// and frees this node. Returns the new node.
    @discardableResult
    package func replace(withHTML html: String, inline: Bool) -> MarkdownNode? {
        guard let replacement = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)
        else { return nil }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_replace(pointer, replacement)
        cmark_node_free(pointer)
        return MarkdownNode(replacement)
    }

    /// The HTML a custom node (`replace(withHTML:)`) is written as.
    package func setCustomHTML(_ html: String) { cmark_node_set_on_enter(pointer, html) }

    /// Cuts a paragraph after its `count`th line: the inline nodes after that line break go
    /// into a new paragraph (not in the tree), and the break is dropped. Nil, and nothing
    /// changed, when a break before it lies inside a span (an emphasis over two lines).
    package func splitLines(after count: Int) -> MarkdownNode? {
        var breaks = 0
        var cut: MarkdownNode?
        for node in children {
            if node.type == CMARK_NODE_SOFTBREAK || node.type == CMARK_NODE_LINEBREAK {
                breaks += 1
                if breaks == count { cut = node; break }
            } else if node.descendants.contains(where: { $0.type == CMARK_NODE_SOFTBREAK || $0.type == CMARK_NODE_LINEBREAK }) {
                return nil
            }
        }
        guard let cut else { return nil }
        let rest = MarkdownNode.make(CMARK_NODE_PARAGRAPH)
        var node = cut.next
        while let current = node {
            node = current.next
            current.unlink()
            rest.append(current)
        }
        cut.delete()
        return rest
    }

    /// Ancestors, nearest first.
    package var ancestors: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var node = parent
        while let current = node {
            result.append(current)
            node = current.parent
        }
        return result
    }

    /// Every node below this one, in document order (and this one first, if asked).
    package func descendants(including: Bool = false) -> [MarkdownNode] {
        var result: [MarkdownNode] = including ? [self] : []
        for child in children { result += child.descendants(including: true) }
        return result
    }

    package var descendants: [MarkdownNode] { descendants() }

    /// What a text node is cut into by an extension: text, and nodes made for it.
    package enum Piece {
        case text(String)
        case node(MarkdownNode)

        package var isNode: Bool { if case .node = self { true } else { false } }
    }

    /// Puts the pieces in this node's place (empty texts left out) and frees this node.
    package func replace(with pieces: [Piece]) {
        for piece in pieces {
            switch piece {
            case .text(let text) where !text.isEmpty: insertBefore(.text(text))
            case .node(let node): insertBefore(node)
            case .text: break
            }
        }
        delete()
    }

    /// Removes this node from the tree and frees it.
    package func delete() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}

/// Building and moving nodes, for the extensions (`Markdown/Extensions/`). Nodes are created
/// with cmark's default allocator, as parsing does, so they may move between documents.
extension MarkdownNode {
    package static func make(_ type: cmark_node_type) -> MarkdownNode { MarkdownNode(cmark_node_new(type)) }

    package static func text(_ literal: String) -> MarkdownNode {
        let node = make(CMARK_NODE_TEXT)
        cmark_node_set_literal(node.pointer, literal)
        return node
    }

    /// A node cmark writes as `enter`, its children, then `exit`.
    package static func custom(inline: Bool, enter: String, exit: String = "") -> MarkdownNode {
        let node = make(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(node.pointer, enter)
        cmark_node_set_on_exit(node.pointer, exit)
        return node
    }

    package var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    package var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    package var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }
    package var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    package var lastChild: MarkdownNode? { cmark_node_last_child(pointer).map(MarkdownNode.init) }

    package func setLiteral(_ text: String) { cmark_node_set_literal(pointer, text) }
    package func setURL(_ url: String) { cmark_node_set_url(pointer, url) }
    package func insertBefore(_ node: MarkdownNode) { cmark_node_insert_before(pointer, node.pointer) }
    package func insertAfter(_ node: MarkdownNode) { cmark_node_insert_after(pointer, node.pointer) }
    package func append(_ child: MarkdownNode) { cmark_node_append_child(pointer, child.pointer) }
    package func prepend(_ child: MarkdownNode) { cmark_node_prepend_child(pointer, child.pointer) }
    package func unlink() { cmark_node_unlink(pointer) }

    /// Moves `nodes` (siblings, in order) into this node, at its end.
    package func adopt(_ nodes: [MarkdownNode]) {
        for node in nodes {
            node.unlink()
            append(node)
        }
    }

    /// Inside a link, an image or a code span: where no extension adds markup.
    package var isInLinkOrImage: Bool { hasAncestor { $0.type == CMARK_NODE_LINK || $0.type == CMARK_NODE_IMAGE } }
}
