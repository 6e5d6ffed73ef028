import ArgumentParser
import BlogKit
import BlogImport
import Foundation

extension Blog {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a Hexo, Jekyll or Hugo blog into a new site folder.",
            discussion: """
                Reads SOURCE (never changing it), converts its settings, posts, pages, images \
                and the template tags its posts use, writes NEW_SITE (which must not exist or be \
                empty) and builds it once. Every old post address is kept, as the post's address \
                or as a redirect. Exits 0 when the new site builds without errors, 1 otherwise \
                (the site is still written).

                Examples:
                  blog import ~/old-blog my-blog           detect the generator
                  blog import jekyll ~/old-blog my-blog    say which it is
                  blog import hugo ~/old-blog my-blog --dry-run   only report
                """
        )

        @Argument(help: "[hexo|jekyll|hugo] SOURCE NEW_SITE")
        var arguments: [String]

        @Flag(help: "Report what would be done; write nothing.")
        var dryRun = false

        func validate() throws {
            guard (2...3).contains(arguments.count) else { throw ValidationError("expected [hexo|jekyll|hugo] SOURCE NEW_SITE") }
            if arguments.count == 3, SourceGenerator(rawValue: arguments[0].lowercased()) == nil {
                throw ValidationError("unknown generator '\(arguments[0])': use hexo, jekyll or hugo")
            }
        }

        func run() throws {
            let source = arguments[arguments.count - 2], destination = arguments[arguments.count - 1]
            let generator: SourceGenerator
            if arguments.count == 3 {
                generator = SourceGenerator(rawValue: arguments[0].lowercased())!
            } else if let found = Importer.detect(source) {
                generator = found
            } else {
                Terminal.line("\(source): error: not a Hexo, Jekyll or Hugo site that blog recognises; name the generator: blog import jekyll \(source) \(destination)", toError: true)
                throw ExitCode(1)
            }
            let report: ImportReport
            do {
                report = try Importer.run(generator, source: source, destination: destination, dryRun: dryRun)
            } catch let failure as Importer.Failure {
                Terminal.line(failure.description, toError: true)
                throw ExitCode(1)
            }
            print(report, source: source, destination: destination)
            if report.buildProblems.hasErrors { throw ExitCode(1) }
        }

        private func print(_ report: ImportReport, source: String, destination: String) {
            let target = dryRun ? "nothing written (--dry-run)" : "→ \(destination)"
            Terminal.line("Imported a \(report.generator.rawValue) site: \(report.posts) posts, \(report.pages) pages, \(report.images) images, \(report.files - report.images) other files \(target)")
            if !report.converted.isEmpty {
                Terminal.line("\nConverted:")
                for (kind, count) in report.converted.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                    Terminal.line(String(format: "%6d  ", count) + kind)
                }
            }
            if !report.skipped.isEmpty {
                Terminal.line("\nNot brought over:")
                for (path, reason) in report.skipped { Terminal.line("  \(join(source, path)): \(reason)") }
            }
            if !report.notConverted.isEmpty {
                Terminal.line("\nLeft for you (\(report.notConverted.count)), to check in the new post (each says what it holds now):")
                for problem in report.notConverted.sortedByLocation { Terminal.line(relocated(problem, to: source)) }
            }
            let errors = report.buildProblems.filter(\.isError).count
            let warnings = report.buildProblems.count - errors
            Terminal.line("\nThe new site's build: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
            for problem in report.buildProblems.sortedByLocation { Terminal.line(relocated(problem, to: dryRun ? "NEW_SITE" : destination)) }
            if !dryRun && errors == 0 { Terminal.line("\nNext: blog serve --source \(destination)") }
        }

        private func relocated(_ problem: Diagnostic, to folder: String) -> String {
            var moved = problem
            moved.location.file = join(folder, problem.location.file)
            return moved.description
        }

        private func join(_ folder: String, _ path: String) -> String {
            (folder as NSString).appendingPathComponent(path)
        }
    }
}
