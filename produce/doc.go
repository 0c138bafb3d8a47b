// Package produce is pegpdf's one pipeline: every document the command line
// or the web page makes goes through one function here — [Check],
// [Sheets], [Booklet], [Report], [Evaluation] and [Template] — so that the
// two front ends cannot drift. A front end turns its flags or form fields
// into a [Request] (the inputs as named readers, the [Options], the theme,
// the dates, the limits, a progress callback) and gives a [Sink] where the
// documents go; it keeps only what is its own: files and exit codes, or
// HTTP answers. The context is each function's first argument (not a field
// of the Request): its end stops the run between workbooks and between
// batches of sheets.
//
// It owns, each in its file:
//   - input.go: reading the workbooks, concurrently and with a time limit;
//   - collect.go: gathering their objectives, Codici repeated across files;
//   - names.go: the file name of a sheet (SafeName);
//   - options.go: the options of a document and their one parser, shared by
//     flags and form fields;
//   - request.go: what a front end gives (Request, Sink) and gets (Result);
//   - documents.go: the documents themselves;
//   - batches.go: drawing the sheets in batches, with input.go's reading the
//     only worker pools outside render (errgroup);
//   - encode.go: the problem report (CSV, JSON) and the evaluation CSV;
//   - zip.go: a Sink that gives the sheets as one zip archive;
//   - words.go: the Italian sentences the front ends print (summaries,
//     problem lines, why a file could not be read).
//
// It must never import the file system (os), the network (net/http), the
// command-line library, excelize or fpdf: files are opened by the caller
// through [Source.Open], workbooks are read by package workbook and PDFs
// drawn by package render. Nothing in it reads the clock when the caller
// gives the time.
package produce
