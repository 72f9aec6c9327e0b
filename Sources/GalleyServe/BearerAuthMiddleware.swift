import Foundation
import Hummingbird

/// Requires `Authorization: Bearer <token>` on every route but health and metrics, which monitoring reads without
/// credentials.
struct BearerAuthMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: [UInt8]
    /// Paths open without a token.
    static var openPaths: Set<String> { ["/healthz", "/metrics"] }

    init(token: String) {
        self.token = Array(token.utf8)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !Self.openPaths.contains(request.uri.path) else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw ServeError(.unauthorized, "this service needs Authorization: Bearer <token>")
        }
        guard Self.equal(Array(header.dropFirst("Bearer ".count).utf8), token) else {
            throw ServeError(.unauthorized, "the bearer token is not this service's")
        }
        return try await next(request, context)
    }

    /// Compares in time that depends only on the lengths, so a wrong token's answer time says nothing of the right one.
    static func equal(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
