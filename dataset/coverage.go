package dataset

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
)

// platformJSON holds what the Moving Cities platform itself shows (how
// many municipalities, featured cities and approaches), built by
// scripts/build-seed.py from the seed facts, each figure with its source.
//
//go:embed platform.json
var platformJSON []byte

// PlatformTotal is one figure the platform shows, with its source.
type PlatformTotal struct {
	Count int `json:"count"`
	// Approximate is set where sources disagree (the about page and a
	// frontend text give different numbers of approaches).
	Approximate bool   `json:"approximate,omitempty"`
	Source      Source `json:"source"`
}

// PlatformTotals are the platform's own totals that the dataset's
// coverage is measured against.
type PlatformTotals struct {
	Municipalities PlatformTotal `json:"municipalities"`
	Featured       PlatformTotal `json:"featured"`
	Approaches     PlatformTotal `json:"approaches"`
}

// Platform returns the embedded platform totals.
func Platform() (PlatformTotals, error) { return platform() }

var platform = sync.OnceValues(func() (PlatformTotals, error) {
	var p PlatformTotals
	if err := json.Unmarshal(platformJSON, &p); err != nil {
		return p, fmt.Errorf("decode embedded platform totals: %w", err)
	}
	if p.Municipalities.Count <= 0 || p.Featured.Count <= 0 || p.Approaches.Count <= 0 {
		return p, fmt.Errorf("embedded platform totals are incomplete: %+v", p)
	}
	return p, nil
})

// CoverageCount is how many records of one kind the dataset holds against
// how many the platform shows.
type CoverageCount struct {
	Have        int    `json:"have"`
	Platform    int    `json:"platform"`
	Approximate bool   `json:"approximate,omitempty"`
	Source      string `json:"source,omitempty"` // URL of the platform's figure
}

// Coverage says what the dataset holds against what the platform shows.
// It is computed from a snapshot, so it changes when the data does.
type Coverage struct {
	Municipalities CoverageCount `json:"municipalities"`
	Featured       CoverageCount `json:"featured"`
	Approaches     CoverageCount `json:"approaches"`
}

// CoverageOf counts the snapshot's municipalities, featured municipalities
// and approaches against the platform's totals p.
func CoverageOf(s *Snapshot, p PlatformTotals) Coverage {
	featured := 0
	for _, m := range s.Municipalities {
		if m.Featured {
			featured++
		}
	}
	count := func(have int, t PlatformTotal) CoverageCount {
		return CoverageCount{Have: have, Platform: t.Count, Approximate: t.Approximate, Source: t.Source.URL}
	}
	return Coverage{
		Municipalities: count(len(s.Municipalities), p.Municipalities),
		Featured:       count(featured, p.Featured),
		Approaches:     count(len(s.Approaches), p.Approaches),
	}
}

// coverageText is the coverage statement in each platform language: the
// three "n of m" pairs, then a word for "of" in the pairs.
var coverageText = map[string][2]string{
	"en": {"The dataset holds %s municipalities, %s featured case studies and %s local approaches of those the Moving Cities platform shows; a sync from the platform's CMS is to bring the rest.", "of"},
	"de": {"Der Datensatz enthält %s Kommunen, %s ausgewählte Fallstudien und %s lokale Ansätze der Plattform Moving Cities; der Rest soll mit einem Abgleich mit dem CMS der Plattform folgen.", "von"},
	"es": {"El conjunto de datos contiene %s municipios, %s estudios de caso destacados y %s enfoques locales de los que muestra la plataforma Moving Cities; el resto llegará con una sincronización con el CMS de la plataforma.", "de"},
	"fr": {"Le jeu de données contient %s communes, %s études de cas mises en avant et %s approches locales parmi celles que montre la plateforme Moving Cities ; le reste doit venir d'une synchronisation avec le CMS de la plateforme.", "sur"},
	"el": {"Το σύνολο δεδομένων περιέχει %s δήμους, %s προβεβλημένες μελέτες περίπτωσης και %s τοπικές προσεγγίσεις από όσες δείχνει η πλατφόρμα Moving Cities· τα υπόλοιπα θα προστεθούν με συγχρονισμό με το CMS της πλατφόρμας.", "από"},
	"it": {"Il dataset contiene %s comuni, %s casi di studio in evidenza e %s approcci locali tra quelli che mostra la piattaforma Moving Cities; il resto arriverà con una sincronizzazione con il CMS della piattaforma.", "su"},
	"pl": {"Zbiór danych zawiera %s gmin, %s wyróżnionych studiów przypadku i %s podejść lokalnych spośród pokazywanych przez platformę Moving Cities; resztę ma uzupełnić synchronizacja z CMS platformy.", "z"},
}

// Statement is the coverage in words, in lang (a platform language;
// English otherwise): "The dataset holds 202 of ~781 municipalities, …".
func (c Coverage) Statement(lang string) string {
	t, ok := coverageText[lang]
	if !ok {
		t = coverageText["en"]
	}
	pair := func(n CoverageCount) string {
		of := strconv.Itoa(n.Platform)
		if n.Approximate {
			of = "~" + of
		}
		return strconv.Itoa(n.Have) + " " + t[1] + " " + of
	}
	return fmt.Sprintf(t[0], pair(c.Municipalities), pair(c.Featured), pair(c.Approaches))
}
