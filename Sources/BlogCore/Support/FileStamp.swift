import Foundation

/// Size and modification time (nanoseconds) of a file: what tells, as for rsync, that a file
/// is as it was without reading it.
public struct FileStamp: Equatable, Sendable {
    package var size: Int64
    package var modified: Int64

    package init(size: Int64, modified: Int64) {
        (self.size, self.modified) = (size, modified)
    }

    package init(_ info: stat) {
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    /// The stamp of the file at `path` (links followed); nil when there is none.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
