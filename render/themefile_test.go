package render

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"reflect"
	"strings"
	"testing"

	"github.com/pegpdf/pegpdf/templates"
)

// TestDefaultThemeFile: the commented default file is the default theme,
// so that the two cannot drift.
func TestDefaultThemeFile(t *testing.T) {
	th, err := ParseTheme(DefaultThemeFile(), false, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(th, DefaultTheme()) {
		t.Errorf("the default theme file differs from DefaultTheme:\n%+v\n%+v", th, DefaultTheme())
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
		_, err := ParseTheme([]byte(c.file), false, func(string) ([]byte, error) { return nil, errors.New("non esiste") })
		var te *ThemeError
		if !errors.As(err, &te) || te.Key != c.key || te.Msg == "" {
			t.Errorf("%q: %v, want an error at %q", c.file, err, c.key)
		}
	}
	_, err := ParseTheme([]byte("ente:\n  nomee: x\n"), true, nil)
	var te *ThemeError
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
	th, err := ParseTheme([]byte(file), false, func(p string) ([]byte, error) {
		if p != "stemma.png" {
			t.Errorf("logo path %q", p)
		}
		return raw.Bytes(), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if th.Entity != "Comune di Valverde" || th.PageWidth != 297 || th.Sections.Gantt || !th.Sections.Phases ||
		th.Bar != (Color{0x10, 0x20, 0x30}) || th.Labels.Direction != "Settore" || th.Labels.Months[6] != "L" {
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
	if err := Sheet(&b, &th, o, Options{PDFA: true}, Meta{}); err != nil {
		t.Fatal(err)
	}
	doc, err := readPDF(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	text := allText(doc)
	if strings.Contains(text, "GANTT") || !strings.Contains(text, "Settore") || !strings.Contains(text, "Comune di Valverde") {
		t.Errorf("text: %.300q", text)
	}
}
