import Foundation
import BlogCore
import BlogMarkdown
import Images

/// One pass over a document: rewrites link and image URLs, collects assets, cross-links,
/// problems with their lines, and the text words are counted in.
package struct DocumentWalk {
    package let post: SourcePost
    package let links: LinkResolver
    /// For a post of the feed: what each URL is in absolute style, set after the page's
    /// HTML is made (`withAbsoluteURLs`).
    package var absolute: LinkResolver?
    package var absoluteURLs: [(MarkdownNode, String)] = []
    package var absoluteImages: [(MarkdownNode, String)] = []
    /// Raw HTML whose images were rewritten, as the feed has it.
    package var absoluteHTML: [(MarkdownNode, String)] = []
    package let safe: Bool
    package var problems: [Diagnostic] = []
    package var assets: [Asset] = []
    package var linkedSources: [String] = []
    package var fragmentLinks: [FragmentLink] = []
    package var bodyLinks: [BodyLink] = []
    /// The first image, for the post's social card.
    package var image: LeadImage?
    /// For `blog check`: the largest image size without a warning, in kilobytes.
    package var checks: Int?
    /// Where local images' variants come from (`ResponsiveImage`); nil: published as they are.
    package var images: VariantStore?
    /// Images published as variants so far, Markdown and raw HTML ones in page order: the
    /// first is fetched before any other.
    package var pictures = 0
    /// The `<img>` tags of raw HTML, and whether a `<picture>` is open around them.
    package var htmlImages = HTMLImageTags()
    package var text = ""

    /// For the lines of the blocks the extensions made.
    package let document: MarkdownDocument

    /// The body's lines, for the line of a problem.
    package let bodyLines: BodyLines

    package init(post: SourcePost, body: String, links: LinkResolver, safe: Bool, document: MarkdownDocument) {
        (self.post, self.links, self.safe, self.document) = (post, links, safe, document)
        bodyLines = BodyLines(body)
    }

    package mutating func resolveURLs(in document: MarkdownDocument) {
        var images: [(MarkdownNode, String, String?)] = []
        var line = 1
        var blockEnd = 1
        for node in document.allNodes() {
            let kind = node.kind
            if kind.isBlock {
                if let range = document.lineRange(of: node) {
                    (line, blockEnd) = (range.lowerBound, range.upperBound)
                } else if node.startLine > 0 {
                    (line, blockEnd) = (node.startLine, node.endLine)
                }
                text += " "
            }
            switch kind {
            case .text, .code:
                let literal = node.literal
                if node.parent?.isImage != true { text += literal }
            case .htmlInline, .htmlBlock:
                let literal = node.literal
                if !safe {
                    let at = kind == .htmlBlock ? node.startLine : line
                    let rewritten = publishImages(in: node, html: literal, line: at, blockEnd: blockEnd)
                    addLinks(inHTML: literal, line: at, blockEnd: blockEnd, skipping: rewritten)
                }
                if kind == .htmlInline { line += literal.utf8.count(where: { $0 == 10 }) }
            case .softBreak, .lineBreak:
                line += 1
                text += " "
            case .link, .image:
                // An image in another's alt text is only text: its node goes with the outer one.
                if node.hasAncestor(where: \.isImage) { continue }
                // A table cell's text was parsed on its own: its lines are the row's.
                let inCell = node.hasAncestor { $0.kind == .customInline }
                let estimate = node.startLine > 0 && !inCell ? node.startLine : line
                let absoluteURL = absolute == nil ? nil : absoluteURL(of: node.url, isImage: node.isImage)
                if let (html, feedHTML) = resolve(node, estimate: estimate, blockEnd: blockEnd) {
                    images.append((node, html, feedHTML ?? absoluteURL.map { Self.absoluteImage(html, src: node.url, absolute: $0) }))
                } else if let absoluteURL {
                    absoluteURLs.append((node, absoluteURL))
                }
            default:
                break
            }
        }
        // Replaced only now: replacing frees the image's alt-text nodes, still ahead in the walk.
        for (node, html, absoluteHTML) in images {
            let replacement = node.replace(withHTML: html, inline: true)
            if let replacement, let absoluteHTML { absoluteImages.append((replacement, absoluteHTML)) }
        }
    }

    /// `href` and `src` of raw HTML (which cmark passes through untouched), each on its line.
    /// `skipping`: the tags of images published as variants, whose `src` the page no longer has.
    private mutating func addLinks(inHTML html: String, line: Int, blockEnd: Int, skipping rewritten: [Range<Int>]) {
        // Line breaks counted as the references come, in order: once over the block.
        var (before, counted) = (0, 0)
        for reference in HTMLLinks.references(in: html) where !rewritten.contains(where: { $0.contains(reference.offset) }) {
            if reference.offset > counted {
                before += html.utf8.dropFirst(counted).prefix(reference.offset - counted).count(where: { $0 == 10 })
                counted = reference.offset
            }
            bodyLinks.append(BodyLink(
                url: reference.value, written: reference.value, isImage: false, lookedIn: nil, check: true,
                estimate: line + before, blockEnd: max(blockEnd, line + before)))
        }
    }

    /// Rewrites the node's URL; for a local image, returns the `<img>` or `<picture>` that
    /// replaces it, and for a `<picture>` what replaces it in the feed.
    private mutating func resolve(_ node: MarkdownNode, estimate: Int, blockEnd: Int) -> (String, String?)? {
        let (lines, written) = (bodyLines, node.url)
        let line = { lines.locate(written, from: estimate, to: blockEnd) }
        if checks != nil { check(node, line: line) }
        func listed(_ url: String, check: Bool, lookedIn: String? = nil) -> BodyLink {
            BodyLink(url: url, written: written, isImage: node.isImage, lookedIn: lookedIn, check: check,
                     estimate: estimate, blockEnd: blockEnd)
        }
        switch links.resolve(written, isImage: node.isImage) {
        case .keep:
            // Another host, but perhaps this site by its full address: the check tells.
            bodyLinks.append(listed(written, check: true))
            if node.isImage, image == nil, written.hasPrefix("https://") || written.hasPrefix("http://") {
                image = LeadImage(path: written, isExternal: true, size: nil)
            }
            return nil
        case .rewrite(let url, let linkedSource):
            // An image of `static/` (`/img/photo.jpg`) is published as variants too, beside itself.
            if node.isImage, linkedSource == nil, let asset = links.staticAsset(written),
                let html = publishedAsVariants(asset, url: url, node: node, written: written, line: line)
            {
                bodyLinks.append(listed(node.url, check: false))
                return html
            }
            node.url = url
            bodyLinks.append(listed(url, check: false))
            if let linkedSource { linkedSources.append(linkedSource) }
            return nil
        case .unverified(let url, let lookedIn):
            node.url = url
            bodyLinks.append(listed(url, check: true, lookedIn: lookedIn))
            return nil
        case .asset(let asset, let url):
            let path = SitePath.join(links.files.root, asset.sourcePath)
            if node.isImage, let html = publishedAsVariants(asset, url: url, node: node, written: written, line: line) {
                bodyLinks.append(listed(node.url, check: false))
                return html
            }
            node.url = url
            assets.append(asset)
            bodyLinks.append(listed(url, check: false))
            guard node.isImage else { return nil }
            let fileSystem = links.files.fileSystem
            // The header is enough, unless a JPEG carries a large thumbnail before its frame.
            let size = fileSystem.prefix(of: path, length: 64 * 1024).flatMap(ImageSize.read)
                ?? (try? fileSystem.contents(of: path)).flatMap(ImageSize.read)
            if image == nil { image = LeadImage(path: asset.outputPath, isExternal: false, size: size) }
            if size == nil {
                problems.append(.warning(post.sourcePath, line: line() + post.bodyLineOffset, "cannot read the size of image '\(asset.sourcePath)' (a damaged file, or a header that says 0×0); it has no width and height"))
            }
            if asset.sourcePath.lowercased().hasSuffix(".svg"), let data = try? fileSystem.contents(of: path),
                let script = ImageSize.svgScript(data)
            {
                // Shown in an <img> it cannot run, but opened on its own it runs at the site's
                // address: with `safe: true` the writer asked for no raw HTML, so no script.
                let message = "image '\(asset.sourcePath)' holds \(script): opened on its own, it runs as a script of your site"
                problems.append(safe
                    ? .error(post.sourcePath, line: line() + post.bodyLineOffset, message + " (markdown: {safe: true} refuses it)")
                    : .warning(post.sourcePath, line: line() + post.bodyLineOffset, message))
            }
            return (imageTag(src: url, alt: node.plainText, title: node.title, size: size), nil)
        case .problem(let message):
            problems.append(.error(post.sourcePath, line: line() + post.bodyLineOffset, message))
            return nil
        }
    }

    /// `blog check`: alt text, image size, and links to headings (checked once all are known).
    private mutating func check(_ node: MarkdownNode, line: () -> Int) {
        let url = node.url
        if node.isImage && trimmed(node.plainText).isEmpty {
            problems.append(.warning(post.sourcePath, line: line() + post.bodyLineOffset, "image '\(url)' has no alt text (say what it shows, for readers who cannot see it)"))
        }
        // An image published as variants is measured by them (`pictureHTML`).
        if node.isImage, images == nil || url.hasSuffix(Self.optOut), let limit = checks,
            case .asset(let asset, _) = links.resolve(url, isImage: true),
            let size = try? FileManager.default.attributesOfItem(atPath: SitePath.join(links.files.root, asset.sourcePath))[.size] as? Int,
            size > limit * 1024
        {
            problems.append(.warning(post.sourcePath, line: line() + post.bodyLineOffset, "image '\(url)' is \(size / 1024) KB, over check.max_image_kb (\(limit) KB)"))
        }
        guard node.isLink, let hash = url.firstIndex(of: "#") else { return }
        let fragment = String(url[url.index(after: hash)...])
        let decoded = fragment.removingPercentEncoding ?? fragment
        let before = String(url[..<hash])
        if before.isEmpty {
            fragmentLinks.append(FragmentLink(target: post.sourcePath, fragment: decoded, line: line() + post.bodyLineOffset))
        } else if before.hasSuffix(".md") || links.index.sourceByAlias[before] != nil {
            let path = before.removingPercentEncoding ?? before
            let target = links.index.sourceByAlias[path]
                ?? SitePath.normalize(path.hasPrefix("/") ? path : SitePath.join(post.folder, path)) ?? path
            fragmentLinks.append(FragmentLink(target: target, fragment: decoded, line: line() + post.bodyLineOffset))
        }
    }

    func imageTag(src: String, alt: String, title: String, size: ImageSize?) -> String {
        var tag = "<img src=\"\(escapeHTML(src))\" alt=\"\(escapeHTML(alt))\""
        if !title.isEmpty { tag += " title=\"\(escapeHTML(title))\"" }
        if let size { tag += " width=\"\(size.width)\" height=\"\(size.height)\"" }
        return tag + " loading=\"lazy\" />"
    }
}

/// Runs of spaces and line ends as one space (what is left around a removed image).
package func collapsingWhitespace(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}
