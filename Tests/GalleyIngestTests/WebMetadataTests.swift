import Foundation
import GalleyIngest
import GalleyModel
import Testing

/// What a CMS needs to find an article again (slug, post type, permalink, date), and the featured image as the
/// lead figure, from WordPress's REST API, its export files and Galley's JSON.
@Suite struct WebMetadataTests {
    static func restPost(featuredSource: String?, content: String, extra: String = "") -> String {
        let media = featuredSource.map { source in
            #", "wp:featuredmedia": [{"id": 88, "source_url": "\#(source)", "alt_text": "Pickets at &amp; the gate", "caption": {"rendered": "<p>The picket, <em>dawn</em></p>\n"}}]"#
        } ?? ""
        return """
        {"id": 4200, "date": "2025-06-22T10:15:00", "slug": "picket-line", "type": "post",
         "link": "https://example.org/2025/06/22/picket-line/", "title": {"rendered": "Picket line"},
         "content": {"rendered": "\(content)"}\(extra),
         "_embedded": {"author": [{"name": "Ana"}]\(media)}}
        """
    }

    @Test func aRESTPostGivesItsWebMetadata() throws {
        let article = try IngestTestSupport.readOne(Self.restPost(featuredSource: nil, content: "<p>Text.</p>"), with: WordPressReader()).article
        #expect(article.slug == "picket-line")
        #expect(article.postType == "post")
        #expect(article.permalink == "https://example.org/2025/06/22/picket-line/")
        #expect(article.date == "2025-06-22")
    }

    @Test func aPostWithoutSlugTakesItFromItsPermalink() throws {
        let json = #"{"id": 5, "link": "https://example.org/2025/06/%d0%bc%d0%b8%d1%80/", "title": {"rendered": "T"}, "content": {"rendered": "<p>x</p>"}}"#
        let article = try IngestTestSupport.readOne(json, with: WordPressReader()).article
        #expect(article.slug == "%d0%bc%d0%b8%d1%80")
        #expect(article.postType == nil)
        let plain = #"{"id": 6, "link": "https://example.org/?p=6", "title": {"rendered": "T"}, "content": {"rendered": "<p>x</p>"}}"#
        #expect(try IngestTestSupport.readOne(plain, with: WordPressReader()).article.slug == nil)
    }

    @Test func theFeaturedImageLeadsTheBody() throws {
        let article = try IngestTestSupport.readOne(Self.restPost(featuredSource: "https://example.org/wp-content/uploads/2025/06/picket.jpg",
                                                                  content: "<p>Text.</p>"), with: WordPressReader()).article
        #expect(article.body == [
            .figure(Figure(source: "https://example.org/wp-content/uploads/2025/06/picket.jpg", alt: "Pickets at & the gate",
                           caption: [.text("The picket, "), .emphasis([.text("dawn")])])),
            .paragraph([.text("Text.")]),
        ])
    }

    @Test func theFeaturedImageIsNotRepeatedWhenTheContentOpensWithIt() throws {
        // The content shows a resized copy of the same upload.
        let content = #"<figure><img src=\"https://example.org/wp-content/uploads/2025/06/picket-1024x683.jpg\" alt=\"A\"></figure><p>Text.</p>"#
        let article = try IngestTestSupport.readOne(Self.restPost(featuredSource: "https://example.org/wp-content/uploads/2025/06/picket.jpg",
                                                                  content: content), with: WordPressReader()).article
        #expect(article.body.count == 2)
        guard case .figure(let figure) = article.body.first else { Issue.record("\(article.body)"); return }
        #expect(figure.source.hasSuffix("picket-1024x683.jpg"))
    }

    @Test func aWXRPostGivesItsMetadataAndFeaturedAttachment() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Site</title><language>en</language>
        <item>
          <title>Picket line</title><link>https://example.org/2025/06/22/picket-line/</link>
          <content:encoded><![CDATA[Text.]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
          <wp:post_id>4200</wp:post_id><wp:post_date>2025-06-22 10:15:00</wp:post_date><wp:post_name><![CDATA[picket-line]]></wp:post_name>
          <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
          <wp:postmeta><wp:meta_key><![CDATA[_edit_last]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
          <wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[88]]></wp:meta_value></wp:postmeta>
        </item>
        <item>
          <title>picket</title><link>https://example.org/2025/06/22/picket-line/picket/</link>
          <content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[The picket at dawn]]></excerpt:encoded>
          <wp:post_id>88</wp:post_id><wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>
          <wp:attachment_url><![CDATA[https://example.org/wp-content/uploads/2025/06/picket.jpg]]></wp:attachment_url>
          <wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[Pickets at the gate]]></wp:meta_value></wp:postmeta>
        </item>
        </channel></rss>
        """
        let article = try IngestTestSupport.readOne(xml, with: WXRReader()).article
        #expect(article.slug == "picket-line")
        #expect(article.postType == "post")
        #expect(article.permalink == "https://example.org/2025/06/22/picket-line/")
        #expect(article.date == "2025-06-22")
        #expect(article.body.first == .figure(Figure(source: "https://example.org/wp-content/uploads/2025/06/picket.jpg",
                                                     alt: "Pickets at the gate", caption: [.text("The picket at dawn")])))
        #expect(article.body.count == 2)
    }

    @Test func jsonArticlesMayGiveSlugAndType() throws {
        let json = #"{"id": 9, "title": "T", "url": "https://example.org/t/", "slug": "t-slug", "type": "page", "blocks": []}"#
        let article = try JSONArticleReader().read(Data(json.utf8), file: "t.json")
        #expect(article.slug == "t-slug")
        #expect(article.postType == "page")
        // Encoded and decoded (the layout cache, worker messages) they stay.
        let decoded = try JSONDecoder().decode(Article.self, from: try JSONEncoder().encode(article))
        #expect(decoded == article)
    }
}
