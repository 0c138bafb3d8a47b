#!/usr/bin/env bash
# Regenerates the shipped samples and the pictures of the README, with a
# fixed date so that the same code gives the same bytes.
#   bash samples/regen.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1564531200 # 31/07/2019 00:00 UTC
pegpdf() { go run ./cmd/pegpdf "$@"; }

go run ./samples/gen -sample -o samples/peg-2019.xlsx
go run ./samples/gen -coat samples/valverde/stemma.png
go run ./samples/gen -reference -o samples/2019_ZN10.xlsx # as published (the template's example weighs both phases)
go run ./samples/gen -piao -o docs/piao-2025.xlsx # not in samples/: the command tests count its workbooks

pegpdf sheets --pdfa --out samples samples/2019_ZN10.xlsx
pegpdf booklet --pdfa --entity "Comune di Esempio" \
  --subtitle "Allegato A alla deliberazione della Giunta comunale n. ___ del ___" \
  --out samples/peg-2019.pdf samples/2019_ZN10.xlsx samples/peg-2019.xlsx
pegpdf report --pdfa --as-of 31/07/2019 --entity "Comune di Esempio" --with-sheets \
  --valutazione samples/rapporto-2019-07-31.csv --out samples/rapporto-2019-07-31.pdf samples/peg-2019.xlsx
pegpdf sheets --pdfa --theme samples/valverde/tema.toml --out samples/valverde samples/2019_ZN10.xlsx
pegpdf booklet --pdfa --entity "Comune di Valverde" --out docs/piao-2025.pdf docs/piao-2025.xlsx

# Pictures for the README (poppler-utils).
pdftoppm -png -r 60 -f 1 -l 2 samples/2019_ZN10.pdf docs/2019_ZN10
pdftoppm -png -r 60 -f 1 -l 2 samples/valverde/2019_ZN10.pdf docs/valverde
pdftoppm -png -r 60 -f 2 -l 2 samples/peg-2019.pdf docs/libretto-indice
pdftoppm -png -r 60 -f 2 -l 2 samples/rapporto-2019-07-31.pdf docs/rapporto-riepilogo
for p in 3 4; do # named by hand: pdftoppm's width of the number follows the page count
  pdftoppm -png -r 60 -f $p -l $p -singlefile docs/piao-2025.pdf docs/piao-0$p
done
