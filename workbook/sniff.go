package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// errODS is what sniff says of a LibreOffice spreadsheet, which Read reads.
var errODS = errors.New("ods")

// Why a file is not a workbook pegpdf can read. Each sentence says what to do.
var (
	ErrEmpty     = errors.New("il file è vuoto (0 byte): chiedere di nuovo il file a chi lo ha inviato")
	ErrTruncated = errors.New("il file .xlsx è troncato o danneggiato (forse un invio interrotto): chiedere di nuovo il file o risalvarlo da Excel")
	ErrXLS       = errors.New("è un vecchio file Excel .xls (Excel 97-2003): aprirlo e salvarlo come .xlsx (File > Salva con nome > Cartella di lavoro di Excel)")
	ErrEncrypted = errors.New("il file è protetto da password: togliere la password (File > Informazioni > Proteggi cartella di lavoro) e salvarlo, oppure indicarla (opzione --password, o il campo «Password dei file» della pagina web)")
	ErrPassword  = errors.New("la password indicata non apre il file: controllarla, maiuscole comprese")
	ErrText      = errors.New("è un file di testo (forse un CSV rinominato), non un foglio Excel: aprirlo e salvarlo come .xlsx")
	ErrNotXLSX   = errors.New("non è un foglio Excel .xlsx: salvarlo come .xlsx")
	ErrTooBig    = errors.New("il file è troppo grande")
)

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	zipMagic = []byte("PK\x03\x04")
	// "EncryptedPackage" in UTF-16LE, as OLE2 names its streams.
	encryptedPackage = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e\x00")
)

// sniff tells from the bytes whether data can be an .xlsx, and if not, what
// it probably is.
func sniff(data []byte) error {
	switch {
	case len(data) == 0:
		return ErrEmpty
	case bytes.HasPrefix(data, oleMagic):
		// An encrypted .xlsx is an OLE2 file holding an "EncryptedPackage"
		// stream; anything else in OLE2 is taken for an old .xls.
		if bytes.Contains(data, encryptedPackage) {
			return ErrEncrypted
		}
		return ErrXLS
	case bytes.HasPrefix(data, zipMagic):
		if n, ok := zipEntries(data); ok && n > maxZipEntries {
			return fmt.Errorf("%w: contiene più di %d parti (file anomalo o malevolo)", ErrTooBig, maxZipEntries)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return ErrTruncated
		}
		for _, f := range zr.File {
			if f.Name == "mimetype" {
				if rc, err := f.Open(); err == nil {
					buf := make([]byte, 64)
					n, _ := rc.Read(buf)
					rc.Close()
					if bytes.Contains(buf[:n], []byte("opendocument")) {
						return errODS
					}
				}
			}
		}
		for _, f := range zr.File {
			if f.Name == "xl/workbook.xml" {
				return nil
			}
		}
		return ErrNotXLSX
	case looksLikeText(data):
		return ErrText
	}
	return ErrNotXLSX
}

func looksLikeText(data []byte) bool {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
		for i := 0; i < 3 && !utf8.Valid(head); i++ { // a rune cut at the end
			head = head[:len(head)-1]
		}
	}
	if !utf8.Valid(head) {
		return false
	}
	for _, c := range head {
		if c < 0x09 || (c > 0x0D && c < 0x20) {
			return false
		}
	}
	return true
}

// maxZipEntries bounds the parts of a workbook: an .xlsx has a few dozen,
// and each part listed costs memory before any is read.
const maxZipEntries = 10_000

// zipEntries is the number of parts a zip says it holds, read from its
// end-of-central-directory record (or the zip64 one) before the directory
// itself is.
func zipEntries(data []byte) (uint64, bool) {
	const eocd = 22
	start := max(0, len(data)-eocd-65535)
	i := bytes.LastIndex(data[start:], []byte("PK\x05\x06"))
	if i < 0 || len(data)-(start+i) < eocd {
		return 0, false
	}
	at := start + i
	n := uint64(binary.LittleEndian.Uint16(data[at+10 : at+12]))
	if n == 0xFFFF { // zip64: its locator sits just before
		loc := at - 20
		if loc >= 0 && bytes.Equal(data[loc:loc+4], []byte("PK\x06\x07")) {
			off := binary.LittleEndian.Uint64(data[loc+8 : loc+16])
			if off <= uint64(len(data))-56 && bytes.Equal(data[off:off+4], []byte("PK\x06\x06")) {
				n = binary.LittleEndian.Uint64(data[off+32 : off+40])
			}
		}
	}
	return n, true
}
