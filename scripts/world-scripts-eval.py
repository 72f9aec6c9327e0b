#!/usr/bin/env python3
"""Measure how Galley sets real documents in non-Latin scripts.

    scripts/world-scripts-eval.py [--galley PATH] [--json OUT] [--out-dir DIR]
                                  [--timeout S] [--layout NAME] [--block L,R]
                                  FILE_OR_FOLDER...

Each input is rendered with `galley render FILE -o OUT.pdf`; the PDF is then
checked without trusting Galley's own numbers:
  - empty boxes: glyphs of an embedded font subset whose outline is the
    subset's .notdef (glyph 0), plus U+FFFD in the extracted text; Galley's
    "N glyphs are missing" warning is parsed beside it;
  - off the page: characters with x0 < 20 pt, x1 > page width - 20 pt, or
    below/above the page;  beyond the measure: lines whose letters pass the
    text block (the outermost edges shared by many body lines, or --block);
  - recall of the source's visible text in `pdftotext` output: words in order
    (LCS) for left-to-right text, letters for scripts written without spaces,
    letter trigrams in any order (multiset) for right-to-left text;
  - for right-to-left text, which side short lines are set from, and lines flush with each margin;
  - pages and render time.
Rows are grouped by the input's parent folder (corpus/<lang>/...).
galley reads Layouts/ and Fonts/ beside its checkout (or $GALLEY_HOME): to measure
a commit while its tree is being edited, build it in a worktree and pass --galley.
Needs poppler-utils (pdftotext) and pdfplumber (pip install pdfplumber), whose
pdfminer.six reads the PDF.
"""
import argparse, collections, html.parser, json, os, re, signal, struct, subprocess, sys, tempfile, time
import unicodedata

try:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage
except ImportError:
    sys.exit("needs pdfminer.six: pip install pdfplumber")

RTL_SCRIPTS = {"ARABIC", "HEBREW", "SYRIAC", "THAANA", "NKO"}
# Written without spaces between words: recall counts letters, not words.
UNSPACED_SCRIPTS = {"CJK", "THAI", "LAO", "KHMER", "MYANMAR"}
INPUT_EXTENSIONS = (".html", ".htm", ".md", ".markdown", ".json", ".xml", ".wxr")


# ---------------------------------------------------------------- source text

class VisibleText(html.parser.HTMLParser):
    """Text a reader sees: no head, scripts or page chrome (nav bars, banners)."""
    SKIP_TAGS = {"head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                 "button", "select", "textarea"}
    SKIP_CLASS = re.compile(r"\b(nav|docnav|navheader|navfooter|menu|breadcrumbs?|banner|sidebar)\b", re.I)
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    INLINE = {"a", "abbr", "acronym", "b", "bdi", "bdo", "cite", "code", "em", "i", "kbd", "mark", "q", "s",
              "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.out = [], []          # stack: (tag, skipped?)

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE:
            self.out.append("\n")              # block edges separate words
        if tag in self.VOID:
            return
        a = dict(attrs)
        skip = tag in self.SKIP_TAGS or bool(self.SKIP_CLASS.search(f"{a.get('class') or ''} {a.get('id') or ''}"))
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.out.append("\n")
        # Forgiving like a browser: close up to the matching open tag, if any.
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if not any(skip for _, skip in self.stack):
            self.out.append(data)


def markdown_visible_text(text):
    """Markdown as the page shows it: front-matter title, text, code; no link targets or markup."""
    title = ""
    m = re.match(r"\ufeff?---\n(.*?)\n(?:---|\.\.\.)\n", text, re.S)
    if m:
        t = re.search(r"^title:\s*(.+)$", m.group(1), re.M)
        title = t.group(1).strip().strip("'\"") if t else ""
        text = text[m.end():]
    text = re.sub(r"\{/\*.*?\*/\}", " ", text)                          # MDX heading anchors {/*id*/}
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\[!include\s*\[[^\]]*\]\([^)]*\)\]", " ", text)      # DocFX includes (not expanded)
    text = re.sub(r"\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)              # links/images: keep the words
    text = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", " ", text, flags=re.M)   # reference definitions
    text = re.sub(r"<https?://[^>]*>", " ", text)
    text = re.sub(r"</?[A-Za-z][^>]*>", " ", text)                      # HTML / JSX tags, content kept
    text = re.sub(r"^```.*$|^~~~.*$", " ", text, flags=re.M)            # fences (their code is kept)
    return title + "\n" + text


def source_text(path):
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        raw = f.read()
    if path.lower().endswith((".md", ".markdown")):
        return markdown_visible_text(raw)
    if path.lower().endswith(".json"):
        # Galley JSON / WordPress: every string value but addresses and codes may be shown.
        def strings(v):
            if isinstance(v, str):
                yield v
            elif isinstance(v, (dict, list)):
                for k, x in (v.items() if isinstance(v, dict) else enumerate(v)):
                    if k not in ("url", "src", "href", "id", "type", "language", "date"):
                        yield from strings(x)
        raw = "\n".join(strings(json.loads(raw)))
    elif path.lower().endswith((".xml", ".wxr")):
        raw = raw.replace("<![CDATA[", "").replace("]]>", "")   # WXR keeps post bodies as CDATA
    p = VisibleText()
    p.feed(raw)
    p.close()
    return "".join(p.out)


def declared_lang(path):
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        head = f.read(20000)
    m = (re.search(r"<html\b[^>]*?\blang=[\"']([^\"']+)", head, re.I)
         or re.search(r"^(?:lang|language):\s*['\"]?([\w-]+)", head, re.M)
         or re.search(r"\"language\"\s*:\s*\"([^\"]+)\"", head))
    return m.group(1) if m else None


# ---------------------------------------------------------------- tokens and recall

def script_of(ch):
    try:
        script = unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"
    return "CJK" if script in ("HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HALFWIDTH", "IDEOGRAPHIC") else script


def dominant_script(text):
    """The most common non-Latin script if it has a fifth of the letters (docs mix in English)."""
    counts = collections.Counter(script_of(c) for c in text if unicodedata.category(c).startswith("L"))
    letters = sum(counts.values()) or 1
    for script, n in counts.most_common():
        if script != "LATIN" and n >= letters / 5:
            return script
    return "LATIN"


def normalise(text):
    # NFKC folds Arabic presentation forms and ligatures that a PDF's ToUnicode may give back.
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").replace("\u0640", "")
    return re.sub(r"(\w)-\n(\w)", r"\1\2", text).casefold()   # rejoin words hyphenated at line ends


def tokens(text, letters_only):
    """Words (runs of letters, marks, digits), or single letters+marks for unspaced scripts."""
    out, word = [], []
    for ch in normalise(text):
        cat = unicodedata.category(ch)
        if letters_only:
            if cat[0] in "LM":
                out.append(ch)
        elif cat[0] in "LMN":
            word.append(ch)
        elif word:
            out.append("".join(word)); word = []
    if word:
        out.append("".join(word))
    return out


def trigrams(text):
    """Overlapping letter trigrams, spaces ignored: survives words split by a text extractor."""
    letters = tokens(text, True)
    return ["".join(letters[i:i + 3]) for i in range(len(letters) - 2)]


def lcs_length(a, b):
    """Length of the longest common subsequence, bit-parallel (Hyyrö 2004): O(len(b)) big-int steps."""
    masks = collections.defaultdict(int)
    for i, tok in enumerate(a):
        masks[tok] |= 1 << i
    full = (1 << len(a)) - 1
    v = full
    for tok in b:
        u = v & masks.get(tok, 0)
        v = ((v + u) | (v - u)) & full
    return len(a) - bin(v).count("1")


def recall(src, pdf, multiset):
    if not src:
        return None
    if multiset:   # right-to-left: extraction order of bidi text is not a fair test of order
        have = collections.Counter(pdf)
        hit = sum(min(n, have[t]) for t, n in collections.Counter(src).items())
    else:
        hit = lcs_length(src, pdf)
    return round(100.0 * hit / len(src), 1)


# ---------------------------------------------------------------- PDF reading

class CharCollector(PDFPageAggregator):
    """pdfminer's aggregator, keeping each character's glyph id (CID) and font.

    pdfminer has no public hook for the CID, and pdfplumber drops it; the glyph id is what
    tells a .notdef box from a real glyph, since the box keeps the lost character's text."""
    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        adv = super().render_char(matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate)
        item = self.cur_item._objs[-1]
        item.cid, item.pdffont = cid, font
        return adv


def notdef_glyphs(font):
    """Glyph ids of a CID TrueType subset that draw the .notdef box (same outline as glyph 0).

    Galley passes glyph 0 for characters its fonts lack; cairo renumbers glyphs when it
    subsets, so the box is whichever subset glyph carries glyph 0's outline."""
    cache = getattr(font, "_notdef_cache", None)
    if cache is not None:
        return cache
    found = set()
    try:
        # cairo writes no CIDToGIDMap, so a CID is the subset's glyph id.
        data = font.fontfile.get_data() if font.is_multibyte() and hasattr(font, "fontfile") else b""
        if data:
            tables = {}
            for i in range(struct.unpack(">H", data[4:6])[0]):
                tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
                tables[tag] = (off, length)
            long_loca = struct.unpack(">h", data[tables[b"head"][0] + 50:tables[b"head"][0] + 52])[0]
            lo, ll = tables[b"loca"]
            loca = (struct.unpack(">%dI" % (ll // 4), data[lo:lo + ll]) if long_loca
                    else [2 * x for x in struct.unpack(">%dH" % (ll // 2), data[lo:lo + ll])])
            g0 = tables[b"glyf"][0]
            outline = lambda g: data[g0 + loca[g]:g0 + loca[g + 1]]
            if outline(0):   # an empty .notdef would match every space-like glyph
                found = {0} | {g for g in range(1, len(loca) - 1) if outline(g) == outline(0)}
    except Exception:
        pass                 # not a TrueType CID subset: only U+FFFD and Galley's count remain
    font._notdef_cache = found
    return found


Char = collections.namedtuple("Char", "x0 x1 y size text box mono")


def read_pdf(path):
    """Per page: (width, height, [Char]); y is the baseline, box says it is drawn as .notdef."""
    pages = []
    rsrc = PDFResourceManager()
    device = CharCollector(rsrc, laparams=None)
    interp = PDFPageInterpreter(rsrc, device)
    with open(path, "rb") as f:
        for page in PDFPage.get_pages(f):
            interp.process_page(page)
            layout = device.get_result()
            chars = [Char(o.x0, o.x1, o.matrix[5], round(o.size, 1), o.get_text(),
                          o.cid in notdef_glyphs(o.pdffont), "mono" in o.fontname.lower())
                     for o in layout if hasattr(o, "cid")]
            pages.append((layout.width, layout.height, chars))
    return pages


def lines_of(chars):
    """Group a page's characters into lines by baseline (marks and superscripts stay with theirs)."""
    lines = []
    for c in sorted(chars, key=lambda c: -c.y):
        if lines and abs(lines[-1][0].y - c.y) <= 0.35 * max(c.size, lines[-1][0].size):
            lines[-1].append(c)
        else:
            lines.append([c])
    return lines


def is_letter(text):
    return any(unicodedata.category(ch)[0] in "LNM" for ch in text)


def extent(line):
    """Horizontal extent of a line's letters: hanging punctuation may stand in the margin."""
    letters = [c for c in line if is_letter(c.text)] or line
    return min(c.x0 for c in letters), max(c.x1 for c in letters)


def text_block(body, width):
    """Left and right edges of the text block: the outermost line edges that many body lines share.

    The plain mode would pick a list's indent in list-heavy pages; edges past the page's
    20-pt safe area are overflow, never the block."""
    edges = []
    for side, pick in ((0, min), (1, max)):
        counts = collections.Counter(round(extent(ln)[side]) for ln in body)
        counts = {x: n for x, n in counts.items() if 20 <= x <= width - 20}
        common = [x for x, n in counts.items() if n >= max(3, 0.1 * len(body))]
        edges.append(pick(common) if common else max(counts, key=counts.get, default=None))
    return tuple(edges) if None not in edges else None


def layout_checks(pages, block, rtl):
    # Body size: the commonest size of letters outside code (code listings can outnumber prose).
    sizes = collections.Counter(c.size for _, _, chars in pages for c in chars if is_letter(c.text) and not c.mono)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    all_lines = [(w, h, ln) for w, h, chars in pages for ln in lines_of(chars)]
    # Body lines: mostly in the body size, so running heads, folios, headings and code do not vote.
    body = [ln for _, _, ln in all_lines
            if len(ln) >= 3 and sum(c.size == body_size and not c.mono for c in ln) >= 0.8 * len(ln)]
    block = block or (text_block(body, pages[0][0]) if body else None)
    off_page = sum(1 for w, h, chars in pages for c in chars
                   if c.x0 < 20 or c.x1 > w - 20 or c.y < 0 or c.y > h)
    beyond, worst = 0, 0.0
    if block:
        for _, _, ln in all_lines:
            x0, x1 = extent(ln)
            over = max(block[0] - x0, x1 - block[1])
            if over > 1.5:
                beyond += 1
                worst = max(worst, over)
    result = {"body_size": body_size, "text_block": block, "lines": len(all_lines), "body_lines": len(body),
              "chars_off_page": off_page, "lines_beyond_measure": beyond, "worst_overshoot_pt": round(worst, 1)}
    if rtl and block and body:
        def pct(lines, test):
            return round(100.0 * sum(map(test, lines)) / len(lines), 1) if lines else None
        flush = lambda side: lambda ln: abs(extent(ln)[side] - block[side]) <= 2
        # Justified full lines touch both margins; short lines (paragraph ends, list items) show
        # which side the text is set from: nearer the right edge than the left, whatever the indent.
        short = [ln for ln in body if extent(ln)[1] - extent(ln)[0] < (block[1] - block[0]) - 20]
        nearer_right = lambda ln: block[1] - extent(ln)[1] < extent(ln)[0] - block[0]
        result.update(flush_right_pct=pct(body, flush(1)), flush_left_pct=pct(body, flush(0)), short_lines=len(short),
                      short_right_pct=pct(short, nearer_right), short_left_pct=pct(short, lambda ln: not nearer_right(ln)))
    return result


# ---------------------------------------------------------------- one file

MISSING_RE = re.compile(r"(\d[\d,]*)\s+(?:glyphs?|characters?)\b[^\n]*\bmissing|\bmissing\b[^\n]*?(\d[\d,]*)\s+glyphs?", re.I)


def group_of(path):
    return os.path.basename(os.path.dirname(os.path.abspath(path))) or "(none)"


def render(cmd, timeout):
    """Run galley; on timeout kill its whole process group so nothing it started lingers."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace",
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
        return proc.returncode, err, False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
        return None, err, True


def evaluate(path, galley, out_pdf, timeout, layout, block):
    row = {"file": path, "group": group_of(path), "declared_lang": declared_lang(path)}
    if os.path.exists(out_pdf):
        os.remove(out_pdf)
    start = time.monotonic()
    code, stderr, timed_out = render([galley, "render", path, "-o", out_pdf] + (["--layout", layout] if layout else []),
                                     timeout)
    row.update(seconds=round(time.monotonic() - start, 2), exit_code=code, stderr=stderr,
               status="timeout" if timed_out else "ok" if code == 0 and os.path.exists(out_pdf) else "failed")

    warnings = [l for l in stderr.splitlines() if "warning" in l.lower()]
    missing = [l for l in warnings if "missing" in l.lower() and ("glyph" in l.lower() or "font" in l.lower())]
    row.update(warnings=len(warnings), missing_warnings=len(missing),
               galley_missing_glyphs=sum(int((m.group(1) or m.group(2)).replace(",", ""))
                                         for l in missing for m in [MISSING_RE.search(l)] if m))

    src = source_text(path)
    script = dominant_script(src)
    rtl, unspaced = script in RTL_SCRIPTS, script in UNSPACED_SCRIPTS
    row.update(script=script, direction="rtl" if rtl else "ltr",
               unit="3grams" if rtl else "letters" if unspaced else "words")
    if row["status"] != "ok":
        return row
    try:
        row.update(analyse(out_pdf, src, rtl, unspaced, block, timeout))
    except Exception as e:   # an unreadable PDF is a finding about this file, not the end of the run
        row.update(status="bad-pdf", stderr=stderr + f"\n{type(e).__name__}: {e}")
    return row


def analyse(out_pdf, src, rtl, unspaced, block, timeout):
    pages = read_pdf(out_pdf)
    result = {"pages": len(pages), "empty_boxes": sum(c.box for _, _, chars in pages for c in chars)}
    # Only text on the page counts: lines run off the paper still carry their text in the PDF.
    width, height = pages[0][:2] if pages else (0, 0)
    crop = ["-x", "0", "-y", "0", "-W", str(int(width)), "-H", str(int(height))] if pages else []
    text = subprocess.run(["pdftotext", "-enc", "UTF-8"] + crop + [out_pdf, "-"], capture_output=True,
                          text=True, errors="replace", timeout=timeout).stdout
    result["replacement_chars"] = text.count("\ufffd")
    if rtl:
        # pdftotext splits Arabic words at non-joining letters even in a correct PDF (a pango-view
        # reference kept 49% of its words but 91% of its letter trigrams), so right-to-left text is
        # compared as letter trigrams, in any order; the word figure is kept beside it.
        result["word_recall_pct"] = recall(tokens(src, False), tokens(text, False), multiset=True)
        src_units, pdf_units = trigrams(src), trigrams(text)
    else:
        src_units, pdf_units = tokens(src, unspaced), tokens(text, unspaced)
    result.update(source_units=len(src_units), recall_pct=recall(src_units, pdf_units, multiset=rtl),
                  recall_kind="multiset" if rtl else "in-order")
    result.update(layout_checks(pages, block, rtl))
    return result


# ---------------------------------------------------------------- report

def inputs(args):
    for a in args:
        if os.path.isdir(a):
            yield from sorted(os.path.join(root, f) for root, _, files in os.walk(a)
                              for f in files if f.lower().endswith(INPUT_EXTENSIONS))
        else:
            yield a


def summarise(rows):
    ok = [r for r in rows if r["status"] == "ok"]

    def mean(key):   # over the files that have the figure (RTL ones only for alignment)
        values = [r[key] for r in ok if r.get(key) is not None]
        return round(sum(values) / len(values), 1) if values else None

    def total(key):
        return sum(r.get(key) or 0 for r in rows)
    return {"files": len(rows), "rendered": len(ok), "failed": len(rows) - len(ok),
            "warnings": total("warnings"), "galley_missing_glyphs": total("galley_missing_glyphs"),
            "empty_boxes": total("empty_boxes"), "replacement_chars": total("replacement_chars"),
            "chars_off_page": total("chars_off_page"), "lines_beyond_measure": total("lines_beyond_measure"),
            "mean_recall_pct": mean("recall_pct"), "mean_short_right_pct": mean("short_right_pct"),
            "mean_short_left_pct": mean("short_left_pct"),
            "pages": total("pages"), "seconds": round(sum(r["seconds"] for r in rows), 2)}


def fmt(v, spec=""):
    return "-" if v is None else format(v, spec)


LEGEND = """
warn: warnings on stderr; mw: those about missing glyphs; miss(G): the glyphs they say are missing;
boxes: .notdef glyphs found in the PDF; FFFD: U+FFFD in pdftotext output;
offpg: characters within 20 pt of the page edge or off it; overM: lines whose letters pass the text block by >1.5 pt;
recall%: source words found in pdftotext output in order (letters for unspaced scripts; for RTL, letter
  trigrams in any order); RTL R/L%: short body lines set from the right / from the left (JSON: also flush lines)."""


def print_table(rows, groups, total):
    head = f"{'file':<44} {'status':<7} {'rc':>3} {'warn':>5} {'mw':>3} {'miss(G)':>8} {'boxes':>6} {'FFFD':>5} " \
           f"{'offpg':>6} {'overM':>5} {'recall%':>8} {'unit':<7} {'RTL R/L%':>11} {'pages':>5} {'sec':>6}"
    print(head); print("-" * len(head))
    for r in rows:
        name = os.path.join(r["group"], os.path.basename(r["file"]))
        rtl = f"{fmt(r.get('short_right_pct'), '.0f')}/{fmt(r.get('short_left_pct'), '.0f')}" \
            if r.get("direction") == "rtl" else ""
        print(f"{name[-44:]:<44} {r['status']:<7} {fmt(r['exit_code']):>3} {r['warnings']:>5} {r.get('missing_warnings', 0):>3} "
              f"{r['galley_missing_glyphs']:>8} {fmt(r.get('empty_boxes')):>6} {fmt(r.get('replacement_chars')):>5} "
              f"{fmt(r.get('chars_off_page')):>6} {fmt(r.get('lines_beyond_measure')):>5} "
              f"{fmt(r.get('recall_pct'), '.1f'):>8} {r.get('unit', ''):<7} {rtl:>11} {fmt(r.get('pages')):>5} "
              f"{r['seconds']:>6.2f}")
        if r["status"] != "ok":
            print("    " + (r["stderr"].strip().splitlines() or ["(no output)"])[-1][:160])
    print()
    head = f"{'group':<10} {'files':>5} {'ok':>3} {'warn':>5} {'miss(G)':>8} {'boxes':>7} {'FFFD':>5} " \
           f"{'offpg':>6} {'overM':>5} {'recall%':>8} {'RTL R/L%':>11} {'pages':>5} {'sec':>6}"
    print(head); print("-" * len(head))
    for name, s in list(groups.items()) + [("TOTAL", total)]:
        rtl = f"{fmt(s['mean_short_right_pct'], '.0f')}/{fmt(s['mean_short_left_pct'], '.0f')}" \
            if s["mean_short_right_pct"] is not None else ""
        print(f"{name:<10} {s['files']:>5} {s['rendered']:>3} {s['warnings']:>5} {s['galley_missing_glyphs']:>8} "
              f"{s['empty_boxes']:>7} {s['replacement_chars']:>5} {s['chars_off_page']:>6} "
              f"{s['lines_beyond_measure']:>5} {fmt(s['mean_recall_pct'], '.1f'):>8} {rtl:>11} {s['pages']:>5} "
              f"{s['seconds']:>6.2f}")
    print(LEGEND)


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description="Render documents with Galley and measure the PDFs (non-Latin scripts).")
    ap.add_argument("inputs", nargs="+", help="article files, or folders searched for them")
    ap.add_argument("--galley", default=os.path.join(repo, ".build/release/galley"),
                    help="galley binary (default: .build/release/galley in this repository)")
    ap.add_argument("--json", help="write the per-file results and summaries here")
    ap.add_argument("--out-dir", help="keep the PDFs here (default: a new temporary folder)")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per file (default 120)")
    ap.add_argument("--layout", help="passed to galley render --layout")
    ap.add_argument("--block", help="text block as LEFT,RIGHT in pt (default: the outermost edges many body lines share)")
    args = ap.parse_args()

    if not os.access(args.galley, os.X_OK):
        sys.exit(f"no galley binary at {args.galley} (build it: swift build -c release, or pass --galley)")
    out_dir = args.out_dir or tempfile.mkdtemp(prefix="world-scripts-eval-")
    os.makedirs(out_dir, exist_ok=True)
    block = tuple(float(x) for x in args.block.split(",")) if args.block else None
    rows = []
    for path in inputs(args.inputs):
        out_pdf = os.path.join(out_dir, f"{group_of(path)}__{os.path.splitext(os.path.basename(path))[0]}.pdf")
        print(f"… {path}", file=sys.stderr, flush=True)
        try:
            rows.append(evaluate(path, args.galley, out_pdf, args.timeout, args.layout, block))
        except Exception as e:   # e.g. an unreadable input: record it and go on
            rows.append({"file": path, "group": group_of(path), "status": "error", "exit_code": None, "warnings": 0,
                         "galley_missing_glyphs": 0, "seconds": 0.0, "stderr": f"{type(e).__name__}: {e}"})
    groups = {g: summarise([r for r in rows if r["group"] == g]) for g in dict.fromkeys(r["group"] for r in rows)}
    total = summarise(rows)
    print_table(rows, groups, total)
    print(f"\nPDFs in {out_dir}")
    if args.json:
        try:
            version = subprocess.run([args.galley, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
        except Exception:
            version = None
        for r in rows:   # keep the JSON readable: the warnings themselves, not the whole stderr
            r["stderr_tail"] = r.pop("stderr", "").splitlines()[-20:]
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"galley": args.galley, "galley_version": version, "files": rows, "groups": groups,
                       "total": total}, f, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
