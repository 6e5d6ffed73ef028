import Foundation
import Images
import BlogKit
import TestSupport
import Testing

/// Issue #23: every local raster image of a post published as `<picture>` with variants, by
/// the real binary, checked in the HTML and in the files' own bytes.
@Suite(.serialized) struct ResponsiveImageTests {
    static func site(_ extra: [String: Any] = [:]) throws -> Fixture {
        var files: [String: Any] = [
            "blog.yaml": "title: Photos\nbase_url: https://example.com/\n",
            "posts/trip/index.md": """
                ---
                title: Trip
                date: 2026-01-02
                ---
                ![The harbour](phone.jpg)

                ![Settings](screenshot.png) and ![icon](small.png)

                ![dancing](anim.gif) ![logo](logo.svg) ![night](night.heic)
                """,
            "posts/trip/phone.jpg": TestImages.phonePhoto(width: 4032, height: 3024, orientation: 6),
            "posts/trip/screenshot.png": TestImages.png(width: 2400, height: 1350),
            "posts/trip/small.png": TestImages.png(width: 200, height: 100),
            "posts/trip/anim.gif": TestImages.gif(width: 64, height: 48, frames: 3),
            "posts/trip/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>",
            "posts/trip/night.heic": TestImages.heic,
        ]
        files.merge(extra) { $1 }
        return try Fixture(files: files)
    }

    static let page = "2026/01/trip/index.html"

    /// `srcset` entries of a page: (URL, width descriptor).
    static func srcsets(_ html: String) -> [(String, Int)] {
        html.components(separatedBy: "srcset=\"").dropFirst().flatMap { rest in
            rest.prefix { $0 != "\"" }.split(separator: ",").compactMap { entry -> (String, Int)? in
                let parts = entry.split(separator: " ")
                guard parts.count == 2, parts[1].hasSuffix("w"), let width = Int(parts[1].dropLast()) else { return nil }
                return (String(parts[0]), width)
            }
        }
    }

    @Test func markupVariantsOrientationAndPrivacy() throws {
        let site = try Self.site()
        let outcome = try site.build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try site.read(Self.page)
        let shown = Variants.named(html)
        // The phone photo: two sources, an <img> in JPEG, upright (portrait), fetched first.
        #expect(shown.contains("<picture><source type=\"image/avif\" srcset=\"/V/phone-480w.avif 480w, /V/phone-960w.avif 960w, /V/phone-1440w.avif 1440w\""), "\(shown)")
        #expect(shown.contains("<source type=\"image/webp\" srcset=\"/V/phone-480w.webp 480w"))
        #expect(shown.contains("<img src=\"/V/phone-1440w.jpg\" srcset=\"/V/phone-480w.jpg 480w, /V/phone-960w.jpg 960w, /V/phone-1440w.jpg 1440w\" sizes=\"\(ResponsiveImage.sizes)\" alt=\"The harbour\" width=\"1440\" height=\"1920\" fetchpriority=\"high\" /></picture>"))
        // Only the first image is fetched first; every other waits.
        #expect(html.components(separatedBy: "fetchpriority=\"high\"").count == 2)
        #expect(html.contains("alt=\"Settings\" width=\"1440\" height=\"810\" loading=\"lazy\" decoding=\"async\""))
        // Each variant's real width is its descriptor.
        let entries = Self.srcsets(html)
        #expect(entries.count >= 20)
        for (url, width) in entries {
            let data = try Data(contentsOf: URL(fileURLWithPath: site.output + url))
            let header = try ImageHeader.read(data, settings: ImageSettings()).get()
            #expect(header.width == width, "\(url)")
        }
        // Turned upright: the photo's dark left half is now its top.
        let upright = try #require(TestImages.decoded(Data(contentsOf: URL(fileURLWithPath: site.output + Variants.address(html, "phone-480w.jpg")))))
        #expect(upright.width == 480 && upright.height == 640)
        #expect(upright.top < 100 && upright.bottom > 170, "\(upright)")
        let original = try #require(TestImages.decoded(Data(contentsOf: URL(fileURLWithPath: site.output + "/2026/01/trip/phone.jpg"))))
        #expect(original.width == 3024 && original.height == 4032)
        // No published byte says where the photo was taken, the full-size file included.
        // (libvips writes a small EXIF block of its own — resolution, size, orientation 1 —
        // but nothing of the source's: no GPS IFD, in either byte order.)
        for (path, data) in try filesUnder(site.output) {
            #expect(data.range(of: Data(TestImages.gpsLatitude)) == nil, "\(path) carries the GPS position")
            #expect(data.range(of: Data([0x25, 0x88, 4, 0])) == nil && data.range(of: Data([0x88, 0x25, 0, 4])) == nil, "\(path) has a GPS IFD")
        }
        // The output holds the published site only: no store, no temporary folder.
        #expect(!filePaths(under: site.output).contains { $0.hasPrefix(".blog/") || $0.hasSuffix("manifest") || $0.contains(".tmp-") })
    }

    @Test func animationSVGAndHEIC() throws {
        let site = try Self.site()
        #expect(try site.build().status == 0)
        let html = try site.read(Self.page)
        // Still animated, as WebP; the GIF itself as it was.
        let webp = try Data(contentsOf: URL(fileURLWithPath: site.output + Variants.address(html, "anim-64w.webp")))
        #expect(try ImageHeader.read(webp, settings: ImageSettings()).get().frames == 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + "/2026/01/trip/anim.gif")) == (Self.fixtureGIF))
        #expect(Variants.named(html).contains("<source type=\"image/webp\" srcset=\"/V/anim-64w.webp 64w\""))
        // SVG as it is, in a plain <img>.
        #expect(html.contains("<img src=\"/2026/01/trip/logo.svg\" alt=\"logo\" width=\"10\" height=\"10\" loading=\"lazy\" />"))
        // HEIC published as JPEG (its <img>), AVIF and WebP; never as HEIC.
        #expect(html.contains("<img src=\"/2026/01/trip/night.jpg\""))
        #expect(ImageFormat.sniff(try Data(contentsOf: URL(fileURLWithPath: site.output + "/2026/01/trip/night.jpg"))) == .jpeg)
        #expect(!filePaths(under: site.output).contains { $0.hasSuffix(".heic") })
    }

    static let fixtureGIF = TestImages.gif(width: 64, height: 48, frames: 3)

    @Test func secondBuildDecodesNothing() throws {
        let site = try Self.site()
        let cold = try site.build(["-v"])
        #expect(cold.status == 0)
        #expect(!cold.stdout.contains("images: 0 decoded"), "\(cold.stdout)")
        try site.write(["posts/trip/index.md": try String(contentsOfFile: site.root + "/posts/trip/index.md", encoding: .utf8) + "\nOne more line.\n"])
        let edited = try site.build(["-v"])
        #expect(edited.status == 0)
        #expect(edited.stdout.contains("images: 0 decoded"), "\(edited.stdout)")
        // Into another output folder too: the store is the site's, not the output's.
        let elsewhere = try BlogProcess.run(["build", "--source", site.root, "--output", site.root + "/other", "-v"])
        #expect(elsewhere.stdout.contains("images: 0 decoded"), "\(elsewhere.stdout)")
        #expect(try site.read(Self.page).contains("One more line."))
    }

    @Test func feedSocialCardAndOptOut() throws {
        let site = try Self.site(["posts/trip/index.md": """
            ---
            title: Trip
            date: 2026-01-02
            ---
            ![The harbour](phone.jpg)

            ![As taken](phone.jpg#original)
            """])
        #expect(try site.build().status == 0)
        let feed = Variants.named(try site.read("feed.xml"))
        #expect(feed.contains("&lt;img src=&quot;https://example.com/V/phone-960w.jpg&quot;") || feed.contains("<img src=\"https://example.com/V/phone-960w.jpg\""), "\(feed)")
        #expect(!feed.contains("picture"))
        let html = try site.read(Self.page)
        #expect(Variants.named(html).contains("<meta property=\"og:image\" content=\"https://example.com/V/phone-1440w.jpg\">"))
        #expect(html.contains("<img src=\"/2026/01/trip/phone.jpg\" alt=\"As taken\" width=\"3024\" height=\"4032\" loading=\"lazy\" />"))
    }

    @Test func badSettingsAreErrorsAtTheirLine() throws {
        let site = try Self.site(["blog.yaml": """
            title: Photos
            images:
              widths: [0, 480]
              formats: [avif, bmp]
              quality: 101
              max_pixels: 10
              keep_metadata: maybe
            """])
        let outcome = try site.build()
        #expect(outcome.status != 0)
        for (line, key) in [(3, "widths"), (4, "formats"), (5, "quality"), (6, "max_pixels"), (7, "keep_metadata")] {
            #expect(outcome.stderr.contains("blog.yaml:\(line): error: images.\(key):"), "\(outcome.stderr)")
        }
    }

    @Test func disabledPublishesImagesAsTheyAre() throws {
        let site = try Self.site(["blog.yaml": "title: Photos\nimages: {enabled: false}\n"])
        #expect(try site.build().status == 0)
        let html = try site.read(Self.page)
        #expect(!html.contains("<picture>"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + "/2026/01/trip/phone.jpg")) == Data(contentsOf: URL(fileURLWithPath: site.root + "/posts/trip/phone.jpg")))
    }

    @Test func checkReportsImagesStillLarge() throws {
        let site = try Self.site(["blog.yaml": "title: Photos\ncheck: {max_image_kb: 1}\n", "posts/trip/phone.jpg": TestImages.noisyJPEG(width: 800, height: 600)])
        let outcome = try BlogProcess.run(["check", "--source", site.root])
        #expect(outcome.stderr.contains("posts/trip/index.md:5: warning: image 'phone.jpg' is still"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("in its smallest variant, over check.max_image_kb (1 KB)"))
    }

    /// A browser picks the narrowest variant wide enough: it must never weigh more than a
    /// wider one of its format. A resized dashboard's PNG weighed more than its full size
    /// without PNG's filters.
    @Test func narrowerVariantsWeighLessAndAreLinkedFromTheStore() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: Diagrams\n",
            "posts/d/index.md": "---\ntitle: D\ndate: 2026-01-02\n---\n![The dashboard](dashboard.png)\n",
            "posts/d/dashboard.png": TestImages.dashboard(width: 1200, height: 500),
        ])
        #expect(try site.build().status == 0)
        let html = try site.read("2026/01/d/index.html")
        let entries = Self.srcsets(html)
        // Its 480-px PNG is lighter than the full size, and offered.
        let narrow = try #require(entries.first { $0.0.hasSuffix("-480w.png") }?.0, "\(html)")
        let byFormat = Dictionary(grouping: entries) { ($0.0 as NSString).pathExtension }
        for (format, variants) in byFormat {
            let sizes = try variants.sorted { $0.1 < $1.1 }.map { try Data(contentsOf: URL(fileURLWithPath: site.output + $0.0)).count }
            #expect(sizes == sizes.sorted() && Set(sizes).count == sizes.count, "\(format): \(variants.map(\.1)) weigh \(sizes)")
        }
        // Published as hard links to the store's files: no second copy of their bytes.
        var info = stat()
        #expect(lstat(site.output + narrow, &info) == 0 && info.st_nlink >= 2, "\(narrow) has \(info.st_nlink) links")
        // Changed in place through that link (an optimizer run over the output): the store
        // notices when the post is built again, and makes the image again.
        let published = try Data(contentsOf: URL(fileURLWithPath: site.output + narrow))
        let handle = try #require(FileHandle(forWritingAtPath: site.output + narrow))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("changed".utf8))
        try handle.close()
        try site.write(["posts/d/index.md": "---\ntitle: D\ndate: 2026-01-02\n---\n![The dashboard](dashboard.png)\n\nMore.\n"])
        #expect(try site.build().status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: site.output + narrow)) == published)
    }

    /// A first build of a blog of photos takes a while: on a terminal, the progress line
    /// says how many image sizes are made so far. (`script` gives the build a terminal.)
    @Test func progressCountsImageSizesOnATerminal() throws {
        // The line shows after a second: three more photos of noise (slow to encode, each its
        // own bytes) keep the build past it on a machine several times faster than this one.
        var photos: [String: Any] = [:]
        var text = "---\ntitle: More\ndate: 2026-01-03\n---\n"
        for i in 0..<3 {
            photos["posts/more/noise\(i).jpg"] = TestImages.noisyJPEG(width: 1400 + i, height: 1050)
            text += "![Noise \(i)](noise\(i).jpg)\n\n"
        }
        photos["posts/more/index.md"] = text
        let site = try Self.site(photos)
        let command = "'\(BlogProcess.executable)' build --source '\(site.root)'"
        let outcome = try BlogProcess.run(["-qec", command, "/dev/null"], executable: "/usr/bin/script", timeout: 300)
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Building… "), "\(outcome.stdout)")
        #expect(outcome.stdout.range(of: #"parse and resolve · [1-9][0-9]* image sizes made"#, options: .regularExpression) != nil, "\(outcome.stdout)")
    }

    /// Variants are published by their bytes: a photo shown in two posts is one set of
    /// files, which a reader fetches once; changed, it gets new addresses (a cache that kept
    /// the old bytes never shows them for the new), and the old files leave the output.
    @Test func variantsArePublishedOnceByTheirBytes() throws {
        let photo = TestImages.jpeg(width: 1200, height: 800)
        let site = try Fixture(files: [
            "blog.yaml": "title: Shared\n",
            "posts/a/index.md": "---\ntitle: A\ndate: 2026-01-02\n---\n![One](photo.jpg)\n",
            "posts/a/photo.jpg": photo,
            "posts/b/index.md": "---\ntitle: B\ndate: 2026-01-03\n---\n![Two](photo.jpg)\n",
            "posts/b/photo.jpg": photo,
        ])
        #expect(try site.build().status == 0)
        let a = try site.read("2026/01/a/index.html"), b = try site.read("2026/01/b/index.html")
        let shared = Self.srcsets(a).map(\.0).filter { $0.contains("/assets/images/") }
        #expect(shared.count >= 4, "\(a)")
        #expect(Self.srcsets(b).map(\.0).filter { $0.contains("/assets/images/") } == shared)
        let variants = filePaths(under: site.output).filter { $0.hasPrefix("assets/images/") }
        #expect(Set(variants) == Set(shared.map { String($0.dropFirst()) }), "\(variants)")
        // Each post keeps its full-size file at its own address.
        #expect(site.exists("2026/01/a/photo.jpg") && site.exists("2026/01/b/photo.jpg"))

        try site.write(["posts/b/photo.jpg": TestImages.noisyJPEG(width: 1000, height: 600)])
        #expect(try site.build().status == 0)
        let changed = Self.srcsets(try site.read("2026/01/b/index.html")).map(\.0).filter { $0.contains("/assets/images/") }
        #expect(!changed.isEmpty && Set(changed).isDisjoint(with: shared), "\(changed)")
        #expect(Self.srcsets(try site.read("2026/01/a/index.html")).map(\.0).filter { $0.contains("/assets/images/") } == shared)
        try FileManager.default.removeItem(atPath: site.root + "/posts/a")
        #expect(try site.build().status == 0)
        let left = Set(filePaths(under: site.output).filter { $0.hasPrefix("assets/images/") })
        #expect(left == Set(changed.map { String($0.dropFirst()) }), "\(left)")
    }

    /// Only what a build uses stays in the store: an entry unused for a month is removed, at
    /// most once a day, and a build marks what it uses.
    @Test func storeEntriesUnusedForAMonthAreRemoved() throws {
        let site = try Self.site()
        #expect(try site.build().status == 0)
        let store = site.root + "/.blog/images"
        let entries = try FileManager.default.contentsOfDirectory(atPath: store).filter { $0 != StorePruning.marker }
        #expect(entries.count >= 5)
        let old = Date().addingTimeInterval(-40 * 24 * 3600)
        func age(_ path: String) throws { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path) }
        // A stale entry no post uses any more, and every used one made old too (the build
        // keeps what it publishes whatever its age: its saved state names them).
        try FileManager.default.createDirectory(atPath: store + "/deadbeef", withIntermediateDirectories: true)
        try Data("blog-image-variants 2\n".utf8).write(to: URL(fileURLWithPath: store + "/deadbeef/manifest"))
        for entry in entries + ["deadbeef"] { try age(store + "/" + entry + "/manifest") }
        try age(store + "/" + StorePruning.marker)
        try site.write(["posts/trip/index.md": try String(contentsOfFile: site.root + "/posts/trip/index.md", encoding: .utf8) + "\nMore.\n"])
        #expect(try site.build().status == 0)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: store))
        #expect(!left.contains("deadbeef"))
        #expect(Set(entries).isSubset(of: left), "a used entry was removed")
        // The next build within the day does not look again.
        try FileManager.default.createDirectory(atPath: store + "/cafe", withIntermediateDirectories: true)
        try age(store + "/cafe")
        #expect(StorePruning.prune(store) == 0)
        #expect(FileManager.default.fileExists(atPath: store + "/cafe"))
    }
}

