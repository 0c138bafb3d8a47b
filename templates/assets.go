package templates

import _ "embed"

// SRGB is the sRGB2014 ICC profile of the International Color Consortium,
// embedded as the OutputIntent of PDF/A documents. Its licence, which
// allows redistribution, is LICENSE.sRGB2014.
//
//go:embed sRGB2014.icc
var SRGB []byte

// Theme is the default theme, commented, as `pegpdf theme` writes it.
//
//go:embed theme.toml
var Theme []byte
