import Foundation

/// Files published as they are: the images and other files posts use, every file of a
/// bundle, `static/`, and the theme's assets.
struct CopiedFiles {
    var files: [OutputFile] = []
    var problems: [Diagnostic] = []
    var imageCount = 0

    static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg", "avif"]

    static func collect(site: SiteSource, posts: [ResolvedPost], theme: Theme) -> CopiedFiles {
        var result = CopiedFiles()
        var sourceByOutput: [String: String] = [:]
        func add(_ source: String, at output: String) {
            if let existing = sourceByOutput[output] {
                if existing != source {
                    result.problems.append(.error(source, "would be published at /\(output), where \(existing) is published too"))
                }
                return
            }
            sourceByOutput[output] = source
            result.files.append(OutputFile(path: output, content: .copy(SitePath.join(site.root, source))))
            if imageExtensions.contains((source as NSString).pathExtension.lowercased()) { result.imageCount += 1 }
        }
        for post in posts {
            for asset in post.assets { add(asset.sourcePath, at: asset.outputPath) }
            if post.source.isBundle, let bundleFiles = site.bundleAssets[post.source.folder] {
                let folder = SiteIndex.folder(of: post.path)
                for file in bundleFiles {
                    add(file, at: folder + file.dropFirst(post.source.folder.count + 1))
                }
            }
        }
        for file in site.staticFiles { add(file, at: String(file.dropFirst("static/".count))) }
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            result.files.append(OutputFile(path: "assets/" + path, content: .data(data)))
        }
        return result
    }

    /// Two different files at one output path: the build would silently lose one.
    static func collisions(in files: [OutputFile]) -> [Diagnostic] {
        var seen: [String: OutputFile] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            if let earlier = seen[file.path], earlier != file {
                problems.append(.error(describe(file), "is published at /\(file.path), which the site already has (from \(describe(earlier)))"))
            }
            seen[file.path] = file
        }
        return problems
    }

    private static func describe(_ file: OutputFile) -> String {
        if case .copy(let path) = file.content { return path }
        return "a generated page"
    }
}
