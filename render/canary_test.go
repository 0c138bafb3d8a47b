package render

import (
	"bytes"
	"os"
	"regexp"
	"runtime/debug"
	"testing"
)

const fpdfModule = "codeberg.org/go-pdf/fpdf"

// fpdfVersion is the version of the PDF library this test binary is built
// with.
func fpdfVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == fpdfModule {
				if m.Replace != nil {
					return m.Version + " (replaced by " + m.Replace.Path + " " + m.Replace.Version + ")"
				}
				return m.Version
			}
		}
	}
	// Test binaries carry no dependency list: read the module's go.mod.
	if mod, err := os.ReadFile("../go.mod"); err == nil {
		if m := regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(fpdfModule) + ` (\S+)`).FindSubmatch(mod); m != nil {
			return string(m[1])
		}
	}
	return "(version unknown: see go.mod)"
}

// TestCanaryLibraryOutputShape checks, on the library's raw output, every
// assumption the assembler (assemble.go, post.go, navigate.go, embed.go)
// makes with its regular expressions and fixed positions. When the
// library is upgraded and writes something else, this test names the
// version and the assumption, before a booklet comes out broken.
func TestCanaryLibraryOutputShape(t *testing.T) {
	t.Logf("checking the output of %s %s", fpdfModule, fpdfVersion())
	th := DefaultTheme()
	pages := []*page{
		{items: []item{{kind: textItem, x: 20, y: 20, text: "Città", font: font{regular, 10}}}},
		{items: []item{{kind: textItem, x: 20, y: 20, text: "Più", font: font{bold, 10}}}},
	}
	number(pages)
	raw, err := draw(&th, pages)
	if err != nil {
		t.Fatal(err)
	}
	fail := func(what string) {
		t.Helper()
		t.Errorf("%s %s no longer writes what the assembler expects: %s. Adapt render's assembler (assemble.go, post.go, embed.go) before upgrading.", fpdfModule, fpdfVersion(), what)
	}
	if !bytes.HasPrefix(raw, []byte("%PDF-1.")) {
		fail("the header %PDF-1.x")
	}
	_, objs, trailer, err := splitPDF(raw)
	if err != nil {
		fail("a classic cross-reference table (xref, 0 N, 20-byte entries, trailer, startxref): " + err.Error())
		return
	}
	index := map[int]int{}
	for i, o := range objs {
		index[o.num] = i
		if !regexp.MustCompile(`^` + itoa(o.num) + ` 0 obj\n`).Match(o.body) {
			fail("each object starting \"N 0 obj\\n\" at its cross-reference offset")
		}
		if s := bytes.Index(o.body, streamKw); s >= 0 {
			if _, err := streamData(o.body); err != nil {
				fail("streams as \"/Length N\" then \"stream\\n\", N bytes, \"\\nendstream\"")
			}
			if !bytes.Contains(o.body[:s], filterKey) && !bytes.Contains(o.body[s:], endstreamKw) {
				fail("uncompressed streams ending \"\\nendstream\" (SetCompression(false))")
			}
		}
	}
	root, info := refIn(rootRE, trailer), refIn(infoRE, trailer)
	if _, ok := index[root]; !ok {
		fail("a trailer /Root N 0 R")
	}
	if _, ok := index[info]; !ok || info == 0 {
		fail("a trailer /Info N 0 R")
	}
	i, ok := index[1]
	if !ok || !bytes.Contains(objs[i].body, []byte("/Type /Pages")) {
		fail("the Pages root as object 1")
		return
	}
	pagesObj := objs[i].body
	if mediaRE.Find(pagesObj) == nil {
		fail("a /MediaBox [...] on the Pages root")
	}
	kids := kidsRE.FindSubmatch(pagesObj)
	if kids == nil || len(refRE.FindAll(kids[1], -1)) != 2 {
		fail("/Kids [N 0 R ...] listing the pages in the Pages root")
		return
	}
	for _, m := range refRE.FindAllSubmatch(kids[1], -1) {
		n := refIn(refRE, m[0])
		pi, ok := index[n]
		if !ok || refIn(contentsRE, objs[pi].body) == 0 {
			fail("each page with /Contents N 0 R")
		}
		if ok && !bytes.HasSuffix(bytes.TrimRight(dictOf(objs[pi].body), "\nendobj"), []byte(">>")) {
			fail("each page dictionary ending \">>\" (the assembler adds /Annots before it)")
		}
	}
	fonts, err := findFonts(objs, index)
	if err != nil || len(fonts) != 2 {
		fail("two Type0 fonts, each /DescendantFonts [N 0 R] /ToUnicode N 0 R, a CIDFontType2 with /CIDSystemInfo, /FontDescriptor and /CIDToGIDMap N 0 R, a descriptor with /FontFile2 N 0 R")
		return
	}
	for _, f := range fonts {
		if f.base != "utf8go" && f.base != "utf8goB" {
			fail("fonts named /BaseFont /utf8go and /utf8goB, got " + f.base)
		}
		if !bytes.Contains(objs[index[f.type0]].body, []byte("/Encoding /Identity-H")) {
			fail("Identity-H encoding, codes being CIDs")
		}
		gm, err := glyphMapOf(objs[index[f.cidToGID]].body)
		if err != nil || len(gm) == 0 {
			fail("a compressed CIDToGIDMap stream of two bytes per CID")
			continue
		}
		// The CIDs are the code points: 'C' drawn with the regular face, 'P' with the bold.
		want := map[string]rune{"utf8go": 'C', "utf8goB": 'P'}[f.base]
		found := false
		for _, e := range gm {
			found = found || e.r == want
		}
		if !found {
			fail("CIDs equal to Unicode code points")
		}
		ttf, err := streamData(objs[index[f.file]].body)
		if err != nil {
			fail("a FlateDecode FontFile2")
			continue
		}
		if _, _, _, err := fixSubset(ttf, gm); err != nil {
			fail("a TrueType subset with a cmap table: " + err.Error())
		}
		tu, _ := streamData(objs[index[f.toUnicode]].body)
		if !bytes.Contains(tu, []byte("<0000> <FFFF> <0000>")) {
			// Not a failure of ours: the library may have learnt to write a
			// real ToUnicode, which fixFonts would then overwrite needlessly.
			t.Logf("%s %s writes its own ToUnicode now; fixFonts still replaces it", fpdfModule, fpdfVersion())
		}
	}
	if _, err := parseDrawn(raw); err != nil {
		fail("what parseDrawn reads: " + err.Error())
	}
}
