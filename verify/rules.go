package verify

// The names of the rules other code refers to.
const (
	ruleEncrypt = "non cifrato"
)

// rules is the one table of what is checked, in the order reported: the
// PDF/A rules (on files claiming PDF/A), then the accessibility rules.
var rules = []Rule{
	{"intestazione", PDFA, "la versione PDF 1.0–1.7 nell'intestazione, seguita da un commento di almeno 4 byte binari", (*checker).header},
	{ruleEncrypt, PDFA, "nessuna cifratura (/Encrypt)", (*checker).encrypt},
	{"identificativo", PDFA, "il trailer ha /ID con due stringhe", (*checker).id},
	{"metadati XMP", PDFA, "il catalogo ha /Metadata: uno stream XML non compresso con pdfaid:part 2 e pdfaid:conformance A o B, e ogni schema non predefinito (pdfuaid) dichiarato come estensione", (*checker).xmpRule},
	{"metadati coerenti", PDFA, "titolo, autore, oggetto, parole chiave, producer e date (con fuso orario) uguali in Info e XMP", (*checker).consistent},
	{"OutputIntent sRGB", PDFA, "un OutputIntent /GTS_PDFA1 con un profilo ICC RGB incorporato", (*checker).outputIntent},
	{"niente trasparenza", PDFA, "nessun gruppo di trasparenza, nessuna SMask, nessuna opacità sotto 1", (*checker).transparencyRule},
	{"annotazioni stampabili", PDFA, "ogni annotazione ha il flag di stampa e non è nascosta", (*checker).annotationRule},
	{"niente file incorporati", PDFA, "nessun albero EmbeddedFiles, neanche vuoto", (*checker).embedded},
	{"niente JavaScript", PDFA, "nessuna azione o nome JavaScript", (*checker).javascriptRule},

	{"marcato", Accessibility, "il catalogo ha /MarkInfo << /Marked true >> (senza /Suspects true) e /StructTreeRoot (PDF marcato, «tagged»)", (*checker).tagged},
	{"contenuto marcato", Accessibility, "ogni testo, tracciato e immagine delle pagine (e dei form XObject) è contenuto marcato con MCID nella struttura o artefatto (/Artifact), niente fuori, e gli uni non stanno dentro gli altri", (*checker).markedContent},
	{"MCID e ParentTree", Accessibility, "ogni MCID usato in una pagina è nel ParentTree per il suo /StructParents e punta a un elemento che ha quell'MCID nel /K, e viceversa", (*checker).parentTree},
	{"tipi di struttura", Accessibility, "ogni elemento ha un tipo standard (ISO 32000-1, 14.8.4) o ricondotto a uno standard dalla RoleMap, che non ridefinisce i tipi standard", (*checker).types},
	{"annidamento", Accessibility, "tabelle, elenchi e indici sono composti come vuole ISO 32000-1 14.8.4: TR in Table, THead, TBody o TFoot; TH e TD in TR; LI in L; TOCI in TOC; e nient'altro dentro", (*checker).nesting},
	{"titoli annidati", Accessibility, "nell'ordine di lettura il primo titolo è H1 e nessun livello è saltato (H1 poi H3)", (*checker).headings},
	{"tabelle con TH", Accessibility, "ogni tabella (Table) ha celle di intestazione (TH), ciascuna con /Scope (salvo tabelle con /Headers)", (*checker).tables},
	{"tabelle regolari", Accessibility, "le righe di ogni tabella hanno lo stesso numero di colonne, contando /ColSpan e /RowSpan", (*checker).regularTables},
	{"figure con Alt", Accessibility, "ogni Figure ha un testo alternativo (/Alt) non vuoto", (*checker).figures},
	{"collegamenti", Accessibility, "ogni annotazione visibile è nella struttura con un OBJR (in un elemento Link per i collegamenti, Annot per le altre) e ha un testo: /Contents (obbligatorio per i collegamenti) o /Alt nell'elemento", (*checker).links},
	{"ordine di tabulazione", Accessibility, "ogni pagina con annotazioni ha /Tabs /S", (*checker).tabs},
	{"font incorporati", Accessibility, "ogni font ha il suo programma incorporato (FontFile, FontFile2 o FontFile3), salvo i Type3 che disegnano da sé i glifi (PDF/A e PDF/UA lo chiedono entrambi)", (*checker).fontRule},
	{"testo in Unicode", Accessibility, "ogni font ha una mappa verso Unicode (/ToUnicode), salvo i font semplici con codifica standard", (*checker).unicodeRule},
	{"titolo del documento", Accessibility, "il titolo è in Info (/Title) e nell'XMP (dc:title) e /ViewerPreferences ha /DisplayDocTitle true", (*checker).title},
	{"lingua", Accessibility, "il catalogo dichiara la lingua (/Lang) con un codice come it-IT", (*checker).lang},
	{"identificazione PDF/UA", Accessibility, "l'XMP dichiara pdfuaid:part 1", (*checker).uaid},
}
