import BlogKit
import Foundation

/// Output for people: diagnostics on standard error, one per line, compiler style.
enum Terminal {
    static func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { line(diagnostic.description, toError: true) }
    }

    static func line(_ text: String, toError: Bool = false) {
        let handle = toError ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((text + "\n").utf8))
    }
}
