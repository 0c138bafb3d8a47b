package themefile

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/internal/pdfread"
	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/templates"
)

// TestDefaultThemeFile: the commented default file is the default theme,
// so that the two cannot drift.
func TestDefaultThemeFile(t *testing.T) {
	th, err := Parse(Default(), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(th, render.DefaultTheme()) {
		t.Errorf("the default theme file differs from DefaultTheme:\n%+v\n%+v", th, render.DefaultTheme())
	}
}

func TestThemeErrors(t *testing.T) {
	cases := []struct{ file, key string }{
		{"colori = 3", "colori"},
		{"[colori]\nbarre = \"#GG0000\"", "colori.barre"},
		{"[colori]\nblu = \"#0000FF\"", "colori.blu"},
		{"[ente]\nnomee = \"x\"", "ente.nomee"},
		{"[sezioni]\ngantt = \"no\"", "sezioni.gantt"},
		{"[etichette]\nmesi = [\"Gen\"]", "etichette.mesi"},
		{"[etichette]\npagina = \"Pagina %d\"", "etichette.pagina"},
		{"[etichette]\nsconosciuta = \"x\"", "etichette.sconosciuta"},
		{"[pagina]\norientamento = \"storto\"", "pagina.orientamento"},
		{"[ente]\nlogo = \"manca.png\"", "ente.logo"},
		{"x = [", ""},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.file), false, func(string) ([]byte, error) { return nil, errors.New("non esiste") })
		var te *Error
		if !errors.As(err, &te) || te.Key != c.key || te.Msg == "" {
			t.Errorf("%q: %v, want an error at %q", c.file, err, c.key)
		}
	}
	_, err := Parse([]byte("ente:\n  nomee: x\n"), true, nil)
	var te *Error
	if !errors.As(err, &te) || te.Key != "ente.nomee" {
		t.Errorf("YAML: %v", err)
	}
}

func TestThemeApplied(t *testing.T) {
	logo := image.NewNRGBA(image.Rect(0, 0, 10, 20))
	logo.SetNRGBA(1, 1, color.NRGBA{255, 0, 0, 128}) // half transparent
	var raw bytes.Buffer
	png.Encode(&raw, logo)
	file := `
[ente]
nome = "Comune di Valverde"
logo = "stemma.png"
[pagina]
orientamento = "orizzontale"
[sezioni]
gantt = false
[colori]
barre = "#102030"
[etichette]
direzione = "Settore"
mesi = ["G", "F", "M", "A", "M", "G", "L", "A", "S", "O", "N", "D"]
`
	th, err := Parse([]byte(file), false, func(p string) ([]byte, error) {
		if p != "stemma.png" {
			t.Errorf("logo path %q", p)
		}
		return raw.Bytes(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if th.Entity != "Comune di Valverde" || th.PageWidth != 297 || th.Sections.Gantt || !th.Sections.Phases ||
		th.Bar != (render.Color{R: 0x10, G: 0x20, B: 0x30}) || th.Labels.Direction != "Settore" || th.Labels.Months[6] != "L" {
		t.Errorf("theme: %+v", th)
	}
	img, err := png.Decode(bytes.NewReader(th.Logo))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := img.At(1, 1).RGBA(); a != 0xFFFF {
		t.Error("the logo keeps its transparency")
	}
	if _, ok := img.(*image.RGBA); !ok {
		// png.Decode gives RGBA only for an opaque RGB file
		t.Errorf("the logo decodes as %T", img)
	}

	o := templates.Example().Objectives[0]
	var b bytes.Buffer
	if err := render.Sheet(&b, &th, o, render.Options{PDFA: true}, render.Meta{}); err != nil {
		t.Fatal(err)
	}
	doc, err := pdfread.Read(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var pages []string
	for _, p := range doc.Pages {
		pages = append(pages, p.Text)
	}
	text := strings.Join(pages, "\n")
	if strings.Contains(text, "GANTT") || !strings.Contains(text, "Settore") || !strings.Contains(text, "Comune di Valverde") {
		t.Errorf("text: %.300q", text)
	}
}

// TestLogoDeclaredHuge: a small PNG that declares a 60,000 × 60,000 image is
// refused from its header, before anything is decoded, in Italian.
func TestLogoDeclaredHuge(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	// IHDR: 8-byte signature, length, "IHDR", width, height, …, CRC.
	binary.BigEndian.PutUint32(data[16:], 60000)
	binary.BigEndian.PutUint32(data[20:], 60000)
	binary.BigEndian.PutUint32(data[29:], crc32.ChecksumIEEE(data[12:29]))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := FlattenLogo(data)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrLogoTooLarge) {
		t.Fatalf("err %v, want ErrLogoTooLarge", err)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 1<<20 {
		t.Errorf("%d MB allocated to refuse it", grown>>20)
	}
	_, err = Parse([]byte("[ente]\nlogo = \"stemma.png\"\n"), false, func(string) ([]byte, error) { return data, nil })
	if err == nil || !strings.Contains(err.Error(), "è troppo grande (oltre 4000 × 4000 pixel)") {
		t.Errorf("the theme's error: %v", err)
	}
}
