import Foundation
import Hummingbird
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// A file of the preview, opened once for one response and sent a chunk at a time.
///
/// The size in `Content-Length` and the bytes sent come from the same open file, so a rebuild
/// that replaces the file (temp-and-rename) while it is being sent cannot make the header lie:
/// the response carries the file as it was when the request came. The descriptor is closed
/// when the last response holding it is done or dropped.
final class OpenedFile: Sendable {
    /// Read and handed to the connection at a time: the most one response holds.
    static let chunkSize = 128 * 1024

    private let descriptor: Int32
    let size: Int

    /// Reads block on the disk; they run here, never on the few threads that Swift
    /// concurrency (and so every other request) runs on.
    private static let reads = DispatchQueue(label: "blog.serve.file-reads", attributes: .concurrent)

    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// nil when no regular file is at `path` any more (a rebuild removed it since the lookup)
    /// or it cannot be opened. A FIFO is not waited on: it opens without blocking, and is not
    /// a regular file.
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & mode_t(S_IFMT)) == mode_t(S_IFREG) else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        size = Int(info.st_size)
    }

    deinit { close(descriptor) }

    /// The whole file as a streamed body. The next chunk is read only once the last one has
    /// been taken by the connection, whose writer waits while the client's socket is full: a
    /// client that reads slowly, or not at all, costs a chunk, not the file.
    func body() -> ResponseBody {
        ResponseBody(contentLength: size) { [self] writer in
            var offset = 0
            while offset < size {
                let chunk = try await read(at: offset, count: min(Self.chunkSize, size - offset))
                offset += chunk.readableBytes
                try await writer.write(chunk)
            }
            try await writer.finish(nil)
        }
    }

    /// Exactly `count` bytes from `offset`.
    /// - Throws: `ReadError` when the file fails or ends first (truncated in place).
    func read(at offset: Int, count: Int) async throws -> ByteBuffer {
        try await withCheckedThrowingContinuation { continuation in
            Self.reads.async {
                continuation.resume(with: Result { try self.readBlocking(at: offset, count: count) })
            }
        }
    }

    private func readBlocking(at offset: Int, count: Int) throws -> ByteBuffer {
        var buffer = ByteBufferAllocator().buffer(capacity: count)
        while buffer.readableBytes < count {
            let wanted = count - buffer.readableBytes
            let position = off_t(offset + buffer.readableBytes)
            var failure: Int32 = 0
            let got = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: wanted) { space in
                let result = pread(descriptor, space.baseAddress, wanted, position)
                if result < 0 { failure = errno }
                return max(result, 0)
            }
            if failure == EINTR { continue }
            if failure != 0 { throw ReadError(description: "reading a served file failed: \(String(cString: strerror(failure)))") }
            if got == 0 { throw ReadError(description: "a served file became shorter while it was sent") }
        }
        return buffer
    }
}
