import Foundation
import BlogCore

/// The store keeps an entry for every image and settings it has seen, so it would only grow:
/// a photo replaced, a quality changed, a blog upgraded to a new encoder each leave entries
/// no build asks for again. Each entry's manifest is touched when a build uses it (at most
/// once a day), and an entry no build has used for `maxAge` is removed, once a day at most.
/// An entry removed too soon costs one decoding, never a wrong image.
public enum StorePruning {
    public static let maxAge: TimeInterval = 30 * 24 * 3600
    static let touchEvery: TimeInterval = 24 * 3600
    public static let marker = "last-pruned"

    /// Marks an entry as used now, unless it was already today.
    static func used(_ entryFolder: String, now: Date = Date()) {
        let manifest = entryFolder + "/manifest"
        guard let modified = modificationTime(manifest), now.timeIntervalSince1970 - modified > touchEvery else { return }
        utimes(manifest, nil)
    }

    /// Removes the entries of `folder` (absolute) unused for `maxAge`, and temporaries a
    /// process left when it died; does nothing if it ran less than a day ago. Returns how
    /// many entries were removed.
    /// - Parameter keeping: entries (folder names) the build just written publishes, which
    ///   its saved state names: kept whatever their age.
    @discardableResult
    public static func prune(
        _ folder: String, keeping: Set<String> = [], now: Date = Date(), maxAge: TimeInterval = maxAge
    ) -> Int {
        let markerPath = folder + "/" + marker
        let now1970 = now.timeIntervalSince1970
        if let last = modificationTime(markerPath), now1970 - last < touchEvery { return 0 }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
        var removed = 0
        for name in names where name != marker && !keeping.contains(name) {
            let entry = folder + "/" + name
            // A temporary's folder has no manifest until it is renamed: its own time counts.
            guard let used = modificationTime(entry + "/manifest") ?? modificationTime(entry), now1970 - used > maxAge
            else { continue }
            if (try? FileManager.default.removeItem(atPath: entry)) != nil { removed += 1 }
        }
        FileManager.default.createFile(atPath: markerPath, contents: Data())
        utimes(markerPath, nil)
        return removed
    }

    private static func modificationTime(_ path: String) -> TimeInterval? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return TimeInterval(info.st_mtim.tv_sec)
    }

    /// The store entries `files` are published from.
    public static func entries(of files: [OutputFile]) -> Set<String> {
        Set(files.compactMap { file in
            guard case .link(let path) = file.content else { return nil }
            return ((path as NSString).deletingLastPathComponent as NSString).lastPathComponent
        })
    }
}
