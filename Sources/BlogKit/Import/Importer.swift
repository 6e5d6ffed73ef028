import Foundation

/// `blog import`: reads a Hexo, Jekyll or Hugo site (never changing it), converts what its
/// posts use, writes a new site folder and builds it once to report what still needs the
/// writer. Reading, converting and writing are separate steps; only the first and the last
/// touch the disk.
public enum Importer {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The kind of site a folder holds, from the files only each generator has.
    public static func detect(_ folder: String) -> SourceGenerator? {
        let manager = FileManager.default
        func has(_ name: String) -> Bool { manager.fileExists(atPath: (folder as NSString).appendingPathComponent(name)) }
        if has("source/_posts") || (has("_config.yml") && has("scaffolds")) { return .hexo }
        if ["hugo.toml", "hugo.yaml", "hugo.json", "config.toml", "config/_default"].contains(where: has) || (has("content") && (has("config.yaml") || has("config.json"))) {
            return .hugo
        }
        if has("_posts") || has("_config.yml") { return .jekyll }
        return nil
    }

    /// - Parameter destination: a folder that does not exist or is empty; with `dryRun`, it is
    ///   written to a temporary folder instead and removed after the check.
    public static func run(_ generator: SourceGenerator, source: String, destination: String, dryRun: Bool) throws -> ImportReport {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: sourceURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Failure(description: "\(source): error: no such folder")
        }
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
            throw Failure(description: "\(destination): error: the new site's folder exists and is not empty; name a new folder")
        }
        if target.path == sourceURL.path || target.path.hasPrefix(sourceURL.path + "/") {
            throw Failure(description: "\(destination): error: the new site cannot be inside the old one (\(source)), which import never changes")
        }
        let old = OldSite(root: sourceURL)
        var site: ImportedSite
        do {
            switch generator {
            case .jekyll: site = try JekyllImport.read(old)
            case .hugo: site = try HugoImport.read(old)
            case .hexo: site = try HexoImport.read(old)
            }
        } catch let failure as Metadata.Failure {
            throw Failure(description: failure.description)
        }
        SiteConversion.convert(&site, old: old)
        let written = dryRun ? FileManager.default.temporaryDirectory.appendingPathComponent("blog-import-\(UUID().uuidString)") : target
        defer { if dryRun { try? FileManager.default.removeItem(at: written) } }
        try ImportWriter.write(site, from: sourceURL, to: written)
        site.report.buildProblems = check(written.path, site: site)
        return site.report
    }

    /// Builds the new site in memory: its problems, and any old address it does not answer.
    private static func check(_ folder: String, site: ImportedSite) -> [Diagnostic] {
        var options = BuildOptions(source: folder)
        options.excluded = (folder as NSString).appendingPathComponent("public")
        let result = SiteBuilder.build(options)
        guard result.succeeded else { return result.diagnostics }
        let paths = Set(result.files.map(\.path))
        var problems = result.diagnostics
        for post in site.posts where !post.draft {
            for address in post.oldURLs {
                let path = String(address.prefix { $0 != "#" && $0 != "?" }.drop { $0 == "/" })
                let decoded = path.removingPercentEncoding ?? path
                let answered = [decoded, decoded + "/index.html", decoded + "index.html", decoded + ".html"].contains { paths.contains($0) }
                if !answered {
                    problems.append(.warning(post.target, line: 1, "its old address \(address) answers no page of the new site"))
                }
            }
        }
        return problems
    }
}
