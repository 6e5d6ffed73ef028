import CCmark
import Foundation
import BlogCore

/// An image alone in its paragraph, with a title (`![alt](a.png "A caption")`) or an alt text
/// that describes it, becomes a `<figure>` with that text as its `<figcaption>` — as Pandoc,
/// Hexo's NexT and Butterfly show it. Alt texts that only name a file (`image-20210307.png`,
/// `截图`) are not captions. The image itself stays the node it was, so resolving its URL and
/// writing its tag are left to the steps after.
package struct Figures {
    let document: MarkdownDocument

    package func apply() {
        for paragraph in document.allNodes() where paragraph.type == CMARK_NODE_PARAGRAPH {
            guard let image = Self.loneImage(in: paragraph), let caption = Self.caption(of: image) else { continue }
            let figure = MarkdownNode.custom(
                inline: false, enter: "<figure>",
                exit: "<figcaption>" + escapeHTML(caption) + "</figcaption></figure>")
            paragraph.insertBefore(figure)
            for child in paragraph.children {
                child.unlink()
                figure.append(child)
            }
            // Lines of errors inside it are still found: the inline nodes keep theirs.
            if let range = document.lineRange(of: paragraph) {
                document.lineRanges[figure.pointer] = range
            } else if paragraph.startLine > 0 {
                document.lineRanges[figure.pointer] = paragraph.startLine...max(paragraph.startLine, paragraph.endLine)
            }
            paragraph.delete()
        }
    }

    /// The image, or the image inside a link (`[![a](b.png)](big.png)`), when it is all the
    /// paragraph holds but spaces.
    static func loneImage(in paragraph: MarkdownNode) -> MarkdownNode? {
        let meaningful = paragraph.children.filter { node in
            switch node.type {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return false
            case CMARK_NODE_TEXT: return !node.literal.allSatisfy(\.isWhitespace)
            default: return true
            }
        }
        guard meaningful.count == 1, let only = meaningful.first else { return nil }
        if only.isImage { return only }
        if only.type == CMARK_NODE_LINK, only.children.count == 1, let inner = only.children.first, inner.isImage { return inner }
        return nil
    }

    /// The title, else an alt text that reads as words about the picture.
    static func caption(of image: MarkdownNode) -> String? {
        let title = trimmed(image.title)
        if !title.isEmpty { return title }
        let alt = trimmed(image.plainText)
        return isDescription(alt, url: image.url) ? alt : nil
    }

    /// Not a file's name (nor the image's own), nor one of the words editors put in by default.
    static func isDescription(_ alt: String, url: String) -> Bool {
        guard alt.count >= 2 else { return false }
        let lower = alt.lowercased()
        let fileName = (url.split(separator: "/").last.map(String.init) ?? url).lowercased()
        let stem = (fileName as NSString).deletingPathExtension
        if lower == fileName || lower == stem { return false }
        if lower.range(of: #"\.(png|jpe?g|gif|webp|avif|svg|bmp|heic|tiff?)$"#, options: .regularExpression) != nil { return false }
        // What Typora, Obsidian and the Hexo editors write when the writer wrote nothing.
        if lower.range(of: #"^(image|img|picture|pic|photo|screenshot|screen shot|untitled|图片|图像|截图|插图|image-?\d[\d\-_ ]*|img[-_]?\d+|pasted image.*|截屏.*|屏幕截图.*)$"#, options: .regularExpression) != nil {
            return false
        }
        return true
    }
}
