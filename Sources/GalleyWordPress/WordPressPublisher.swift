import Foundation

/// Attaches an article's PDF to its post so that the post has exactly one Galley PDF: uploads the new one, then
/// deletes every earlier one (named by the caller, or found among the post's attachments by Galley's marker).
///
/// Galley's attachments carry `galley-pdf sha256=<hex>` in their description. That marker is how an earlier PDF is
/// recognised when the manifest no longer names it (an export rebuilt the article, a publish was killed before it
/// wrote the manifest), and how a PDF already on the site is reused instead of uploaded twice.
public struct WordPressPublisher: Sendable {
    /// What one article's publication did.
    public struct Outcome: Sendable, Equatable {
        /// The post's Galley PDF now.
        public var attachment: WordPressMedia
        /// Whether it was uploaded now (false: an attachment with the same bytes was already there).
        public var uploaded: Bool
        /// The earlier attachments deleted.
        public var deleted: [Int]
        /// Earlier attachments that could not be deleted, with why; the new PDF is in place all the same.
        public var problems: [String]
    }

    /// The word that marks Galley's attachments in their description.
    public static let marker = "galley-pdf"

    /// The site published to.
    public let site: WordPressSite

    /// A publisher to `site`.
    public init(site: WordPressSite) {
        self.site = site
    }

    /// The description Galley gives a PDF with SHA-256 `sha256`.
    public static func description(sha256: String) -> String {
        "\(marker) sha256=\(sha256.lowercased()) (the post's PDF, made by Galley; it is replaced when the post changes)"
    }

    /// The SHA-256 in a Galley attachment's description; nil for media that are not Galley's.
    public static func sha256(inDescription description: String) -> String? {
        guard let range = description.range(of: marker + #" sha256=[0-9a-f]{64}"#, options: .regularExpression) else { return nil }
        return String(description[range].suffix(64))
    }

    /// Attaches `pdf` (whose SHA-256 is `sha256`) to post `post` as `fileName` titled `title`, and deletes the post's
    /// earlier Galley PDFs and `previous` (the attachment the manifest recorded, if any).
    public func publish(_ pdf: Data, fileName: String, post: Int, title: String, sha256: String, previous: Int? = nil) async throws -> Outcome {
        let attached = try await site.media(attachedTo: post, mimeType: "application/pdf")
        let earlier = attached.filter { Self.sha256(inDescription: $0.description) != nil }
        let current: WordPressMedia
        let uploaded: Bool
        if let same = earlier.last(where: { Self.sha256(inDescription: $0.description) == sha256.lowercased() }) {
            // Uploaded by a run that died before recording it: the bytes are there already.
            current = same
            uploaded = false
        } else {
            // Upload before deleting, so that the post never goes without a PDF if the upload fails.
            current = try await site.uploadPDF(pdf, fileName: fileName, post: post, title: title,
                                               description: Self.description(sha256: sha256))
            uploaded = true
        }
        var stale = earlier.map(\.id).filter { $0 != current.id }
        if let previous, previous != current.id, !stale.contains(previous) { stale.append(previous) }
        var deleted: [Int] = [], problems: [String] = []
        for id in stale {
            do {
                try await site.deleteMedia(id: id)
                deleted.append(id)
            } catch let error as WordPressError where error.status == 404 || error.status == 410 {
                continue  // deleted by hand already
            } catch {
                problems.append("the earlier attachment \(id) could not be deleted: \(error)")
            }
        }
        return Outcome(attachment: current, uploaded: uploaded, deleted: deleted, problems: problems)
    }
}
