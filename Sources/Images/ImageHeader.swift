import CVips
import Foundation
import BlogCore

/// Why an image cannot be published as variants, as the end of a sentence that starts with
/// the image's name (`posts/a/x.jpg: warning: …`).
public struct ImageProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What an image's header says, read without decoding its pixels.
public struct ImageHeader: Sendable, Hashable {
    public var format: ImageFormat
    /// As shown: after the EXIF orientation is applied (a portrait phone photo is taller).
    public var width: Int
    public var height: Int
    public var frames: Int
    /// EXIF orientation, 1 (upright) to 8.
    public var orientation: Int
    /// EXIF, XMP, IPTC or comments, which a published file must not carry.
    public var hasPrivateMetadata: Bool

    public var animated: Bool { frames > 1 }

    /// The header of `data`, refused when it is not a raster image blog decodes, says 0×0, or
    /// claims more pixels or frames than `settings` allow — before any pixel is decoded.
    public static func read(_ data: Data, settings: ImageSettings) -> Result<ImageHeader, ImageProblem> {
        if let problem = Vips.startProblem { return .failure(ImageProblem(problem)) }
        guard let format = ImageFormat.sniff(data) else {
            return .failure(ImageProblem("is not a JPEG, PNG, GIF, WebP, AVIF or HEIC image"))
        }
        return data.withUnsafeBytes { bytes -> Result<ImageHeader, ImageProblem> in
            guard let base = bytes.baseAddress, let pointer = blog_vips_header(base, bytes.count) else {
                return .failure(ImageProblem("cannot be read as \(format.rawValue.uppercased()): \(Vips.takeError())"))
            }
            let image = VipsImageRef(pointer)
            return checked(image, format: format, settings: settings)
        }
    }

    private static func checked(_ image: VipsImageRef, format: ImageFormat, settings: ImageSettings)
        -> Result<ImageHeader, ImageProblem>
    {
        let (width, height, frames) = (image.width, image.pageHeight, image.frames)
        guard width > 0, height > 0 else {
            return .failure(ImageProblem("has a header that says \(width)×\(height)"))
        }
        if frames > settings.maxFrames {
            return .failure(ImageProblem("has \(frames) frames, over the \(settings.maxFrames) blog resizes"))
        }
        let pixels = width.multipliedReportingOverflow(by: height).partialValue
            .multipliedReportingOverflow(by: frames)
        if pixels.overflow || pixels.partialValue > settings.maxPixels {
            let each = frames > 1 ? " in each of \(frames) frames" : ""
            return .failure(ImageProblem(
                "claims \(width)×\(height) pixels\(each), over images.max_pixels (\(settings.maxPixels)); not decoded"))
        }
        let orientation = Int(blog_vips_orientation(image.pointer))
        let turned = orientation >= 5 && orientation <= 8
        return .success(ImageHeader(
            format: format, width: turned ? height : width, height: turned ? width : height, frames: frames,
            orientation: orientation, hasPrivateMetadata: blog_vips_has_private_fields(image.pointer) != 0))
    }
}
