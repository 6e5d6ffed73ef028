import Foundation

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
}
