package pages

import (
	"net/http"
	"strconv"
	"time"
)

// GuideRelease is what the guide page offers: the PDFs of a release.
type GuideRelease struct {
	Name      string
	Revision  int64
	Generated time.Time
	// Guides are the guide in each language the release holds, in the
	// order of Languages.
	Guides []GuideFile
	// Profiles is the book of every city profile, when the release
	// holds it.
	Profiles  *GuideFile
	DumpsHref string
}

// GuideFile is one PDF of a release.
type GuideFile struct {
	Lang  string
	Href  string
	Bytes int64
}

type guideView struct {
	Lead, Release, Profiles, DumpsHref string
	Guides                             []guideLink
	ProfilesHref, ProfilesSize         string
}

type guideLink struct {
	Lang, Name, Href, Size string
	Current                bool
}

// Guide answers r with the page that offers the guide of rel in every
// language, the one in the interface language first; rel is nil before
// the first release.
func (p *Pages) Guide(w http.ResponseWriter, r *http.Request, rel *GuideRelease) error {
	c := p.newCtx(r)
	gv := guideView{Lead: c.t("guide.lead")}
	if rel != nil {
		gv.Release = c.tf("guide.release", rel.Name, strconv.FormatInt(rel.Revision, 10), rel.Generated.UTC().Format(time.DateOnly))
		gv.DumpsHref = c.href(rel.DumpsHref, nil)
		for _, g := range rel.Guides {
			l := guideLink{Lang: g.Lang, Name: languageNames[g.Lang], Href: g.Href, Size: c.size(g.Bytes), Current: g.Lang == c.lang}
			if l.Current {
				gv.Guides = append([]guideLink{l}, gv.Guides...)
			} else {
				gv.Guides = append(gv.Guides, l)
			}
		}
		if rel.Profiles != nil {
			gv.ProfilesHref, gv.ProfilesSize = rel.Profiles.Href, c.size(rel.Profiles.Bytes)
		}
	}
	v := c.page(c.t("guide.heading"), "guide")
	v.Description = gv.Lead
	v.Content = gv
	return p.write(w, r, c, "guide", v)
}
