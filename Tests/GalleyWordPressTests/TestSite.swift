import AsyncHTTPClient
import Foundation
import GalleyWordPress
import NIOCore
import NIOFoundationCompat
import XCTest

/// The WordPress that `scripts/wordpress-test-site.sh start` runs, as its env file describes it.
struct TestSite {
    var url: URL
    var user: String
    var passwordFile: String
    var posts: [Int]

    /// The env file: `$GALLEY_WP_ENV`, else the script's default place.
    static var envFile: String {
        ProcessInfo.processInfo.environment["GALLEY_WP_ENV"] ?? "/tmp/galley-wordpress/env"
    }

    /// The running site; skips the test when there is none, unless GALLEY_REQUIRE_WORDPRESS=1 (then it fails).
    static func require() async throws -> TestSite {
        let site = try described()
        do {
            // A stopped site leaves its env file behind: find out in seconds, not after a request's full timeout.
            let probe = WordPressSite(url: site.url, user: site.user, password: try WordPressSite.password(file: site.passwordFile), timeout: .seconds(3))
            _ = try await probe.signedInUser()
        } catch {
            let reason = "the WordPress test site in \(envFile) does not answer (scripts/wordpress-test-site.sh start): \(error)"
            if ProcessInfo.processInfo.environment["GALLEY_REQUIRE_WORDPRESS"] == "1" { XCTFail(reason); throw XCTSkip("failed: " + reason) }
            throw XCTSkip(reason)
        }
        return site
    }

    /// The site the env file describes.
    private static func described() throws -> TestSite {
        let required = ProcessInfo.processInfo.environment["GALLEY_REQUIRE_WORDPRESS"] == "1"
        guard let text = try? String(contentsOfFile: envFile, encoding: .utf8) else {
            let reason = "no WordPress test site (\(envFile) is missing; start one with scripts/wordpress-test-site.sh start)"
            if required { XCTFail(reason); throw XCTSkip("failed: " + reason) }
            throw XCTSkip(reason)
        }
        var values: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        let posts = values["GALLEY_WP_POSTS"].flatMap { try? JSONDecoder().decode([Int].self, from: Data($0.utf8)) } ?? []
        guard let url = values["GALLEY_WP_URL"].flatMap(URL.init(string:)), let user = values["GALLEY_WP_USER"],
              let passwordFile = values["GALLEY_WP_APP_PASSWORD_FILE"], !posts.isEmpty else {
            XCTFail("\(envFile) lacks GALLEY_WP_URL, GALLEY_WP_USER, GALLEY_WP_APP_PASSWORD_FILE or GALLEY_WP_POSTS")
            throw XCTSkip("bad env file")
        }
        return TestSite(url: url, user: user, passwordFile: passwordFile, posts: posts)
    }

    /// A client for the site.
    func client() throws -> WordPressSite {
        WordPressSite(url: url, user: user, password: try WordPressSite.password(file: passwordFile), timeout: .seconds(60))
    }

    /// Replaces a post's content, as an editor saving it would (the client has no call for it: Galley never edits posts).
    func updatePost(_ id: Int, content: String) async throws {
        var request = HTTPClientRequest(url: url.absoluteString + "/?rest_route=/wp/v2/posts/\(id)")
        request.method = .POST
        request.setBasicAuth(username: user, password: try WordPressSite.password(file: passwordFile))
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(data: try JSONSerialization.data(withJSONObject: ["content": content])))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 22)
        XCTAssertEqual(response.status.code, 200, String(buffer: body))
    }
}
