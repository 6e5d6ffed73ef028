import CVips
import Foundation
import BlogCore

/// An image's variants, made once and kept in the site's state folder under a digest of the
/// source's bytes and the settings: an unchanged image is never decoded again, whichever
/// build (`blog build` into any folder, `blog serve`) asks. Safe to call from many threads;
/// two asking for one image wait for one making.
public final class VariantStore: @unchecked Sendable {
    /// The site folder, and the store's folder relative to it (`.blog/images`).
    public let root: String
    public let folder: String
    public let settings: ImageSettings
    /// Everything but the bytes that a variant depends on, digested once a build rather than
    /// once per image a post shows.
    private let makingKey: UInt64
    private let lock = NSLock()
    private var entries: [UInt64: Entry] = [:]
    /// The entry of each file made ahead (site-relative), set once it is made: a post
    /// showing it neither reads nor digests the file again.
    private var madeFiles: [String: UInt64] = [:]

    /// One image's entry in this build: two posts asking for it wait for one making, and a
    /// blog that shows one image in many posts (a logo, a banner) reads its manifest and
    /// checks its files once a build, not once a post.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<ImageVariants, ImageProblem>?
    }

    public init(root: String, folder: String, settings: ImageSettings) {
        var settings = settings
        if Self.avifProblem != nil { settings.formats.removeAll { $0 == .avif } }
        (self.root, self.folder, self.settings) = (root, folder, settings)
        makingKey = Self.makingKey(settings)
    }

    /// Why AVIF is not offered (libheif without an AV1 encoder), said once a build; nil when
    /// it is. WebP and the image's own format are offered then.
    public static let avifProblem: String? = Vips.startProblem == nil && blog_vips_can_write_avif() != 0 ? nil
        : "this libvips cannot write AVIF (libheif has no AV1 encoder here); images are offered as WebP and their own format"


    /// The variants of an image whose bytes are `data`, from the store or made now.
    public func variants(of data: Data) -> Result<ImageVariants, ImageProblem> {
        let (result, decoded) = entryResult(data, key: Self.key(data, makingKey: makingKey))
        if !decoded { ImageWork.reused() }
        return result
    }

    /// The variants of a file `makeAhead` made (site-relative); nil when it did not (yet).
    public func madeAhead(_ file: String) -> Result<ImageVariants, ImageProblem>? {
        guard let made = lock.withLock({ madeFiles[file].flatMap { entries[$0] } }) else { return nil }
        let result = made.lock.withLock { made.result }
        if result != nil { ImageWork.reused() }
        return result
    }

    /// The entry's variants, and whether this call made them.
    private func entryResult(_ data: Data, key: UInt64) -> (Result<ImageVariants, ImageProblem>, decoded: Bool) {
        let entry = lock.withLock {
            if let existing = entries[key] { return existing }
            let new = Entry()
            entries[key] = new
            return new
        }
        return entry.lock.withLock {
            if let seen = entry.result { return (seen, false) }
            let (result, decoded) = readOrMake(data, entry: SitePath.join(folder, String(key, radix: 16)))
            entry.result = result
            return (result, decoded)
        }
    }

    /// Starts making the variants of these site-relative files (those of an image format),
    /// one image after another on a thread of its own, and returns at once: a build calls
    /// it with a bundle's images while its posts are still being read, so that encoding
    /// runs beside loading and parsing instead of holding up the posts that show them.
    /// What it made is this store's like any other entry; `stop` ends it early.
    public func makeAhead(_ files: [String], read: @escaping @Sendable (String) -> Data?) -> MakingAhead {
        let making = MakingAhead()
        let images = files.filter { ImageFormat(fileName: $0) != nil }
        guard !images.isEmpty else { return making }
        making.group.enter()
        Thread.detachNewThread { [self] in
            defer { making.group.leave() }
            for file in images where !making.stopped {
                guard let data = read(file), ImageFormat.sniff(data) != nil else { continue }
                let key = Self.key(data, makingKey: makingKey)
                _ = entryResult(data, key: key)
                lock.withLock { madeFiles[file] = key }
            }
        }
        return making
    }

    private func readOrMake(_ data: Data, entry: String) -> (Result<ImageVariants, ImageProblem>, decoded: Bool) {
        if let kept = StoredVariants.read(root: root, entry: entry) {
            StorePruning.used(SitePath.join(root, entry))
            return (kept, false)
        }
        StoredVariants.discard(root: root, entry: entry)
        let result = Self.made(data, settings: settings)
        StoredVariants.write(result, root: root, entry: entry)
        let kept = StoredVariants.read(root: root, entry: entry) ?? result.flatMap { _ in
            .failure(ImageProblem("could not be kept in \(folder)/ (is the site folder writable?)"))
        }
        return (kept, true)
    }

    /// What the variants are made from: the bytes, and `makingKey`.
    static func key(_ data: Data, makingKey: UInt64) -> UInt64 {
        Digest.of { d in
            d.add(data.withUnsafeBytes(ContentHash.xxh64))
            d.add(data.count)
            d.add(makingKey)
        }
    }

    /// The settings and what encodes them.
    static func makingKey(_ settings: ImageSettings) -> UInt64 {
        Digest.of { d in
            d.add(settings.digest)
            d.add(String(cString: vips_version_string()))
            d.add(Int(ImageEncoder.avifEffort))
            d.add(StoredVariants.version)
        }
    }

    /// Every file of the image, the formats that save no bytes left out.
    static func made(_ data: Data, settings: ImageSettings) -> Result<StoredVariants.Files, ImageProblem> {
        ImageHeader.read(data, settings: settings).flatMap { header in
            VariantMaker.make(data, header: header, settings: settings).map { made in
                StoredVariants.Files(header: header, made: worthKeeping(made, header: header, sourceBytes: data.count), sourceBytes: data.count)
            }
        }
    }

    /// A format offered besides the `<img>`'s is kept only if its widest variant is smaller
    /// than the `<img>`'s at that width (a tiny PNG icon may grow as WebP). A narrower
    /// variant is kept only if it is smaller than every wider one of its format: a flat
    /// 800-px diagram of 19 KB resized to 480 px is a 74-KB PNG, since resizing adds the
    /// colours of its smoothed edges, and a phone would load it for less.
    static func worthKeeping(_ made: [VariantMaker.Made], header: ImageHeader, sourceBytes: Int) -> [VariantMaker.Made] {
        let fallback = header.format.fallback
        func bytes(_ m: VariantMaker.Made) -> Int { m.data?.count ?? sourceBytes }
        let widest = made.filter { $0.format == fallback && $0.listed }.max { $0.width < $1.width }
        guard let widest else { return made }
        let losing = Set(made.filter { $0.format != fallback && $0.width == widest.width && bytes($0) >= bytes(widest) }.map(\.format))
        return made.filter { variant in
            guard !losing.contains(variant.format) else { return false }
            if variant.isOriginal || !variant.listed { return true }
            return !made.contains { other in
                other.format == variant.format && other.listed && other.width > variant.width
                    && bytes(other) <= bytes(variant)
            }
        }
    }
}

/// Images being made ahead of the posts that show them.
public final class MakingAhead: @unchecked Sendable {
    fileprivate let group = DispatchGroup()
    private let lock = NSLock()
    private var stopFlag = false

    fileprivate var stopped: Bool { lock.withLock { stopFlag } }

    /// No image is started after this; the one being made is finished (a store entry is
    /// never left half written), and this returns when it is.
    public func stop() {
        lock.withLock { stopFlag = true }
        group.wait()
    }

    /// Returns when every image of the list is made.
    public func wait() { group.wait() }
}
