import Foundation
import GalleyDiagnostics
import GalleyLayout
import GalleyModel

/// One article through the pipeline: what was set, how, and every warning any stage raised about it.
///
/// Every command (render, export, check, boxes, bundle) goes through `ArticleRenderer` and gets this one value, so no
/// command can drop a warning another one prints.
public struct TypesetArticle: Sendable {
    /// The article as it was set: its language detected when its source did not give one.
    public var article: Article
    /// The finished pages.
    public var document: PagedDocument
    /// The text-block pages, for an issue bundle to reuse.
    public var layout: ArticleLayout
    /// The language Galley detected, when the source did not declare one.
    public var detectedLanguage: String?
    /// Warnings from figures, fonts, labels and language, each naming the file.
    public var warnings: [Diagnostic]
}

/// A typeset article drawn as a PDF file.
public struct RenderedArticle: Sendable {
    /// The article as typeset.
    public var typeset: TypesetArticle
    /// The PDF file's bytes.
    public var pdf: Data
    /// Warnings only drawing could raise: images that turned out corrupt or that a decoder refused.
    public var drawWarnings: [Diagnostic] = []

    /// The finished pages.
    public var document: PagedDocument { typeset.document }
    /// The text-block pages.
    public var layout: ArticleLayout { typeset.layout }
    /// Every warning of every stage, drawing's last.
    public var warnings: [Diagnostic] { typeset.warnings + drawWarnings }
}
