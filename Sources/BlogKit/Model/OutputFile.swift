import Foundation

/// One file of the finished site: where it goes, and its bytes or the file to copy them from.
public struct OutputFile: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case data(Data)
        /// An absolute path to copy (images, static files), read only when writing.
        case copy(String)
    }

    /// Relative to the output folder, e.g. `2016/12/a/index.html`.
    public var path: String
    public var content: Content

    public init(path: String, content: Content) {
        self.path = path
        self.content = content
    }

    public static func text(_ path: String, _ text: String) -> OutputFile {
        OutputFile(path: path, content: .data(Data(text.utf8)))
    }
}
