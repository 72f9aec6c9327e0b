import Foundation
import Hummingbird
import GalleyFiles
import NIOCore

/// Reads a request's body within the service's limits: an oversized body is refused from its Content-Length before a
/// byte is read, a client that sends too slowly is cut off, and all bodies being read share a byte budget.
struct RequestBodyReader {
    let limit: Int
    let seconds: Int
    /// What all bodies being read may hold together.
    let budget: BodyBudget

    /// The whole body, or a `ServeError` (413 too large, 408 too slow, 503 when the budget is spent).
    func read(_ request: Request) async throws -> Data {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw Self.tooLarge(limit)
        }
        let (limit, seconds, budget) = (self.limit, self.seconds, self.budget)
        let body = request.body
        return try await withThrowingTaskGroup(of: Data?.self) { group in
            group.addTask { try await Self.collect(body, limit: limit, budget: budget) }
            group.addTask {
                try await Task.sleep(for: .seconds(seconds))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let data = first else {
                throw ServeError(.requestTimeout, "the request body did not arrive within \(seconds) s")
            }
            return data
        }
    }

    private static func collect(_ body: RequestBody, limit: Int, budget: BodyBudget) async throws -> Data {
        var data = Data()
        var taken = 0
        defer { budget.giveBack(taken) }
        for try await chunk in body {
            guard data.count + chunk.readableBytes <= limit else { throw tooLarge(limit) }
            guard budget.take(chunk.readableBytes) else {
                throw ServeError(.serviceUnavailable, "the service is reading \(ByteCount.words(budget.total)) of request bodies already; try again",
                                 retryAfter: 1)
            }
            taken += chunk.readableBytes
            data.append(contentsOf: chunk.readableBytesView)
        }
        return data
    }

    private static func tooLarge(_ limit: Int) -> ServeError {
        ServeError(.contentTooLarge, "the request body is over the limit of \(limit) bytes (galley serve --body-limit)")
    }
}
