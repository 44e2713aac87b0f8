package pages

import "math"

// The map of Europe is drawn in the Lambert azimuthal equal-area
// projection centred on 52° N, 10° E: the projection of ETRS89-LAEA
// (EPSG:3035), the one Eurostat and the EEA use for Europe, here on a
// sphere of radius 6371 km (the error against the ellipsoid is well under
// a pixel at the sizes we draw). Map units are kilometres from the centre,
// x eastwards and y southwards, as SVG counts them. The country outlines
// in assets/europe.svg were projected with the same function by
// scripts/europemap, so points and outlines line up.

const (
	projLat0    = 52.0 // degrees north
	projLon0    = 10.0 // degrees east
	earthRadius = 6371.0072
)

// Project returns the map position, in kilometres, of a WGS84 position.
func Project(lat, lon float64) (x, y float64) {
	φ, λ := lat*math.Pi/180, (lon-projLon0)*math.Pi/180
	φ0 := projLat0 * math.Pi / 180
	den := 1 + math.Sin(φ0)*math.Sin(φ) + math.Cos(φ0)*math.Cos(φ)*math.Cos(λ)
	if den <= 1e-12 { // the antipode: nowhere near Europe
		return math.Inf(1), math.Inf(1)
	}
	k := math.Sqrt(2 / den)
	x = earthRadius * k * math.Cos(φ) * math.Sin(λ)
	y = -earthRadius * k * (math.Cos(φ0)*math.Sin(φ) - math.Sin(φ0)*math.Cos(φ)*math.Cos(λ))
	return x, y
}

// Frame is a rectangle of the map, in kilometres.
type Frame struct{ X, Y, W, H float64 }

// Contains reports whether the point x, y is inside the frame.
func (f Frame) Contains(x, y float64) bool {
	return x >= f.X && x <= f.X+f.W && y >= f.Y && y <= f.Y+f.H
}

// EuropeFrame is the part of the map assets/europe.svg covers: from the
// Atlantic coast and Iceland to Moscow and the Caucasus, from North Africa's
// coast to the North Cape.
var EuropeFrame = Frame{X: -1800, Y: -2250, W: 4400, H: 4050}

// EuropeOutlines returns assets/europe.svg, the country outlines drawn in
// the projection of Project over EuropeFrame, for other renderings of the
// same map (the PDF guide).
func EuropeOutlines() []byte { return assets["europe.svg"].body }
