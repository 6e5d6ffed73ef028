/// Where a problem is: a file relative to the site folder, and a 1-based line when known.
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int?
    /// 1-based, in characters, where the problem starts within the line, when known.
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One problem found in a build, printed the way compilers print them
/// (`posts/a.md:3: error: …`) so that editors can jump to it.
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ file: String, line: Int? = nil, column: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.error, SourceLocation(file: file, line: line, column: column), message)
    }

    public static func warning(_ file: String, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, SourceLocation(file: file, line: line), message)
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        var place = location.file
        if let line = location.line {
            place += ":\(line)" + (location.column.map { ":\($0)" } ?? "")
        }
        return "\(place): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains(where: \.isError) }

    /// Sorted by file, then line, so that output is stable whatever order threads finished in.
    public var sortedByLocation: [Diagnostic] {
        sorted {
            ($0.location.file, $0.location.line ?? 0, $0.message)
                < ($1.location.file, $1.location.line ?? 0, $1.message)
        }
    }
}
