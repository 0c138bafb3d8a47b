// Package themefile reads a municipality's theme file — TOML or YAML with
// Italian keys, over the commented default (Default) — into a render.Theme,
// reporting a mistake at its key (Error). It owns the file's format and the
// logo's flattening to an opaque PNG; it never draws, never touches the file
// system (the caller loads the logo) and never imports the PDF library.
package themefile

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	imgdraw "image/draw"
	_ "image/jpeg" // logos may be JPEG
	"image/png"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
	"gopkg.in/yaml.v3"

	"github.com/pegpdf/pegpdf/internal/tomlmsg"

	"github.com/pegpdf/pegpdf/render"
	"github.com/pegpdf/pegpdf/templates"
)

// themeFile is the theme as users write it (templates/theme.toml), in
// Italian; every key is optional.
type themeFile struct {
	Ente struct {
		Nome, Logo, RigaAtti *string
	}
	Pagina struct {
		Orientamento *string
		Compatta     *bool
	}
	Sezioni struct {
		Descrizione, Gantt, Fasi, Indicatori *bool
	}
	Colori    map[string]string
	Etichette map[string]any
}

// fromMap fills tf from the decoded file, checking every key and type, so
// that TOML and YAML get the same messages.
func (tf *themeFile) fromMap(m map[string]any) error {
	str := func(key string, v any) (*string, error) {
		s, ok := v.(string)
		if !ok {
			return nil, &Error{Key: key, Msg: "deve essere un testo tra virgolette"}
		}
		return &s, nil
	}
	boolean := func(key string, v any) (*bool, error) {
		b, ok := v.(bool)
		if !ok {
			return nil, &Error{Key: key, Msg: "deve essere true o false"}
		}
		return &b, nil
	}
	strs := map[string]**string{
		"ente.nome": &tf.Ente.Nome, "ente.logo": &tf.Ente.Logo, "ente.riga_atti": &tf.Ente.RigaAtti,
		"pagina.orientamento": &tf.Pagina.Orientamento,
	}
	bools := map[string]**bool{
		"sezioni.descrizione": &tf.Sezioni.Descrizione, "sezioni.gantt": &tf.Sezioni.Gantt,
		"sezioni.fasi": &tf.Sezioni.Fasi, "sezioni.indicatori": &tf.Sezioni.Indicatori,
		"pagina.compatta": &tf.Pagina.Compatta,
	}
	for _, section := range sortedKeys(m) {
		raw := m[section]
		table, ok := raw.(map[string]any)
		if !ok {
			if _, known := map[string]bool{"ente": true, "pagina": true, "sezioni": true, "colori": true, "etichette": true}[section]; !known {
				return &Error{Key: section, Msg: "voce sconosciuta (vedere «pegpdf tema» per quelle valide)"}
			}
			return &Error{Key: section, Msg: "deve essere una sezione [" + section + "]"}
		}
		for _, k := range sortedKeys(table) {
			v := table[k]
			key := section + "." + k
			var err error
			if dst, ok := strs[key]; ok {
				*dst, err = str(key, v)
			} else if dst, ok := bools[key]; ok {
				*dst, err = boolean(key, v)
			} else {
				switch section {
				case "colori":
					var c *string
					if c, err = str(key, v); err == nil {
						if tf.Colori == nil {
							tf.Colori = map[string]string{}
						}
						tf.Colori[k] = *c
					}
				case "etichette":
					if tf.Etichette == nil {
						tf.Etichette = map[string]any{}
					}
					tf.Etichette[k] = v
				default:
					err = &Error{Key: key, Msg: "voce sconosciuta (vedere «pegpdf tema» per quelle valide)"}
				}
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// Error is a mistake in a theme file, at a key.
type Error struct {
	Key string // "colori.barre"
	Msg string
}

func (e *Error) Error() string {
	if e.Key == "" {
		return e.Msg
	}
	return e.Key + ": " + e.Msg
}

// Parse reads a theme file (TOML, or YAML when yamlFormat) over the
// default theme. loadLogo reads the logo file the theme names (a path
// relative to the theme); it may be nil when the theme names none.
func Parse(data []byte, yamlFormat bool, loadLogo func(path string) ([]byte, error)) (render.Theme, error) {
	th := render.DefaultTheme()
	m := map[string]any{}
	if yamlFormat {
		if err := yaml.Unmarshal(data, &m); err != nil {
			return th, &Error{Msg: "il file non è YAML valido " + yamlWhere(err)}
		}
	} else if _, err := toml.Decode(string(data), &m); err != nil {
		say, ok := tomlmsg.Explain(err)
		if !ok {
			say = "(" + firstLine(err.Error()) + ")"
		}
		return th, &Error{Msg: "il file non è TOML valido alla " + say}
	}
	var tf themeFile
	if err := tf.fromMap(m); err != nil {
		return th, err
	}
	if err := tf.apply(&th, loadLogo); err != nil {
		return th, err
	}
	return th, nil
}

// yamlWhere is the line of a YAML syntax error, in Italian: the parser's
// own words are English.
func yamlWhere(err error) string {
	say := "controllare i due punti dopo ogni nome, i rientri (spazi, non tabulazioni) e le virgolette"
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		return "alla riga " + m[1] + ": " + say
	}
	return "(" + say + ")"
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

func (tf *themeFile) apply(th *render.Theme, loadLogo func(string) ([]byte, error)) error {
	if v := tf.Ente.Nome; v != nil {
		th.Entity = *v
	}
	if v := tf.Ente.RigaAtti; v != nil {
		th.ActsLine = *v
	}
	if v := tf.Ente.Logo; v != nil && *v != "" {
		if loadLogo == nil {
			return &Error{Key: "ente.logo", Msg: "il logo non si può leggere"}
		}
		raw, err := loadLogo(*v)
		if err != nil {
			return &Error{Key: "ente.logo", Msg: fmt.Sprintf("%q non si può leggere: %v", *v, err)}
		}
		logo, err := FlattenLogo(raw)
		switch {
		case errors.Is(err, ErrLogoTooLarge):
			return &Error{Key: "ente.logo", Msg: fmt.Sprintf("%q %v", *v, err)}
		case err != nil:
			return &Error{Key: "ente.logo", Msg: fmt.Sprintf("%q non è un'immagine PNG o JPEG", *v)}
		}
		th.Logo = logo
	}
	if v := tf.Pagina.Orientamento; v != nil {
		switch strings.ToLower(*v) {
		case "verticale":
		case "orizzontale":
			th.PageWidth, th.PageHeight = th.PageHeight, th.PageWidth
		default:
			return &Error{Key: "pagina.orientamento", Msg: fmt.Sprintf("%q: scrivere \"verticale\" o \"orizzontale\"", *v)}
		}
	}
	if v := tf.Pagina.Compatta; v != nil {
		th.Compact = *v
	}
	for _, s := range []struct {
		v   *bool
		dst *bool
	}{
		{tf.Sezioni.Descrizione, &th.Sections.Description}, {tf.Sezioni.Gantt, &th.Sections.Gantt},
		{tf.Sezioni.Fasi, &th.Sections.Phases}, {tf.Sezioni.Indicatori, &th.Sections.Indicators},
	} {
		if s.v != nil {
			*s.dst = *s.v
		}
	}
	colors := map[string]*render.Color{
		"intestazioni": &th.HeaderFill, "etichette": &th.LabelFill, "bordi": &th.Border, "barre": &th.Bar,
		"svolto": &th.BarDone, "effettivo": &th.BarActual, "data_riferimento": &th.Today,
		"esito_buono": &th.Good, "esito_parziale": &th.Warn, "esito_cattivo": &th.Bad, "non_misurabile": &th.Neutral,
		"scadenza": &th.Milestone, "grafico_in_linea": &th.Chart.Colors[0], "grafico_parziale": &th.Chart.Colors[1],
		"grafico_non_in_linea": &th.Chart.Colors[2], "grafico_non_misurabile": &th.Chart.Colors[3],
	}
	for _, k := range sortedKeys(tf.Colori) {
		v := tf.Colori[k]
		dst, ok := colors[k]
		if !ok {
			return &Error{Key: "colori." + k, Msg: "colore sconosciuto"}
		}
		c, err := parseColor(v)
		if err != nil {
			return &Error{Key: "colori." + k, Msg: fmt.Sprintf("%q non è un colore \"#RRGGBB\"", v)}
		}
		*dst = c
	}
	return applyLabels(&th.Labels, tf.Etichette)
}

// labelKeys maps the theme's label keys to the Labels fields.
var labelKeys = map[string]string{
	"direzione": "Direction", "direttore": "Director", "classificazione": "Classification",
	"servizio": "Service", "dirigente": "Manager", "tipologia": "Type", "collegato_a": "LinkedTo",
	"indirizzo_strategico": "StrategicLine", "obiettivo_strategico": "StrategicGoal",
	"descrizione": "Description", "gantt": "Gantt", "fasi": "Phases", "indicatori": "Indicators",
	"fase_descrizione": "PhaseDescription", "peso": "Weight", "inizio_previsto": "Start",
	"fine_prevista": "End", "responsabile": "Owner", "centro_di_responsabilita": "Centre", "note": "Notes",
	"indicatore_descrizione": "IndicatorDescription", "tipo": "Kind", "valore_atteso": "Target",
	"pagina": "Page", "trimestre": "Quarter", "previsto": "Planned", "svolto": "Done", "effettivo": "Actual",
	"data_riferimento": "AsOf", "titolo_piano": "PlanTitle", "indice": "Contents",
	"avanzamento_fasi": "PhaseProgress", "note_avanzamento": "ProgressNotes",
	"inizio_effettivo": "ActualStart", "fine_effettiva": "ActualEnd", "avanzamento": "Progress", "tempi": "Timing",
	"valore_rilevato": "Measured", "grado": "Degree", "esito": "Outcome", "realizzazione": "Realization",
	"titolo_rapporto": "ReportTitle", "riepilogo": "Summary", "esito_per_direzione": "ByDirection",
	"schede": "Sheets", "totale": "Total",
	"scadenza": "Milestone", "nessuna_fase": "NoPhases", "nessun_indicatore": "NoIndicators", "codice": "Code", "titolo": "Title",
	"indicatori_raggiunti": "IndicatorsMet", "obiettivi": "Objectives", "numero_obiettivi": "ObjectivesCount", "un_obiettivo": "OneObjective",
	"su": "OutOf", "media_obiettivi": "MeanOfObjectives", "riga_indicatori": "IndicatorsRow",
	"raggiunti_su_misurabili": "MetOfMeasurable", "esito_e_tempi": "OutcomeAndTiming",
	"obiettivi_quota": "ObjectivesShare", "numero": "Number", "servizio_non_indicato": "NoService",
	"segue": "Continued", "parole_chiave_piano": "PlanKeywords", "parole_chiave_rapporto": "ReportKeywords", "oggetto_scheda": "SheetSubject",
	"missione": "Mission", "programma": "Programme", "peso_obiettivo": "ObjectiveWeight", "prerequisito": "Prerequisite",
	"linea_di_mandato": "MandateLine", "assessore": "Councillor", "valore_pubblico": "PublicValue",
	"stakeholder": "Stakeholders", "strutture_coinvolte": "Contributors", "scadenza_obiettivo": "Deadline",
	"risorse": "Resources", "risorse_umane": "HumanResources", "risorse_finanziarie": "FinancialResources",
	"unita": "Unit", "baseline": "Baseline", "valore_atteso_anno": "NextTarget", "peso_indicatore": "IndicatorWeight",
	"formula": "Formula", "fonte": "Source",
}

func applyLabels(l *render.Labels, m map[string]any) error {
	v := reflect.ValueOf(l).Elem()
	for _, k := range sortedKeys(m) {
		raw := m[k]
		key := "etichette." + k
		if k == "mesi" {
			list, ok := raw.([]any)
			if !ok || len(list) != 12 {
				return &Error{Key: key, Msg: "servono i 12 mesi, ad esempio [\"Gen\", …, \"Dic\"]"}
			}
			for i, m := range list {
				s, ok := m.(string)
				if !ok {
					return &Error{Key: key, Msg: "ogni mese è un testo"}
				}
				l.Months[i] = s
			}
			continue
		}
		field, ok := labelKeys[k]
		if !ok {
			return &Error{Key: key, Msg: "etichetta sconosciuta"}
		}
		s, ok := raw.(string)
		if !ok {
			return &Error{Key: key, Msg: "deve essere un testo tra virgolette"}
		}
		switch k {
		case "pagina":
			if strings.Count(s, "%d") != 2 {
				return &Error{Key: key, Msg: "deve contenere due volte %d, ad esempio \"Pagina %d di %d\""}
			}
		case "trimestre":
			if strings.Count(s, "%d") != 1 {
				return &Error{Key: key, Msg: "deve contenere %d, ad esempio \"T%d\""}
			}
		case "data_riferimento", "titolo_rapporto", "valore_atteso_anno":
			if strings.Count(s, "%s") != 1 {
				return &Error{Key: key, Msg: "deve contenere %s, ad esempio \"al %s\""}
			}
		case "numero_obiettivi", "un_obiettivo":
			if strings.Count(s, "%d") != 1 || strings.Count(s, "%") != 1 {
				return &Error{Key: key, Msg: "deve contenere %d, ad esempio \"%d obiettivi\""}
			}
		case "su":
			if strings.Count(s, "%d") != 2 || strings.Count(s, "%") != 2 {
				return &Error{Key: key, Msg: "deve contenere due volte %d, ad esempio \"%d su %d\""}
			}
		}
		v.FieldByName(field).SetString(s)
	}
	return nil
}

func parseColor(s string) (render.Color, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return render.Color{}, errors.New("bad colour")
	}
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return render.Color{}, err
	}
	return render.Color{R: int(n >> 16), G: int(n >> 8 & 0xFF), B: int(n & 0xFF)}, nil
}

// FlattenLogo decodes a PNG or JPEG and returns it as an opaque PNG, its
// transparency laid on white: PDF/A forbids soft masks.
// A logo larger than maxLogoSide pixels either way is refused before it is
// decoded (ErrLogoTooLarge): a small file may declare an image of
// gigabytes.
func FlattenLogo(data []byte) ([]byte, error) {
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if cfg.Width > maxLogoSide || cfg.Height > maxLogoSide {
		return nil, ErrLogoTooLarge
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	flat := image.NewRGBA(b)
	imgdraw.Draw(flat, b, &image.Uniform{color.White}, image.Point{}, imgdraw.Src)
	imgdraw.Draw(flat, b, img, b.Min, imgdraw.Over)
	var out bytes.Buffer
	if err := png.Encode(&out, flat); err != nil { // opaque: written without alpha
		return nil, err
	}
	return out.Bytes(), nil
}

// maxLogoSide bounds a logo's width and height in pixels: a coat of arms
// printed a few centimetres wide needs far fewer.
const maxLogoSide = 4000

// ErrLogoTooLarge is a logo over maxLogoSide pixels either way.
var ErrLogoTooLarge = fmt.Errorf("è troppo grande (oltre %d × %d pixel): ridurlo, ad esempio a 600 pixel di altezza", maxLogoSide, maxLogoSide)

// Default is the default theme, commented, for editing.
func Default() []byte { return templates.Theme }

// sortedKeys makes the first mistake reported the same on every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
