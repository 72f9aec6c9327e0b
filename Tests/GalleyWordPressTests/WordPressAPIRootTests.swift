import Foundation
import GalleyWordPress
import XCTest

/// REST URLs in both of WordPress's forms, the discovery header, and the errors users read.
final class WordPressAPIRootTests: XCTestCase {
    func testPathFormAppendsTheRouteAndEncodesQueryValues() throws {
        let root = try XCTUnwrap(WordPressAPIRoot(explicit: URL(string: "https://example.org/blog/wp-json/wp/v2/posts")!))
        XCTAssertEqual(root.form, .path)
        XCTAssertEqual(root.base.absoluteString, "https://example.org/blog/wp-json")
        let url = root.url(route: "/wp/v2/media", query: [("post", "12"), ("title", "Strike + pay: 5%")])
        // `+` must be encoded: PHP reads a bare + in a query as a space.
        XCTAssertEqual(url.absoluteString, "https://example.org/blog/wp-json/wp/v2/media?post=12&title=Strike%20%2B%20pay%3A%205%25")
    }

    func testQueryFormPutsTheRouteInRestRoute() throws {
        let root = try XCTUnwrap(WordPressAPIRoot(explicit: URL(string: "http://127.0.0.1:8765/?rest_route=/")!))
        XCTAssertEqual(root.form, .query)
        XCTAssertEqual(root.url(route: "/wp/v2/posts/7", query: [("_embed", "1")]).absoluteString,
                       "http://127.0.0.1:8765/?rest_route=/wp/v2/posts/7&_embed=1")
    }

    func testAPlainSiteURLNamesNoRootAndFallsBackToTheQueryForm() {
        XCTAssertNil(WordPressAPIRoot(explicit: URL(string: "https://example.org/blog")!))
        let root = WordPressAPIRoot.fallback(site: URL(string: "https://example.org/blog")!)
        XCTAssertEqual(root.url(route: "/wp/v2/posts/3").absoluteString, "https://example.org/blog/?rest_route=/wp/v2/posts/3")
    }

    func testTheLinkHeaderAnnouncesTheRoot() throws {
        let header = #"<https://example.org/wp-json/wp/v2/pages/2>; rel="alternate"; type="application/json", <https://example.org/wp-json/>; rel="https://api.w.org/""#
        let root = try XCTUnwrap(WordPressAPIRoot(linkHeader: header))
        XCTAssertEqual(root.url(route: "/wp/v2/posts/5").absoluteString, "https://example.org/wp-json/wp/v2/posts/5")
        let plain = try XCTUnwrap(WordPressAPIRoot(linkHeader: #"<http://site.test/index.php?rest_route=/>; rel="https://api.w.org/""#))
        XCTAssertEqual(plain.url(route: "/wp/v2/posts/5").absoluteString, "http://site.test/index.php?rest_route=/wp/v2/posts/5")
        XCTAssertNil(WordPressAPIRoot(linkHeader: #"<https://example.org/feed>; rel="alternate""#))
    }

    func testGalleyMarkerRoundTripsAndIgnoresOtherDescriptions() {
        let sha = String(repeating: "ab", count: 32)
        XCTAssertEqual(WordPressPublisher.sha256(inDescription: WordPressPublisher.description(sha256: sha)), sha)
        // WordPress renders descriptions as HTML paragraphs; the marker survives that.
        XCTAssertEqual(WordPressPublisher.sha256(inDescription: "<p>" + WordPressPublisher.description(sha256: sha) + "</p>\n"), sha)
        XCTAssertNil(WordPressPublisher.sha256(inDescription: "The annual report, as a PDF"))
    }

    func testErrorsNameTheRequestTheStatusAndWordPressMessage() {
        let body = Data(#"{"code":"rest_post_invalid_id","message":"Invalid post ID.","data":{"status":404}}"#.utf8)
        let error = WordPressError.fromAnswer(status: 404, body: body, request: "GET https://example.org/wp-json/wp/v2/posts/9")
        XCTAssertEqual(error.description, "GET https://example.org/wp-json/wp/v2/posts/9: HTTP 404 (rest_post_invalid_id): Invalid post ID.")
        let html = WordPressError.fromAnswer(status: 502, body: Data("<html><body>Bad gateway</body></html>".utf8), request: "GET u")
        XCTAssertEqual(html.description, "GET u: HTTP 502: Bad gateway")
        // Redirects are not followed (the password would go along): the error says where to point instead.
        let moved = WordPressError.fromAnswer(status: 301, body: Data(), request: "GET http://example.org/?rest_route=/wp/v2/posts/1",
                                              location: "https://example.org/?rest_route=/wp/v2/posts/1")
        XCTAssertTrue(moved.description.contains("redirects to https://example.org/?rest_route=/wp/v2/posts/1"), moved.description)
    }

    func testAnUnreachableSiteIsATransportErrorNamingTheURL() async throws {
        // Port 9 on loopback (discard) has no listener here: every connection is refused until the timeout.
        let site = WordPressSite(url: URL(string: "http://127.0.0.1:9/wp-json")!, user: "u", password: "p", timeout: .seconds(2))
        do {
            _ = try await site.post(id: 1)
            XCTFail("expected an error")
        } catch let error as WordPressError {
            XCTAssertEqual(error.kind, .transport)
            XCTAssertTrue(error.description.hasPrefix("GET http://127.0.0.1:9/wp-json/wp/v2/posts/1?_embed=1: "), error.description)
        }
    }
}
