import Foundation
import BlogCore
import BlogMarkdown
import BlogPipeline
import BlogIncremental

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
        let realSource = LocalFileSystem().realPath(sourceURL.path)
        let target = try newSiteFolder(destination)
        if let contents = try? FileManager.default.contentsOfDirectory(atPath: target.path), !contents.isEmpty {
            throw Failure(description: "\(destination): error: the new site's folder exists and is not empty; name a new folder")
        }
        if isInside(target.path, realSource, orSame: true) {
            let through = target.path == URL(fileURLWithPath: destination).standardizedFileURL.path ? "" : " (through a symbolic link: it is \(target.path))"
            throw Failure(description: "\(destination): error: the new site cannot be inside the old one (\(source))\(through), which import never changes")
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
        site.report.skipped = old.refused + site.report.skipped
        SiteConversion.convert(&site, old: old)
        let written = dryRun ? FileManager.default.temporaryDirectory.appendingPathComponent("blog-import-\(UUID().uuidString)") : target
        defer { if dryRun { try? FileManager.default.removeItem(at: written) } }
        do {
            site.report.skipped += try ImportWriter.write(site, from: old, to: written)
        } catch {
            throw Failure(description: "\(destination): error: the new site could not be written: \(error)")
        }
        site.report.buildProblems = check(written.path, site: site)
        return site.report
    }

    /// NEW as it will be written: the nearest part of it that exists with links followed,
    /// then the rest, so that a path leading into the old site through a link is seen to.
    private static func newSiteFolder(_ destination: String) throws -> URL {
        let given = URL(fileURLWithPath: destination).standardizedFileURL.path
        var existing = given
        var rest: [String] = []
        var info = stat()
        while lstat(existing, &info) != 0, existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let disk = LocalFileSystem()
        guard disk.kind(of: existing) != .missing else {
            let points = (try? FileManager.default.destinationOfSymbolicLink(atPath: existing)).map { "a symbolic link to \($0), which does not exist" }
            let named = existing == given ? "it is" : "\(existing) is"
            throw Failure(description: "\(destination): error: \(named) \(points ?? "not readable"): the new site cannot be written there; name another folder")
        }
        let real = disk.realPath(existing)
        guard disk.kind(of: real) == .folder else {
            let named = existing == given ? "it exists and" : "\(existing)"
            throw Failure(description: "\(destination): error: \(named) is not a folder; name a new folder")
        }
        return URL(fileURLWithPath: ([real] + rest).joined(separator: "/")).standardizedFileURL
    }

    /// Builds the new site in memory: its problems, and any old address it does not answer.
    private static func check(_ folder: String, site: ImportedSite) -> [Diagnostic] {
        var options = BuildOptions(source: folder)
        options.excluded = (folder as NSString).appendingPathComponent("public")
        options.imageVariants = false
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
