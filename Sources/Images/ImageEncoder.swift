import CVips
import Foundation
import BlogCore

/// Decodes an image at a width and encodes it in a format: libvips' thumbnail (which decodes
/// a JPEG at a fraction of its size when it can), then its savers.
enum ImageEncoder {
    /// Upright, at most `width` wide, every frame when `animated`, in memory so that several
    /// encoders can read it at once; its metadata stripped but the colour profile unless
    /// `keepMetadata`.
    static func decode(_ data: Data, width: Int, animated: Bool, keepMetadata: Bool) -> Result<VipsImageRef, ImageProblem> {
        ImageWork.decoded()
        return data.withUnsafeBytes { bytes -> Result<VipsImageRef, ImageProblem> in
            var out: UnsafeMutablePointer<VipsImage>?
            guard let base = bytes.baseAddress,
                blog_vips_thumbnail(base, bytes.count, Int32(width), animated ? 1 : 0, &out) == 0, let out
            else { return .failure(ImageProblem("cannot be decoded: \(Vips.takeError())")) }
            let lazy = VipsImageRef(out)
            // The thumbnail reads the bytes lazily: rendered now, while they are still held.
            guard let rendered = blog_vips_in_memory(lazy.pointer) else {
                return .failure(ImageProblem("cannot be decoded: \(Vips.takeError())"))
            }
            let image = VipsImageRef(rendered)
            if !keepMetadata { _ = blog_vips_strip(image.pointer) }
            return .success(image)
        }
    }

    /// `quality` 1–100; AVIF is given 20 less, which looks alike (and the original's own file
    /// at least 90, since it is what a reader who opens the image sees).
    static func encode(_ image: VipsImageRef, as format: ImageFormat, quality: Int) -> Result<Data, ImageProblem> {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let q = Int32(min(100, max(1, quality)))
        let status: Int32
        switch format {
        case .jpeg: status = blog_vips_jpeg(image.pointer, &buffer, &length, q)
        case .png: status = blog_vips_png(image.pointer, &buffer, &length)
        case .webp: status = blog_vips_webp(image.pointer, &buffer, &length, q)
        case .avif: status = blog_vips_avif(image.pointer, &buffer, &length, max(1, q - 20), avifEffort)
        case .gif: status = blog_vips_gif(image.pointer, &buffer, &length)
        case .heic: return .failure(ImageProblem("cannot be written as HEIC, which only Safari shows"))
        }
        guard status == 0, let buffer else {
            return .failure(ImageProblem("cannot be encoded as \(format.rawValue.uppercased()): \(Vips.takeError())"))
        }
        defer { blog_vips_free(buffer) }
        return .success(Data(bytes: buffer, count: length))
    }

    /// libvips' AVIF effort, 0 (fastest) to 9: its default, 4, took 7 times as long as 1 on a
    /// 1440-px photo here for a file about as large; AV1 encoding is most of a cold build.
    static let avifEffort: Int32 = 1
}
