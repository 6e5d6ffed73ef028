import Foundation
import BlogCore
import Images

/// The build's store of images' variants, made as soon as the settings are read, with the
/// images of every bundle being made in it while the posts are read and parsed. Without it,
/// the first posts to show an image wait for it, with a core idle, and the images are made
/// in one burst at the start of parsing rather than beside it.
package final class ImagesAhead: @unchecked Sendable {
    private let lock = NSLock()
    private var started: (store: VariantStore, making: MakingAhead)?

    package init() {}

    /// Starts making the images of the bundles (site-relative folders and their files other
    /// than `index.md`) that their `index.md` names: plain files inside the site, of an image
    /// format, one after another. A bundle may keep photos its post does not show (originals,
    /// drafts' pictures), which would cost encoding for nothing. Each file is looked at on
    /// the store's thread, not the caller's, which goes on reading posts.
    package func start(root: String, config: Config, bundles: [(folder: String, files: [String])], fileSystem: FileSystem) {
        guard let store = SiteBuilder.variantStore(root: root, config: config) else { return }
        let folderOf = Dictionary(bundles.flatMap { bundle in bundle.files.map { ($0, bundle.folder) } }, uniquingKeysWith: { a, _ in a })
        let containment = Locked(Containment(fileSystem: fileSystem, root: root, realRoot: fileSystem.realPath(root)))
        // The files come bundle by bundle: its post's text is read once.
        let post = Locked((folder: "", text: Data()))
        let making = store.makeAhead(bundles.flatMap(\.files)) { file in
            guard let folder = folderOf[file] else { return nil }
            let text = post.withLock { last in
                if last.folder != folder {
                    let index = SitePath.join(root, folder + "/index.md")
                    last = (folder, fileSystem.kind(of: index) == .file ? (try? fileSystem.contents(of: index)) ?? Data() : Data())
                }
                return last.text
            }
            guard Self.names(text, Data(file.dropFirst(folder.count + 1).utf8)) else { return nil }
            // Never a file outside the site through a link, nor a FIFO that would hang the read.
            let path = SitePath.join(root, file)
            guard fileSystem.kind(of: path) == .file, containment.withLock({ $0.liesInside(path) }) else { return nil }
            return try? fileSystem.contents(of: path)
        }
        lock.withLock { started = (store, making) }
    }

    /// Whether the post's text holds the file's name as a whole (`5.png` in `![](5.png)` or
    /// `./5.png`, not in `15.png`): a bundle of numbered screenshots would otherwise have
    /// every one made.
    static func names(_ text: Data, _ name: Data) -> Bool {
        func isNameByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        var from = text.startIndex
        while let found = text.range(of: name, in: from..<text.endIndex) {
            let before = found.lowerBound > text.startIndex ? text[found.lowerBound - 1] : 0x20
            let after = found.upperBound < text.endIndex ? text[found.upperBound] : 0x20
            if !isNameByte(before) && !isNameByte(after) { return true }
            from = found.lowerBound + 1
        }
        return false
    }

    /// The store the images are being made in, when they are; the build's resolver uses it
    /// so that a post asking for an image finds it made, or being made.
    package var store: VariantStore? { lock.withLock { started?.store } }

    /// Stops what is left (images no post asked for), finishing the image being made.
    package func stop() { lock.withLock { started?.making }?.stop() }
}

/// A value one thread at a time changes.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T { lock.withLock { body(&value) } }
}
