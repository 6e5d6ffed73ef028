import Foundation

/// What identifies the running build of `blog`: the GNU build id the linker puts in the
/// executable (a digest of everything linked), else a digest of its bytes. A save or record
/// made by any other build — an upgrade, a local change — is not trusted: what the code
/// writes may have changed (a lexer, an escaping fix), and a page kept from it would be stale.
public enum BinaryIdentity {
    public static let current: String = {
        let executable = "/proc/self/exe"
        let fd = open(executable, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return "unknown" }
        defer { close(fd) }
        if let id = gnuBuildID(fd) { return id }
        // No build id (a linker told not to write one): the bytes themselves.
        guard let data = try? LocalFileSystem().contents(of: executable) else { return "unknown" }
        var hasher = FNV1a()
        hasher.add(bytes: data)
        return "bytes-" + String(hasher.value, radix: 16)
    }()

    /// The `NT_GNU_BUILD_ID` note of a 64-bit little-endian ELF file, as hex; nil without one.
    package static func gnuBuildID(_ fd: Int32) -> String? {
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        func number(_ bytes: [UInt8], _ at: Int, _ size: Int) -> Int {
            (0..<size).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        guard let header = read(64, at: 0), header.starts(with: [0x7F, 0x45, 0x4C, 0x46, 2, 1]) else { return nil }
        let (tableAt, entrySize, entries) = (number(header, 0x20, 8), number(header, 0x36, 2), number(header, 0x38, 2))
        guard entrySize >= 56, entries < 1000 else { return nil }
        for entry in 0..<entries {
            guard let program = read(entrySize, at: tableAt + entry * entrySize), number(program, 0, 4) == 4 else { continue }
            let (noteAt, noteSize) = (number(program, 0x08, 8), number(program, 0x20, 8))
            guard noteSize < 1 << 16, let notes = read(noteSize, at: noteAt) else { continue }
            var at = 0
            while at + 12 <= notes.count {
                let (nameSize, descriptionSize, type) = (number(notes, at, 4), number(notes, at + 4, 4), number(notes, at + 8, 4))
                let name = at + 12
                let description = name + (nameSize + 3) / 4 * 4
                guard description + descriptionSize <= notes.count else { break }
                if type == 3, nameSize == 4, notes[name..<(name + 3)].elementsEqual("GNU".utf8) {
                    return notes[description..<(description + descriptionSize)].map { String(format: "%02x", $0) }.joined()
                }
                at = description + (descriptionSize + 3) / 4 * 4
            }
        }
        return nil
    }
}
