#!/bin/sh
# Rebuilds Fonts/ from Debian's Noto packages: ten files, without TrueType hinting.
#
# Hinting is bytecode that snaps outlines to a screen's pixel grid; a PDF for print never runs it, yet cairo
# copies it into every font subset it embeds. Dropping it (fontTools' subsetter, keeping every glyph, feature
# and name) leaves outlines and metrics untouched and makes Galley's PDFs about a third smaller.
#
# Ten files at most: cairo 1.16 keeps at most ten FreeType faces open and closes one to open another, and when
# two threads do that at once it can close a face another thread is drawing with (exports with --jobs 2 crashed).
# So Noto Sans Math (U+2212 minus and other operators) is merged into Noto Sans Symbols, the fallback for what
# the text faces lack, and Noto Sans Mono is kept in its regular weight only.
# Maintainers only: the results are committed, so setup never needs fontTools.
set -eu
cd "$(dirname "$0")/.."
apt-get install -y -q fonts-noto-core fonts-noto-mono python3-fonttools >/dev/null
source=/usr/share/fonts/truetype/noto
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dehint() {
    /usr/bin/python3 -m fontTools.subset "$1" --output-file="$2" \
        --glyphs='*' --unicodes='*' --layout-features='*' --name-IDs='*' --name-languages='*' --name-legacy \
        --notdef-glyph --notdef-outline --recommended-glyphs --glyph-names --legacy-kern --symbol-cmap \
        --no-prune-unicode-ranges --drop-tables= --no-hinting
}
rm -f Fonts/*.ttf
for name in NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic NotoSerif-BoldItalic \
            NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic NotoSansMono-Regular; do
    dehint "$source/$name.ttf" "Fonts/$name.ttf"
done
# The symbols font comes first, so its glyphs win where both fonts map a character.
dehint "$source/NotoSansSymbols-Regular.ttf" "$work/symbols.ttf"
dehint "$source/NotoSansMath-Regular.ttf" "$work/math.ttf"
/usr/bin/python3 -m fontTools.merge "$work/symbols.ttf" "$work/math.ttf" --output-file=Fonts/NotoSansSymbols-Regular.ttf
ls -l Fonts/*.ttf
