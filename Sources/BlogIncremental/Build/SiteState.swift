import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline

/// The tool's own files for a site: kept in a hidden folder of the site (`.blog/`), never in
/// the output folder, which holds the published site and nothing else. `blog init` puts the
/// folder in `.gitignore`; deleting it costs one full build, nothing more.
public enum SiteState {
    public static let folderName = ".blog"

    /// `<site>/.blog`
    public static func folder(source: String) -> String {
        URL(fileURLWithPath: source).standardizedFileURL.path + "/" + folderName
    }

    /// Where `blog serve` writes the preview (preview URLs, drafts): never the output folder.
    public static func previewFolder(source: String) -> String {
        folder(source: source) + "/preview"
    }

    /// Present while a build writes into an output folder (it holds that folder's path): a
    /// build killed then leaves it, and `blog deploy` refuses to publish that folder.
    package static let writingName = "writing"

    /// Marks `output` as being written, and forgets the record of its last build, which the
    /// folder will no longer match.
    public static func beginWriting(source: String, output: String) throws {
        let folder = folder(source: source)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        unlink(folder + "/" + BuildManifest.fileName(output: output))
        try Data((output + "\n").utf8).write(to: URL(fileURLWithPath: folder + "/" + writingName))
    }

    /// The write into `output` finished, or failed with the folder left as it was.
    public static func endWriting(source: String) {
        unlink(folder(source: source) + "/" + writingName)
    }

    /// Whether the last build into `output` stopped while writing it.
    public static func writingUnfinished(source: String, output: String) -> Bool {
        guard let text = try? String(contentsOfFile: folder(source: source) + "/" + writingName, encoding: .utf8) else {
            return false
        }
        return text.trimmingCharacters(in: .newlines) == output
    }

    /// Holds `.blog/lock` until the process ends: a second build or deploy of the same site
    /// waits for the first instead of writing the same output at the same time (`deploy`
    /// takes it before building and keeps it while rsync runs; a second call of the same
    /// process finds it held). `waiting` is called once when another process holds it. The
    /// system releases it if the process dies. Nothing is locked when the site cannot keep
    /// state (a read-only folder).
    public static func lock(source: String, waiting: () -> Void) {
        let folder = folder(source: source)
        guard !SiteLocks.shared.holds(folder) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(folder + "/lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            waiting()
            while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
        }
        SiteLocks.shared.add(folder, fd)
    }
}

/// The site locks this process holds (their descriptors stay open until it ends).
private final class SiteLocks: @unchecked Sendable {
    package static let shared = SiteLocks()
    private let guardLock = NSLock()
    private var held: [String: Int32] = [:]

    package func holds(_ folder: String) -> Bool { guardLock.withLock { held[folder] != nil } }
    package func add(_ folder: String, _ fd: Int32) { guardLock.withLock { held[folder] = fd } }
}
