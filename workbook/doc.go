// Package workbook reads and writes the PEG input workbook of
// ../shared/spec/workbook.md. It is the only importer of excelize: Read turns
// an .xlsx stream into a model.Plan and the problems found on the way, each
// at its Sheet!Cell; Write and Template write the same schema back.
package workbook
