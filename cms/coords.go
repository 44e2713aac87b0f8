package cms

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/moving-cities/opendata/dataset"
)

// ParseCoordinates reads the CMS's "lat,lng" string (decimal degrees,
// spaces around the parts allowed) into a WGS84 position. It refuses
// anything else, out-of-range values included, rather than guess: a
// swapped pair would put a city in the sea.
func ParseCoordinates(s string) (dataset.Coordinates, error) {
	lat, lng, ok := strings.Cut(s, ",")
	if !ok || strings.Contains(lng, ",") {
		return dataset.Coordinates{}, fmt.Errorf("coordinates %q: want \"lat,lng\"", s)
	}
	la, err := degrees(lat)
	if err != nil {
		return dataset.Coordinates{}, fmt.Errorf("coordinates %q: latitude: %w", s, err)
	}
	lo, err := degrees(lng)
	if err != nil {
		return dataset.Coordinates{}, fmt.Errorf("coordinates %q: longitude: %w", s, err)
	}
	if la < -90 || la > 90 {
		return dataset.Coordinates{}, fmt.Errorf("coordinates %q: latitude %v is out of range [-90, 90]", s, la)
	}
	if lo < -180 || lo > 180 {
		return dataset.Coordinates{}, fmt.Errorf("coordinates %q: longitude %v is out of range [-180, 180]", s, lo)
	}
	return dataset.Coordinates{Lat: la, Lon: lo}, nil
}

func degrees(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, fmt.Errorf("missing")
	}
	// ParseFloat also reads "NaN", "Inf" and hex floats, none of which
	// is a degree value the CMS means.
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+') {
			return 0, fmt.Errorf("%q is not a decimal number", s)
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a decimal number", s)
	}
	return v, nil
}
