import Foundation
import GalleyExport
import Hummingbird

/// An error the service answers with: its status and a JSON body holding the same located sentence the command line
/// prints, `{"error": {"status": 422, "message": "…"}}`.
struct ServeError: HTTPResponseError {
    /// The HTTP status.
    var status: HTTPResponse.Status
    /// The sentence.
    var message: String
    /// Seconds a client should wait before trying again (503 only).
    var retryAfter: Int?

    /// The error for a document that could not be made.
    init(_ failure: DocumentFailure) {
        switch failure.kind {
        // An article that takes too long will take too long again: the client should not retry it.
        case .input, .timeout: status = .unprocessableContent
        case .internalError: status = .internalServerError
        case .busy: status = .serviceUnavailable
        }
        message = failure.message
        retryAfter = failure.kind == .busy ? 1 : nil
    }

    /// An error with `status` saying `message`.
    init(_ status: HTTPResponse.Status, _ message: String, retryAfter: Int? = nil) {
        self.status = status
        self.message = message
        self.retryAfter = retryAfter
    }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var status: Int
            var message: String
        }
        var error: Detail
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"galley\"" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Body(error: .init(status: status.code, message: message)))
        data.append(0x0A)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
