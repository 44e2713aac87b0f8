package guide

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/moving-cities/opendata/dataset"
)

// The seed is below every cap, so the caps change none of its bytes: the
// guides and the book are those of uncapped lists.
func TestCapsLeaveSmallDataAlone(t *testing.T) {
	in := seedInput(t)
	for _, lang := range dataset.Languages {
		var capped, whole bytes.Buffer
		if err := WriteGuide(&capped, in, lang); err != nil {
			t.Fatal(err)
		}
		if err := writeGuide(&whole, in, lang, len(in.Snap.Municipalities)+1); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(capped.Bytes(), whole.Bytes()) {
			t.Errorf("%s: the capped guide of the seed differs from the uncapped one", lang)
		}
	}
	var capped, whole bytes.Buffer
	if _, err := WriteProfiles(context.Background(), &capped, in); err != nil {
		t.Fatal(err)
	}
	if _, err := writeProfiles(context.Background(), &whole, in, len(in.Snap.Municipalities)+1); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(capped.Bytes(), whole.Bytes()) {
		t.Error("the capped book of the seed differs from the uncapped one")
	}
}

// Past the cap, a network's members end with "… and N more" in each
// language, with N the members left out.
func TestGuideListCap(t *testing.T) {
	in := seedInput(t)
	const listCap = 3
	var largest []*dataset.Membership
	for _, n := range in.Snap.Networks {
		if ms := in.Snap.MembersOf(n.ID); len(ms) > len(largest) {
			largest = ms
		}
	}
	if len(largest) <= listCap {
		t.Fatalf("the largest network of the seed has %d members", len(largest))
	}
	for _, lang := range dataset.Languages {
		var b bytes.Buffer
		if err := writeGuide(&b, in, lang, listCap); err != nil {
			t.Fatal(lang, err)
		}
		var all strings.Builder
		for _, p := range readPDF(t, b.Bytes()).pages(t) {
			all.WriteString(text(p))
		}
		if want := fmt.Sprintf(msg(lang, "more"), len(largest)-listCap); !strings.Contains(all.String(), want) {
			t.Errorf("%s: no %q in the capped guide", lang, want)
		}
		var whole bytes.Buffer
		if err := WriteGuide(&whole, in, lang); err != nil {
			t.Fatal(err)
		}
		if b.Len() >= whole.Len() {
			t.Errorf("%s: the capped guide (%d bytes) is not smaller than the whole one (%d)", lang, b.Len(), whole.Len())
		}
	}
}

// Past MaxProfiles the book holds the first profiles in ID order and ends
// with a page, in the outline, that counts the others and says where each
// is made.
func TestProfilesCap(t *testing.T) {
	in := seedInput(t)
	const max = 4
	var b bytes.Buffer
	n, err := writeProfiles(context.Background(), &b, in, max)
	if err != nil {
		t.Fatal(err)
	}
	if n != max {
		t.Fatalf("%d profiles in the book, want %d", n, max)
	}
	rest := len(in.Snap.Municipalities) - max
	book := readPDF(t, b.Bytes())
	titles := book.topOutline(t)
	if len(titles) != max+1 {
		t.Fatalf("outline %q", titles)
	}
	for i, m := range in.Snap.Municipalities[:max] {
		if titles[i] != name(m.Names, ProfileLang) {
			t.Errorf("bookmark %d is %q", i, titles[i])
		}
	}
	if want := fmt.Sprintf(msg(ProfileLang, "more"), rest); titles[max] != want {
		t.Errorf("last bookmark %q, want %q", titles[max], want)
	}
	pages := book.pages(t)
	last := strings.ReplaceAll(text(pages[len(pages)-1]), "\n", " ")
	for _, want := range []string{strconv.Itoa(rest), in.BaseURI} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page does not say %q: %q", want, last)
		}
	}
}
