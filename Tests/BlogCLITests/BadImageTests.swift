import Foundation
import Images
import TestSupport
import Testing

/// Issue #23's bad input: each image is named in a warning, copied as it is where it is still
/// an image, and none crashes, hangs or is decoded beyond the pixel limit.
@Suite(.serialized) struct BadImageTests {
    static func build(_ name: String, _ data: Data?, yaml: String = "") throws -> (Fixture, BlogProcess.Outcome) {
        var files: [String: Any] = [
            "blog.yaml": "title: Bad\n" + yaml,
            "posts/a/index.md": "---\ntitle: A\ndate: 2026-01-02\n---\n![bad](\(name))\n",
        ]
        if let data { files["posts/a/\(name)"] = data }
        let site = try Fixture(files: files)
        return (site, try BlogProcess.run(["build", "--source", site.root], timeout: 120))
    }

    static func copiedAsItIs(_ site: Fixture, _ name: String) throws -> Bool {
        try Data(contentsOf: URL(fileURLWithPath: site.output + "/2026/01/a/" + name))
            == Data(contentsOf: URL(fileURLWithPath: site.root + "/posts/a/" + name))
    }

    @Test func truncatedJPEG() throws {
        let whole = TestImages.jpeg(width: 800, height: 600)
        let (site, outcome) = try Self.build("cut.jpg", whole.prefix(whole.count / 2))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/a/cut.jpg: warning: cannot be decoded"), "\(outcome.stderr)")
        #expect(try Self.copiedAsItIs(site, "cut.jpg"))
        #expect(try site.read("2026/01/a/index.html").contains("<img src=\"/2026/01/a/cut.jpg\""))
    }

    @Test func decompressionBombIsRefusedByItsHeader() throws {
        let (site, outcome) = try Self.build("bomb.png", Self.pngHeader(width: 30_000, height: 30_000))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/a/bomb.png: warning: claims 30000×30000 pixels, over images.max_pixels (50000000); not decoded"), "\(outcome.stderr)")
        #expect(try Self.copiedAsItIs(site, "bomb.png"))
        // The limit is the writer's to set.
        let (_, lower) = try Self.build("big.png", TestImages.png(width: 1500, height: 1000), yaml: "images: {max_pixels: 1000000}\n")
        #expect(lower.stderr.contains("posts/a/big.png: warning: claims 1500×1000 pixels, over images.max_pixels (1000000)"), "\(lower.stderr)")
    }

    @Test func zeroByZeroJPEG() throws {
        // Start of image, a baseline frame header of 0×0 with three components, end of image.
        let bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9]
        let (_, outcome) = try Self.build("zero.jpg", Data(bytes))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/a/zero.jpg: warning:"), "\(outcome.stderr)")
    }

    @Test func gifOfFiveThousandFrames() throws {
        let gif = TestImages.gif(width: 4, height: 4, frames: 5000)
        let (site, outcome) = try Self.build("long.gif", gif)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // (libvips' GIF reader counts 4,097 frames at most: more than enough to refuse.)
        #expect(outcome.stderr.contains("posts/a/long.gif: warning: has "), "\(outcome.stderr)")
        #expect(outcome.stderr.contains(" frames, over the 1000 blog resizes; published as it is"), "\(outcome.stderr)")
        #expect(try Self.copiedAsItIs(site, "long.gif"))
    }

    @Test func corruptBytesNamedAsAnImage() throws {
        var bytes = [UInt8](TestImages.png(width: 300, height: 200))
        for i in stride(from: 40, to: bytes.count, by: 7) { bytes[i] ^= 0x5A }
        let (site, outcome) = try Self.build("noise.png", Data(bytes))
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("posts/a/noise.png: warning:"), "\(outcome.stderr)")
        #expect(try Self.copiedAsItIs(site, "noise.png"))
    }

    @Test func fifoNamedAsAnImageNeverBlocks() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: Bad\n",
            "posts/a/index.md": "---\ntitle: A\ndate: 2026-01-02\n---\n![pipe](pipe.jpg)\n",
        ])
        #expect(mkfifo(site.root + "/posts/a/pipe.jpg", 0o644) == 0)
        let started = Date()
        let outcome = try BlogProcess.run(["build", "--source", site.root], timeout: 60)
        #expect(Date().timeIntervalSince(started) < 50)
        #expect(outcome.stderr.contains("posts/a/index.md:5: error:"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("pipe.jpg"))
    }

    @Test func unreadableImage() throws {
        // Root reads every file: nothing to test there.
        guard getuid() != 0 else { return }
        let (site, _) = try Self.build("locked.jpg", TestImages.jpeg(width: 100, height: 80))
        chmod(site.root + "/posts/a/locked.jpg", 0)
        defer { chmod(site.root + "/posts/a/locked.jpg", 0o644) }
        let outcome = try BlogProcess.run(["build", "--source", site.root], timeout: 60)
        #expect(outcome.stderr.contains("posts/a/locked.jpg: warning: cannot be read"), "\(outcome.stderr)")
    }

    /// A PNG's signature and a valid IHDR chunk (its CRC right, so that libpng reads it)
    /// claiming `width`×`height`, and next to no pixels: a few hundred bytes.
    static func pngHeader(width: UInt32, height: UInt32) -> Data {
        var chunk = Array("IHDR".utf8)
        for value in [width, height] { chunk += withUnsafeBytes(of: value.bigEndian, Array.init) }
        chunk += [8, 2, 0, 0, 0]
        let crc = Fixture.crc32(chunk)
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + chunk
            + withUnsafeBytes(of: crc.bigEndian, Array.init)
        // The first pixels, then the end: a reader stops at the start of the pixels.
        let data = Array("IDAT".utf8) + [0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF]
        let idat = withUnsafeBytes(of: UInt32(data.count - 4).bigEndian, Array.init) + data + withUnsafeBytes(of: Fixture.crc32(data).bigEndian, Array.init)
        let iend: [UInt8] = [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        return Data(bytes + idat + iend)
    }
}
