/// The files `galley init` writes: a commented `galley.yaml` and a starter layout that extends Galley's default.
enum StarterFiles {
    /// Where the starter layout goes, relative to the folder.
    static let layoutPath = "Layouts/my-layout.yaml"

    /// The publisher's config; `schemas` is the folder holding Galley's JSON Schemas, for editors that read them.
    static func config(schemas: String) -> String {
        """
        # yaml-language-server: $schema=\(schemas)/galley-config.schema.json
        # This publisher's identity, read by every galley command run in this folder or below it (or given by --config).
        # Paths are relative to this file. Every key is described in docs/galley-config.md.

        # The name running heads show as {publication}.
        publication: My Publication

        # The web address, shown as {site}.
        # site: https://example.org

        # A PNG or SVG drawn on every page where the layout's header.logo or footer.logo says (the starter layout: at
        # the start of the foot).
        # logo: logo.svg

        # A line of small print, shown as {colophon}.
        # colophon: Published by My Publication. Articles may be reprinted with a link to the original.

        # The layout every command uses unless --layout names another: a name from Galley's Layouts/ or a path.
        layout: \(layoutPath)

        # Changes to the words Galley prints, by language (the names are in docs/galley-config.md).
        # labels:
        #   en: {related: "Further reading"}

        # The WordPress site galley serve and galley publish use when --wordpress is not given. The password is never
        # written here: name the environment variable (or a file) that holds the application password.
        # cms:
        #   wordpress: {site: https://example.org, user: editor, password-env: GALLEY_WP_PASSWORD}

        """
    }

    /// The starter layout; `schemas` as for `config(schemas:)`.
    static func layout(schemas: String) -> String {
        """
        # yaml-language-server: $schema=\(schemas)/layout-format.schema.json
        # This publication's design: Galley's default (article-a4) and the changes below. Every key a layout may set,
        # with its default and unit, is in docs/layout-format.md.
        extends: article-a4

        # The publication's name above the text on every page, the first one too.
        header: {left: "{publication}", right: "{title}", onFirstPage: true}

        # The logo (galley.yaml's logo) at the start of the foot, then the colophon; the folio at the end.
        footer: {left: "{colophon}", right: "{folio}", logo: left, logoHeight: 12}

        """
    }
}
