import AsyncHTTPClient
import Foundation
import GalleyFiles
import NIOConcurrencyHelpers
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A WordPress site's REST API, as one user with an application password: posts with `_embed`, and the media
/// library (upload a PDF attached to a post, list a post's attachments, delete one).
///
/// The REST root is taken from the URL when it names one (`…/wp-json` or `…?rest_route=`), else discovered once from
/// the `Link` header of the site's front page, else the `?rest_route=` form every WordPress answers to. Every request
/// has a timeout and a limit on the size of the answer; errors are `WordPressError`s naming the URL.
public final class WordPressSite: Sendable {
    /// The site's URL as given.
    public let url: URL
    /// The user the application password belongs to.
    public let user: String
    /// The longest a request may take, answer included.
    public let timeout: Duration
    /// The largest answer read, in bytes (a post with `_embed`, a page of media, a downloaded file).
    public let responseLimit: Int
    private let password: String
    private let root: NIOLockedValueBox<WordPressAPIRoot?>

    /// One client for every site, which never follows redirects: async-http-client would send the `Authorization`
    /// header on to whatever host a redirect names. It lives as long as the process, so it is never shut down.
    private static let client = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10))))

    /// A site at `url`, used as `user` with the application password `password` (spaces in it, as WordPress shows
    /// it, are fine).
    public init(url: URL, user: String, password: String, timeout: Duration = .seconds(60), responseLimit: Int = 64 << 20) {
        self.url = url
        self.user = user
        self.password = password.trimmingCharacters(in: .whitespacesAndNewlines)
        self.timeout = timeout
        self.responseLimit = responseLimit
        root = NIOLockedValueBox(WordPressAPIRoot(explicit: url))
    }

    /// The application password in `path`: the file's first line, so that it never has to be on a command line.
    public static func password(file path: String) throws -> String {
        let text: String
        do {
            // Through RegularFile, as every file Galley reads: a FIFO or a device is refused, not read forever.
            text = String(decoding: try RegularFile.read(path, limit: 4096), as: UTF8.self)
        } catch let problem as FileProblem {
            throw WordPressError(.configuration, request: "", message: "the application password file \(problem.description)")
        }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? ""
        guard !line.isEmpty else {
            throw WordPressError(.configuration, request: "", message: "\(path): the application password file is empty")
        }
        return line
    }

    // MARK: The API

    /// The REST root: given, or discovered from the front page's `Link` header on first use.
    public func apiRoot() async throws -> WordPressAPIRoot {
        if let known = root.withLockedValue({ $0 }) { return known }
        var found = WordPressAPIRoot.fallback(site: url)
        // A site that cannot be reached fails here with a clear error rather than later with a confusing one.
        // Any HTTP answer will do (a front page may answer HEAD with 405 or a redirect); only one with the header says more.
        let answer = try await send(.HEAD, WordPressAPIRoot.fallback(site: url).base, authenticated: false, accepting: 100..<600)
        for value in answer.headers["Link"] {
            if let announced = WordPressAPIRoot(linkHeader: value) { found = announced; break }
        }
        root.withLockedValue { $0 = found }
        return found
    }

    /// The name of the user the password signs in as (`/wp/v2/users/me`): one request that proves the site answers
    /// and the credentials work, before anything is uploaded.
    public func signedInUser() async throws -> String {
        let answer = try await call(.GET, "/wp/v2/users/me")
        struct User: Decodable { var name: String }
        return try decode(User.self, answer).name
    }

    /// A post as the REST API gives it with `_embed` (author names, terms, featured image): the JSON bytes that
    /// `WordPressReader` reads.
    public func post(id: Int) async throws -> Data {
        try await call(.GET, "/wp/v2/posts/\(id)", query: [("_embed", "1")]).body
    }

    /// Uploads `pdf` to the media library as `fileName`, attached to post `post`, with `title` and `description`
    /// (set in the same request, so there is never an upload without its post).
    public func uploadPDF(_ pdf: Data, fileName: String, post: Int, title: String, description: String = "") async throws -> WordPressMedia {
        // Only the name's safe characters go into the header; WordPress sanitizes it again and may add -1, -2….
        let safeName = String(fileName.unicodeScalars.filter { $0.isASCII && $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/pdf")
        headers.add(name: "Content-Disposition", value: "attachment; filename=\"\(safeName)\"")
        let answer = try await call(.POST, "/wp/v2/media", query: [("post", String(post)), ("title", title), ("description", description)],
                                    body: pdf, headers: headers, accepting: 200..<300)
        return try decode(WordPressMedia.self, answer)
    }

    /// Deletes attachment `id` and its file for good (`force=true`: media has no trash in the REST API).
    public func deleteMedia(id: Int) async throws {
        let answer = try await call(.DELETE, "/wp/v2/media/\(id)", query: [("force", "true")])
        struct Deleted: Decodable { var deleted: Bool }
        guard try decode(Deleted.self, answer).deleted else {
            throw WordPressError(.invalidResponse, request: answer.request, message: "WordPress did not delete the attachment")
        }
    }

    /// Every media item attached to post `post`, oldest first, with descriptions as stored; `mimeType` narrows the
    /// list (`application/pdf`).
    public func media(attachedTo post: Int, mimeType: String? = nil) async throws -> [WordPressMedia] {
        var items: [WordPressMedia] = []
        var page = 1
        while true {
            var query = [("parent", String(post)), ("per_page", "100"), ("page", String(page)), ("context", "edit"),
                         ("orderby", "id"), ("order", "asc")]
            if let mimeType { query.append(("mime_type", mimeType)) }
            let answer = try await call(.GET, "/wp/v2/media", query: query)
            items += try decode([WordPressMedia].self, answer)
            let pages = answer.headers.first(name: "X-WP-TotalPages").flatMap { Int($0) } ?? 1
            if page >= pages || page >= 100 { return items }
            page += 1
        }
    }

    /// The bytes at `url` (a media file), sending the password only when the URL is on the site's own host.
    public func download(_ url: URL) async throws -> Data {
        let sameHost = url.host == self.url.host && url.port == self.url.port && url.scheme == self.url.scheme
        return try await send(.GET, url, authenticated: sameHost).body
    }

    // MARK: Requests

    private struct Answer {
        var request: String
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    private func call(_ method: HTTPMethod, _ route: String, query: [(String, String)] = [], body: Data? = nil,
                      headers: HTTPHeaders = [:], accepting: Range<Int> = 200..<300) async throws -> Answer {
        let target = try await apiRoot().url(route: route, query: query)
        return try await send(method, target, body: body, headers: headers, accepting: accepting)
    }

    private func send(_ method: HTTPMethod, _ target: URL, body: Data? = nil, headers: HTTPHeaders = [:], authenticated: Bool = true,
                      accepting: Range<Int> = 200..<300) async throws -> Answer {
        let label = "\(method.rawValue) \(target.absoluteString)"
        var request = HTTPClientRequest(url: target.absoluteString)
        request.method = method
        request.headers = headers
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "Galley")
        if authenticated, !password.isEmpty { request.setBasicAuth(username: user, password: password) }
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        let limit = responseLimit
        let prepared = request
        let answer: Answer
        do {
            // async-http-client's own deadline ends first when it can, since it says more (the last connection error).
            answer = try await Self.within(timeout + .seconds(1)) {
                let response = try await Self.client.execute(prepared, timeout: .nanoseconds(Int64(Self.nanoseconds(self.timeout))))
                let buffer = method == .HEAD ? ByteBuffer() : try await response.body.collect(upTo: limit)
                return Answer(request: label, status: Int(response.status.code), headers: response.headers, body: Data(buffer: buffer))
            }
        } catch let error as WordPressError {
            throw WordPressError(error.kind, request: label, code: error.code, message: error.message)
        } catch is NIOTooManyBytesError {
            throw WordPressError(.tooLarge, request: label, message: "the answer is larger than the limit of \(limit) bytes")
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout {
            throw WordPressError(.timeout, request: label, message: "no answer within \(timeout)")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // NIO's own text for a refused connection ("connection reset (error set): …") reads as a bug; say what it means.
            let text = "\(error)"
            let message = text.contains("Connection refused")
                ? "nothing answers at \(target.host ?? "the host"):\(target.port.map(String.init) ?? "its port") (connection refused)"
                : "the request failed: \(text)"
            throw WordPressError(.transport, request: label, message: message)
        }
        guard accepting.contains(answer.status) else {
            throw WordPressError.fromAnswer(status: answer.status, body: answer.body, request: label,
                                            location: answer.headers.first(name: "Location"))
        }
        return answer
    }

    private func decode<T: Decodable>(_ type: T.Type, _ answer: Answer) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: answer.body)
        } catch {
            let start = String(decoding: answer.body.prefix(120), as: UTF8.self)
            throw WordPressError(.invalidResponse, request: answer.request,
                                 message: "the answer is not the REST API's JSON (it starts \(start.debugDescription))")
        }
    }

    /// Runs `operation`, cancelling it after `timeout`: async-http-client's deadline covers the answer's head, not
    /// the reading of its body, so a server that trickles a body would otherwise hold the request forever.
    private static func within<T: Sendable>(_ timeout: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw WordPressError(.timeout, request: "", message: "no answer within \(timeout)")
            }
            return value
        }
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }
}
