import CLibXML2
import Foundation

/// Finds footnotes in the ways CMSs write them, so the converter can turn them into `Article.footnotes`.
///
/// A link `<a href="#X">` is a footnote reference when the element with id X links back to it (the
/// `#fnref1` back-links of WordPress, Pandoc and Markdown processors), or when the link has a footnote
/// class (`footnote-ref`, SPIP's `spip_note`, `rel="footnote"`) and X sits in a notes block (`.notes`, `.footnotes`).
struct HTMLFootnotes {
    /// Reference links, and the `<sup>`/`<span>` wrapping only them, mapped to footnote ids.
    private(set) var references: [xmlNodePtr: String] = [:]
    /// The notes in the order they are first referenced, with the element holding each note's text.
    private(set) var notes: [(id: String, node: xmlNodePtr)] = []
    /// Elements the body must not show: the notes, their back-links, lists and headings.
    private(set) var hidden: Set<xmlNodePtr> = []

    private static let referenceClasses: Set<String> = ["footnote-ref", "footnote", "spip_note", "fn", "footnote-link", "noteref"]
    private static let notesBlockClasses: Set<String> = ["footnotes", "notes", "footnote", "wp-block-footnotes", "fn", "endnotes"]
    private static let backLinkClasses: Set<String> = ["footnote-backref", "footnote-back", "spip_note", "backlink", "fn-back"]
    private static let notesTitles: Set<String> = [
        "notes", "note", "footnotes", "endnotes", "references", "sources", "notes and references", "notes de bas de page",
        "notas", "anmerkungen", "fußnoten", "примечания", "сноски", "σημειώσεις", "note di chiusura",
    ]
    /// How many nodes of a target are searched for a back-link; a note is short, a section link's target may be huge.
    private static let scanLimit = 400

    /// Finds the footnotes of the document under `root`; `container` and its ancestors are never hidden.
    init(root: xmlNodePtr, container: xmlNodePtr) {
        var ids: [String: xmlNodePtr] = [:]
        var links: [(anchor: xmlNodePtr, target: String)] = []
        for node in root.descendants where node.isElement {
            if let id = node.attribute("id"), !id.isEmpty, ids[id] == nil { ids[id] = node }
            guard node.elementName == "a" else { continue }
            if let name = node.attribute("name"), !name.isEmpty, ids[name] == nil { ids[name] = node }
            if let href = node.attribute("href"), href.hasPrefix("#"), href.count > 1 {
                links.append((node, String(href.dropFirst()).removingPercentEncoding ?? String(href.dropFirst())))
            }
        }
        var noteIDs: [xmlNodePtr: String] = [:]
        var referenceNames: [xmlNodePtr: Set<String>] = [:]
        for (anchor, targetID) in links {
            // A link inside a note already found is its back-link, not a reference.
            guard let target = ids[targetID], target != anchor, !anchor.ancestors.contains(where: { noteIDs[$0] != nil }),
                  !Self.contains(target, anchor), !Self.contains(anchor, target) else { continue }
            let names = Self.names(of: anchor)
            let linksBack = Self.backLinks(in: target).contains { names.contains($0.target) }
            let classed = !Self.referenceClasses.isDisjoint(with: anchor.classes) || anchor.attribute("rel") == "footnote"
            let inNotesBlock = ([target] + target.ancestors).contains { !Self.notesBlockClasses.isDisjoint(with: $0.classes) }
            guard linksBack || (classed && inNotesBlock) else { continue }
            let note = Self.noteElement(for: target)
            let id: String
            if let existing = noteIDs[note] {
                id = existing
            } else {
                id = String(notes.count + 1)
                noteIDs[note] = id
                notes.append((id, note))
                hidden.insert(note)
            }
            references[anchor] = id
            if let wrapper = anchor.pointee.parent, ["sup", "span"].contains(wrapper.elementName ?? ""),
               Self.holdsOnly(anchor, in: wrapper) {
                references[wrapper] = id
            }
            referenceNames[note, default: []].formUnion(names)
        }
        for (note, names) in referenceNames {
            for (link, target) in Self.backLinks(in: note)
            where names.contains(target) || !Self.backLinkClasses.isDisjoint(with: link.classes) {
                if let wrapper = link.pointee.parent, ["sup", "span"].contains(wrapper.elementName ?? ""), Self.holdsOnly(link, in: wrapper) {
                    hidden.insert(wrapper)
                } else {
                    hidden.insert(link)
                }
            }
        }
        hideNotesBlocks(keeping: Set([container] + container.ancestors))
    }

    /// Hides the lists and blocks that hold nothing but notes, and a "Notes" heading just before them.
    private mutating func hideNotesBlocks(keeping kept: Set<xmlNodePtr>) {
        var frontier = notes.map(\.node)
        while let node = frontier.popLast() {
            guard let parent = node.pointee.parent, parent.isElement, !kept.contains(parent), !hidden.contains(parent) else { continue }
            let blockish = ["ol", "ul", "div", "section", "aside", "footer", "dl"].contains(parent.elementName ?? "")
            let onlyNotes = parent.childNodes.allSatisfy { child in
                if child.isText { return child.characters.allSatisfy(\.isWhitespace) }
                guard child.isElement else { return true }
                return hidden.contains(child) || child.elementName == "hr" || isNotesTitle(child)
            }
            guard blockish, onlyNotes else { continue }
            hidden.insert(parent)
            frontier.append(parent)
        }
        for note in notes.map(\.node) {
            // A heading such as "Notes" is often a sibling just before the hidden block.
            var block = note
            while let parent = block.pointee.parent, hidden.contains(parent) { block = parent }
            var previous = block.pointee.prev
            while let candidate = previous, !candidate.isElement { previous = candidate.pointee.prev }
            if let heading = previous, isNotesTitle(heading) { hidden.insert(heading) }
        }
    }

    private func isNotesTitle(_ node: xmlNodePtr) -> Bool {
        guard let name = node.elementName, ["h1", "h2", "h3", "h4", "h5", "h6", "p", "strong", "b"].contains(name) else { return false }
        let text = node.textContent.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ":")))
        return Self.notesTitles.contains(text.lowercased())
    }

    /// The note's whole block when the target is only an empty marker such as `<a name="fn1"></a>`.
    private static func noteElement(for target: xmlNodePtr) -> xmlNodePtr {
        guard ["a", "span", "sup", "b", "strong", "em", "i"].contains(target.elementName ?? "") else { return target }
        return target.ancestors.first { ["p", "li", "div", "dd", "section", "aside"].contains($0.elementName ?? "") } ?? target
    }

    /// The ids a back-link may point at: the anchor's id or name, or those of the `<sup>`/`<span>` around it.
    private static func names(of anchor: xmlNodePtr) -> Set<String> {
        var names = Set<String>()
        for node in [anchor] + anchor.ancestors.prefix(2) {
            if let id = node.attribute("id"), !id.isEmpty { names.insert(id) }
            if let name = node.attribute("name"), !name.isEmpty { names.insert(name) }
        }
        return names
    }

    /// The in-page links inside `node`, searched no further than `scanLimit` nodes.
    private static func backLinks(in node: xmlNodePtr) -> [(link: xmlNodePtr, target: String)] {
        var result: [(xmlNodePtr, String)] = []
        for (index, child) in node.descendants.enumerated() {
            if index > scanLimit { break }
            guard child.elementName == "a", let href = child.attribute("href"), href.hasPrefix("#"), href.count > 1 else { continue }
            result.append((child, String(href.dropFirst()).removingPercentEncoding ?? String(href.dropFirst())))
        }
        return result
    }

    private static func contains(_ ancestor: xmlNodePtr, _ node: xmlNodePtr) -> Bool {
        node.ancestors.contains(ancestor)
    }

    /// Whether `wrapper` holds `link` and otherwise only spaces and brackets, as in SPIP's `[<a>1</a>]`.
    private static func holdsOnly(_ link: xmlNodePtr, in wrapper: xmlNodePtr) -> Bool {
        wrapper.childNodes.allSatisfy { child in
            if child == link { return true }
            if child.isText { return child.characters.allSatisfy { $0.isWhitespace || "[]()".contains($0) } }
            return !child.isElement
        }
    }
}
