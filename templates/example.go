package templates

import (
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// Example is objective 2019_ZN10 exactly as published in 2019
// (../shared/reference/2019_ZN10.txt): the example row of the blank template
// and the data of samples/2019_ZN10.xlsx.
func Example() *model.Plan {
	day := func(y int, m time.Month, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }
	const owner = "MALTONI DANIELE - PO MARGINALITA' E IMMIGRAZIONE"
	const centre = "SERVIZIO SOCIALE PROFESSIONALE"
	return &model.Plan{Objectives: []*model.Objective{{
		Code:           "2019_ZN10",
		Title:          "Promuovere integrazione sociale dei cittadini di Paesi Terzi e Comunitari in particolare attraverso lo sviluppo del sistema di accoglienza di secondo livello SPRAR.",
		Year:           2019,
		Direction:      "SERVIZI SOCIALI",
		Director:       "CAVALLERI VINCENZO",
		Service:        "SERVIZIO SOCIALE PROFESSIONALE",
		Manager:        "LICITRA ALESSANDRO",
		Classification: "DIREZIONALE",
		Type:           "MIGLIORAMENTO",
		StrategicLine:  "2019_IND_STRATEG_08 LA PERSONA AL CENTRO",
		StrategicGoal:  "2019_08IS_OB_STR_03 INTEGRAZ.INCLUS.SOCIALE E ACC.",
		Description: "In ordine a questa attività è prevista l'accoglienza di almeno 100 soggetti all'interno del sistema di accoglienze di II livello denominato SPRAR - Sistema Protezione Richiedenti Asilo e Rifugiati - e la messa in atto dei relativi monitoraggi in itinere sull'andamento degli specifici progetti individualizzati di inclusione sociale.\n" +
			"Con l'obiettivo inoltre di qualificare gli interventi di accoglienza e di favorire percorsi di inclusione socio-economica di soggetti fragili provenienti da paesi terzi.",
		Phases: []model.Phase{
			{
				Description: "Promuovere l'accoglienza dei cittadini di paesi terzi e comunitari dei richiedenti asilo e rifugiati attraverso l'implementazione del sistema di \"accoglienza di secondo livello\" SPRAR (Sistema protezione richiedenti asilo e rifugiati)",
				Weight:      model.Some(50),
				Start:       day(2019, 1, 1), End: day(2019, 12, 31),
				Owner: owner, Centre: centre,
			},
			{
				Description: "Inserimento in percorsi di inclusione sociale di soggetti extracomunitari in condizione di fragilità",
				Start:       day(2019, 1, 1), End: day(2019, 7, 31),
				Owner: owner, Centre: centre,
			},
		},
		Indicators: []model.Indicator{
			{Description: "Numero soggetti inseriti nei progetti SPRAR di secondo livello", Kind: "RISULTATO", Target: model.ParseTarget("=> 100")},
			{Description: "Soggetti extracomunitari in condizione di fragilità inseriti in percorsi di inclusione sociale", Kind: "RISULTATO", Target: model.ParseTarget("=>50")},
		},
	}}}
}

// TemplateExample is the example row of the blank template: 2019_ZN10
// with its second phase weighed too, so that a fresh template verifies
// without warnings (the published sheet weighs only the first phase).
func TemplateExample() *model.Plan {
	p := Example()
	p.Objectives[0].Phases[1].Weight = model.Some(50)
	return p
}
