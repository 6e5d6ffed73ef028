import Foundation
import BlogCore
import BlogMarkdown
import Images

/// An image published as variants: where each of its files goes (the full-size file at the
/// image's own address, the others under `assets/images/`), and how pages, the feed and the
/// social card show it.
package struct ResponsiveImage {
    package let variants: ImageVariants
    /// Where the full-size image is published (a HEIC photo as `.jpg`).
    package let output: String
    private let source: String
    private let order: [ImageFormat]

    /// What `sizes` says: the theme's column, the screen less its margins on a phone.
    package static let sizes = "(max-width: 40rem) calc(100vw - 2rem), 40em"

    package init(_ variants: ImageVariants, asset: Asset, order: [ImageFormat]) {
        (self.variants, self.source, self.order) = (variants, asset.sourcePath, order)
        let path = asset.outputPath as NSString
        // Only a HEIC photo, published in another format, gets a name that says so: any other
        // file keeps its address (a WebP named `.png` too), which other pages may link to.
        let renamed = ImageFormat(fileName: asset.outputPath) == .heic && variants.format != .heic
        output = renamed ? path.deletingPathExtension + "." + variants.format.fileExtension : asset.outputPath
    }

    /// Where variants are published: one folder per store entry, that is per image's bytes
    /// and settings (as Zola's `processed_images/` and Eleventy's `img/` do). An image shown
    /// by many posts is published, and fetched by a reader, once; an address never changes
    /// its bytes, so a server may cache it for good.
    package static let variantsFolder = "assets/images"

    /// The output path of a variant, `assets/images/<entry>/photo-480w.webp`; the full-size
    /// file is the original's own.
    package func path(of variant: ImageVariant) -> String {
        guard let file = variant.file, file != variants.original else { return output }
        let entry = ((file as NSString).deletingLastPathComponent as NSString).lastPathComponent
        let name = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
        return "\(Self.variantsFolder)/\(entry)/\(name)-\(variant.width)w.\(variant.format.fileExtension)"
    }

    /// Every file to publish, each made from the image (the source itself when published
    /// as it is).
    package var assets: [Asset] {
        var result = [Asset(sourcePath: variants.original ?? source, outputPath: output,
                            madeFrom: variants.original == nil ? nil : source)]
        for variant in variants.variants {
            guard let file = variant.file, file != variants.original else { continue }
            result.append(Asset(sourcePath: file, outputPath: path(of: variant), madeFrom: source))
        }
        return result
    }

    /// `<picture>` with a `<source>` per format and an `<img>` in the image's own; the first
    /// image of a page is fetched first, the others when they come near the screen.
    /// The attributes are the writer's (a Markdown image's alt and title, a raw `<img>`'s
    /// own): those it sets (a `width`, `loading`, `sizes`) are theirs, not the image's.
    package func html(url: (String) -> String, attributes: ImageAttributes, first: Bool) -> String {
        let sizes = attributes.value("sizes") ?? Self.sizes
        func srcset(_ format: ImageFormat) -> String {
            variants.variants(in: format).map { "\(escapeHTML(url(path(of: $0)))) \($0.width)w" }.joined(separator: ", ")
        }
        // Nothing to choose from (a small image that no other format makes smaller): a plain `<img>`.
        let own = variants.variants(in: variants.format)
        let extras = variants.extraFormats(order)
        var html = extras.isEmpty ? "" : "<picture>"
        for format in extras {
            html += "<source type=\"\(format.mimeType)\" srcset=\"\(srcset(format))\"" + ImageAttributes.text("sizes", sizes) + " />"
        }
        let shown = own.last
        html += "<img src=\"\(escapeHTML(url(shown.map(path(of:)) ?? output)))\""
        let chosen = own.count > 1 || !extras.isEmpty
        if chosen { html += " srcset=\"\(srcset(variants.format))\"" + ImageAttributes.text("sizes", sizes) }
        html += attributes.text(except: chosen ? "sizes" : "")
        html += attributes.size(width: shown?.width ?? variants.width, height: shown?.height ?? variants.height)
        html += attributes.loading(first: first)
        return html + (extras.isEmpty ? " />" : " /></picture>")
    }

    /// One `<img>` with an absolute `src` near the width of a feed reader's column.
    package func feedHTML(url: (String) -> String, attributes: ImageAttributes) -> String {
        let shown = variants.atLeast(Self.feedWidth)
        return "<img src=\"\(escapeHTML(url(shown.map(path(of:)) ?? output)))\"" + attributes.text(except: "sizes")
            + attributes.size(width: shown?.width ?? variants.width, height: shown?.height ?? variants.height) + " />"
    }

    /// The file a social card shows: a variant at least the 1200 px Open Graph asks for, when one is.
    package var lead: LeadImage {
        let shown = variants.atLeast(1200)
        return LeadImage(
            path: shown.map(path(of:)) ?? output, isExternal: false,
            size: ImageSize(width: shown?.width ?? variants.width, height: shown?.height ?? variants.height))
    }

    /// The full-size file, for a card of an image opted out of variants.
    package var original: LeadImage {
        LeadImage(path: output, isExternal: false, size: ImageSize(width: variants.width, height: variants.height))
    }

    static let feedWidth = 960
}

/// Local images as variants, in the walk over a post.
extension DocumentWalk {
    /// `![a](photo.jpg#original)`: the full-size file alone, in a plain `<img>`.
    package static let optOut = "#original"

    /// The HTML of an image published as variants (or, with `#original`, its full-size file
    /// alone), its files added to the post's; nil when it is published as it is. Sets the
    /// node's URL to the full-size file's.
    mutating func publishedAsVariants(_ asset: Asset, url: String, node: MarkdownNode, written: String, line: () -> Int)
        -> (String, String?)?
    {
        let optedOut = url.hasSuffix(Self.optOut)
        guard let (image, suffix) = responsive(asset, url: optedOut ? String(url.dropLast(Self.optOut.count)) : url, line: line)
        else { return nil }
        node.url = links.url(image.output) + suffix
        return publish(image, optedOut: optedOut, attributes: ImageAttributes(alt: node.plainText, title: node.title), written: written, line: line)
    }

    /// The page's and the feed's HTML of an image, its files added to the post's.
    mutating func publish(_ image: ResponsiveImage, optedOut: Bool, attributes: ImageAttributes, written: String, line: () -> Int)
        -> (String, String?)
    {
        assets += optedOut ? [image.assets[0]] : image.assets
        if self.image == nil { self.image = optedOut ? image.original : image.lead }
        return optedOut ? originalHTML(image, attributes: attributes) : pictureHTML(image, attributes: attributes, written: written, line: line)
    }

    /// The image's variants, or nil when it is published as it is: an SVG, or an image that cannot be read or decoded (a warning naming it says why).
    mutating func responsive(_ asset: Asset, url: String, line: () -> Int) -> (ResponsiveImage, String)? {
        guard let images else { return nil }
        let suffix = String(url.dropFirst(links.url(asset.outputPath).count))
        let made: Result<ImageVariants, ImageProblem>
        if let ahead = images.madeAhead(asset.sourcePath) {
            made = ahead
        } else {
            let data: Data
            do {
                data = try links.files.fileSystem.contents(of: SitePath.join(links.files.root, asset.sourcePath))
            } catch {
                problems.append(.warning(asset.sourcePath, "cannot be read (\(error)); used by \(post.sourcePath):\(line() + post.bodyLineOffset)"))
                return nil
            }
            // Only the formats blog decodes go to the decoder; an SVG (or text named .png) does not.
            guard ImageFormat.sniff(data) != nil else { return nil }
            made = images.variants(of: data)
        }
        switch made {
        case .success(let variants):
            return (ResponsiveImage(variants, asset: asset, order: images.settings.formats), suffix)
        case .failure(let problem):
            problems.append(.warning(asset.sourcePath, "\(problem.message); published as it is, without variants (used by \(post.sourcePath):\(line() + post.bodyLineOffset))"))
            return nil
        }
    }

    /// `#original`: a plain `<img>` of the full-size file (published as every copy is:
    /// upright, without metadata), on the page and in the feed.
    func originalHTML(_ image: ResponsiveImage, attributes: ImageAttributes) -> (String, String?) {
        func tag(_ src: String) -> String {
            "<img src=\"\(escapeHTML(src))\"" + attributes.text(except: "") + attributes.size(width: image.variants.width, height: image.variants.height)
                + (attributes.has("loading") ? "" : " loading=\"lazy\"") + " />"
        }
        return (tag(links.url(image.output)), absolute.map { tag($0.url(image.output)) })
    }

    /// The page's `<picture>` and the feed's `<img>`; for `blog check`, a warning when even
    /// the smallest file is over `check.max_image_kb`.
    mutating func pictureHTML(_ image: ResponsiveImage, attributes: ImageAttributes, written: String, line: () -> Int) -> (String, String?) {
        let html = image.html(url: links.url, attributes: attributes, first: pictures == 0)
        pictures += 1
        let feed = absolute.map { image.feedHTML(url: $0.url, attributes: attributes) }
        if let limit = checks, let smallest = image.variants.variants.map(\.bytes).min(), smallest > limit * 1024 {
            problems.append(.warning(post.sourcePath, line: line() + post.bodyLineOffset, "image '\(written)' is still \(smallest / 1024) KB in its smallest variant, over check.max_image_kb (\(limit) KB)"))
        }
        return (html, feed)
    }
}
