package pages

import (
	"fmt"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/query"
)

// locatorView is a small map around one place; mapView the map of every
// municipality. Both draw assets/europe.svg (country outlines, see
// geo.go) as an image under points of their own, in the same projected
// kilometres.
type locatorView struct {
	ID, ViewBox, Image, Caption string
	Frame                       Frame
	Points                      []mapPoint
}

type mapPoint struct {
	X, Y, R     string
	Href, Label string
	Featured    bool
}

type mapView struct {
	Intro, Caption, ViewBox, Image string
	Frame                          Frame
	Points                         []mapPoint
	Countries                      []mapCountry
}

type mapCountry struct {
	Name  LText
	Items []mapItem
}

type mapItem struct {
	Title   LText
	Href    string
	Located bool
}

func num(x float64) string { return fmt.Sprintf("%.1f", x) }

// locator is the small map of a municipality's page: 800 × 560 km around
// it, inside the outlines' frame.
func (c *ctx) locator(m *dataset.Municipality, p *dataset.Coordinates) *locatorView {
	x, y := Project(p.Lat, p.Lon)
	f := EuropeFrame
	if !f.Contains(x, y) {
		return nil
	}
	const w, h = 800.0, 560.0
	vx := math.Min(math.Max(x-w/2, f.X), f.X+f.W-w)
	vy := math.Min(math.Max(y-h/2, f.Y), f.Y+f.H-h)
	return &locatorView{
		ID: "locator", ViewBox: fmt.Sprintf("%s %s %g %g", num(vx), num(vy), w, h),
		Image: assetURL("europe.svg"), Frame: f,
		Points:  []mapPoint{{X: num(x), Y: num(y), R: "11", Featured: m.Featured}},
		Caption: c.tf("map.locator", c.name(m.Names, m.ID).Text, p.Lat, p.Lon),
	}
}

// Map answers r with the map of Europe showing every municipality with a
// known position as a point linking to its page, and, for all of them,
// a list by country. It needs nothing but this service: the outlines are
// an embedded asset.
func (p *Pages) Map(w http.ResponseWriter, r *http.Request, view *query.View) error {
	if view == nil {
		return ErrNotFound
	}
	snap := view.Snap
	c := p.newCtx(r)
	mv := &mapView{Image: assetURL("europe.svg"), Frame: EuropeFrame}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	byCountry := map[string][]mapItem{}
	located := 0
	for _, m := range snap.Municipalities {
		name := c.name(m.Names, m.ID)
		it := mapItem{Title: name, Href: c.entityHref(dataset.TypeMunicipality, m.ID)}
		if p := m.Coordinates; p != nil {
			if x, y := Project(p.Lat, p.Lon); EuropeFrame.Contains(x, y) {
				it.Located = true
				located++
				r := "15"
				if m.Featured {
					r = "20"
				}
				country := c.countryValue(snap, m.Country).Text
				mv.Points = append(mv.Points, mapPoint{X: num(x), Y: num(y), R: r, Href: it.Href,
					Label: name.Text + " (" + country + ")", Featured: m.Featured})
				minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
			}
		}
		byCountry[m.Country] = append(byCountry[m.Country], it)
	}
	// Featured points last, so they are drawn on top.
	slices.SortStableFunc(mv.Points, func(a, b mapPoint) int {
		switch {
		case a.Featured == b.Featured:
			return 0
		case a.Featured:
			return 1
		}
		return -1
	})
	mv.ViewBox = viewBoxAround(minX, minY, maxX, maxY)
	for code, items := range byCountry {
		slices.SortFunc(items, func(a, b mapItem) int {
			return strings.Compare(dataset.Fold(a.Title.Text), dataset.Fold(b.Title.Text))
		})
		name := LText{Text: code}
		if k, ok := snap.Country(code); ok {
			name = c.name(k.Names, k.ID)
		}
		mv.Countries = append(mv.Countries, mapCountry{Name: name, Items: items})
	}
	slices.SortFunc(mv.Countries, func(a, b mapCountry) int {
		return strings.Compare(dataset.Fold(a.Name.Text), dataset.Fold(b.Name.Text))
	})
	total := len(snap.Municipalities)
	mv.Intro = c.tf("map.intro", located, total)
	mv.Caption = c.tf("map.caption", located)
	v := c.page(c.t("map.heading"), "map")
	v.Content = mv
	v.Description = mv.Intro
	return p.write(w, r, c, "map", v)
}

// viewBoxAround frames the points with a margin, at an aspect ratio that
// suits a page, inside the outlines' frame; the whole frame when there
// are no points.
func viewBoxAround(minX, minY, maxX, maxY float64) string {
	f := EuropeFrame
	if math.IsInf(minX, 0) {
		return fmt.Sprintf("%g %g %g %g", f.X, f.Y, f.W, f.H)
	}
	const pad, aspect = 250.0, 1.2 // km; width over height
	x0, y0, x1, y1 := minX-pad, minY-pad, maxX+pad, maxY+pad
	w, h := x1-x0, y1-y0
	if w/h < aspect {
		d := h*aspect - w
		x0, w = x0-d/2, h*aspect
	} else {
		d := w/aspect - h
		y0, h = y0-d/2, w/aspect
	}
	w, h = math.Min(w, f.W), math.Min(h, f.H)
	x0 = math.Min(math.Max(x0, f.X), f.X+f.W-w)
	y0 = math.Min(math.Max(y0, f.Y), f.Y+f.H-h)
	return fmt.Sprintf("%s %s %s %s", num(x0), num(y0), num(w), num(h))
}
