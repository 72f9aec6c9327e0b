import Foundation
import GalleyTestSupport
import GalleyWordPress
import XCTest

/// `galley serve` against a real WordPress: posts served as PDFs and page images through the content-hash cache, with
/// their remote images drawn, and the webhook attaching exactly one PDF per post.
final class ServeEndToEndTests: XCTestCase {
    func testPostsAreServedWithTheirImagesAndTheWebhookAttachesOnePDFPerPost() async throws {
        let site = try await TestSite.require()
        let wordpress = try site.client()
        let service = try await ServiceProcess.start(["--wordpress", site.url.absoluteString, "--user", site.user,
                                          "--app-password-file", site.passwordFile, "--jobs", "2"])
        let id = site.posts[0]

        // The post as a PDF: named as the CMS names it, with its images fetched from the site and drawn.
        let first = try await service.request("GET", "/v1/posts/\(id).pdf")
        XCTAssertEqual(first.status, 200, first.text)
        XCTAssertTrue(first.body.starts(with: Data("%PDF-".utf8)))
        XCTAssertTrue(first.header("Content-Disposition")?.contains("_a\(id).pdf") == true)
        XCTAssertEqual(first.header("X-Galley-Warnings"), "0", "\(first.headers)")
        let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("galley-serve-\(UUID().uuidString).pdf")
        try first.body.write(to: pdf)
        defer { try? FileManager.default.removeItem(at: pdf) }
        let images = try await PDFImages.list(pdf)
        XCTAssertGreaterThanOrEqual(images.count, 1, "the post's images were not drawn")

        // Asked again: the same bytes, and with the entity tag nothing at all.
        let tag = try XCTUnwrap(first.header("ETag"))
        let again = try await service.request("GET", "/v1/posts/\(id).pdf")
        XCTAssertEqual(again.body, first.body)
        let notModified = try await service.request("GET", "/v1/posts/\(id).pdf", headers: ["If-None-Match": tag])
        XCTAssertEqual(notModified.status, 304)
        let image = try await service.request("GET", "/v1/posts/\(id).png?width=240")
        XCTAssertEqual(image.status, 200, image.text)
        XCTAssertEqual(image.header("Content-Type"), "image/png")
        let missing = try await service.request("GET", "/v1/posts/999999.pdf")
        XCTAssertEqual(missing.status, 404, missing.text)

        // The webhook, once per post: each post ends with exactly one Galley PDF, the bytes the service serves.
        for post in site.posts {
            let hook = try await service.request("POST", "/v1/hooks/wordpress", body: Data("{\"post_id\": \(post)}".utf8),
                                                 headers: ["Content-Type": "application/json"])
            XCTAssertEqual(hook.status, 200, hook.text)
            let answer = try XCTUnwrap(try JSONSerialization.jsonObject(with: hook.body) as? [String: Any])
            let attachment = try XCTUnwrap(answer["attachment"] as? Int, hook.text)
            let pdfs = try await wordpress.media(attachedTo: post, mimeType: "application/pdf")
                .filter { WordPressPublisher.sha256(inDescription: $0.description) != nil }
            XCTAssertEqual(pdfs.map(\.id), [attachment], "post \(post) has \(pdfs.count) Galley PDFs")
            let served = try await service.request("GET", "/v1/posts/\(post).pdf")
            let attached = try await wordpress.download(try XCTUnwrap(pdfs.first?.sourceURL))
            XCTAssertEqual(attached, served.body, "post \(post): the attached PDF is not the one served")
        }
        // Called again for an unchanged post: still one PDF, and the same one.
        let before = try await wordpress.media(attachedTo: id, mimeType: "application/pdf").map(\.id)
        let repeated = try await service.request("POST", "/v1/hooks/wordpress", body: Data("post_id=\(id)".utf8),
                                                 headers: ["Content-Type": "application/x-www-form-urlencoded"])
        XCTAssertEqual(repeated.status, 200, repeated.text)
        let after = try await wordpress.media(attachedTo: id, mimeType: "application/pdf").map(\.id)
        XCTAssertEqual(after, before)
        let metrics = try await service.request("GET", "/metrics")
        XCTAssertTrue(metrics.text.contains("galley_cache_hits_total"), metrics.text)
    }
}
