import Foundation
import GalleyExport
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle
import UnixSignals

/// `galley serve`: an HTTP service on Hummingbird that sets posted articles and a site's posts as PDFs on demand,
/// in worker processes, until SIGTERM or SIGINT, when it finishes what is in flight and stops.
public struct ServeApplication: Sendable {
    let settings: ServeSettings
    let workers: DocumentWorkers.Configuration
    let posts: (any PostSource)?
    let logger: Logger

    /// A service with `settings`, setting articles as `workers` says, reading posts from `posts` when given.
    public init(settings: ServeSettings, workers: DocumentWorkers.Configuration, posts: (any PostSource)?, logger: Logger) {
        self.settings = settings
        self.workers = workers
        self.posts = posts
        self.logger = logger
    }

    /// Runs until a signal stops it; `listening` is called with the port once the server accepts connections.
    public func run(listening: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let pool = DocumentWorkers(configuration: workers)
        // Workers load fonts and layouts before the service listens: the first request is as fast as any, and a
        // service that cannot set articles says so at once instead of answering 500 to everyone.
        logger.info("starting \(workers.jobs) worker processes")
        let started = Date()
        try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                done.resume(with: Result { try pool.start() })
            }
        }
        logger.info("workers ready in \(Int(Date().timeIntervalSince(started) * 1000)) ms")
        let metrics = ServeMetrics()
        let router = Router(context: BasicRequestContext.self)
        router.addMiddleware { RequestMetricsMiddleware(metrics: metrics) }
        if let token = settings.token { router.addMiddleware { BearerAuthMiddleware(token: token) } }
        router.get("/healthz") { _, _ -> Response in
            var response = Response(status: .ok)
            response.headers[.contentType] = "application/json"
            response.body = ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\",\"queued\":\(pool.queued),\"inFlight\":\(pool.inFlight)}\n"))
            return response
        }
        router.get("/metrics") { _, _ -> Response in
            var response = Response(status: .ok)
            response.headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
            response.body = ResponseBody(byteBuffer: ByteBuffer(string: metrics.exposition(queued: pool.queued, inFlight: pool.inFlight)))
            return response
        }
        DocumentRoutes(workers: pool, metrics: metrics, settings: settings, layouts: Set(workers.layouts.keys),
                       defaultLayout: workers.defaultLayout, posts: posts,
                       catalog: PostCatalog(freshSeconds: settings.postFreshSeconds, byteBudget: settings.memoryCacheBytes),
                       bodies: BodyBudget(bytes: settings.bodyBudgetBytes))
            .add(to: router)
        let logger = self.logger
        let app = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.idleSeconds)))),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Galley",
                                 availableConnectionsDelegate: MaximumAvailableConnections(settings.maxConnections)),
            services: [WorkerPoolService(workers: pool)],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                logger.info("listening on http://\(settings.host):\(port)")
                listening(port)
            },
            logger: logger)
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
