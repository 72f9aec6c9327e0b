#!/bin/sh
# Rebuilds Fonts/ from Debian's Noto packages, without TrueType hinting.
#
# Hinting is bytecode that snaps outlines to a screen's pixel grid; a PDF for print never runs it, yet cairo
# copies it into every font subset it embeds. Dropping it (fontTools' subsetter, keeping every glyph, feature
# and name) leaves outlines and metrics untouched and makes Galley's PDFs about a third smaller.
# Maintainers only: the results are committed, so setup never needs fontTools.
set -eu
cd "$(dirname "$0")/.."
apt-get install -y -q fonts-noto-core fonts-noto-mono python3-fonttools >/dev/null
source=/usr/share/fonts/truetype/noto
for name in NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic NotoSerif-BoldItalic \
            NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic \
            NotoSansMono-Regular NotoSansMono-Bold NotoSansMath-Regular NotoSansSymbols-Regular; do
    /usr/bin/python3 -m fontTools.subset "$source/$name.ttf" --output-file="Fonts/$name.ttf" \
        --glyphs='*' --unicodes='*' --layout-features='*' --name-IDs='*' --name-languages='*' --name-legacy \
        --notdef-glyph --notdef-outline --recommended-glyphs --glyph-names --legacy-kern --symbol-cmap \
        --no-prune-unicode-ranges --drop-tables= --no-hinting
done
ls -l Fonts/*.ttf
