package cms

import (
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

func TestParseCoordinates(t *testing.T) {
	tests := []struct {
		in      string
		want    dataset.Coordinates
		wantErr string
	}{
		{"52.52,13.405", dataset.Coordinates{Lat: 52.52, Lon: 13.405}, ""},
		{" 38.1157 , 13.3613 ", dataset.Coordinates{Lat: 38.1157, Lon: 13.3613}, ""},
		{"-33.9,-70.6", dataset.Coordinates{Lat: -33.9, Lon: -70.6}, ""},
		{"90,180", dataset.Coordinates{Lat: 90, Lon: 180}, ""},
		{"", dataset.Coordinates{}, `want "lat,lng"`},
		{"52.52 13.405", dataset.Coordinates{}, `want "lat,lng"`},
		{"52.52,13.405,7", dataset.Coordinates{}, `want "lat,lng"`},
		{",13.4", dataset.Coordinates{}, "latitude: missing"},
		{"52.5,", dataset.Coordinates{}, "longitude: missing"},
		{"52,5,13", dataset.Coordinates{}, `want "lat,lng"`},
		{"91,13", dataset.Coordinates{}, "latitude 91 is out of range"},
		{"13,200", dataset.Coordinates{}, "longitude 200 is out of range"},
		{"NaN,13", dataset.Coordinates{}, "is not a decimal number"},
		{"Inf,13", dataset.Coordinates{}, "is not a decimal number"},
		{"0x1p-2,13", dataset.Coordinates{}, "is not a decimal number"},
		{"52°31′N,13°24′E", dataset.Coordinates{}, "is not a decimal number"},
		{"1e1,13", dataset.Coordinates{}, "is not a decimal number"},
		{"--5,13", dataset.Coordinates{}, "is not a decimal number"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseCoordinates(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("ParseCoordinates(%q) = %v, %v; want error containing %q", tt.in, got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseCoordinates(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

// FuzzParseCoordinates: whatever the CMS holds, the parser either refuses
// it or gives a position in range whose parts read back from the input.
func FuzzParseCoordinates(f *testing.F) {
	for _, s := range []string{"52.52,13.405", " 38.1 , 13.3 ", "-90,-180", "NaN,1", "1,2,3", ",", "1e400,0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCoordinates(s)
		if err != nil {
			if !strings.Contains(err.Error(), "coordinates") {
				t.Fatalf("error %q does not say it is about coordinates", err)
			}
			return
		}
		if c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180 || c.Lat != c.Lat || c.Lon != c.Lon {
			t.Fatalf("ParseCoordinates(%q) = %v: out of range", s, c)
		}
		again, err := ParseCoordinates(strings.ReplaceAll(s, " ", ""))
		if err != nil || again != c {
			t.Fatalf("ParseCoordinates(%q) = %v, but without spaces %v, %v", s, c, again, err)
		}
	})
}
