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

    /// Starts making the images among `files` (site-relative): those that are plain files
    /// inside the site, of an image format, one after another.
    package func start(root: String, config: Config, files: [String], fileSystem: FileSystem) {
        guard let store = SiteBuilder.variantStore(root: root, config: config) else { return }
        let realRoot = fileSystem.realPath(root)
        var containment = Containment(fileSystem: fileSystem, root: root, realRoot: realRoot)
        // Never a file outside the site through a link, nor a FIFO that would hang the read.
        let readable = files.filter {
            let path = SitePath.join(root, $0)
            return fileSystem.kind(of: path) == .file && containment.liesInside(path)
        }
        let making = store.makeAhead(readable) { try? fileSystem.contents(of: SitePath.join(root, $0)) }
        lock.withLock { started = (store, making) }
    }

    /// The store the images are being made in, when they are; the build's resolver uses it
    /// so that a post asking for an image finds it made, or being made.
    package var store: VariantStore? { lock.withLock { started?.store } }

    /// Stops what is left (images no post asked for), finishing the image being made.
    package func stop() { lock.withLock { started?.making }?.stop() }
}
