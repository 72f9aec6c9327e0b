import Foundation
import Testing

/// Remote figure images through the command line: drawn, refused with a warning naming the address, cached, and
/// counted in an export's content hash.
@Suite(.serialized) struct RemoteFigureTests {
    /// A WordPress-like JSON article at `site` whose figures are `sources`.
    static func article(in folder: URL, id: String = "7001", site: String, sources: [String]) throws -> URL {
        let figures = sources.map { #"{"type": "figure", "src": "\#($0)", "alt": "Alt text of \#($0)"}"# }
        let json = """
        {"id": "\(id)", "title": "Remote figures \(id)", "url": "\(site)/2025/06/remote-figures/", "language": "en",
         "blocks": [{"type": "paragraph", "content": "Before the figures."}, \(figures.joined(separator: ", ")),
                    {"type": "paragraph", "content": "After the figures."}]}
        """
        let url = folder.appendingPathComponent("article-\(id).json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test func renderDrawsARemoteImageAndWarnsForTheOthers() async throws {
        let folder = try ImageFetcherTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let site = "http://127.0.0.1:\(port)"
            let missing = "\(site)/img/missing.png", page = "\(site)/img/page.png", other = "http://localhost:\(port)/img/photo.jpg"
            let article = try Self.article(in: folder, site: site, sources: ["\(site)/img/photo.png", missing, page, other])
            let pdf = folder.appendingPathComponent("out.pdf")
            let cache = folder.appendingPathComponent("cache").path
            let result = try await GalleyCommand.run(["render", article.path, "-o", pdf.path, "--image-cache", cache])
            #expect(result.status == 0, "\(result.stderr)")
            let drawn = try await GalleyCommand.images(inPDF: pdf)
            #expect(drawn.count == 1, "one image XObject, the PNG: \(drawn)")
            #expect(result.stderr.contains("figure 2 (\(missing)): \(missing) could not be fetched: the server answered 404 Not Found; its alt text is printed instead"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("\(page) could not be fetched: the server sent an HTML page"), "\(result.stderr)")
            #expect(result.stderr.contains("\(other) could not be fetched: the host localhost is not allowed"), "\(result.stderr)")

            // Allowing the other host draws its JPEG too; the PNG is revalidated (304), not downloaded again.
            let again = try await GalleyCommand.run(["render", article.path, "-o", pdf.path, "--image-cache", cache, "--allow-host", "localhost"])
            #expect(again.status == 0, "\(again.stderr)")
            let both = try await GalleyCommand.images(inPDF: pdf)
            #expect(both.count == 2, "\(both)")
            #expect(server.requests("/img/photo.png") == 2)
            #expect(server.conditionalRequests("/img/photo.png") == 1)

            // Offline: the cached images are drawn, the uncached one is a warning, the server hears nothing.
            let before = server.requests("/img/missing.png")
            let offline = try await GalleyCommand.run(["render", article.path, "-o", pdf.path, "--image-cache", cache, "--allow-host", "localhost",
                                                       "--offline"])
            #expect(offline.status == 0, "\(offline.stderr)")
            let cachedOnly = try await GalleyCommand.images(inPDF: pdf)
            #expect(cachedOnly.count == 2, "\(cachedOnly)")
            #expect(offline.stderr.contains("\(missing) could not be fetched: it is not in the image cache"), "\(offline.stderr)")
            #expect(server.requests("/img/missing.png") == before)
            #expect(server.requests("/img/photo.png") == 2)
        }
    }

    @Test func aWordPressPostsFeaturedAndContentImagesAreDrawn() async throws {
        let folder = try ImageFetcherTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let site = "http://127.0.0.1:\(port)"
            // As the REST API gives it with ?_embed: absolute image addresses, the featured image in _embedded.
            let post = """
            {"id": 4301, "date": "2025-06-22T10:15:00", "slug": "with-images", "type": "post", "link": "\(site)/2025/06/22/with-images/",
             "title": {"rendered": "A post with images"},
             "content": {"rendered": "<p>Before.</p><figure class=\\"wp-block-image\\"><img src=\\"\(site)/img/photo.png\\" alt=\\"Badge\\"/></figure><p>After.</p>"},
             "_embedded": {"author": [{"name": "Ana"}],
                           "wp:featuredmedia": [{"id": 9, "source_url": "\(site)/img/photo.jpg", "alt_text": "Power station", "caption": {"rendered": ""}}]}}
            """
            let article = folder.appendingPathComponent("wp-post.json")
            try Data(post.utf8).write(to: article)
            let pdf = folder.appendingPathComponent("post.pdf")
            let result = try await GalleyCommand.run(["render", article.path, "-o", pdf.path, "--image-cache", folder.appendingPathComponent("cache").path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("could not be fetched"), "\(result.stderr)")
            let drawn = try await GalleyCommand.images(inPDF: pdf)
            #expect(drawn.count == 2, "the featured JPEG and the content's PNG: \(drawn)")
            #expect(drawn.first?.contains("jpeg") == true, "the featured image leads: \(drawn)")
            #expect(server.requests("/img/photo.jpg") == 1)
        }
    }

    @Test func remapDrawsFromTheMirrorWithoutFetching() async throws {
        let folder = try ImageFetcherTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mirror = folder.appendingPathComponent("mirror")
        try FileManager.default.createDirectory(at: mirror.appendingPathComponent("2025/06"), withIntermediateDirectories: true)
        try ImageServer.jpeg.write(to: mirror.appendingPathComponent("2025/06/station.jpg"))
        let site = "https://wordpress.invalid"
        let article = try Self.article(in: folder, site: site, sources: ["\(site)/wp-content/uploads/2025/06/station.jpg"])
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try await GalleyCommand.run(["check", article.path, "--remap", "\(site)/wp-content/uploads/=\(mirror.path)", "--offline",
                                                  "--image-cache", folder.appendingPathComponent("cache").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("could not be fetched"), "\(result.stderr)")
        let render = try await GalleyCommand.run(["render", article.path, "-o", pdf.path, "--remap", "\(site)/wp-content/uploads/=\(mirror.path)",
                                                  "--image-cache", folder.appendingPathComponent("cache").path])
        #expect(render.status == 0, "\(render.stderr)")
        let images = try await GalleyCommand.images(inPDF: pdf)
        #expect(images.count == 1)
        #expect(images.first?.contains("jpeg") == true, "the JPEG passes through: \(images)")
    }

    @Test func exportRebuildsWhenARemoteImageChangesAndRecordsWarnings() async throws {
        let folder = try ImageFetcherTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = ImageServer()
        try await server.run { port in
            let site = "http://127.0.0.1:\(port)"
            let archive = folder.appendingPathComponent("archive")
            try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
            // Three articles share the photo: worker processes share the cache and ask the server once per run.
            for id in ["7101", "7102", "7103"] {
                _ = try Self.article(in: archive, id: id, site: site, sources: ["\(site)/img/photo.png", "\(site)/img/missing.png"])
            }
            let out = folder.appendingPathComponent("out")
            let arguments = ["export", archive.path, "--out-dir", out.path, "--jobs", "2", "--json", "--image-cache",
                             folder.appendingPathComponent("cache").path]
            let first = try await GalleyCommand.run(arguments)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.count("rebuilt") == 3, "\(first.stdout)")
            let photoRequests = server.requests("/img/photo.png")
            #expect(photoRequests >= 1 && photoRequests <= 2, "one per worker at most, not one per article and pass: \(photoRequests)")
            let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
            #expect(manifest.contains("\(site)/img/missing.png could not be fetched: the server answered 404 Not Found"), "\(manifest)")

            let unchanged = try await GalleyCommand.run(arguments)
            #expect(unchanged.status == 0, "\(unchanged.stderr)")
            #expect(unchanged.count("skipped") == 3, "\(unchanged.stdout)")

            server.change(to: ImageServer.jpeg)
            let changed = try await GalleyCommand.run(arguments)
            #expect(changed.status == 0, "\(changed.stderr)")
            #expect(changed.count("rebuilt") == 3, "\(changed.stdout)")
        }
    }
}
