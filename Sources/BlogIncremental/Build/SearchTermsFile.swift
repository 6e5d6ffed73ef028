import Foundation
import BlogCore
import BlogPipeline

/// The search index's terms of every post (`SearchTermsStore`) kept in the site's state folder
/// (`.blog/search-terms`) for the next `blog build`, which reads it only if it remakes the
/// index. A file made by another build of blog, cut short or damaged is ignored: the posts are
/// tokenized again, never an error. Post by post (no table of the site's terms), a post's
/// terms as the store keeps them, in the order by part the index reads: their bytes, each
/// one's length (a byte or two), then their scores and positions as the machine holds them in
/// memory (copied at once both ways; a file of the other byte order has another format line,
/// and is not read).
package enum SearchTermsFile {
    /// 3: each post's lists whole, where 2 wrote each term's numbers one by one, which was a
    /// tenth of what the index cost a 10,000-post build (and its reading, of a build after an
    /// edit); 1 (`search-text`) kept each post's text, tokenized again every build.
    package static let format = "blog search terms 3, \(UInt16(1).littleEndian == 1 ? "little" : "big")-endian"
    static let fileName = "search-terms"
    /// The file of format 1, removed when this one is written.
    static let oldFileName = "search-text"

    package static func path(source: String) -> String {
        SitePath.join(SiteState.folder(source: source), fileName)
    }

    /// The store of a build of this site, loading the file when first asked.
    package static func store(source: String) -> SearchTermsStore {
        SearchTermsStore { read(path: path(source: source)) }
    }

    package static func read(path: String) -> [UInt64: SearchTerms] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return data.withUnsafeBytes { whole -> [UInt64: SearchTerms] in
            guard whole.count > 8 else { return [:] }
            let bytes = UnsafeRawBufferPointer(rebasing: whole[..<(whole.count - 8)])
            let sum = (0..<8).reduce(UInt64(0)) { $0 | UInt64(whole[whole.count - 8 + $1]) << (8 * UInt64($1)) }
            guard ContentHash.xxh64(bytes) == sum else { return [:] }
            var r = ByteReader(bytes)
            guard r.string() == format + " " + BuildManifest.tool, !r.failed else { return [:] }
            // Each post's terms are a run of bytes of their own, parsed on every core: the
            // file of a 10,000-post site is tens of megabytes.
            let posts = r.list { r -> (UInt64, UnsafeRawBufferPointer?) in
                let digest = r.unsigned()
                var post: UnsafeRawBufferPointer?
                r.rawBytes { post = $0 }
                return (digest, post)
            }
            guard !r.failed, r.atEnd else { return [:] }
            nonisolated(unsafe) let runs = posts
            let terms = Array(runs.indices).parallelMap { i in runs[i].1.flatMap(Self.terms) }
            var read: [UInt64: SearchTerms] = [:]
            read.reserveCapacity(posts.count)
            for (i, post) in posts.enumerated() {
                guard let made = terms[i] else { return [:] }
                read[post.0] = made
            }
            return read
        }
    }

    /// One post's terms; nil when they are damaged.
    private static func terms(_ run: UnsafeRawBufferPointer) -> SearchTerms? {
        var r = ByteReader(run)
        let lead = r.string()
        let count = r.unsigned()
        guard !r.failed, count <= UInt64(r.remaining) else { return nil }
        let bytes = r.array(of: UInt8.self)
        var ends: [UInt32] = []
        ends.reserveCapacity(Int(count))
        var end: UInt64 = 0
        for _ in 0..<count {
            let length = r.unsigned()
            guard !r.failed, length <= UInt64(bytes.count) - end else { return nil }
            end += length
            ends.append(UInt32(end))
        }
        let scores = r.array(of: UInt16.self)
        let positions = r.array(of: Int32.self)
        guard !r.failed, r.atEnd, ends.count == Int(count) else { return nil }
        return SearchTerms(lead: lead, bytes: bytes, ends: ends, scores: scores, positions: positions)
    }

    /// Written whole or not at all (a temporary renamed), only when the store changed.
    package static func write(_ store: SearchTermsStore, source: String) throws {
        guard let posts = store.changed else { return }
        // Sized at once, checksum included: the file of a 10,000-post site is tens of
        // megabytes, and growing it, then copying it twice more to write it, was a tenth of
        // what the index cost a build.
        var w = ByteWriter(capacity: posts.reduce(64) { $0 + 64 + $1.1.lead.utf8.count + $1.1.bytes.count + 8 * $1.1.count })
        w.add(format + " " + BuildManifest.tool)
        w.add(UInt64(posts.count))
        var post = ByteWriter(capacity: 1 << 16)
        for (digest, terms) in posts {
            w.add(digest)
            post.removeAll()
            post.add(terms.lead)
            post.add(UInt64(terms.count))
            post.add(terms.bytes)
            for i in 0..<terms.count { post.add(UInt64(terms.end(i) - terms.start(i))) }
            post.add(terms.scores)
            post.add(terms.positions)
            post.bytes.withUnsafeBufferPointer { w.add($0) }
        }
        // As the saved build's: one changed byte means the posts are tokenized again.
        w.add(littleEndian: w.bytes.withUnsafeBytes(ContentHash.xxh64))
        let folder = SiteState.folder(source: source)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try w.bytes.withUnsafeBytes { bytes in
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), count: bytes.count, deallocator: .none)
            try data.write(to: URL(fileURLWithPath: path(source: source)), options: .atomic)
        }
        try? FileManager.default.removeItem(atPath: SitePath.join(folder, oldFileName))
    }
}

/// The saving of a build's search terms (`SearchTermsFile.write`) on a thread of its own,
/// started as soon as the index is made from them (`SiteBuilder.render`): the pages are
/// still rendering and the site is still to be written, and the file of a 10,000-post site
/// takes a core most of a second to make. Keyed by the posts' digests, not by the build,
/// the file is right whether or not the build goes on to succeed.
public final class SearchTermsSaving: Sendable {
    private let source: String
    private let group = DispatchGroup()
    /// One save at a time, in the order started (a build made twice starts two).
    private let queue = DispatchQueue(label: "blog.search-terms")

    public init(source: String) { self.source = source }

    package func start(_ store: SearchTermsStore) {
        let source = self.source
        queue.async(group: group) { try? SearchTermsFile.write(store, source: source) }
    }

    /// Returns once every save started is done.
    public func wait() { group.wait() }
}
