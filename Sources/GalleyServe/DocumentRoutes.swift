import Foundation
import GalleyExport
import Hummingbird

/// The routes that make documents: `POST /v1/render` for a posted article, `GET /v1/posts/{id}.pdf|png` for a post
/// of the configured site, and `POST /v1/hooks/wordpress` for a site telling the service a post changed.
struct DocumentRoutes: Sendable {
    let workers: DocumentWorkers
    let metrics: ServeMetrics
    let settings: ServeSettings
    let layouts: Set<String>
    let defaultLayout: String
    let posts: (any PostSource)?
    let catalog: PostCatalog
    let bodies: BodyBudget

    func add(to router: Router<BasicRequestContext>) {
        router.post("/v1/render") { request, _ in try await render(request) }
        router.get("/v1/posts/:file") { request, context in try await post(request, file: try context.parameters.require("file")) }
        router.head("/v1/posts/:file") { request, context in try await post(request, file: try context.parameters.require("file")) }
        router.post("/v1/hooks/wordpress") { request, _ in try await hook(request) }
    }

    /// `POST /v1/render`: the posted article as a PDF (or its page 1 as a PNG with `?png=WIDTH`).
    func render(_ request: Request) async throws -> Response {
        let format = try ArticleFormat.of(request)
        let layout = try self.layout(request)
        let width = try imageWidth(request, key: "png", default: nil)
        let body = try await RequestBodyReader(limit: settings.bodyBytes, seconds: settings.bodySeconds, budget: bodies).read(request)
        let job = DocumentJob(article: body, name: "<request>", format: format,
                              articleID: request.uri.queryParameters["id"].map(String.init), layout: layout, thumbnailWidth: width)
        let result = try await make(job)
        let image = width != nil
        return DocumentResponse.make(DocumentFacts(result), body: image ? result.thumbnail ?? Data() : result.pdf, image: image,
                                     ifNoneMatch: request.headers[.ifNoneMatch])
    }

    /// `GET /v1/posts/{id}.pdf` and `GET /v1/posts/{id}.png?width=…`: a post of the configured site, made on
    /// demand through the content-hash cache.
    func post(_ request: Request, file: String) async throws -> Response {
        guard posts != nil else { throw ServeError(.notFound, "this service has no site to read posts from (galley serve --wordpress URL)") }
        let parts = file.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let id = Int(parts[0]), id > 0, parts[1] == "pdf" || parts[1] == "png" else {
            throw ServeError(.notFound, "\(file) is not a post's file (use /v1/posts/{id}.pdf or /v1/posts/{id}.png)")
        }
        let image = parts[1] == "png"
        let width = image ? try imageWidth(request, key: "width", default: settings.defaultImageWidth) : nil
        let layout = try self.layout(request)
        let (entry, fromMemory) = try await postEntry(id: id, width: width, layout: layout)
        if fromMemory { metrics.cacheHits.increment() }
        var facts = entry.facts
        facts.cached = facts.cached || fromMemory
        return DocumentResponse.make(facts, body: entry.body, image: image, ifNoneMatch: request.headers[.ifNoneMatch])
    }

    /// Post `id` made in `layout` (its page 1 at `width` pixels when given): kept in memory, or fetched and made.
    private func postEntry(id: Int, width: Int?, layout: String) async throws -> (PostCatalog.Entry, fromMemory: Bool) {
        guard let posts else { throw ServeError(.notFound, "this service has no site to read posts from (galley serve --wordpress URL)") }
        let key = "\(id).\(layout).\(width.map(String.init) ?? "pdf")"
        let cacheDirectory = settings.cacheDirectory.path
        return try await catalog.entry(key) { [self] in
            let data: Data
            do {
                data = try await posts.post(id: id)
            } catch let error as PostSourceError {
                throw ServeError(error.notFound ? .notFound : .badGateway, error.description)
            } catch {
                throw ServeError(.badGateway, "post \(id) could not be fetched from \(posts.siteName): \(error)")
            }
            let job = DocumentJob(article: data, name: "post \(id)", format: "wordpress", layout: layout,
                                  thumbnailWidth: width, cacheDirectory: cacheDirectory)
            let result = try await make(job)
            return (DocumentFacts(result), width != nil ? result.thumbnail ?? Data() : result.pdf)
        }
    }

    /// `POST /v1/hooks/wordpress`: the site says post `post_id` (or `ID`) was published or updated; the service
    /// forgets what it kept of it, makes it again at once (so the next reader gets the new PDF) and, with an
    /// application password, attaches it to the post.
    func hook(_ request: Request) async throws -> Response {
        let body = try await RequestBodyReader(limit: 1 << 20, seconds: settings.bodySeconds, budget: bodies).read(request)
        guard let id = Self.postID(in: body, query: request.uri.queryParameters["post_id"].map(String.init)) else {
            throw ServeError(.badRequest, "the hook names no post: send post_id (JSON {\"post_id\": 42} or a form field)")
        }
        await catalog.forget(post: id)
        let (entry, _) = try await postEntry(id: id, width: nil, layout: defaultLayout)
        // With an application password the PDF is attached to the post too, replacing Galley's earlier one, as
        // `galley publish` does.
        var attachment: Int?
        if let posts {
            do {
                attachment = try await posts.attach(entry.body, fileName: entry.facts.fileName, post: id, title: entry.facts.title)
            } catch {
                throw ServeError(.badGateway, "post \(id): the PDF was made but could not be attached: \(error)")
            }
        }
        var answer = Response(status: .ok)
        answer.headers[.contentType] = "application/json"
        answer.headers[.eTag] = "\"\(entry.facts.contentHash)\""
        let status = entry.facts.cached ? "unchanged" : "rebuilt"
        let attached = attachment.map { ",\"attachment\":\($0)" } ?? ""
        answer.body = ResponseBody(byteBuffer: ByteBuffer(string:
            "{\"post\":\(id),\"status\":\"\(status)\",\"file\":\"\(entry.facts.fileName)\"\(attached)}\n"))
        return answer
    }

    /// The post id in a webhook's body: JSON `post_id`/`ID`/`id`, or a form field of those names.
    static func postID(in body: Data, query: String?) -> Int? {
        if let query, let id = Int(query), id > 0 { return id }
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["post_id", "ID", "id"] {
                if let number = object[key] as? Int, number > 0 { return number }
                if let text = object[key] as? String, let number = Int(text), number > 0 { return number }
            }
            if let post = object["post"] as? [String: Any], let number = post["ID"] as? Int ?? post["id"] as? Int, number > 0 { return number }
            return nil
        }
        let form = String(decoding: body, as: UTF8.self)
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, ["post_id", "ID", "id"].contains(String(parts[0])), let number = Int(parts[1]), number > 0 { return number }
        }
        return nil
    }

    private func make(_ job: DocumentJob) async throws -> DocumentResult {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let result = try await workers.submit(job)
            metrics.renderDuration.record(start.duration(to: clock.now))
            if result.cached { metrics.cacheHits.increment() } else { metrics.renders.increment() }
            return result
        } catch let failure as DocumentFailure {
            metrics.failure(failure.kind)
            throw ServeError(failure)
        }
    }

    private func layout(_ request: Request) throws -> String {
        guard let name = request.uri.queryParameters["layout"].map(String.init) else { return defaultLayout }
        guard layouts.contains(name) else {
            throw ServeError(.badRequest, "layout=\(name) is not one this service has (\(layouts.sorted().joined(separator: ", ")))")
        }
        return name
    }

    private func imageWidth(_ request: Request, key: String, default fallback: Int?) throws -> Int? {
        guard let text = request.uri.queryParameters[Substring(key)] else { return fallback }
        guard let width = Int(text), (16...DocumentJob.maximumImageWidth).contains(width) else {
            throw ServeError(.badRequest, "\(key)=\(text) is not a width from 16 to \(DocumentJob.maximumImageWidth) pixels")
        }
        return width
    }
}
