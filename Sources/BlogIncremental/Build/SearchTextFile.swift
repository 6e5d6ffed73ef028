import Foundation
import BlogCore
import BlogPipeline

/// The search index's texts of every post (`SearchTextStore`) kept in the site's state folder
/// (`.blog/search-text`) for the next `blog build`, which reads it only if it remakes the index.
/// A file made by another build of blog, cut short or damaged is ignored: the texts are made
/// again from the posts, never an error.
package enum SearchTextFile {
    package static let format = "blog search text 1"
    static let fileName = "search-text"

    package static func path(source: String) -> String {
        SitePath.join(SiteState.folder(source: source), fileName)
    }

    /// The store of a build of this site, loading the file when first asked.
    package static func store(source: String) -> SearchTextStore {
        SearchTextStore { read(path: path(source: source)) }
    }

    package static func read(path: String) -> [UInt64: SearchText] {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        return data.withUnsafeBytes { whole -> [UInt64: SearchText] in
            guard whole.count > 8 else { return [:] }
            let bytes = UnsafeRawBufferPointer(rebasing: whole[..<(whole.count - 8)])
            let sum = (0..<8).reduce(UInt64(0)) { $0 | UInt64(whole[whole.count - 8 + $1]) << (8 * UInt64($1)) }
            guard FNV1a.checksum(bytes) == sum else { return [:] }
            var r = ByteReader(bytes)
            guard r.string() == format + " " + BuildManifest.tool, !r.failed else { return [:] }
            let entries = r.list { r -> (UInt64, SearchText) in
                let digest = r.unsigned()
                var text = SearchText()
                (text.body, text.headings) = (r.string(), r.string())
                return (digest, text)
            }
            guard !r.failed, r.atEnd else { return [:] }
            return Dictionary(entries) { a, _ in a }
        }
    }

    /// Written whole or not at all (a temporary renamed), only when the store changed.
    package static func write(_ store: SearchTextStore, source: String) throws {
        guard let texts = store.changed else { return }
        var w = ByteWriter()
        w.add(format + " " + BuildManifest.tool)
        w.add(Array(texts)) { w, entry in
            w.add(entry.key)
            w.add(entry.value.body)
            w.add(entry.value.headings)
        }
        var bytes = w.bytes
        // As the saved build's: one changed byte means the texts are made again.
        withUnsafeBytes(of: bytes.withUnsafeBytes(FNV1a.checksum).littleEndian) { bytes.append(contentsOf: $0) }
        try FileManager.default.createDirectory(atPath: SiteState.folder(source: source), withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path(source: source)), options: .atomic)
    }
}
