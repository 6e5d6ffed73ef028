import BlogCore
import BlogMarkdown

/// The HTML of a post, and its excerpt: what stands before `<!--more-->` (Hexo's
/// `<!-- more -->` too), else the first
/// paragraph. Blocks are rendered one by one, so the excerpt is whole blocks, never a cut tag.
package struct ExcerptSplit {
    package var content = ""
    package var excerpt = ""
    package var excerptText = ""
    package var hasMore = false

    package static let moreMarker = "<!--more-->"

    package static func isMore(_ html: String) -> Bool {
        html.contains(moreMarker) || html.replacingOccurrences(of: " ", with: "").contains(moreMarker)
    }

    package init(_ document: MarkdownDocument) {
        let blocks = document.blocks
        let marker = blocks.firstIndex { $0.kind == .htmlBlock && Self.isMore($0.literal) }
        let excerptBlocks: Range<Int>
        if let marker {
            excerptBlocks = 0..<marker
        } else if let paragraph = blocks.firstIndex(where: { $0.kind == .paragraph }) {
            excerptBlocks = paragraph..<paragraph + 1
        } else {
            excerptBlocks = 0..<0
        }
        for (i, block) in blocks.enumerated() where i != marker {
            let html = document.html(of: block)
            content += html
            if excerptBlocks.contains(i) {
                excerpt += html
                excerptText += (excerptText.isEmpty ? "" : " ") + trimmed(block.plainText)
            } else if i > (excerptBlocks.last ?? -1) {
                hasMore = true
            }
        }
    }
}
