import Foundation

/// The raster formats blog reads and writes, by their magic bytes rather than their names.
public enum ImageFormat: String, Sendable, CaseIterable, Hashable {
    case jpeg, png, gif, webp, avif, heic

    /// The extension of a file blog writes in this format.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    public var mimeType: String { "image/" + rawValue }

    /// What a browser shows in an `<img>` of every browser: HEIC is Safari's alone, so a HEIC
    /// photo falls back to JPEG.
    public var fallback: ImageFormat { self == .heic ? .jpeg : self }

    /// The format a file's name says (`photo.JPG`, `night.heif`); nil for any other name.
    public init?(fileName: String) {
        switch (fileName as NSString).pathExtension.lowercased() {
        case "jpg", "jpeg": self = .jpeg
        case "heif": self = .heic
        case let other: self.init(rawValue: other)
        }
    }

    /// The format of an image's bytes, from their first bytes; nil for anything else (SVG, a
    /// PDF or text named `.jpg`), which is never handed to a decoder.
    public static func sniff(_ data: Data) -> ImageFormat? {
        let b = [UInt8](data.prefix(12))
        guard b.count >= 12 else { return nil }
        if b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF { return .jpeg }
        if b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8)) { return .gif }
        if b.starts(with: Array("RIFF".utf8)) && Array(b[8..<12]) == Array("WEBP".utf8) { return .webp }
        guard Array(b[4..<8]) == Array("ftyp".utf8) else { return nil }
        switch String(decoding: b[8..<12], as: UTF8.self) {
        case "avif", "avis": return .avif
        case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1": return .heic
        default: return nil
        }
    }
}

/// `images:` in blog.yaml: how every local raster image of a post is published (resized,
/// re-encoded, stripped of metadata), with the defaults filled in.
public struct ImageSettings: Sendable, Hashable {
    /// `enabled: false` publishes images as they are, in a plain `<img>`.
    public var enabled = true
    /// The widths of the variants, in pixels, smallest first; an image narrower than the
    /// largest is published at its own width too, and none is ever enlarged.
    public var widths = [480, 960, 1440]
    /// The formats offered besides the image's own, best first (`<source>` order).
    public var formats: [ImageFormat] = [.avif, .webp]
    /// 1–100 for JPEG and WebP; AVIF is given 20 less, which looks alike at fewer bytes.
    public var quality = 75
    /// Keep EXIF, XMP and IPTC (GPS included) in published files; by default only the colour
    /// profile is kept.
    public var keepMetadata = false
    /// No image whose header claims more pixels than this (all frames counted) is decoded: a
    /// 30,000 × 30,000 PNG of a few kilobytes would otherwise take gigabytes.
    public var maxPixels = 50_000_000
    /// An animation of more frames than this is published as it is.
    public var maxFrames = 1_000

    public init() {}
}

extension ImageSettings {
    /// Everything a variant is made with: a change makes every variant again.
    package var digest: UInt64 {
        Digest.of { d in
            d.add(enabled)
            d.add(widths.map(String.init))
            d.add(formats.map(\.rawValue))
            d.add(quality)
            d.add(keepMetadata)
            d.add(maxPixels)
            d.add(maxFrames)
        }
    }
}
