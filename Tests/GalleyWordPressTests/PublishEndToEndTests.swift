import Foundation
import GalleyExport
import GalleyTestSupport
import GalleyWordPress
import XCTest

/// Export a real WordPress's posts, publish them, and check through the REST API that each post ends up with exactly
/// one Galley PDF holding the exported bytes: after a first publish, a rerun, and a change to one post.
final class PublishEndToEndTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let galley = GalleyExecutable.url.path

    func testPublishAttachesExactlyOnePDFPerPostAndReplacesItWhenThePostChanges() async throws {
        let site = try await TestSite.require()
        let wordpress = try site.client()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-wp-\(UUID().uuidString)")
        let posts = folder.appendingPathComponent("posts"), output = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let manifest = output.appendingPathComponent("manifest.json")
        let publish = ["publish", "--wordpress", site.url.absoluteString, "--user", site.user, "--app-password-file", site.passwordFile, manifest.path]

        // The posts, fetched through the client as the REST API gives them with _embed.
        for id in site.posts {
            try await wordpress.post(id: id).write(to: posts.appendingPathComponent("post-\(id).json"))
        }
        // Other media attached to a post (the featured image) must survive publishing.
        let otherMediaBefore = try await otherMedia(site.posts, wordpress)
        // A Galley PDF left on the first post by an earlier run whose manifest is gone: publishing must remove it.
        let stray = try await wordpress.uploadPDF(Data("%PDF-1.4\n% stray\n".utf8), fileName: "stray_a\(site.posts[0]).pdf", post: site.posts[0],
                                                  title: "stray", description: WordPressPublisher.description(sha256: String(repeating: "0", count: 64)))

        try run(["export", posts.path, "--out-dir", output.path, "--jobs", "1", "--quiet"], expect: 0)
        let first = try Self.summary(try run(publish, expect: 0))
        // Galley's PDFs are the same bytes every run, so a post published by an earlier run of this test on the same
        // site already has this PDF: it is kept ("already there"), not uploaded again.
        XCTAssertEqual(first.uploaded + first.alreadyThere, site.posts.count, "\(first)")
        XCTAssertEqual(first.unchanged, 0)
        XCTAssertEqual(first.failed, 0)
        let attached = try await checkOnePDFPerPost(site.posts, wordpress, manifest: manifest, output: output)
        let strayGone = try await wordpress.media(attachedTo: site.posts[0]).contains { $0.id == stray.id }
        XCTAssertFalse(strayGone, "the stray Galley PDF \(stray.id) is still attached")

        // Nothing changed: nothing is uploaded or deleted.
        let rerun = try Self.summary(try run(publish, expect: 0))
        XCTAssertEqual(rerun, Summary(uploaded: 0, alreadyThere: 0, unchanged: site.posts.count, removed: 0, failed: 0))
        let unchanged = try await checkOnePDFPerPost(site.posts, wordpress, manifest: manifest, output: output)
        XCTAssertEqual(unchanged, attached)

        // One post changes on the site: it is exported again and its PDF replaced; the others stay as they were.
        let changed = site.posts[site.posts.count - 1]
        try await site.updatePost(changed, content: "<p>Corrected on \(UUID().uuidString): the budget was agreed unanimously.</p>")
        try await wordpress.post(id: changed).write(to: posts.appendingPathComponent("post-\(changed).json"))
        try run(["export", posts.path, "--out-dir", output.path, "--jobs", "1", "--quiet"], expect: 0)
        let third = try Self.summary(try run(publish, expect: 0))
        XCTAssertEqual(third, Summary(uploaded: 1, alreadyThere: 0, unchanged: site.posts.count - 1, removed: 1, failed: 0))
        let replaced = try await checkOnePDFPerPost(site.posts, wordpress, manifest: manifest, output: output)
        for id in site.posts where id != changed { XCTAssertEqual(replaced[id]?.id, attached[id]?.id, "post \(id)") }
        XCTAssertNotEqual(replaced[changed]?.id, attached[changed]?.id)
        XCTAssertNotEqual(replaced[changed]?.bytes, attached[changed]?.bytes, "the new PDF has the same bytes as the old one")
        do {
            _ = try await wordpress.download(try XCTUnwrap(attached[changed]?.url))
            XCTFail("the replaced PDF is still served")
        } catch let error as WordPressError {
            XCTAssertEqual(error.status, 404)
        }
        let otherMediaAfter = try await otherMedia(site.posts, wordpress)
        XCTAssertEqual(otherMediaAfter, otherMediaBefore)
        XCTAssertFalse(otherMediaAfter.isEmpty, "the test site should attach its featured image to a post")
    }

    func testBothRESTURLFormsAndDiscoveryReachTheSamePost() async throws {
        let site = try await TestSite.require()
        let password = try WordPressSite.password(file: site.passwordFile)
        let id = site.posts[0]
        var posts: [[String: AnyHashable]] = []
        for url in [site.url.absoluteString, site.url.absoluteString + "/wp-json", site.url.absoluteString + "/?rest_route=/"] {
            let client = WordPressSite(url: URL(string: url)!, user: site.user, password: password)
            let json = try JSONSerialization.jsonObject(with: try await client.post(id: id)) as? [String: Any]
            XCTAssertEqual(json?["id"] as? Int, id, url)
            XCTAssertNotNil(json?["_embedded"], "\(url): the post was not fetched with _embed")
            posts.append(["id": json?["id"] as? Int, "content": (json?["content"] as? [String: Any])?["rendered"] as? String])
        }
        XCTAssertEqual(Set(posts).count, 1, "the three URL forms gave different posts")
        let discovered = try await WordPressSite(url: site.url, user: site.user, password: password).apiRoot()
        XCTAssertEqual(discovered.form, .path, "the test site announces /wp-json/ in its Link header")
        do {
            _ = try await WordPressSite(url: site.url, user: site.user, password: password).post(id: 999_999)
            XCTFail("expected a 404")
        } catch let error as WordPressError {
            XCTAssertEqual(error.status, 404)
            XCTAssertEqual(error.code, "rest_post_invalid_id")
            XCTAssertTrue(error.description.contains("/wp/v2/posts/999999"), error.description)
        }
    }

    func testAFailingArticleIsReportedAndTheOthersArePublished() async throws {
        let site = try await TestSite.require()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("galley-wp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wordpress = try site.client()
        try await wordpress.post(id: site.posts[0]).write(to: folder.appendingPathComponent("post.json"))
        let output = folder.appendingPathComponent("out")
        try run(["export", folder.appendingPathComponent("post.json").path, "--out-dir", output.path, "--jobs", "1", "--quiet"], expect: 0)
        // A second entry for a post that does not exist, with a real PDF: WordPress refuses it, the first goes through.
        let manifestURL = output.appendingPathComponent("manifest.json")
        var manifest = try ExportManifest.load(manifestURL)
        var missing = manifest.articles[0]
        missing.id = "999999"
        manifest.articles.append(missing)
        try manifest.write(to: manifestURL)
        let text = try run(["publish", "--wordpress", site.url.absoluteString, "--user", site.user, "--app-password-file", site.passwordFile,
                            manifestURL.path], expect: 1)
        XCTAssertTrue(text.contains("999999: error: POST "), text)
        XCTAssertTrue(text.contains(": HTTP 403"), text)
        let summary = try Self.summary(text)
        XCTAssertEqual(summary.uploaded + summary.alreadyThere, 1, text)
        XCTAssertEqual(summary.failed, 1, text)
        let written = try ExportManifest.load(manifestURL)
        XCTAssertNotNil(written.articles.first { $0.id == String(site.posts[0]) }?.attachment)
        XCTAssertNil(written.articles.first { $0.id == "999999" }?.attachment)
    }

    // MARK: Helpers

    /// The counts of publish's summary line.
    struct Summary: Equatable {
        var uploaded, alreadyThere, unchanged, removed, failed: Int
    }

    /// Reads `published: 3 uploaded, 0 already there, 0 unchanged, 0 earlier removed, 0 failed` from publish's output.
    static func summary(_ text: String) throws -> Summary {
        let line = try XCTUnwrap(text.split(separator: "\n").last { $0.hasPrefix("published: ") }, text)
        let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        XCTAssertEqual(numbers.count, 5, String(line))
        guard numbers.count == 5 else { return Summary(uploaded: -1, alreadyThere: -1, unchanged: -1, removed: -1, failed: -1) }
        return Summary(uploaded: numbers[0], alreadyThere: numbers[1], unchanged: numbers[2], removed: numbers[3], failed: numbers[4])
    }

    struct Attached: Equatable {
        var id: Int
        var url: URL?
        var bytes: Data
    }

    /// Checks that every post has exactly one PDF attachment, Galley's, whose bytes are the exported PDF and whose id
    /// the manifest records; returns them by post.
    private func checkOnePDFPerPost(_ posts: [Int], _ wordpress: WordPressSite, manifest: URL, output: URL) async throws -> [Int: Attached] {
        let entries = try ExportManifest.load(manifest).articles
        var found: [Int: Attached] = [:]
        for post in posts {
            let pdfs = try await wordpress.media(attachedTo: post).filter { $0.mimeType == "application/pdf" }
            XCTAssertEqual(pdfs.count, 1, "post \(post) has PDFs \(pdfs.map(\.id))")
            guard let pdf = pdfs.first, let entry = entries.first(where: { $0.id == String(post) }) else {
                XCTFail("post \(post): no PDF or no manifest entry"); continue
            }
            XCTAssertEqual(entry.attachment, pdf.id, "post \(post)")
            XCTAssertNotNil(WordPressPublisher.sha256(inDescription: pdf.description))
            let served = try await wordpress.download(try XCTUnwrap(pdf.sourceURL))
            let exported = try Data(contentsOf: output.appendingPathComponent(try XCTUnwrap(entry.output)))
            XCTAssertEqual(served, exported, "post \(post): the attached PDF's bytes differ from the exported PDF")
            XCTAssertTrue(served.starts(with: Data("%PDF-".utf8)))
            found[post] = Attached(id: pdf.id, url: pdf.sourceURL, bytes: served)
        }
        return found
    }

    /// The ids of media attached to the posts that are not PDFs.
    private func otherMedia(_ posts: [Int], _ wordpress: WordPressSite) async throws -> [Int] {
        var ids: [Int] = []
        for post in posts { ids += try await wordpress.media(attachedTo: post).filter { $0.mimeType != "application/pdf" }.map(\.id) }
        return ids.sorted()
    }

    /// Runs `galley` with `arguments`, checks its exit status, and returns what it printed on standard error.
    @discardableResult
    private func run(_ arguments: [String], expect status: Int32) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.galley)
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let errors = FileManager.default.temporaryDirectory.appendingPathComponent("galley-wp-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errors) }
        let handle = try FileHandle(forWritingTo: errors)
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let text = try String(contentsOf: errors, encoding: .utf8)
        XCTAssertEqual(process.terminationStatus, status, "galley \(arguments.joined(separator: " ")):\n\(text)")
        return text
    }
}
