package render

import (
	"bytes"
	"image"
	_ "image/png" // the theme file flattens every logo to PNG
)

// logoSize is the logo's size in pixels, 0 when there is none.
func logoSize(logo []byte) (w, h int) {
	if logo == nil {
		return 0, 0
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(logo))
	if err != nil || cfg.Height == 0 {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}
