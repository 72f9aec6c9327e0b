import Foundation
import GalleyTestSupport
import Testing

/// `POST /v1/render` against a real `galley serve`: the PDF and its headers, every format, and located errors.
@Suite(.serialized)
struct RenderRouteTests {
    static let example = try! Data(contentsOf: ServiceProcess.root.appendingPathComponent("Examples/iv-9062.json"))

    @Test func aPostedArticleComesBackAsItsPDFNamedAsTheCMSNamesIt() async throws {
        let service = try await ServiceProcess.start()
        let answer = try await service.request("POST", "/v1/render", body: Self.example, headers: ["Content-Type": "application/json"])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.body.starts(with: Data("%PDF-".utf8)))
        #expect(answer.header("Content-Type") == "application/pdf")
        #expect(answer.header("Content-Disposition")?.contains("_a9062.pdf\"") == true)
        let pages = try #require(answer.header("X-Galley-Pages").flatMap(Int.init))
        #expect(pages >= 2)
        #expect(answer.header("X-Galley-Size-Label")?.hasPrefix("PDF%20-%20") == false)
        #expect(answer.header("X-Galley-Size-Label")?.hasPrefix("PDF - ") == true)
        // The same article again: the entity tag names the content, so the client's copy is still good.
        let tag = try #require(answer.header("ETag"))
        let again = try await service.request("POST", "/v1/render", body: Self.example,
                                              headers: ["Content-Type": "application/json", "If-None-Match": tag])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
    }

    @Test func markdownAndHTMLAreReadByTheirContentType() async throws {
        let service = try await ServiceProcess.start()
        let markdown = "---\ntitle: Posted notes\nid: notes-1\n---\n\nA paragraph of *posted* text.\n"
        let fromMarkdown = try await service.request("POST", "/v1/render", body: Data(markdown.utf8), headers: ["Content-Type": "text/markdown; charset=utf-8"])
        #expect(fromMarkdown.status == 200, "\(fromMarkdown.text)")
        #expect(fromMarkdown.header("Content-Disposition")?.contains("_anotes-1.pdf") == true)
        let html = "<html lang=\"en\"><head><title>Posted page</title></head><body><h1>Posted page</h1><p>Some text.</p></body></html>"
        let fromHTML = try await service.request("POST", "/v1/render?from=html", body: Data(html.utf8), headers: ["Content-Type": "application/octet-stream"])
        #expect(fromHTML.status == 200, "\(fromHTML.text)")
        #expect(fromHTML.body.starts(with: Data("%PDF-".utf8)))
    }

    @Test func aBadArticleIsAnsweredWithTheLocatedMessageTheCommandLinePrints() async throws {
        let service = try await ServiceProcess.start()
        let broken = Data("{\n  \"id\": \"x1\",\n  \"title\": 42\n}\n".utf8)
        let answer = try await service.request("POST", "/v1/render", body: broken, headers: ["Content-Type": "application/json"])
        #expect(answer.status == 422)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: [String: Any]])
        let message = try #require(object["error"]?["message"] as? String)
        #expect(message.hasPrefix("<request>"), "\(message)")
        #expect(message.contains("title"), "\(message)")
        #expect(object["error"]?["status"] as? Int == 422)
        // The service is still there.
        let health = try await service.request("GET", "/healthz")
        #expect(health.status == 200)
    }

    @Test func requestsOutsideTheLimitsAreRefusedWithTheirOwnStatus() async throws {
        let service = try await ServiceProcess.start(["--body-limit", "2000"])
        let tooBig = try await service.request("POST", "/v1/render", body: Self.example, headers: ["Content-Type": "application/json"])
        #expect(tooBig.status == 413, "\(tooBig.text)")
        let unknownType = try await service.request("POST", "/v1/render", body: Data("x".utf8), headers: ["Content-Type": "image/gif"])
        #expect(unknownType.status == 415)
        #expect(unknownType.text.contains("image/gif"))
        let unknownLayout = try await service.request("POST", "/v1/render?layout=nope", body: Data("{}".utf8), headers: ["Content-Type": "application/json"])
        #expect(unknownLayout.status == 400)
        #expect(unknownLayout.text.contains("article-a4"))
        let badWidth = try await service.request("POST", "/v1/render?png=99999", body: Data("{}".utf8), headers: ["Content-Type": "application/json"])
        #expect(badWidth.status == 400)
    }

    @Test func pageOneComesBackAsAPNGOfTheWidthAsked() async throws {
        let service = try await ServiceProcess.start()
        let answer = try await service.request("POST", "/v1/render?png=320", body: Self.example, headers: ["Content-Type": "application/json"])
        #expect(answer.status == 200, "\(answer.text)")
        #expect(answer.header("Content-Type") == "image/png")
        // The PNG's header: signature, then the IHDR chunk's width and height, big-endian.
        let bytes = [UInt8](answer.body)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 320)
        #expect(height > 400 && height < 480, "an A4 page 320 wide is about 453 high, not \(height)")
        // Not a blank page: many distinct bytes in the compressed image data.
        #expect(Set(bytes.dropFirst(64)).count > 200)
    }
}
