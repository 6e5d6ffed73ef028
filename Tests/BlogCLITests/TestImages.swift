import CVips
import Foundation
import Testing

/// Real images made at run time (libvips encodes them), so that fixtures stay small and a
/// test can ask for a 4032 × 3024 phone photo: left half dark, right half light, so that a
/// turn is visible in the pixels.
enum TestImages {
    private static let started: Bool = blog_vips_start(1) == 0

    /// Two halves, dark and light, in 3 bands, with a fine texture on small images (on which
    /// WebP beats GIF, as on a real animation); each frame of an animation swaps the halves,
    /// so that no encoder merges two.
    static func pixels(width: Int, height: Int, pageHeight: Int) -> Data {
        var data = Data(count: width * height * 3)
        let textured = width * height <= 1_000_000
        data.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let half = width / 2 * 3
            for y in 0..<height {
                let row = base + y * width * 3
                let swapped = (y / pageHeight) % 2 == 1
                let (left, right): (Int32, Int32) = swapped ? (200, 40) : (40, 200)
                memset(row, left, half)
                memset(row + half, right, width * 3 - half)
                guard textured else { continue }
                for i in 0..<width * 3 { row[i] &+= UInt8((i * 37 + y * 13) % 40) }
            }
        }
        return data
    }

    static func image(width: Int, height: Int, frames: Int = 1, noisy: Bool = false) -> UnsafeMutablePointer<VipsImage> {
        precondition(started)
        let pixels = noisy ? self.noise(width * height * 3) : self.pixels(width: width, height: height * frames, pageHeight: height)
        let image = pixels.withUnsafeBytes {
            vips_image_new_from_memory_copy($0.baseAddress, $0.count, Int32(width), Int32(height * frames), 3, VIPS_FORMAT_UCHAR)!
        }
        if frames > 1 { vips_image_set_int(image, "page-height", Int32(height)) }
        return image
    }

    static func encoded(_ image: UnsafeMutablePointer<VipsImage>, _ save: (UnsafeMutablePointer<VipsImage>, UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>) -> Int32) -> Data {
        defer { g_object_unref(image) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        precondition(save(image, &buffer, &length) == 0, "libvips could not encode a test image")
        defer { g_free(buffer) }
        return Data(bytes: buffer!, count: length)
    }

    static func jpeg(width: Int, height: Int) -> Data {
        withoutExif(encoded(image(width: width, height: height)) { blog_vips_jpeg($0, $1, $2, 85) })
    }

    /// Random pixels, which no encoder makes small: a photo of grass at its worst.
    static func noise(_ count: Int) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return Data((0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state)
        })
    }

    static func noisyJPEG(width: Int, height: Int) -> Data {
        withoutExif(encoded(image(width: width, height: height, noisy: true)) { blog_vips_jpeg($0, $1, $2, 85) })
    }

    /// A dashboard's screenshot: bands of horizontal gradients, which PNG's filters make
    /// small, and which resizing leaves gradients.
    static func dashboard(width: Int, height: Int) -> Data {
        precondition(started)
        var pixels = Data(count: width * height * 3)
        pixels.withUnsafeMutableBytes { raw in
            let base = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            for y in 0..<height {
                let band = y / 20
                for x in 0..<width {
                    let t = x * 64 / width
                    let pixel = base + (y * width + x) * 3
                    pixel[0] = UInt8((band * 53 + t) % 256)
                    pixel[1] = UInt8((band * 97 + 64 - t) % 256)
                    pixel[2] = UInt8((band * 31 + t / 2) % 256)
                }
            }
        }
        let image = pixels.withUnsafeBytes {
            vips_image_new_from_memory_copy($0.baseAddress, $0.count, Int32(width), Int32(height), 3, VIPS_FORMAT_UCHAR)!
        }
        return encoded(image) { blog_vips_png($0, $1, $2) }
    }

    static func png(width: Int, height: Int) -> Data {
        encoded(image(width: width, height: height)) { blog_vips_png($0, $1, $2) }
    }

    static func gif(width: Int, height: Int, frames: Int) -> Data {
        encoded(image(width: width, height: height, frames: frames)) { blog_vips_gif($0, $1, $2) }
    }

    /// 96 × 64, made with `vips heifsave --compression hevc` (libvips writes no HEIC itself).
    static let heic = Data(base64Encoded: "AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAYNtZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAABAAAANGlsb2MAAAAAREAAAgABAAAAAAGnAAEAAAAAAAAAGAACAAAAAAG/AAEAAAAAAAAAvgAAADhpaW5mAAAAAAACAAAAFWluZmUCAAAAAAEAAGh2YzEAAAAAFWluZmUCAAABAAIAAEV4aWYAAAAAwmlwcnAAAACkaXBjbwAAAHhodmNDAQNwAAAAAAAAAAAAHvAA/P34+AAADwMgAAEAGEABDAH//wNwAAADAJAAAAMAAAMAHroCQCEAAQArQgEBA3AAAAMAkAAAAwAAAwAeoDCBBZbqSSmubgQEDAgAAAMACAAAAwAIQCIAAQAHRAHBcrAiQAAAABRpc3BlAAAAAAAAAGAAAABAAAAAEHBpeGkAAAAAAwgICAAAABZpcG1hAAAAAAAAAAEAAQOBAoMAAAAaaXJlZgAAAAAAAAAOY2RzYwACAAEAAQAAAN5tZGF0AAAAFCgBrxOA5shoU//7mH+UYaByghOAAAAABkV4aWYAAElJKgAIAAAABgASAQMAAQAAAAEAAAAaAQUAAQAAAFYAAAAbAQUAAQAAAF4AAAAoAQMAAQAAAAIAAAATAgMAAQAAAAEAAABphwQAAQAAAGYAAAAAAAAAOGMAAOgDAAA4YwAA6AMAAAYAAJAHAAQAAAAwMjEwAZEHAAQAAAABAgMAAKAHAAQAAAAwMTAwAaADAAEAAAD//wAAAqAEAAEAAABgAAAAA6AEAAEAAABAAAAAAAAAAA==")!

    /// Degrees, minutes and seconds of a latitude as EXIF rationals: what must never be
    /// published.
    static let gpsLatitude: [UInt8] = [48, 0, 0, 0, 1, 0, 0, 0, 51, 0, 0, 0, 1, 0, 0, 0, 0x9F, 0x0B, 0, 0, 100, 0, 0, 0]

    /// An EXIF segment (little-endian TIFF) with an orientation and a GPS latitude.
    static func exifSegment(orientation: UInt16) -> Data {
        var tiff: [UInt8] = Array("II".utf8) + [42, 0, 8, 0, 0, 0]
        func entry(_ tag: UInt16, _ type: UInt16, _ count: UInt32, _ value: UInt32) -> [UInt8] {
            withUnsafeBytes(of: tag.littleEndian, Array.init) + withUnsafeBytes(of: type.littleEndian, Array.init)
                + withUnsafeBytes(of: count.littleEndian, Array.init) + withUnsafeBytes(of: value.littleEndian, Array.init)
        }
        // IFD0 at 8: orientation, and where the GPS IFD is (38).
        tiff += [2, 0] + entry(0x0112, 3, 1, UInt32(orientation)) + entry(0x8825, 4, 1, 38) + [0, 0, 0, 0]
        // GPS IFD at 38: latitude reference "N", latitude at 68.
        tiff += [2, 0] + entry(0x0001, 2, 2, UInt32(UInt8(ascii: "N"))) + entry(0x0002, 5, 3, 68) + [0, 0, 0, 0]
        tiff += gpsLatitude
        let body = Array("Exif".utf8) + [0, 0] + tiff
        let length = UInt16(body.count + 2)
        return Data([0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + body)
    }

    /// A JPEG with its APP1 segments (EXIF, XMP) taken out.
    static func withoutExif(_ jpeg: Data) -> Data {
        let b = [UInt8](jpeg)
        var out: [UInt8] = [0xFF, 0xD8]
        var i = 2
        while i + 4 <= b.count, b[i] == 0xFF, b[i + 1] != 0xDA {
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            if b[i + 1] != 0xE1 { out += b[i..<i + 2 + length] }
            i += 2 + length
        }
        return Data(out + b[i...])
    }

    /// A phone photo: EXIF orientation and GPS after the start of image.
    static func phonePhoto(width: Int, height: Int, orientation: UInt16) -> Data {
        let plain = jpeg(width: width, height: height)
        return plain.prefix(2) + exifSegment(orientation: orientation) + plain.dropFirst(2)
    }

    /// Width, height and the mean of the top and bottom rows' first band, decoded.
    static func decoded(_ data: Data) -> (width: Int, height: Int, top: Int, bottom: Int)? {
        precondition(started)
        return data.withUnsafeBytes { raw -> (Int, Int, Int, Int)? in
            guard let image = blog_vips_header(raw.baseAddress, raw.count) else { return nil }
            defer { g_object_unref(image) }
            var size = 0
            guard let memory = vips_image_write_to_memory(image, &size) else { return nil }
            defer { g_free(memory) }
            let (width, height, bands) = (Int(vips_image_get_width(image)), Int(vips_image_get_height(image)), Int(vips_image_get_bands(image)))
            let bytes = memory.assumingMemoryBound(to: UInt8.self)
            func mean(row: Int) -> Int {
                (0..<width).reduce(0) { $0 + Int(bytes[(row * width + $1) * bands]) } / width
            }
            return (width, height, mean(row: 0), mean(row: height - 1))
        }
    }
}

/// Variants are published under `assets/images/<entry>/`, the entry named by a digest of the
/// image's bytes and the settings: tests state the markup they expect with each such folder
/// written `V/`, and find a variant's real address by its name.
enum Variants {
    static func named(_ text: String) -> String {
        text.replacing(#/assets\/images\/[0-9a-f]+\//#, with: "V/")
    }

    /// The address (site-relative, with its leading `/`) a page gives the variant `name`
    /// (`phone-480w.jpg`).
    static func address(_ html: String, _ name: String) throws -> String {
        let pattern = "[\" ](/[^\" ,]*assets/images/[0-9a-f]+/" + NSRegularExpression.escapedPattern(for: name) + ")"
        let match = try #require(html.firstMatch(of: try Regex(pattern)), "no \(name) in the page")
        return try #require(match.output[1].substring.map(String.init))
    }
}
