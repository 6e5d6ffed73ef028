import Foundation
import BlogCore

/// `image:` of the front matter: the picture a post's social card shows instead of its first
/// image. Resolved as an image of the body is (beside the post, from `static/`, or another
/// site's URL), so the file is published with the post and a wrong path is an error at its line.
extension LinkResolver {
    package enum CardImage {
        case found(LeadImage, asset: Asset?)
        case problem(String)
    }

    package func cardImage(_ written: String) -> CardImage {
        let found = cardImage(resolving: written)
        // Jekyll's SEO tag and Hugo's templates read `img/a.png` from the site's root, a page
        // bundle's resource first: both are tried, the post's folder first.
        if case .problem = found, !written.hasPrefix("/"), !written.contains(":"),
            case .found(let image, let asset) = cardImage(resolving: "/" + written)
        {
            return .found(image, asset: asset)
        }
        return found
    }

    private func cardImage(resolving written: String) -> CardImage {
        switch resolve(written, isImage: true) {
        case .keep:
            guard written.hasPrefix("https://") || written.hasPrefix("http://") else {
                return .problem("image '\(written)' is not a file of the site nor an http(s) URL")
            }
            return .found(LeadImage(path: written, isExternal: true, size: nil), asset: nil)
        case .asset(let asset, _):
            return .found(LeadImage(path: asset.outputPath, isExternal: false, size: size(of: asset.sourcePath)), asset: asset)
        case .rewrite(_, let linkedSource):
            let sitePath = SitePath.normalize(written) ?? written
            guard linkedSource == nil, files.staticFiles.contains("static/" + sitePath) else {
                return .problem("image '\(written)' is a page, not an image")
            }
            return .found(LeadImage(path: sitePath, isExternal: false, size: size(of: "static/" + sitePath)), asset: nil)
        case .unverified(_, let lookedIn):
            let also = written.hasPrefix("/") || written.contains(":") ? "" : " and static/"
            return .problem("image '\(written)' not found (looked in \(lookedIn)\(also))")
        case .problem(let message):
            return .problem(message)
        }
    }

    /// From the header, unless a JPEG carries a large thumbnail before its frame.
    package func size(of sitePath: String) -> ImageSize? {
        let path = SitePath.join(files.root, sitePath)
        return files.fileSystem.prefix(of: path, length: 64 * 1024).flatMap(ImageSize.read)
            ?? (try? files.fileSystem.contents(of: path)).flatMap(ImageSize.read)
    }
}
