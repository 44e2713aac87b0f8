package guide

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/pages"
)

// The map of Europe is the pages' map: the country outlines of
// pages.EuropeOutlines in the projection of pages.Project, so that the
// guide and the web show the same picture.

var europe = pages.EuropeFrame

// outlines are the country rings of the map, in kilometres.
var outlines = parseOutlines(pages.EuropeOutlines())

var pathData = regexp.MustCompile(`\sd="([^"]*)"`)

// parseOutlines reads the rings of the SVG's paths, which scripts/europemap
// writes with M (absolute), l (relative) and z only.
func parseOutlines(svg []byte) [][]fpdf.PointType {
	var rings [][]fpdf.PointType
	for _, m := range pathData.FindAllSubmatch(svg, -1) {
		d := string(m[1])
		var ring []fpdf.PointType
		var x, y float64
		cmd := byte('M')
		var nums []float64
		flush := func() {
			for i := 0; i+1 < len(nums); i += 2 {
				if cmd == 'M' && i == 0 {
					x, y = nums[i], nums[i+1]
				} else {
					x, y = x+nums[i], y+nums[i+1]
				}
				ring = append(ring, fpdf.PointType{X: x, Y: y})
			}
			nums = nums[:0]
		}
		for i := 0; i < len(d); {
			c := d[i]
			switch {
			case c == 'M' || c == 'l' || c == 'z':
				flush()
				if c == 'z' || c == 'M' {
					if len(ring) > 2 {
						rings = append(rings, ring)
					}
					ring = nil
				}
				cmd = c
				i++
			case c == ' ' || c == ',':
				i++
			default:
				j := i + 1
				for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.') {
					j++
				}
				v, err := strconv.ParseFloat(d[i:j], 64)
				if err != nil {
					panic("guide: map outline: " + err.Error())
				}
				nums = append(nums, v)
				i = j
			}
		}
		flush()
		if len(ring) > 2 {
			rings = append(rings, ring)
		}
	}
	if len(rings) == 0 || !strings.Contains(string(svg), "<svg") {
		panic("guide: no map outlines")
	}
	return rings
}

// drawMap draws the map w millimetres wide at x, y, with a dot at each
// position.
func drawMap(f *fpdf.Fpdf, x, y, w float64, pts []dataset.Coordinates) {
	k := w / europe.W
	h := europe.H * k
	f.SetFillColor(0xdc, 0xea, 0xf4)
	f.Rect(x, y, w, h, "F")
	f.ClipRect(x, y, w, h, false)
	f.SetFillColor(0xf4, 0xf1, 0xea)
	f.SetDrawColor(0xb9, 0xb4, 0xa6)
	f.SetLineWidth(0.15)
	f.SetLineJoinStyle("round")
	for _, r := range outlines {
		ps := make([]fpdf.PointType, len(r))
		for i, p := range r {
			ps[i] = fpdf.PointType{X: x + (p.X-europe.X)*k, Y: y + (p.Y-europe.Y)*k}
		}
		f.Polygon(ps, "FD")
	}
	f.SetFillColor(accent[0], accent[1], accent[2])
	f.SetDrawColor(255, 255, 255)
	f.SetLineWidth(0.1)
	r := math.Max(0.5, math.Min(1.1, 40/math.Sqrt(float64(len(pts)+1))))
	for _, c := range pts {
		px, py := pages.Project(c.Lat, c.Lon)
		if !europe.Contains(px, py) {
			continue
		}
		f.Circle(x+(px-europe.X)*k, y+(py-europe.Y)*k, r, "FD")
	}
	f.ClipEnd()
	f.SetDrawColor(0xb9, 0xb4, 0xa6)
	f.Rect(x, y, w, h, "D")
}
