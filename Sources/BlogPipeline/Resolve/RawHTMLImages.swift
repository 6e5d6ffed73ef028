import BlogCore
import BlogMarkdown

/// A raw HTML `<img>` of a local raster image (`<img src="a.png" width="50%">`, common in
/// Hexo and Jekyll posts) published as a Markdown image is, keeping the writer's attributes.
extension DocumentWalk {
    /// Rewrites the `<img>` tags of a raw HTML node, on the page and (for a post of the feed)
    /// in the feed; returns where the rewritten tags stood in `html`, whose `src` the page no
    /// longer has.
    mutating func publishImages(in node: MarkdownNode, html: String, line: Int, blockEnd: Int) -> [Range<Int>] {
        let tags = htmlImages.tags(in: html)
        guard !tags.isEmpty else { return [] }
        let bytes = Array(html.utf8)
        var (page, feed, cursor, rewritten) = ([UInt8](), [UInt8](), 0, [Range<Int>]())
        for tag in tags {
            let tagLine = line + bytes[..<tag.range.lowerBound].count(where: { $0 == 10 })
            guard let (html, feedHTML) = published(tag, line: tagLine, blockEnd: blockEnd) else { continue }
            let before = bytes[cursor..<tag.range.lowerBound]
            page += before + Array(html.utf8)
            feed += before + Array((feedHTML ?? html).utf8)
            cursor = tag.range.upperBound
            rewritten.append(tag.range)
        }
        guard !rewritten.isEmpty else { return [] }
        node.setLiteral(String(decoding: page + bytes[cursor...], as: UTF8.self))
        if absolute != nil { absoluteHTML.append((node, String(decoding: feed + bytes[cursor...], as: UTF8.self))) }
        return rewritten
    }

    /// The page's and the feed's HTML for one tag; nil leaves it as written: the writer chose
    /// its files (a `srcset`, a `<picture>` around it), or it is no image of the site that
    /// blog resizes (another host's, an SVG, a bad file, which a warning names).
    private mutating func published(_ tag: HTMLImageTags.Tag, line: Int, blockEnd: Int) -> (String, String?)? {
        let at = line + post.bodyLineOffset
        guard tag.isClosed else {
            problems.append(.warning(post.sourcePath, line: at, "an <img> tag has no closing '>'; it is left as written, without variants"))
            return nil
        }
        if tag.insidePicture || tag.value("srcset") != nil { return nil }
        guard let src = tag.value("src").map({ HTMLLinks.decodeEntities(trimmed($0)) }), !src.isEmpty else {
            problems.append(.warning(post.sourcePath, line: at, "an <img> has no src; it is left as written"))
            return nil
        }
        let (asset, url, beside): (Asset, String, Bool)
        switch links.resolve(src, isImage: true) {
        case .asset(let found, let resolved):
            (asset, url, beside) = (found, resolved, true)
        case .rewrite(let resolved, nil):
            guard let found = links.staticAsset(src) else { return nil }
            (asset, url, beside) = (found, resolved, false)
        default:
            return nil  // another host's, or none: the check of the finished site tells
        }
        let optedOut = src.hasSuffix(Self.optOut)
        guard let (image, _) = responsive(asset, url: optedOut ? String(url.dropLast(Self.optOut.count)) : url, line: { line }) else {
            // Published as it is, where its `src` finds it (a post that is no bundle too).
            if beside { assets.append(asset) }
            return nil
        }
        bodyLinks.append(BodyLink(url: links.url(image.output), written: src, isImage: true, check: false,
                                  estimate: line, blockEnd: max(blockEnd, line)))
        return publish(image, optedOut: optedOut, attributes: ImageAttributes(written: tag.attributes), written: src, line: { line })
    }
}
