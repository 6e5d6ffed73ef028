import Foundation
import BlogCore
import BlogMarkdown

/// Width and height of an image, read from its header, so pages reserve the image's space
/// before it loads (no layout shift).
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    package init(width: Int, height: Int) {
        (self.width, self.height) = (width, height)
    }

    /// PNG, GIF, JPEG, WebP, and SVG when its root element declares both sizes.
    public static func read(_ data: Data) -> ImageSize? {
        let bytes = [UInt8](data.prefix(4096))
        // A header that says 0×0 is a broken file: no size rather than `width="0"`, which
        // would hide the image.
        return [png(bytes) ?? gif(bytes) ?? jpeg(data) ?? webp(bytes) ?? svg(bytes)]
            .compactMap { $0 }.first { $0.width > 0 && $0.height > 0 }
    }

    private static func png(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 24, b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        return ImageSize(width: bigEndian(b, 16, 4), height: bigEndian(b, 20, 4))
    }

    private static func gif(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 10, b.starts(with: Array("GIF8".utf8)) else { return nil }
        return ImageSize(width: littleEndian(b, 6, 2), height: littleEndian(b, 8, 2))
    }

    /// Walks JPEG segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG, DAC).
    private static func jpeg(_ data: Data) -> ImageSize? {
        let b = [UInt8](data)
        guard b.count > 4, b[0] == 0xFF, b[1] == 0xD8 else { return nil }
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            let length = bigEndian(b, i + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                return ImageSize(width: bigEndian(b, i + 7, 2), height: bigEndian(b, i + 5, 2))
            }
            i += 2 + length
        }
        return nil
    }

    private static func webp(_ b: [UInt8]) -> ImageSize? {
        guard b.count >= 30, b.starts(with: Array("RIFF".utf8)), Array(b[8..<12]) == Array("WEBP".utf8) else {
            return nil
        }
        switch String(decoding: b[12..<16], as: UTF8.self) {
        case "VP8 ":  // lossy: 14-bit sizes after the frame tag
            return ImageSize(width: littleEndian(b, 26, 2) & 0x3FFF, height: littleEndian(b, 28, 2) & 0x3FFF)
        case "VP8L":  // lossless: 14-bit sizes minus one, packed after the signature byte
            let bits = littleEndian(b, 21, 4)
            return ImageSize(width: (bits & 0x3FFF) + 1, height: ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":  // extended: 24-bit sizes minus one
            return ImageSize(width: littleEndian(b, 24, 3) + 1, height: littleEndian(b, 27, 3) + 1)
        default:
            return nil
        }
    }

    /// The `width` and `height` attributes of the `<svg>` element, when both are plain numbers
    /// (or `px`); relative sizes such as `100%` give no size.
    private static func svg(_ b: [UInt8]) -> ImageSize? {
        let text = String(decoding: b, as: UTF8.self)
        guard let start = text.range(of: "<svg"),
            let end = text[start.upperBound...].firstIndex(of: ">")
        else { return nil }
        let tag = text[start.upperBound..<end]
        guard let width = attribute("width", in: tag), let height = attribute("height", in: tag) else { return nil }
        return ImageSize(width: width, height: height)
    }

    private static func attribute(_ name: String, in tag: Substring) -> Int? {
        var search = tag[...]
        while let range = search.range(of: name) {
            defer { search = search[range.upperBound...] }
            let before = range.lowerBound == tag.startIndex ? " " : tag[tag.index(before: range.lowerBound)]
            guard before.isWhitespace else { continue }
            var rest = search[range.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            let number = value.hasSuffix("px") ? value.dropLast(2) : value
            guard let size = Double(number), size.isFinite, size > 0, size < 100_000 else { return nil }
            return Int(size.rounded())
        }
        return nil
    }

    private static func bigEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (at..<at + count).reduce(0) { $0 << 8 | Int(b[$1]) }
    }

    private static func littleEndian(_ b: [UInt8], _ at: Int, _ count: Int) -> Int {
        (at..<at + count).reversed().reduce(0) { $0 << 8 | Int(b[$1]) }
    }

    /// What in an SVG runs as a script when the file is opened on its own (at the site's
    /// address): a `<script>` element, an `on…=` event attribute, a `javascript:` URL. nil
    /// when there is none.
    public static func svgScript(_ data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self).lowercased()
        if text.contains("<script") { return "a <script> element" }
        if text.contains("javascript:") { return "a javascript: URL" }
        var rest = Substring(text)
        while let found = rest.range(of: "on") {
            let before = rest[..<found.lowerBound].last
            let name = rest[found.upperBound...].prefix { $0.isLetter }
            let after = rest[found.upperBound...].dropFirst(name.count).drop { $0 == " " || $0 == "\t" || $0 == "\n" }
            if let before, before.isWhitespace, !name.isEmpty, after.first == "=" { return "an on\(name)= attribute" }
            rest = rest[found.upperBound...]
        }
        return nil
    }
}
