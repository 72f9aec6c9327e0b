import Foundation

/// A WordPress request that failed, said as a sentence naming the URL: the HTTP status with WordPress's own message,
/// a timeout, an answer over the size limit, or an answer that is not what the REST API gives.
public struct WordPressError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What went wrong, for code that reacts to it (a 404 on delete means already gone).
    public enum Kind: Sendable, Equatable {
        /// WordPress answered with an HTTP error status.
        case status(Int)
        /// No answer within the timeout.
        case timeout
        /// The answer was larger than the response limit.
        case tooLarge
        /// The server could not be reached, or the connection broke.
        case transport
        /// The answer was not the JSON the REST API gives.
        case invalidResponse
        /// A setting (the URL, the password file) is unusable.
        case configuration
    }

    /// What went wrong.
    public var kind: Kind
    /// The request's method and URL (the password is never part of it).
    public var request: String
    /// WordPress's error code (`rest_post_invalid_id`), when it sent one.
    public var code: String?
    /// The explanation: WordPress's `message`, or ours.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, request: String, code: String? = nil, message: String) {
        self.kind = kind
        self.request = request
        self.code = code
        self.message = message
    }

    /// The HTTP status, when WordPress answered with one.
    public var status: Int? {
        if case .status(let status) = kind { return status }
        return nil
    }

    /// `GET http://…/wp/v2/posts/9: HTTP 404 (rest_post_invalid_id): Invalid post ID.`
    public var description: String {
        var text = request.isEmpty ? "" : request + ": "
        if let status { text += "HTTP \(status)" + (code.map { " (\($0))" } ?? "") + ": " }
        return text + message
    }

    /// The error for an HTTP error answer, with WordPress's JSON `code` and `message` when the body has them, and
    /// the target of a redirect (which is never followed, so that the password goes nowhere else).
    public static func fromAnswer(status: Int, body: Data, request: String, location: String? = nil) -> WordPressError {
        if (300..<400).contains(status) {
            return WordPressError(.status(status), request: request,
                                  message: "the site redirects to \(location ?? "another address"); give that address (https://…) as the site's URL")
        }
        let json = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        var message = (json?["message"] as? String).map(Self.plainText)
        if message == nil || message?.isEmpty == true {
            // Not WordPress's JSON (a proxy's page, PHP's fatal error): the start of it says more than nothing.
            let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            message = text.isEmpty ? HTTPStatusText.phrase(status) : Self.plainText(text)
        }
        var hint = ""
        if status == 401 {
            hint = " (check the user name and the application password; WordPress accepts application passwords over plain HTTP only on a site whose WP_ENVIRONMENT_TYPE is local)"
        }
        return WordPressError(.status(status), request: request, code: json?["code"] as? String, message: (message ?? "") + hint)
    }

    /// WordPress messages may hold HTML (`<strong>Error:</strong>`); a terminal wants text.
    private static func plainText(_ text: String) -> String {
        text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
    }
}
