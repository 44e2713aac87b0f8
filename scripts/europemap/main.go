// Command europemap draws the country outlines of the pages' map of
// Europe, pages/assets/europe.svg, from Natural Earth's Admin 0 country
// boundaries (public domain) as the npm package world-atlas redistributes
// them in TopoJSON (ISC licence):
//
//	mkdir /tmp/atlas && cd /tmp/atlas && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//	go run ./scripts/europemap /tmp/atlas/package/countries-50m.json > pages/assets/europe.svg
//
// It decodes the topology's arcs, keeps the rings that reach the map's
// frame (pages.EuropeFrame), projects them with pages.Project (Lambert
// azimuthal equal-area centred on 52° N, 10° E, as ETRS89-LAEA), clips
// them to the frame, simplifies them (Douglas–Peucker, 1.5 km), drops
// specks smaller than a few pixels and writes one path per country in
// whole kilometres, relative coordinates. The output is deterministic.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/pages"
)

const (
	tolerance = 1.5  // km: Douglas–Peucker tolerance
	minArea   = 60.0 // km²: smaller rings (islets) are dropped
	margin    = 40.0 // km the clip extends beyond the frame, so no stroke shows at its edge
)

type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Arcs    [][][2]float64 `json:"arcs"`
	Objects struct {
		Countries struct {
			Geometries []geometry `json:"geometries"`
		} `json:"countries"`
	} `json:"objects"`
}

type geometry struct {
	Type       string          `json:"type"`
	Arcs       json.RawMessage `json:"arcs"`
	ID         string          `json:"id"`
	Properties struct {
		Name string `json:"name"`
	} `json:"properties"`
}

type pt struct{ x, y float64 }

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: europemap countries-50m.json > pages/assets/europe.svg")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "europemap:", err)
		os.Exit(1)
	}
}

func run(path string, out io.Writer) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var topo topology
	if err := json.Unmarshal(b, &topo); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	arcs := decodeArcs(&topo)
	f := pages.EuropeFrame
	clip := pages.Frame{X: f.X - margin, Y: f.Y - margin, W: f.W + 2*margin, H: f.H + 2*margin}

	type country struct{ id, name, d string }
	var countries []country
	for _, g := range topo.Objects.Countries.Geometries {
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return err
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return err
			}
		default:
			continue
		}
		var d strings.Builder
		for _, poly := range polys {
			for _, ring := range poly {
				lonlat := stitch(arcs, ring)
				if !nearEurope(lonlat) {
					continue
				}
				xy := make([]pt, len(lonlat))
				for i, p := range lonlat {
					x, y := pages.Project(p.y, p.x)
					xy[i] = pt{x, y}
				}
				xy = clipRing(xy, clip)
				if len(xy) < 3 {
					continue
				}
				xy = simplifyRing(xy, tolerance)
				if len(xy) < 3 || math.Abs(area(xy)) < minArea {
					continue
				}
				writeRing(&d, xy)
			}
		}
		if d.Len() > 0 {
			countries = append(countries, country{id: g.ID, name: g.Properties.Name, d: d.String()})
		}
	}
	sort.Slice(countries, func(i, j int) bool { return countries[i].name < countries[j].name })

	fmt.Fprintf(out, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="%g %g %g %g" width="%g" height="%g">`+"\n",
		f.X, f.Y, f.W, f.H, f.W/5, f.H/5)
	fmt.Fprintln(out, "<!-- Country outlines: Natural Earth 1:50m Admin 0 (public domain), via world-atlas 2.0.2 (ISC).")
	fmt.Fprintln(out, "     Lambert azimuthal equal-area, centre 52N 10E (as ETRS89-LAEA), units: km. Made by scripts/europemap. -->")
	fmt.Fprintf(out, `<rect x="%g" y="%g" width="%g" height="%g" fill="#dceaf4"/>`+"\n", f.X, f.Y, f.W, f.H)
	fmt.Fprintln(out, `<g fill="#f4f1ea" stroke="#b9b4a6" stroke-width="2" stroke-linejoin="round">`)
	for _, c := range countries {
		fmt.Fprintf(out, "<path data-iso=\"%s\" d=\"%s\"/>\n", c.id, c.d)
	}
	fmt.Fprintln(out, "</g>\n</svg>")
	return nil
}

// decodeArcs turns the quantized, delta-encoded arcs into longitudes and
// latitudes.
func decodeArcs(t *topology) [][]pt {
	out := make([][]pt, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		ps := make([]pt, len(arc))
		for j, p := range arc {
			if t.Transform != nil {
				x += p[0]
				y += p[1]
				ps[j] = pt{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
			} else {
				ps[j] = pt{p[0], p[1]}
			}
		}
		out[i] = ps
	}
	return out
}

// stitch joins the arcs of a ring; a negative index ~i is arc i reversed.
func stitch(arcs [][]pt, ring []int) []pt {
	var out []pt
	for _, a := range ring {
		var ps []pt
		if a >= 0 {
			ps = arcs[a]
		} else {
			src := arcs[^a]
			ps = make([]pt, len(src))
			for i := range src {
				ps[i] = src[len(src)-1-i]
			}
		}
		if len(out) > 0 {
			ps = ps[1:] // arcs share their end points
		}
		out = append(out, ps...)
	}
	return out
}

// nearEurope keeps rings with a point in a generous box around the frame,
// so that nothing near the antipode of the projection's centre is
// projected.
func nearEurope(ring []pt) bool {
	for _, p := range ring {
		if p.x > -45 && p.x < 80 && p.y > 20 && p.y < 85 {
			return true
		}
	}
	return false
}

// clipRing clips a closed ring to a rectangle (Sutherland–Hodgman; a
// ring cut in two keeps a seam along the edge, which the fill hides and
// the margin puts outside the picture).
func clipRing(ring []pt, f pages.Frame) []pt {
	edges := []struct {
		in    func(p pt) bool
		cross func(a, b pt) pt
	}{
		{func(p pt) bool { return p.x >= f.X }, func(a, b pt) pt { return atX(a, b, f.X) }},
		{func(p pt) bool { return p.x <= f.X+f.W }, func(a, b pt) pt { return atX(a, b, f.X+f.W) }},
		{func(p pt) bool { return p.y >= f.Y }, func(a, b pt) pt { return atY(a, b, f.Y) }},
		{func(p pt) bool { return p.y <= f.Y+f.H }, func(a, b pt) pt { return atY(a, b, f.Y+f.H) }},
	}
	out := ring
	for _, e := range edges {
		in := out
		out = nil
		for i, cur := range in {
			prev := in[(i+len(in)-1)%len(in)]
			switch {
			case e.in(cur) && e.in(prev):
				out = append(out, cur)
			case e.in(cur):
				out = append(out, e.cross(prev, cur), cur)
			case e.in(prev):
				out = append(out, e.cross(prev, cur))
			}
		}
		if len(out) == 0 {
			return nil
		}
	}
	return out
}

func atX(a, b pt, x float64) pt {
	t := (x - a.x) / (b.x - a.x)
	return pt{x, a.y + t*(b.y-a.y)}
}

func atY(a, b pt, y float64) pt {
	t := (y - a.y) / (b.y - a.y)
	return pt{a.x + t*(b.x-a.x), y}
}

// simplifyRing simplifies a closed ring with Douglas–Peucker, keeping its
// first point and the point farthest from it as anchors.
func simplifyRing(ring []pt, tol float64) []pt {
	if len(ring) < 4 {
		return ring
	}
	far, best := 0, -1.0
	for i, p := range ring {
		if d := math.Hypot(p.x-ring[0].x, p.y-ring[0].y); d > best {
			far, best = i, d
		}
	}
	a := dp(ring[:far+1], tol)
	b := dp(append(append([]pt{}, ring[far:]...), ring[0]), tol)
	return append(a[:len(a)-1], b[:len(b)-1]...)
}

func dp(ps []pt, tol float64) []pt {
	if len(ps) < 3 {
		return ps
	}
	first, last := ps[0], ps[len(ps)-1]
	idx, max := 0, 0.0
	for i := 1; i < len(ps)-1; i++ {
		if d := segDist(ps[i], first, last); d > max {
			idx, max = i, d
		}
	}
	if max <= tol {
		return []pt{first, last}
	}
	left := dp(ps[:idx+1], tol)
	right := dp(ps[idx:], tol)
	return append(left[:len(left)-1], right...)
}

func segDist(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	if dx == 0 && dy == 0 {
		return math.Hypot(p.x-a.x, p.y-a.y)
	}
	t := ((p.x-a.x)*dx + (p.y-a.y)*dy) / (dx*dx + dy*dy)
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p.x-(a.x+t*dx), p.y-(a.y+t*dy))
}

func area(ring []pt) float64 {
	var s float64
	for i, p := range ring {
		q := ring[(i+1)%len(ring)]
		s += p.x*q.y - q.x*p.y
	}
	return s / 2
}

// writeRing writes a ring in whole kilometres: an absolute move, then
// relative lines, repeated points dropped.
func writeRing(d *strings.Builder, ring []pt) {
	var px, py int
	n := 0
	for i, p := range ring {
		x, y := int(math.Round(p.x)), int(math.Round(p.y))
		if i == 0 {
			fmt.Fprintf(d, "M%d %d", x, y)
			px, py = x, y
			continue
		}
		if x == px && y == py {
			continue
		}
		if n == 0 {
			d.WriteString("l")
		} else if x-px >= 0 {
			d.WriteString(" ")
		}
		d.WriteString(strconv.Itoa(x - px))
		if y-py >= 0 {
			d.WriteString(" ")
		}
		d.WriteString(strconv.Itoa(y - py))
		px, py = x, y
		n++
	}
	d.WriteString("z")
}
