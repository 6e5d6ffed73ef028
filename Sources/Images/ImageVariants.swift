import Foundation
import BlogCore

/// One file of an image's published forms.
public struct ImageVariant: Sendable, Hashable {
    public var format: ImageFormat
    public var width: Int
    public var height: Int
    public var bytes: Int
    /// Site-relative path of the file made (in the state folder); nil for the source file,
    /// published as it is.
    public var file: String?
}

/// Everything an image is published as: its full-size file and the variants `srcset`s list.
public struct ImageVariants: Sendable, Hashable {
    /// As shown (upright), full size.
    public var width: Int
    public var height: Int
    /// The format of the `<img>`: the source's own, or JPEG for HEIC.
    public var format: ImageFormat
    public var animated: Bool
    /// The full-size file published at the image's own address, stripped or turned upright;
    /// nil when the source is published as it is.
    public var original: String?
    /// Every variant, widths ascending within each format.
    public var variants: [ImageVariant]

    /// The formats offered besides the `<img>`'s, in the order of `settings.formats`.
    public func extraFormats(_ order: [ImageFormat]) -> [ImageFormat] {
        order.filter { format in format != self.format && variants.contains { $0.format == format } }
    }

    public func variants(in format: ImageFormat) -> [ImageVariant] {
        variants.filter { $0.format == format }.sorted { $0.width < $1.width }
    }

    /// The `<img>` format's narrowest variant at least `width` wide, else its widest (a
    /// feed's, a social card's).
    public func atLeast(_ width: Int) -> ImageVariant? {
        let own = variants(in: format)
        return own.first { $0.width >= width } ?? own.last
    }
}

/// What to make of an image: pure, from its header and the settings.
enum VariantPlan {
    /// The configured widths below the image's, and its own when it is not wider than the
    /// largest: never enlarged.
    static func widths(full: Int, settings: ImageSettings) -> [Int] {
        let below = settings.widths.filter { $0 < full }
        return full <= (settings.widths.max() ?? full) ? below + [full] : below
    }

    /// Whether the full-size file must be made again rather than published as it is: it
    /// carries metadata (GPS…), is turned by EXIF, or is HEIC, which browsers other than
    /// Safari do not show.
    static func remakesOriginal(_ header: ImageHeader, settings: ImageSettings) -> Bool {
        if header.animated { return false }
        if header.format != header.format.fallback { return true }
        if settings.keepMetadata { return false }
        return header.hasPrivateMetadata || header.orientation != 1
    }

    /// The formats offered besides the `<img>`'s: an animation only as WebP (AVIF animation
    /// is not written by libheif here).
    static func extraFormats(_ header: ImageHeader, settings: ImageSettings) -> [ImageFormat] {
        let formats = settings.formats.filter { $0 != header.format.fallback }
        return header.animated ? formats.filter { $0 == .webp } : formats
    }
}
