import Foundation
import Hummingbird
import NIOCore

/// Reads a request's body within the service's size and time limits: an oversized body is refused from its
/// Content-Length before a byte is read, and a client that sends too slowly is cut off.
struct RequestBodyReader {
    let limit: Int
    let seconds: Int

    /// The whole body, or a `ServeError` (413 too large, 408 too slow).
    func read(_ request: Request) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw tooLarge()
        }
        let limit = self.limit
        let body = request.body
        let buffer: ByteBuffer = try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask {
                do {
                    return try await body.collect(upTo: limit)
                } catch is NIOTooManyBytesError {
                    throw tooLarge()
                }
            }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw ServeError(.requestTimeout, "the request body did not arrive within \(seconds) s")
            }
            return buffer
        }
        return Data(buffer.readableBytesView)
    }

    private func tooLarge() -> ServeError {
        ServeError(.contentTooLarge, "the request body is over the limit of \(limit) bytes (galley serve --body-limit)")
    }
}
