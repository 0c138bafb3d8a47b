// Package verify checks a PDF file against the rules pegpdf promises: the
// machine-checkable part of PDF/UA-1 (the Matterhorn protocol's checks that
// need no human judgement) on every file, and the PDF/A-2 rules pegpdf
// relies on for files that claim PDF/A. It reads the file with an
// independent parser (pdfcpu) and a content-stream tokenizer of its own,
// never with the knowledge of pegpdf's writer.
//
// It is not a full validation: Rules lists what is checked. What needs a
// person (is the alternative text right, is the reading order the visual
// one, are the headings the document's real headings) is out of its reach.
//
// verify owns: reading a PDF's bytes, the rule table and the Italian
// results. It takes bytes and returns values; it never opens files, prints,
// or exits, and so never imports os or net/http. It must never import
// pegpdf's render, model, workbook, produce or server packages (its tests
// may import render to get real documents): a checker that shared the
// writer's code would share its mistakes.
package verify
