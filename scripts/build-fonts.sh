#!/bin/sh
# Rebuilds Fonts/ from Debian's Noto packages, without TrueType hinting.
#
# Hinting is bytecode that snaps outlines to a screen's pixel grid; a PDF for print never runs it, yet cairo
# copies it into every font subset it embeds. Dropping it (fontTools' subsetter, keeping every glyph, feature
# and name) leaves outlines and metrics untouched and makes Galley's PDFs about a third smaller.
#
# Noto Sans Math (U+2212 minus and other operators) is merged into Noto Sans Symbols, the fallback for what the
# text faces lack. Every script of the world's most used web languages has a serif and a sans face here, regular
# and bold; Chinese, Japanese and Korean come from Debian's fonts-noto-cjk instead (too big for git), pinned in
# Fonts/pinned-fonts.tsv. There is no limit on the number of files: Galley opens every face itself, so cairo never
# closes one (docs/architecture-notes.md).
# Maintainers only: the results are committed, so setup never needs fontTools.
set -eu
cd "$(dirname "$0")/.."
apt-get install -y -q fonts-noto-core fonts-noto-mono fonts-symbola python3-fonttools >/dev/null
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
            NotoSans-Regular NotoSans-Bold NotoSans-Italic NotoSans-BoldItalic NotoSansMono-Regular NotoSansMono-Bold; do
    dehint "$source/$name.ttf" "Fonts/$name.ttf"
done
# One serif (or the script's book face) and one sans family per script, regular and bold.
for family in NotoNaskhArabic NotoSansArabic NotoSerifHebrew NotoSansHebrew \
              NotoSerifDevanagari NotoSansDevanagari NotoSerifBengali NotoSansBengali NotoSerifGurmukhi NotoSansGurmukhi \
              NotoSerifGujarati NotoSansGujarati NotoSansOriya NotoSerifTamil NotoSansTamil NotoSerifTelugu NotoSansTelugu \
              NotoSerifKannada NotoSansKannada NotoSerifMalayalam NotoSansMalayalam NotoSerifSinhala NotoSansSinhala \
              NotoSerifThai NotoSansThai NotoSerifLao NotoSansLao NotoSerifKhmer NotoSansKhmer NotoSerifMyanmar NotoSansMyanmar \
              NotoSerifGeorgian NotoSansGeorgian NotoSerifArmenian NotoSansArmenian NotoSerifEthiopic NotoSansEthiopic; do
    for weight in Regular Bold; do
        dehint "$source/$family-$weight.ttf" "Fonts/$family-$weight.ttf"
    done
done
# Symbola (free for any use, see Fonts/README.md) draws emoji and the symbols no Noto face has, in outline: a
# monochrome emoji prints like the text around it.
dehint /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf Fonts/Symbola.ttf
# The symbols font comes first, so its glyphs win where both fonts map a character.
dehint "$source/NotoSansSymbols-Regular.ttf" "$work/symbols.ttf"
dehint "$source/NotoSansMath-Regular.ttf" "$work/math.ttf"
/usr/bin/python3 -m fontTools.merge "$work/symbols.ttf" "$work/math.ttf" --output-file=Fonts/NotoSansSymbols-Regular.ttf
ls Fonts/*.ttf | wc -l
du -sh Fonts
