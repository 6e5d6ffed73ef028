import CCmark
import BlogCore

/// What a node of the Markdown tree is, as the stages after this one see it: cmark's node
/// types in Swift, so that nothing but the Markdown stage imports cmark.
public enum NodeKind: Sendable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
    case none

    package init(_ type: cmark_node_type) {
        switch type {
        case CMARK_NODE_DOCUMENT: self = .document
        case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
        case CMARK_NODE_LIST: self = .list
        case CMARK_NODE_ITEM: self = .item
        case CMARK_NODE_CODE_BLOCK: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: self = .customBlock
        case CMARK_NODE_PARAGRAPH: self = .paragraph
        case CMARK_NODE_HEADING: self = .heading
        case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
        case CMARK_NODE_TEXT: self = .text
        case CMARK_NODE_SOFTBREAK: self = .softBreak
        case CMARK_NODE_LINEBREAK: self = .lineBreak
        case CMARK_NODE_CODE: self = .code
        case CMARK_NODE_HTML_INLINE: self = .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: self = .customInline
        case CMARK_NODE_EMPH: self = .emphasis
        case CMARK_NODE_STRONG: self = .strong
        case CMARK_NODE_LINK: self = .link
        case CMARK_NODE_IMAGE: self = .image
        default: self = .none
        }
    }

    /// A block (paragraph, heading, list…) rather than an inline (text, link…).
    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading, .thematicBreak: true
        default: false
        }
    }
}

extension MarkdownNode {
    /// What the node is.
    package var kind: NodeKind { NodeKind(type) }

    /// A code block's info string (`go {linenos=true}`), empty for other nodes.
    package var fenceInfo: String { cmark_node_get_fence_info(pointer).map { String(cString: $0) } ?? "" }
}

extension MarkdownDocument {
    /// The lines of the source a node made by an extension stands for (cmark has none for it).
    package func lineRange(of node: MarkdownNode) -> ClosedRange<Int>? { lineRanges[node.pointer] }

    package func setLineRange(_ lines: ClosedRange<Int>, of node: MarkdownNode) { lineRanges[node.pointer] = lines }

    /// The id the writer gave a heading (`## Title {#id}`).
    package func headingID(of node: MarkdownNode) -> String? { headingIDs[node.pointer] }
}
