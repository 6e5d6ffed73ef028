import BlogKit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders for changes with Linux's inotify and calls back once per burst of events
/// (an editor's save is often several: a temporary file, a rename, a change of attributes).
public final class FileWatcher: @unchecked Sendable {
    private let roots: [String]
    private let ignored: Set<String>
    private let quietPeriod: TimeInterval
    private let onChange: @Sendable ([String]) -> Void
    private var descriptor: Int32 = -1
    private var folderByWatch: [Int32: String] = [:]
    private let lock = NSLock()
    private var pending: [String] = []
    private var generation = 0

    /// - Parameters:
    ///   - roots: folders to watch, with everything below them.
    ///   - ignored: absolute paths of folders not to watch (the preview and output folders).
    public init(roots: [String], ignoring ignored: [String], quietPeriod: TimeInterval = 0.03,
                onChange: @escaping @Sendable ([String]) -> Void) {
        self.roots = roots
        self.ignored = Set(ignored)
        self.quietPeriod = quietPeriod
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own. Throws when inotify is unavailable.
    public func start() throws {
        #if canImport(Glibc)
            descriptor = inotify_init1(Int32(IN_CLOEXEC))
            guard descriptor >= 0 else { throw WatchError(reason: String(cString: strerror(errno))) }
            for root in roots { addWatches(under: root) }
            let thread = Thread { [self] in readLoop() }
            thread.name = "blog file watcher"
            thread.start()
        #else
            throw WatchError(reason: "file watching needs Linux's inotify")
        #endif
    }

    #if canImport(Glibc)
        private static let mask = UInt32(
            IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)

        /// Watches `folder` and every folder below it but hidden and ignored ones.
        private func addWatches(under folder: String) {
            guard !ignored.contains(folder) else { return }
            watch(folder)
            FolderWalk.walk(folder, followLinks: true, skip: { parent, name in
                name.hasPrefix(".") || ignored.contains(folder + "/" + (parent.isEmpty ? name : parent + "/" + name))
            }) { path, isFolder in
                if isFolder { watch(folder + "/" + path) }
            }
        }

        private func watch(_ folder: String) {
            let watch = inotify_add_watch(descriptor, folder, Self.mask)
            if watch >= 0 {
                lock.withLock { folderByWatch[watch] = folder }
            }
        }

        private func readLoop() {
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            while true {
                let count = read(descriptor, buffer, size)
                if count <= 0 {
                    if errno == EINTR { continue }
                    return
                }
                var offset = 0
                while offset < count {
                    let event = (buffer + offset).assumingMemoryBound(to: inotify_event.self).pointee
                    let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
                    let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                    handle(event, name: name)
                    offset += MemoryLayout<inotify_event>.size + Int(event.len)
                }
            }
        }

        private func handle(_ event: inotify_event, name: String) {
            guard let folder = lock.withLock({ folderByWatch[event.wd] }) else { return }
            let path = name.isEmpty ? folder : folder + "/" + name
            if ignored.contains(path) || Self.isEditorScratch(name) { return }
            if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                addWatches(under: path)
            }
            schedule(path)
        }
    #endif

    /// Swap files, backups and the like, which change while nothing was saved.
    static func isEditorScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || name.hasPrefix("#")
    }

    /// Waits for a quiet moment, then reports every path that changed in the burst.
    private func schedule(_ path: String) {
        let current: Int = lock.withLock {
            pending.append(path)
            generation += 1
            return generation
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + quietPeriod) { [self] in
            let paths: [String]? = lock.withLock {
                guard generation == current else { return nil }
                defer { pending.removeAll() }
                return pending
            }
            if let paths { onChange(paths) }
        }
    }
}

public struct WatchError: Error, CustomStringConvertible {
    public var reason: String
    public var description: String { "cannot watch files: \(reason)" }
}
