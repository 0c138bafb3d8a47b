#!/usr/bin/env bash
# Builds the pegpdf release: one archive per system and processor, each with
# the program, the licence notices, the manual page and the shell
# completions, and SHA256SUMS over the archives.
#
#   bash scripts/release.sh                      # every target, into dist/
#   TARGETS="linux/amd64" bash scripts/release.sh
#   VERSION=1.2.0 bash scripts/release.sh        # default: git describe
#
# Needs Go, git, tar, zip and sha256sum (or shasum). Nothing is fetched but
# the Go modules the build itself needs.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."

VERSION=${VERSION:-$(git describe --tags --always --dirty 2>/dev/null || echo sviluppo)}
COMMIT=${COMMIT:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo sconosciuto)}
DIST=${DIST:-dist}
TARGETS=${TARGETS:-"windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64"}
# The archives' file dates: the commit's, so that the same commit gives the
# same archives.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export CGO_ENABLED=0
LDFLAGS="-s -w -X main.version=$VERSION -X main.commit=$COMMIT"

rm -rf "$DIST"
mkdir -p "$DIST/common"
common=$(cd "$DIST/common" && pwd)

# The manual page and the completions come from the command definitions,
# printed by a pegpdf built for this machine.
go build -trimpath -ldflags "$LDFLAGS" -o "$DIST/host/pegpdf" ./cmd/pegpdf
"$DIST/host/pegpdf" manuale >"$common/pegpdf.1"
mkdir -p "$common/completamento"
for sh in bash zsh fish; do
	"$DIST/host/pegpdf" completamento "$sh" >"$common/completamento/pegpdf.$sh"
done

# Licence notices: the fonts and the colour profile embedded in every PDF,
# then every Go module compiled into the program.
{
	echo "pegpdf $VERSION (commit $COMMIT) contiene il software e i dati seguenti,"
	echo "ciascuno con la propria licenza."
	echo "pegpdf $VERSION (commit $COMMIT) includes the following software and data,"
	echo "each under its own licence."
	echo
	echo "================================================================"
	echo "Go fonts (golang.org/x/image/font/gofont), embedded in every PDF"
	echo "================================================================"
	cat "$(go list -m -f '{{.Dir}}' golang.org/x/image)/font/gofont/ttfs/README"
	echo
	echo "================================================================"
	echo "sRGB2014.icc (templates/sRGB2014.icc), embedded in PDF/A files"
	echo "================================================================"
	cat templates/LICENSE.sRGB2014
	echo
	go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/pegpdf |
		sort -u | while read -r path version dir; do
			[ -n "$path" ] || continue
			echo "================================================================"
			echo "$path $version"
			echo "================================================================"
			found=0
			for f in "$dir"/LICENSE* "$dir"/LICENCE* "$dir"/COPYING* "$dir"/NOTICE*; do
				[ -f "$f" ] || continue
				cat "$f"
				echo
				found=1
			done
			[ "$found" = 1 ] || echo "(licence file not found in the module: see $path)"
		done
} >"$common/LICENZE.txt"

cat >"$common/LEGGIMI.txt" <<EOF
pegpdf $VERSION (commit $COMMIT)

pegpdf legge gli obiettivi del PEG da file Excel (.xlsx) o LibreOffice (.ods)
e produce le schede obiettivo in PDF, il libretto e il rapporto di monitoraggio.

Per cominciare, da un terminale (Prompt dei comandi su Windows) nella cartella
in cui si trova il programma:

    pegpdf modello --out peg-2027.xlsx        il file da compilare
    pegpdf verifica peg-2027.xlsx             controlla il file ed elenca i problemi
    pegpdf schede --out schede peg-2027.xlsx  una scheda PDF per obiettivo
    pegpdf --help                             ogni comando, con esempi

Su Windows il programma si chiama pegpdf.exe. Su macOS, la prima volta:
clic destro sul file > Apri (il programma non è firmato da Apple).

Nella cartella: pegpdf.1 (la pagina di manuale: man ./pegpdf.1),
completamento/ (per bash, zsh e fish), LICENZE.txt (le licenze dei caratteri,
del profilo colore e delle librerie incluse).
EOF

sha256() {
	if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

for target in $TARGETS; do
	os=${target%/*}
	arch=${target#*/}
	name="pegpdf-$VERSION-$os-$arch"
	dir="$DIST/$name"
	exe=pegpdf
	[ "$os" = windows ] && exe=pegpdf.exe
	echo "building $name" >&2
	mkdir -p "$dir"
	GOOS=$os GOARCH=$arch go build -trimpath -ldflags "$LDFLAGS" -o "$dir/$exe" ./cmd/pegpdf
	cp -R "$common"/. "$dir/"
	if [ "$os" = windows ]; then
		# Windows users open texts with Notepad: CRLF.
		for f in "$dir"/LEGGIMI.txt "$dir"/LICENZE.txt; do
			sed 's/\r*$/\r/' "$f" >"$f.crlf" && mv "$f.crlf" "$f"
		done
	fi
	find "$dir" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
	if [ "$os" = windows ]; then
		(cd "$DIST" && rm -f "$name.zip" && find "$name" -print | LC_ALL=C sort | zip -q -X "$name.zip" -@)
	else
		tar -C "$DIST" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$SOURCE_DATE_EPOCH" \
			-czf "$DIST/$name.tar.gz" "$name"
	fi
	rm -rf "$dir"
done
rm -rf "$DIST/host"

(cd "$DIST" && sha256 pegpdf-*.tar.gz pegpdf-*.zip 2>/dev/null >SHA256SUMS)
cp -R "$common" "$DIST/documenti"
rm -rf "$common"
echo "release $VERSION in $DIST:" >&2
ls -l "$DIST" >&2
