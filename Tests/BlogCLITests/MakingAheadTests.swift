import Foundation
import Testing
import BlogCore
import Images
import TestSupport

/// Images made ahead of the posts that show them (`VariantStore.makeAhead`, which a build
/// starts with its bundles' files while the posts are still being read).
@Suite struct MakingAheadTests {
    /// Every image of the list once, in the store; a file of another kind is not even read,
    /// and a post asking for an image afterwards finds it made.
    @Test func theImagesOfTheListAreMadeOnceAndNothingElseIsRead() throws {
        let site = try Fixture(files: [
            "posts/a/shot.png": TestImages.dashboard(width: 900, height: 500),
            "posts/a/photo.jpg": TestImages.jpeg(width: 1000, height: 700),
            "posts/b/same.jpg": TestImages.jpeg(width: 1000, height: 700),
            "posts/a/notes.txt": "not an image",
            "posts/a/fake.png": "text named like an image",
        ])
        let store = VariantStore(root: site.root, folder: ".blog/images", settings: ImageSettings())
        let asked = Asked()
        let files = ["posts/a/shot.png", "posts/a/photo.jpg", "posts/b/same.jpg", "posts/a/notes.txt", "posts/a/fake.png"]
        let making = store.makeAhead(files) { path in
            asked.add(path)
            return FileManager.default.contents(atPath: site.root + "/" + path)
        }
        making.wait()
        #expect(asked.paths.sorted() == ["posts/a/fake.png", "posts/a/photo.jpg", "posts/a/shot.png", "posts/b/same.jpg"])
        // Two images (the third file has the second's bytes), each a whole entry.
        let entries = try FileManager.default.contentsOfDirectory(atPath: site.root + "/.blog/images")
        #expect(entries.count == 2, "\(entries)")
        for entry in entries {
            #expect(FileManager.default.fileExists(atPath: site.root + "/.blog/images/\(entry)/manifest"), "\(entry)")
        }
        // A post asks by the file, which is not read again, or by its bytes.
        let before = ImageWork.counts.decoded
        for file in ["posts/a/shot.png", "posts/a/photo.jpg", "posts/b/same.jpg"] {
            let data = try #require(FileManager.default.contents(atPath: site.root + "/" + file))
            guard case .success(let variants) = store.variants(of: data), case .success(let ahead) = store.madeAhead(file) else {
                Issue.record("\(file) has no variants")
                continue
            }
            #expect(!variants.variants.isEmpty && ahead == variants)
        }
        #expect(ImageWork.counts.decoded == before, "an image made ahead was decoded again")
        #expect(store.madeAhead("posts/a/fake.png") == nil && store.madeAhead("posts/a/notes.txt") == nil)
    }

    /// Stopped at once: what was started is finished whole, nothing else is begun.
    @Test func stoppingFinishesTheImageUnderWayAndStartsNoOther() throws {
        var files: [String: Any] = [:]
        for i in 0..<6 { files["posts/p/\(i).jpg"] = TestImages.noisyJPEG(width: 1500 + i, height: 1000) }
        let site = try Fixture(files: files)
        let store = VariantStore(root: site.root, folder: ".blog/images", settings: ImageSettings())
        let making = store.makeAhead(files.keys.sorted()) { FileManager.default.contents(atPath: site.root + "/" + $0) }
        making.stop()
        let folder = site.root + "/.blog/images"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(entries.count < 6, "\(entries)")
        for entry in entries {
            #expect(!entry.contains(".tmp-"), "a half-made entry was left: \(entry)")
            #expect(FileManager.default.fileExists(atPath: folder + "/\(entry)/manifest"), "\(entry)")
        }
    }
}

/// Through the real binary: what a build makes ahead.
@Suite struct BuildMakingAheadTests {
    /// A bundle's photo that its post never shows (an original kept beside the edited one,
    /// `5.jpg` beside the `15.jpg` shown) is published as it is and never encoded; the ones
    /// shown are, once.
    @Test func aBundlesPhotoThePostDoesNotShowIsNotEncoded() throws {
        let site = try Fixture(files: [
            "blog.yaml": "title: T\nbase_url: https://example.com/\n",
            "posts/trip/index.md": "---\ntitle: Trip\ndate: 2026-01-02\n---\n![shore](shore.jpg) ![wave](./15.jpg)\n",
            "posts/trip/shore.jpg": TestImages.jpeg(width: 1000, height: 700),
            "posts/trip/15.jpg": TestImages.jpeg(width: 800, height: 600),
            "posts/trip/5.jpg": TestImages.noisyJPEG(width: 900, height: 600),
            "posts/trip/raw/shore-original.jpg": TestImages.noisyJPEG(width: 1200, height: 800),
        ])
        let outcome = try site.build(["-v"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let store = site.root + "/.blog/images"
        let entries = try FileManager.default.contentsOfDirectory(atPath: store).filter {
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: store + "/" + $0, isDirectory: &folder) && folder.boolValue
        }
        #expect(entries.count == 2, "\(entries)")
        #expect(site.exists("2026/01/trip/raw/shore-original.jpg") && site.exists("2026/01/trip/5.jpg"))
        #expect(try site.read("2026/01/trip/index.html").contains("<picture>"))
    }
}

/// The files a test's reader was asked for, from the store's thread.
private final class Asked: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ path: String) { lock.withLock { list.append(path) } }
    var paths: [String] { lock.withLock { list } }
}
