import ArgumentParser
import BlogKit
import Foundation

/// Options every command that builds a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The site folder (with blog.yaml).")
    var source: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: <source>/public).")
    var output: String?

    @Flag(help: "Include drafts and posts dated in the future.")
    var drafts = false

    var outputPath: String { output ?? SitePathJoin(source, "public") }
}

func SitePathJoin(_ a: String, _ b: String) -> String {
    URL(fileURLWithPath: a).appendingPathComponent(b).standardizedFileURL.path
}

extension Blog {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into its output folder.",
            discussion: """
                Nothing in the output folder changes unless the whole site builds without \
                error; then only files whose bytes changed are written.

                Examples:
                  blog build                      build the site in this folder into ./public
                  blog build --source site        build ./site into ./site/public
                  blog build -s site -o /tmp/out  build into another folder
                """
        )

        @OptionGroup var site: SiteOptions

        @Flag(name: .shortAndLong, help: "Print the time each stage took.")
        var verbose = false

        func run() throws {
            guard try BuildRunner.run(site, verbose: verbose) else { throw ExitCode(1) }
        }
    }
}
