import Foundation
import Yams
import BlogCore

/// `images: {enabled, widths, formats, quality, keep_metadata, max_pixels}` in blog.yaml.
extension ConfigParser {
    static func parseImages(_ field: YAMLFields.Field, into config: inout Config, file: String, problems: inout [Diagnostic]) {
        guard let mapping = field.node.mapping else {
            problems.append(.error(file, line: field.line, "images must be a mapping such as '{widths: [480, 960, 1440], formats: [avif, webp]}'"))
            return
        }
        var settings = config.images
        for (key, value) in mapping {
            let line = key.mark?.line ?? field.line
            func fail(_ message: String) { problems.append(.error(file, line: line, "images.\(key.string ?? ""): " + message)) }
            switch key.string ?? "" {
            case "enabled", "keep_metadata":
                guard let flag = value.bool else { fail("must be true or false"); continue }
                if key.string == "enabled" { settings.enabled = flag } else { settings.keepMetadata = flag }
            case "widths":
                guard let widths = imageWidths(value) else { fail("must be a list of widths in pixels from 16 to 10000, such as [480, 960, 1440]"); continue }
                settings.widths = widths
            case "formats":
                guard let formats = imageFormats(value) else { fail("must be a list of formats from avif, webp, jpeg, png, such as [avif, webp], or []"); continue }
                settings.formats = formats
            case "quality":
                guard let quality = value.int, (1...100).contains(quality) else { fail("must be a whole number from 1 to 100"); continue }
                settings.quality = quality
            case "max_pixels":
                guard let pixels = value.int, pixels >= 1_000_000 else { fail("must be a whole number of pixels, at least 1000000"); continue }
                settings.maxPixels = pixels
            default:
                problems.append(.warning(file, line: line, "unknown key 'images.\(key.string ?? "")' is ignored (images: enabled, widths, formats, quality, keep_metadata, max_pixels)"))
            }
        }
        config.images = settings
    }

    /// Sorted, each once; nil when any is not a width.
    private static func imageWidths(_ node: Node) -> [Int]? {
        guard let items = node.sequence, !items.isEmpty else { return nil }
        let widths = items.compactMap(\.int).filter { (16...10_000).contains($0) }
        guard widths.count == items.count else { return nil }
        return Array(Set(widths)).sorted()
    }

    /// In the order written, each once; nil when any is not a format blog writes.
    private static func imageFormats(_ node: Node) -> [ImageFormat]? {
        guard let items = node.sequence else { return nil }
        var formats: [ImageFormat] = []
        for item in items {
            let name = item.string.map { trimmed($0).lowercased() } ?? ""
            guard let format = ImageFormat(rawValue: name == "jpg" ? "jpeg" : name), format != .gif, format != .heic else { return nil }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }
}
