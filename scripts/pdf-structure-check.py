#!/usr/bin/env python3
"""Checks the tagging of a PDF with pikepdf, independently of the code that wrote it.

Usage: pdf-structure-check.py FILE.pdf

Prints, as JSON on standard output, the structure tree in reading order (each element's role, /Alt, /Lang,
/T and how many marked-content references it has) and the violations found; exits 1 when there are violations
(each also printed on standard error), 2 when the file cannot be read. The rules:

- every painting operator of a page (text, paths, images, shadings, XObjects) is inside marked content whose
  MCID the structure tree references, or inside an /Artifact;
- every MCID in a page's content is referenced exactly once by the structure tree, every reference names an
  MCID the page has, and the parent tree leads each MCID back to the element that references it;
- heading levels never skip (H1 then H3, or a first heading below H1);
- every Figure has /Alt; every Table has a TH;
- the catalog has /Lang, /MarkInfo /Marked true, and an XMP metadata stream that parses and agrees with the
  information dictionary (title, author, subject, keywords, creator, producer, dates);
- every link annotation is the object of an OBJR in a Link element.
"""
import datetime
import json
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name

PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do", "INLINE IMAGE", "BI"}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}


def text(value):
    """A PDF string or name as Python text, None for anything else."""
    if isinstance(value, pikepdf.String):
        return str(value)
    if isinstance(value, Name):
        return str(value)[1:]
    return None


def name_of(value):
    return str(value)[1:] if isinstance(value, Name) else None


def kids_of(element):
    kids = element.get("/K")
    if kids is None:
        return []
    if isinstance(kids, Array):
        return list(kids)
    return [kids]


def number_tree(node, into, depth=0):
    """Flattens a number tree into a dict."""
    if depth > 32:
        return
    nums = node.get("/Nums")
    if nums is not None:
        for index in range(0, len(nums) - 1, 2):
            into[int(nums[index])] = nums[index + 1]
    for kid in node.get("/Kids", []):
        number_tree(kid, into, depth + 1)


def pdf_date(value):
    """D:YYYYMMDDHHmmSSOHH'mm' as an aware datetime (or a date string for partial dates)."""
    match = re.fullmatch(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?(?:00'00'?)?", value or "")
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    offset = datetime.timedelta(0)
    if zone and zone != "Z":
        digits = re.sub(r"\D", "", zone)
        offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0)) * (-1 if zone[0] == "-" else 1)
    return datetime.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0),
                             tzinfo=datetime.timezone(offset))


def xmp_date(value):
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:\d{2})?",
                         (value or "").strip())
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    offset = datetime.timedelta(0)
    if zone and zone != "Z":
        offset = datetime.timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6])) * (-1 if zone[0] == "-" else 1)
    return datetime.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0), int(second or 0),
                             tzinfo=datetime.timezone(offset))


class Checker:
    def __init__(self, pdf):
        self.pdf = pdf
        self.violations = []
        self.page_index = {page.objgen: number for number, page in enumerate(pdf.pages)}
        # (page objgen, mcid) -> list of elements (objgen) referencing it
        self.references = {}
        self.link_annotations = set()
        self.headings = []

    def fail(self, message):
        self.violations.append(message)

    # The structure tree.

    def walk(self, element, inherited_page, depth):
        if depth > 200:
            self.fail("the structure tree is deeper than 200 levels (a cycle?)")
            return None
        role = name_of(element.get("/S")) or "?"
        page = element.get("/Pg", inherited_page)
        node = {"role": role}
        for key, label in (("/Alt", "alt"), ("/Lang", "lang"), ("/T", "title"), ("/ID", "id")):
            if key in element:
                node[label] = text(element[key])
        level = re.fullmatch(r"H([1-6])", role)
        if level:
            self.headings.append(int(level.group(1)))
        if role == "Figure" and not (node.get("alt") or "").strip():
            self.fail(f"a Figure has no /Alt (element {element.objgen})")
        children, content = [], 0
        for kid in kids_of(element):
            if isinstance(kid, int) or (isinstance(kid, pikepdf.Object) and kid._type_code == pikepdf.ObjectType.integer):
                content += self.reference(page, int(kid), element)
            elif isinstance(kid, Dictionary):
                kind = name_of(kid.get("/Type"))
                if kind == "MCR":
                    if "/Stm" in kid:
                        content += 1
                        continue
                    content += self.reference(kid.get("/Pg", page), int(kid.MCID), element)
                elif kind == "OBJR":
                    target = kid.get("/Obj")
                    if target is not None and role == "Link" and name_of(target.get("/Subtype")) == "Link":
                        self.link_annotations.add(target.objgen)
                    node.setdefault("objects", 0)
                    node["objects"] += 1
                elif "/S" in kid:
                    child = self.walk(kid, page, depth + 1)
                    if child is not None:
                        children.append(child)
        if content:
            node["content"] = content
        if children:
            node["kids"] = children
        if role == "Table" and not self.contains(node, "TH"):
            self.fail(f"a Table has no TH (element {element.objgen})")
        return node

    def contains(self, node, role):
        return any(kid["role"] == role or (kid["role"] != "Table" and self.contains(kid, role)) for kid in node.get("kids", []))

    def reference(self, page, mcid, element):
        if page is None or page.objgen not in self.page_index:
            self.fail(f"MCID {mcid} of a {name_of(element.get('/S'))} element has no page")
            return 0
        self.references.setdefault((page.objgen, mcid), []).append(element.objgen)
        return 1

    # Page content.

    def check_content(self):
        parents = {}
        tree = self.pdf.Root.StructTreeRoot
        if "/ParentTree" in tree:
            number_tree(tree.ParentTree, parents)
        for number, page in enumerate(self.pdf.pages):
            seen, unmarked = {}, 0
            stack = []
            for instruction in pikepdf.parse_content_stream(page):
                operator = str(instruction.operator)
                if operator in ("BDC", "BMC"):
                    operands = list(instruction.operands)
                    tag = name_of(operands[0]) if operands else None
                    mcid = None
                    if operator == "BDC" and len(operands) > 1 and isinstance(operands[1], Dictionary) and "/MCID" in operands[1]:
                        mcid = int(operands[1].MCID)
                        seen[mcid] = seen.get(mcid, 0) + 1
                    stack.append((tag, mcid))
                elif operator == "EMC":
                    if stack:
                        stack.pop()
                    else:
                        self.fail(f"page {number + 1}: EMC without a marked-content sequence to end")
                elif operator in PAINTING:
                    covered = any(tag == "Artifact" or (mcid is not None and (page.objgen, mcid) in self.references)
                                  for tag, mcid in stack)
                    if not covered:
                        unmarked += 1
            if stack:
                self.fail(f"page {number + 1}: {len(stack)} marked-content sequences are not ended")
            if unmarked:
                self.fail(f"page {number + 1}: {unmarked} painting operators are neither in referenced marked content nor in an Artifact")
            for mcid, count in sorted(seen.items()):
                found = self.references.get((page.objgen, mcid), [])
                if count > 1:
                    self.fail(f"page {number + 1}: MCID {mcid} occurs {count} times in the content")
                if not found:
                    self.fail(f"page {number + 1}: MCID {mcid} is referenced by no structure element")
                elif len(found) > 1:
                    self.fail(f"page {number + 1}: MCID {mcid} is referenced {len(found)} times")
                elif "/StructParents" not in page:
                    self.fail(f"page {number + 1}: has marked content but no /StructParents")
                else:
                    entry = parents.get(int(page.StructParents))
                    target = entry[mcid] if isinstance(entry, Array) and mcid < len(entry) else None
                    if target is None or not isinstance(target, Dictionary) or target.objgen != found[0]:
                        self.fail(f"page {number + 1}: the parent tree does not lead MCID {mcid} to its element")
            for (objgen, mcid) in self.references:
                if objgen == page.objgen and mcid not in seen:
                    self.fail(f"page {number + 1}: the structure tree references MCID {mcid}, which the page's content does not have")
            for annotation in page.get("/Annots", []):
                if name_of(annotation.get("/Subtype")) == "Link" and annotation.objgen not in self.link_annotations:
                    self.fail(f"page {number + 1}: a link annotation is not in a Link element")

    # Catalog and metadata.

    def check_document(self):
        root = self.pdf.Root
        if not (text(root.get("/Lang")) or "").strip():
            self.fail("the catalog has no /Lang")
        marked = root.get("/MarkInfo", {}).get("/Marked")
        if marked is not True and not (isinstance(marked, pikepdf.Object) and bool(marked)):
            self.fail("/MarkInfo /Marked is not true")
        if "/Metadata" not in root:
            self.fail("there is no XMP metadata stream")
            return
        try:
            xmp = ET.fromstring(root.Metadata.read_bytes())
        except ET.ParseError as error:
            self.fail(f"the XMP metadata does not parse: {error}")
            return
        if xmp.find(".//rdf:RDF", NS) is None:
            self.fail("the XMP metadata does not parse: it has no rdf:RDF")
            return
        info = self.pdf.trailer.get("/Info", Dictionary())

        def xmp_values(path):
            found = xmp.findall(f".//rdf:Description/{path}", NS) or []
            values = []
            for item in found:
                items = item.findall(".//rdf:li", NS)
                values.extend((li.text or "") for li in items) if items else values.append(item.text or "")
            return values

        def same(key, xmp_path, compare=lambda a, b: a == b):
            info_value = text(info.get(key)) if key in info else None
            values = xmp_values(xmp_path)
            if info_value is None and not values:
                return
            if info_value is None or not values:
                self.fail(f"{key[1:]} is in {'the XMP' if values else 'the information dictionary'} only")
            elif not compare(info_value, values):
                self.fail(f"{key[1:]} disagrees: information dictionary {info_value!r}, XMP {values!r}")

        same("/Title", "dc:title", lambda a, b: a == b[0])
        same("/Author", "dc:creator", lambda a, b: a == ", ".join(b) or a == b[0])
        same("/Subject", "dc:description", lambda a, b: a == b[0])
        same("/Keywords", "pdf:Keywords", lambda a, b: a == b[0])
        same("/Creator", "xmp:CreatorTool", lambda a, b: a == b[0])
        same("/Producer", "pdf:Producer", lambda a, b: a == b[0])
        same("/CreationDate", "xmp:CreateDate", lambda a, b: pdf_date(a) is not None and pdf_date(a) == xmp_date(b[0]))
        same("/ModDate", "xmp:ModifyDate", lambda a, b: pdf_date(a) is not None and pdf_date(a) == xmp_date(b[0]))

    def check_headings(self):
        previous = 0
        for level in self.headings:
            if level > previous + 1:
                self.fail(f"heading levels skip: H{level} follows {'H' + str(previous) if previous else 'no heading'}")
            previous = level


def main():
    if len(sys.argv) != 2:
        print("usage: pdf-structure-check.py FILE.pdf", file=sys.stderr)
        return 2
    try:
        pdf = pikepdf.open(sys.argv[1])
    except Exception as error:  # pikepdf raises several kinds
        print(f"{sys.argv[1]}: cannot be read: {error}", file=sys.stderr)
        return 2
    checker = Checker(pdf)
    tree = None
    structure = pdf.Root.get("/StructTreeRoot")
    if structure is None:
        checker.fail("there is no structure tree")
    else:
        tree = {"role": "StructTreeRoot", "kids": [node for node in (checker.walk(kid, None, 0) for kid in kids_of(structure)
                                                                      if isinstance(kid, Dictionary)) if node]}
        checker.check_content()
        checker.check_headings()
    checker.check_document()
    json.dump({"file": sys.argv[1], "tree": tree, "violations": checker.violations}, sys.stdout, indent=1, ensure_ascii=False)
    print()
    for violation in checker.violations:
        print(f"{sys.argv[1]}: {violation}", file=sys.stderr)
    return 1 if checker.violations else 0


if __name__ == "__main__":
    sys.exit(main())
