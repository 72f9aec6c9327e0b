import Foundation
import GalleyTestSupport
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore

/// A real HTTP server on loopback, in the test process, serving the images the remote-image tests fetch, and
/// counting what it was asked.
///
/// - `/img/photo.png`: a PNG with an `ETag` (`"v<version>"`) and `Last-Modified`; a matching `If-None-Match` gets 304.
/// - `/img/photo.jpg`: a JPEG; `/img/mislabelled.png`: the JPEG sent as `image/png`.
/// - `/img/missing.png`: 404. `/img/page.png`: an HTML error page with status 200. `/img/huge.png`: 200 KB of PNG-headed bytes.
/// - `/img/slow.png`: answers after 6 seconds. `/img/away.png`: redirects to `localhost` (another host name).
/// - `/img/hop.png`: redirects to `/img/photo.png` on the same host.
/// - `/img/trickle.png`: sends a PNG's first bytes, then one byte every 100 ms for 6 seconds.
/// - `/img/delayed-<n>.png`: the PNG after one second (to show that an article's images are fetched at the same time).
final class ImageServer: Sendable {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The threads the servers answer on, whatever the rest of the test process is doing.
    static let executor = DedicatedExecutor(threads: 4, name: "image-server")
    /// A small PNG from the examples.
    static let png = try! Data(contentsOf: root.appendingPathComponent("Examples/images/union-badge.png"))
    /// A small JPEG from the examples.
    static let jpeg = try! Data(contentsOf: root.appendingPathComponent("Examples/images/power-station.jpg"))

    private struct State {
        var requests: [String: Int] = [:]
        var conditional: [String: Int] = [:]
        var version = 1
        var image = ImageServer.png
        var delayedInFlight = 0
        var mostDelayedAtOnce = 0
    }
    private let state = NIOLockedValueBox(State())

    /// How many times `path` was asked for.
    func requests(_ path: String) -> Int { state.withLockedValue { $0.requests[path, default: 0] } }
    /// The most `/img/delayed-<n>.png` requests the server was answering at one time.
    var mostDelayedAtOnce: Int { state.withLockedValue { $0.mostDelayedAtOnce } }
    /// How many of those carried `If-None-Match`.
    func conditionalRequests(_ path: String) -> Int { state.withLockedValue { $0.conditional[path, default: 0] } }
    /// Replaces `/img/photo.png` with `data` under a new ETag.
    func change(to data: Data) {
        state.withLockedValue {
            $0.version += 1
            $0.image = data
        }
    }

    /// Runs `body` with the server listening on 127.0.0.1 at the port given to it.
    func run<Value: Sendable>(_ body: @Sendable @escaping (Int) async throws -> Value) async throws -> Value {
        let router = Router()
        let state = self.state
        router.get("/img/:name") { request, context -> Response in
            let name = context.parameters.get("name") ?? ""
            let path = "/img/\(name)"
            let conditional = request.headers[.ifNoneMatch]
            let (version, image) = state.withLockedValue { state -> (Int, Data) in
                state.requests[path, default: 0] += 1
                if conditional != nil { state.conditional[path, default: 0] += 1 }
                return (state.version, state.image)
            }
            func body(_ data: Data, _ type: String, status: HTTPResponse.Status = .ok, extra: HTTPFields = [:]) -> Response {
                var headers: HTTPFields = [.contentType: type]
                headers.append(contentsOf: extra)
                return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            let host = request.head.authority ?? "127.0.0.1"
            let port = host.split(separator: ":").last.map(String.init) ?? ""
            switch name {
            case "photo.png":
                let etag = "\"v\(version)\""
                if conditional == etag { return Response(status: .notModified, headers: [.eTag: etag]) }
                return body(image, "image/png", extra: [.eTag: etag, .lastModified: "Mon, 01 Dec 2025 10:00:0\(version % 10) GMT"])
            case "photo.jpg": return body(ImageServer.jpeg, "image/jpeg")
            case "mislabelled.png": return body(ImageServer.jpeg, "image/png")
            case "missing.png": return body(Data("<html><body>Not found</body></html>".utf8), "text/html", status: .notFound)
            case "page.png": return body(Data("<!DOCTYPE html><html><head><title>Log in</title></head><body>Please log in</body></html>".utf8), "image/png")
            case "huge.png": return body(ImageServer.png + Data(repeating: 0, count: 200_000), "image/png")
            case "slow.png":
                try await Task.sleep(for: .seconds(6))
                return body(ImageServer.png, "image/png")
            case "away.png": return Response(status: .found, headers: [.location: "http://localhost:\(port)/img/photo.png"])
            case "hop.png": return Response(status: .movedPermanently, headers: [.location: "/img/photo.png"])
            case "trickle.png":
                return Response(status: .ok, headers: [.contentType: "image/png"], body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(bytes: ImageServer.png.prefix(16)))
                    for _ in 0..<60 {
                        try await Task.sleep(for: .milliseconds(100))
                        try await writer.write(ByteBuffer(bytes: [0]))
                    }
                    try await writer.finish(nil)
                })
            case _ where name.hasPrefix("delayed-"):
                state.withLockedValue {
                    $0.delayedInFlight += 1
                    $0.mostDelayedAtOnce = max($0.mostDelayedAtOnce, $0.delayedInFlight)
                }
                defer { state.withLockedValue { $0.delayedInFlight -= 1 } }
                try await Task.sleep(for: .seconds(1))
                return body(ImageServer.png, "image/png")
            default: return Response(status: .notFound)
            }
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        // The server's handlers (child tasks of its task group) and the test body run on threads of their own.
        return try await withTaskExecutorPreference(Self.executor) {
            try await app.test(.live) { client in
                guard let port = client.port else { throw CancellationError() }
                return try await body(port)
            }
        }
    }
}
