import Hummingbird
import Logging

/// Counts every request by route and status, and turns errors that are not the service's own into JSON answers,
/// so a client always gets the same shape of error.
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServeMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let route = Self.route(of: request.uri.path)
        do {
            let response = try await next(request, context)
            metrics.request(route: route, status: response.status.code)
            return response
        } catch let error as ServeError {
            metrics.request(route: route, status: error.status.code)
            throw error
        } catch let error as HTTPError {
            metrics.request(route: route, status: error.status.code)
            throw ServeError(error.status, error.body ?? error.status.reasonPhrase)
        } catch {
            metrics.request(route: route, status: 500)
            context.logger.error("request failed: \(error)")
            throw ServeError(.internalServerError, "the request failed: \(error)")
        }
    }

    /// The route a path belongs to, with ids left out so that metrics do not grow with the posts asked for.
    static func route(of path: String) -> String {
        if path.hasPrefix("/v1/posts/") { return path.hasSuffix(".png") ? "/v1/posts/{id}.png" : "/v1/posts/{id}.pdf" }
        switch path {
        case "/v1/render", "/v1/hooks/wordpress", "/healthz", "/metrics": return path
        default: return "other"
        }
    }
}
