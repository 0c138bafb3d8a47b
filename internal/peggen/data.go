package peggen

type direction struct {
	name, prefix, director string
	services               []string
}

var directions = []direction{
	{"SERVIZI SOCIALI", "ZN", "CAVALLERI VINCENZO", []string{"SERVIZIO SOCIALE PROFESSIONALE", "SERVIZIO ANZIANI E DISABILI", "POLITICHE ABITATIVE"}},
	{"LAVORI PUBBLICI", "LP", "BIANCHI GIOVANNA", []string{"MANUTENZIONE STRADE", "EDILIZIA SCOLASTICA", "VERDE PUBBLICO"}},
	{"RISORSE FINANZIARIE", "RF", "ESPOSITO MARCO", []string{"BILANCIO E PROGRAMMAZIONE", "TRIBUTI", "ECONOMATO E PROVVEDITORATO"}},
	{"CULTURA, TURISMO E SPORT", "CT", "D'AMICO LUCIA", []string{"BIBLIOTECHE E MUSEI", "PROMOZIONE TURISTICA", "IMPIANTI SPORTIVI"}},
	{"POLIZIA LOCALE", "PL", "FERRARI ANDREA", []string{"SICUREZZA STRADALE", "POLIZIA AMMINISTRATIVA"}},
	{"SERVIZI DEMOGRAFICI E ISTITUZIONALI", "SD", "RUSSO FRANCESCA", []string{"ANAGRAFE E STATO CIVILE", "SEGRETERIA GENERALE", "ELETTORALE"}},
	{"URBANISTICA E AMBIENTE", "UA", "COLOMBO PIETRO", []string{"PIANIFICAZIONE TERRITORIALE", "TUTELA AMBIENTALE", "SPORTELLO UNICO EDILIZIA"}},
	{"ISTRUZIONE E POLITICHE GIOVANILI", "IS", "RICCI ELENA", []string{"SERVIZI EDUCATIVI 0-6", "REFEZIONE E TRASPORTO SCOLASTICO", "INFORMAGIOVANI"}},
}

var people = []string{
	"MALTONI DANIELE", "LICITRA ALESSANDRO", "GALLI ROBERTA", "MORETTI NICOLÒ", "FONTANA ILARIA",
	"SANTORO GIUSEPPE", "MARINO CHIARA", "GRECO FABRIZIO", "BRUNO SIMONA", "CONTI LORENZO",
	"DE LUCA MARTINA", "COSTA RICCARDO", "GIORDANO SARA", "RIZZO MATTEO", "LOMBARDI FRANCESCO",
}

var roles = []string{"PO AMMINISTRATIVA", "PO TECNICA", "FUNZIONARIO", "ISTRUTTORE DIRETTIVO", "PO MARGINALITA' E IMMIGRAZIONE"}

var verbs = []string{"Promuovere", "Migliorare", "Digitalizzare", "Riorganizzare", "Potenziare", "Semplificare", "Consolidare", "Razionalizzare"}

var topics = []string{
	"l'accesso ai servizi sociali", "la manutenzione delle strade comunali", "la riscossione dei tributi locali",
	"l'offerta culturale delle biblioteche", "la sicurezza stradale nei pressi delle scuole", "i servizi anagrafici online",
	"la tutela del verde urbano", "i servizi educativi per l'infanzia", "la qualità della refezione scolastica",
	"l'efficienza energetica degli edifici pubblici", "la trasparenza amministrativa", "l'inclusione delle persone con disabilità",
}

var purposes = []string{
	"attraverso la revisione dei procedimenti", "con il coinvolgimento delle associazioni del territorio",
	"riducendo i tempi di risposta ai cittadini", "in coerenza con il Piano triennale per l'informatica",
	"nel rispetto degli equilibri di bilancio", "con particolare attenzione alle fasce più deboli",
}

var lines = []string{"LA PERSONA AL CENTRO", "UNA CITTÀ SICURA E CURATA", "L'ENTE EFFICIENTE E TRASPARENTE", "CULTURA E IDENTITÀ", "SVILUPPO SOSTENIBILE"}

var openers = []string{
	"L'obiettivo mira a consolidare", "Nel corso dell'anno si intende potenziare", "L'attività prevede di riorganizzare",
	"In continuità con gli anni precedenti si vuole migliorare", "È prevista la revisione completa riguardante",
}

var middles = []string{
	"coinvolgendo gli uffici interessati e i soggetti esterni", "con un monitoraggio trimestrale dei risultati",
	"anche mediante l'utilizzo di strumenti digitali", "in collaborazione con gli enti del terzo settore",
	"secondo le linee guida regionali e nazionali",
}

var endings = []string{
	"al fine di garantire servizi più vicini ai bisogni dei cittadini", "per ridurre i costi di gestione a carico dell'ente",
	"così da assicurare la piena accessibilità delle informazioni", "per rispondere alle nuove esigenze della comunità",
}

var phaseVerbs = []string{"Analisi e ricognizione di", "Progettazione di", "Affidamento di", "Realizzazione di", "Monitoraggio di", "Rendicontazione di", "Formazione del personale su", "Comunicazione ai cittadini di"}

var phaseObjects = []string{
	"procedure e modulistica", "interventi programmati", "servizi esternalizzati", "attività con il terzo settore",
	"dati e indicatori", "nuovi strumenti informatici", "risultati raggiunti", "iniziative sul territorio",
}

var notes = []string{"Fase condizionata al finanziamento regionale.", "In collaborazione con la Direzione Risorse Finanziarie.", "Vedi deliberazione G.C. n. 45/2019."}

var counted = []string{"utenti presi in carico", "interventi di manutenzione eseguiti", "pratiche istruite", "eventi organizzati", "controlli effettuati"}
