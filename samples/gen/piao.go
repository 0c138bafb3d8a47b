package main

import (
	"time"

	"github.com/pegpdf/pegpdf/model"
)

// piao is the PIAO-style sample (docs/piao-2025.xlsx): the optional
// fields of today's plans (objective weights, Missione and Programma, the
// link to Valore Pubblico, resources, baselines and the next years'
// targets, indicator weights), a milestone phase (a Fine prevista without
// an Inizio previsto), a prerequisite objective and a sparse objective
// without phases.
func piao() *model.Plan {
	day := func(m time.Month, d int) model.Date { return model.Date{Year: 2025, Month: m, Day: d} }
	target := model.ParseTarget
	const dir = "AFFARI GENERALI E INNOVAZIONE"
	return &model.Plan{Objectives: []*model.Objective{
		{
			Code: "2025_AGI_01", Year: 2025,
			Title:     "Portare online le istanze dei servizi demografici e del protocollo",
			Direction: dir, Director: "FERRARI GIULIA", Service: "SERVIZI DEMOGRAFICI", Manager: "FERRARI GIULIA",
			Classification: "STRATEGICO", Type: "SVILUPPO",
			Description: "Le istanze più richieste (certificati, cambi di residenza, accesso agli atti) si presentano online con SPID o CIE, e arrivano al protocollo senza passaggi cartacei.",
			Weight:      model.Some(1.2),
			Mission:     "01 - Servizi istituzionali, generali e di gestione",
			Programme:   "08 - Statistica e sistemi informativi",
			MandateLine: "Un Comune semplice e vicino", Councillor: "Assessore all'innovazione",
			Stakeholders: "Cittadini, imprese, professionisti", Contributors: "Servizi informativi; Protocollo",
			PublicValue: "VP1 - Semplificare l'accesso ai servizi", Deadline: day(12, 31),
			HumanResources: "3 istruttori amministrativi, 1 tecnico informatico", FinancialResources: "€ 85.000,00 (PNRR misura 1.4.1)",
			Phases: []model.Phase{
				{Description: "Analisi delle istanze e dei flussi del protocollo", Weight: model.Some(20), Start: day(1, 15), End: day(3, 31), Owner: "ROSSI LUCA", Centre: "SERVIZI DEMOGRAFICI"},
				{Description: "Configurazione dei moduli online e dell'integrazione con il protocollo", Weight: model.Some(50), Start: day(4, 1), End: day(9, 30), Owner: "BIANCHI ANNA", Centre: "SERVIZI INFORMATIVI"},
				{Description: "Pubblicazione dei servizi online (traguardo PNRR)", Weight: model.Some(30), End: day(10, 31), Owner: "FERRARI GIULIA", Centre: "SERVIZI DEMOGRAFICI"},
			},
			Indicators: []model.Indicator{
				{Description: "Istanze presentate online sul totale", Kind: "EFFICACIA", Target: target(">= 60%"), Unit: "%",
					Formula: "istanze online / istanze totali × 100", Source: "Protocollo informatico",
					Baseline: "18%", BaselineYear: 2024, NextTargets: [2]model.Target{target(">= 75%"), target(">= 85%")}, Weight: model.Some(60)},
				{Description: "Tempo medio di rilascio di un certificato", Kind: "EFFICIENZA", Target: target("<= 2 giorni"), Unit: "giorni",
					Formula: "media dei giorni tra istanza e rilascio", Source: "Gestionale anagrafe",
					Baseline: "6", BaselineYear: 2024, NextTargets: [2]model.Target{target("<= 1 giorni"), target("<= 1 giorni")}, Weight: model.Some(40)},
			},
		},
		{
			Code: "2025_AGI_02", Year: 2025,
			Title:     "Ridurre i tempi di pagamento delle fatture",
			Direction: dir, Service: "RAGIONERIA", Manager: "COLOMBO PAOLO", Classification: "GESTIONALE", Type: "MIGLIORAMENTO",
			Weight: model.Some(1.0), Mission: "01 - Servizi istituzionali, generali e di gestione", Programme: "03 - Gestione economica, finanziaria, programmazione e provveditorato",
			Stakeholders: "Fornitori", PublicValue: "VP3 - Sostenere l'economia locale", Deadline: day(12, 31),
			Phases: []model.Phase{
				{Description: "Monitoraggio mensile dello stock di debito", Weight: model.Some(40), Start: day(1, 1), End: day(12, 31), Owner: "COLOMBO PAOLO", Centre: "RAGIONERIA"},
				{Description: "Liquidazione digitale con firma del dirigente entro 10 giorni", Weight: model.Some(60), Start: day(3, 1), End: day(12, 31), Owner: "COLOMBO PAOLO", Centre: "RAGIONERIA"},
			},
			Indicators: []model.Indicator{
				{Description: "Indicatore annuale di tempestività dei pagamenti", Kind: "EFFICIENZA", Target: target("<= 0 giorni"), Unit: "giorni",
					Formula: "DPCM 22/09/2014", Source: "Piattaforma crediti commerciali", Baseline: "12", BaselineYear: 2024,
					NextTargets: [2]model.Target{target("<= 0 giorni"), target("<= 0 giorni")}},
			},
		},
		{
			Code: "2025_AGI_03", Year: 2025,
			Title:     "Aggiornare la sezione Amministrazione trasparente",
			Direction: dir, Service: "SEGRETERIA GENERALE", Manager: "FERRARI GIULIA", Type: "MANTENIMENTO",
			Prerequisite: true, Mission: "01 - Servizi istituzionali, generali e di gestione", Programme: "02 - Segreteria generale",
			Phases: []model.Phase{
				{Description: "Verifica semestrale degli obblighi di pubblicazione", Start: day(1, 1), End: day(6, 30), Owner: "GALLI MARCO", Centre: "SEGRETERIA GENERALE"},
				{Description: "Attestazione del Nucleo di valutazione", End: day(7, 31), Owner: "GALLI MARCO", Centre: "SEGRETERIA GENERALE"},
			},
			Indicators: []model.Indicator{
				{Description: "Obblighi di pubblicazione assolti", Kind: "QUALITA'", Target: target("100%"), Unit: "%", Source: "Griglia ANAC"},
			},
		},
		{
			Code: "2025_AGI_04", Year: 2025,
			Title:     "Gestione ordinaria dell'ufficio relazioni con il pubblico",
			Direction: dir, Service: "URP",
			Weight: model.Some(1.0),
			Indicators: []model.Indicator{
				{Description: "Segnalazioni con risposta entro 30 giorni", Target: target(">= 90%")},
			},
		},
	}}
}
