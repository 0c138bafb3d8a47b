package main

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// writeCoat draws the coat of arms of the fictional Comune di Valverde, for
// the sample theme: a green shield with a silver wavy band and three gold
// stars, under a crown; transparent around the shield, as logos are.
func writeCoat(path string) error {
	const w, h = 240, 300
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	green := color.NRGBA{0x2E, 0x7D, 0x32, 0xFF}
	silver := color.NRGBA{0xEE, 0xEE, 0xEE, 0xFF}
	gold := color.NRGBA{0xF2, 0xC1, 0x2E, 0xFF}
	dark := color.NRGBA{0x1B, 0x3A, 0x1C, 0xFF}
	inShield := func(x, y float64) bool {
		if x < 20 || x > 220 || y < 70 {
			return false
		}
		if y < 200 {
			return true
		}
		// the pointed bottom: two arcs meeting at (120, 290)
		dx := math.Abs(x - 120)
		return y < 290-math.Pow(dx/100, 2)*90
	}
	star := func(cx, cy, r, x, y float64) bool {
		a := math.Atan2(y-cy, x-cx)
		d := math.Hypot(x-cx, y-cy)
		k := math.Cos(math.Pi/5) / math.Cos(math.Mod(a+math.Pi/2+4*math.Pi, 2*math.Pi/5)-math.Pi/5)
		return d < r*(0.45+0.55*math.Pow(k, 8))
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x), float64(y)
			var c color.NRGBA
			switch {
			case inShield(fx, fy) && !inShield(fx-5, fy) || inShield(fx, fy) && !inShield(fx+5, fy) || inShield(fx, fy) && !inShield(fx, fy+5) || inShield(fx, fy) && !inShield(fx, fy-5):
				c = dark // the border
			case inShield(fx, fy):
				c = green
				wave := 175 + 12*math.Sin(fx/18)
				if fy > wave-14 && fy < wave+14 {
					c = silver
				}
				for _, s := range [][2]float64{{70, 120}, {170, 120}, {120, 230}} {
					if star(s[0], s[1], 24, fx, fy) {
						c = gold
					}
				}
			case fy > 20 && fy < 62 && fx > 50 && fx < 190:
				// the crown: a band with five towers
				if fy > 45 || int(fx-50)%28 < 16 {
					c = gold
				}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
