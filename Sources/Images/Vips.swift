import CVips
import Foundation

/// libvips for the whole process: started once, on first use, from any thread.
enum Vips {
    /// nil once started; otherwise why it could not be.
    static let startProblem: String? = blog_vips_start(1) == 0 ? nil : "libvips could not start: \(takeError())"

    /// libvips' last message, emptied. Its buffer is shared by threads, so the message may
    /// carry another image's words too; it is only ever shown with the file's name beside it.
    static func takeError() -> String {
        let text = String(cString: blog_vips_error())
        blog_vips_error_clear()
        let lines = text.split(separator: "\n").map(String.init)
        return lines.last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "a damaged or unfinished file"
    }
}

/// A decoded image held by libvips; released with the last reference. Images are read-only
/// once made, which libvips lets several threads read at once.
final class VipsImageRef: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<VipsImage>

    init(_ pointer: UnsafeMutablePointer<VipsImage>) { self.pointer = pointer }
    deinit { blog_vips_unref(pointer) }

    var width: Int { Int(vips_image_get_width(pointer)) }
    /// The height of one frame.
    var pageHeight: Int { Int(vips_image_get_page_height(pointer)) }
    var frames: Int { max(1, Int(vips_image_get_n_pages(pointer))) }
}

/// How much image work this process did: what a test (or `--verbose`) reads to tell that an
/// unchanged image was never decoded again.
public enum ImageWork {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var decodedCount = 0
    nonisolated(unsafe) private static var reusedCount = 0

    /// Images decoded (each width of each image counts once), and images found in the cache.
    public static var counts: (decoded: Int, reused: Int) { lock.withLock { (decodedCount, reusedCount) } }

    static func decoded() { lock.withLock { decodedCount += 1 } }
    static func reused() { lock.withLock { reusedCount += 1 } }
}
