// Package workbook reads and writes the PEG input workbook (the contract of
// ../shared/spec/workbook.md, extended by the optional fields and synonyms
// of templates.Schema(); docs/contratto.md describes it in full).
//
// It owns: recognising the file (.xlsx, .ods, and what is neither), reading
// it within Limits (a streaming reader over the zip parts: rows and cells
// are never padded, a cell past Limits.Columns is an error at that cell,
// unpacked bytes, cells and characters are budgeted), the header row under
// title rows, the office's own layout (Mapping, a TOML file), every cell's
// problem at its Sheet!Cell, and writing the template and sample workbooks
// from the same schema (Write, Template).
//
// It is the only importer of excelize, which it uses for writing and for
// decrypting password-protected files; reading goes straight through
// archive/zip and encoding/xml. It imports only model and templates of this
// module, and must never import render, batch, server, verify or cmd: it
// knows nothing of PDFs, files on disk or requests.
package workbook
