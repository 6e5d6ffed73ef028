import CCmark
import Foundation

/// A small Swift face over a cmark document tree: parse, walk, edit, render.
/// A document belongs to one thread at a time (cmark trees are not thread-safe); each post
/// is parsed and rendered within one task.
final class MarkdownDocument {
    let root: OpaquePointer
    /// cmark render options (safe or unsafe raw HTML).
    let renderOptions: Int32

    init(_ markdown: String, safe: Bool) {
        renderOptions = safe ? CMARK_OPT_DEFAULT : CMARK_OPT_UNSAFE
        var markdown = markdown
        // The length in bytes, not strlen: a NUL inside the text must not end the document
        // (cmark itself turns it into U+FFFD).
        root = markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                cmark_parse_document(text.baseAddress, text.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8)
            }
        }
    }

    deinit { cmark_node_free(root) }

    /// Top-level blocks, in order.
    var blocks: [MarkdownNode] { MarkdownNode(root).children }

    /// Every node of the tree in document order (each once, on entering).
    func allNodes() -> [MarkdownNode] {
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
    func html(of node: MarkdownNode) -> String {
        guard let html = cmark_render_html(node.pointer, renderOptions) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }
}

/// A node of a `MarkdownDocument`. Valid while its document lives.
struct MarkdownNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var isHeading: Bool { type == CMARK_NODE_HEADING }
    var isImage: Bool { type == CMARK_NODE_IMAGE }
    var isLink: Bool { type == CMARK_NODE_LINK }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    /// The 1-based line of the node within the Markdown it was parsed from.
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }

    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }

    func hasAncestor(where test: (MarkdownNode) -> Bool) -> Bool {
        var node = parent
        while let current = node {
            if test(current) { return true }
            node = current.parent
        }
        return false
    }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(pointer)
        while let node = child {
            result.append(MarkdownNode(node))
            child = cmark_node_next(node)
        }
        return result
    }

    /// The text a reader sees, markup removed (for heading ids, alt text and titles).
    var plainText: String {
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
    func replace(withHTML html: String, inline: Bool) -> MarkdownNode? {
        guard let replacement = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)
        else { return nil }
        cmark_node_set_on_enter(replacement, html)
        cmark_node_replace(pointer, replacement)
        cmark_node_free(pointer)
        return MarkdownNode(replacement)
    }

    /// The HTML a custom node (`replace(withHTML:)`) is written as.
    func setCustomHTML(_ html: String) { cmark_node_set_on_enter(pointer, html) }

    /// Removes this node from the tree and frees it.
    func delete() {
        cmark_node_unlink(pointer)
        cmark_node_free(pointer)
    }
}
