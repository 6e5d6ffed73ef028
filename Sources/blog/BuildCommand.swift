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
            let started = DispatchTime.now().uptimeNanoseconds
            let output = site.outputPath
            if let refusal = SiteWriter.refusal(output: output, source: site.source) {
                Terminal.report([refusal])
                throw ExitCode(1)
            }
            let source = URL(fileURLWithPath: site.source).standardizedFileURL.path
            let theme = ConfigParser.parse((try? String(contentsOfFile: source + "/blog.yaml", encoding: .utf8)) ?? "").0.theme
            // Both folders are scanned at once: on a large site the check is a few thousand stats.
            nonisolated(unsafe) var inputs: [String: BuildManifest.Stamp] = [:]
            nonisolated(unsafe) var outputs: [String: BuildManifest.Stamp] = [:]
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { inputs = BuildManifest.inputs(source: source, output: output, theme: theme) }
                else { outputs = BuildManifest.outputs(output) }
            }
            if let previous = BuildManifest.read(output: output), previous.tool == BuildManifest.tool,
                previous.includeDrafts == site.drafts, previous.nextDue.map({ Int64(Date().timeIntervalSince1970) < $0 }) ?? true,
                previous.inputs == inputs, previous.outputs == outputs
            {
                for warning in previous.warnings { Terminal.line(warning, toError: true) }
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                Terminal.line("Nothing changed in \(String(format: "%.2f", seconds)) s: \(previous.outputs.count) files up to date → \(output)")
                return
            }
            let result = SiteBuilder.build(
                BuildOptions(source: site.source, includeDrafts: site.drafts, excluded: output))
            Terminal.report(result.diagnostics)
            guard result.succeeded else {
                let count = result.diagnostics.filter(\.isError).count
                Terminal.line("build failed with \(count) error\(count == 1 ? "" : "s"); \(output) was left as it was", toError: true)
                throw ExitCode(1)
            }
            let report: SiteWriter.Report
            do {
                report = try SiteWriter(output: output).write(result.files)
            } catch {
                Terminal.line("\(error)", toError: true)
                throw ExitCode(1)
            }
            let manifest = BuildManifest(
                tool: BuildManifest.tool, includeDrafts: site.drafts, inputs: inputs,
                outputs: BuildManifest.outputs(output), nextDue: result.nextDue,
                warnings: result.diagnostics.map(\.description))
            try? manifest.write(output: output)
            if verbose {
                for (stage, seconds) in result.timings {
                    Terminal.line(String(format: "  %-18@ %8.1f ms", stage as NSString, seconds * 1000))
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            Terminal.line(
                "Built \(result.postCount) posts, \(result.pageCount) pages, \(result.imageCount) images "
                    + "in \(String(format: "%.2f", seconds)) s: \(report.written) files written, "
                    + "\(report.unchanged) unchanged, \(report.removed) removed → \(output)")
        }
    }
}
