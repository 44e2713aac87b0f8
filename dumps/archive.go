package dumps

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"
)

// ErrNotFound is returned for a release or file that does not exist or
// may not be served.
var ErrNotFound = errors.New("not found")

// releasePattern matches release names: date, revision, and a sequence
// number for a second release of the same day and revision.
var releasePattern = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-r(\d{1,18})(?:-(\d{1,9}))?$`)

// ValidRelease reports whether name is a release name.
func ValidRelease(name string) bool { return releasePattern.MatchString(name) }

// filePattern matches the names of the files a release may hold.
var filePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$`)

// releaseKey orders release names: by date, revision, then sequence.
type releaseKey struct {
	date     string
	rev, seq int64
}

func keyOf(name string) (releaseKey, bool) {
	m := releasePattern.FindStringSubmatch(name)
	if m == nil {
		return releaseKey{}, false
	}
	rev, err := strconv.ParseInt(m[2], 10, 64)
	if err != nil {
		return releaseKey{}, false
	}
	var seq int64 = 1
	if m[3] != "" {
		if seq, err = strconv.ParseInt(m[3], 10, 64); err != nil {
			return releaseKey{}, false
		}
	}
	if _, err := time.Parse(time.DateOnly, m[1]); err != nil {
		return releaseKey{}, false
	}
	return releaseKey{m[1], rev, seq}, true
}

func compareKeys(a, b releaseKey) int {
	return cmp.Or(cmp.Compare(a.date, b.date), cmp.Compare(a.rev, b.rev), cmp.Compare(a.seq, b.seq))
}

// Archive reads the releases of a dumps folder. Every name it is given
// is checked, and files are opened through an os.Root, so no request can
// reach outside the folder.
type Archive struct {
	dir string
}

// Open returns the archive of the dumps folder dir (which may not exist
// yet: it then has no releases).
func Open(dir string) *Archive { return &Archive{dir: dir} }

// Dir is the dumps folder.
func (a *Archive) Dir() string { return a.dir }

// Latest returns the name of the latest release.
func (a *Archive) Latest() (string, error) {
	if a.dir == "" {
		return "", ErrNotFound
	}
	target, err := os.Readlink(filepath.Join(a.dir, LatestLink))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", ErrNotFound
		}
		return "", err
	}
	if !ValidRelease(target) {
		return "", fmt.Errorf("%s points to %q, which is not a release", LatestLink, target)
	}
	return target, nil
}

// Resolve returns the release a name in a URL stands for: a release
// name, or "latest".
func (a *Archive) Resolve(name string) (string, error) {
	if name == LatestLink {
		return a.Latest()
	}
	if !ValidRelease(name) {
		return "", ErrNotFound
	}
	return name, nil
}

// Manifest reads the manifest of a release.
func (a *Archive) Manifest(release string) (*Manifest, error) {
	if a.dir == "" || !ValidRelease(release) {
		return nil, ErrNotFound
	}
	f, err := a.open(filepath.Join(release, manifestFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("release %s: %s: %w", release, manifestFile, err)
	}
	if m.Release != release {
		return nil, fmt.Errorf("release %s: %s names release %q", release, manifestFile, m.Release)
	}
	return &m, nil
}

// Releases lists the complete releases (those with a manifest), newest
// first.
func (a *Archive) Releases() ([]*Manifest, error) {
	names, err := a.names()
	if err != nil {
		return nil, err
	}
	var out []*Manifest
	for i := len(names) - 1; i >= 0; i-- {
		m, err := a.Manifest(names[i])
		if err != nil {
			continue // not one of ours, or damaged: not served
		}
		out = append(out, m)
	}
	return out, nil
}

// names lists the release folders, oldest first.
func (a *Archive) names() ([]string, error) {
	if a.dir == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(a.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if _, ok := keyOf(e.Name()); ok && e.IsDir() {
			names = append(names, e.Name())
		}
	}
	slices.SortFunc(names, func(x, y string) int {
		kx, _ := keyOf(x)
		ky, _ := keyOf(y)
		return compareKeys(kx, ky)
	})
	return names, nil
}

// OpenFile opens a file of a release ("latest" allowed) for reading. Only
// the manifest and the files it lists are served; anything else,
// including any name with a path separator or "..", is ErrNotFound.
func (a *Archive) OpenFile(release, name string) (*os.File, FileEntry, *Manifest, error) {
	rel, err := a.Resolve(release)
	if err != nil {
		return nil, FileEntry{}, nil, err
	}
	if !filePattern.MatchString(name) {
		return nil, FileEntry{}, nil, ErrNotFound
	}
	m, err := a.Manifest(rel)
	if err != nil {
		return nil, FileEntry{}, nil, err
	}
	fe, ok := m.File(name)
	if name == manifestFile {
		fe, ok = FileEntry{Name: manifestFile, MediaType: "application/json"}, true
	}
	if !ok {
		return nil, FileEntry{}, nil, ErrNotFound
	}
	f, err := a.open(filepath.Join(rel, name))
	if err != nil {
		return nil, FileEntry{}, nil, err
	}
	return f, fe, m, nil
}

// open opens a regular file of the folder through an os.Root, which
// refuses any path, symlinks included, that leads outside it. Every
// failure to find such a file is ErrNotFound.
func (a *Archive) open(name string) (*os.File, error) {
	root, err := os.OpenRoot(a.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, ErrNotFound
		}
		return nil, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, err
		}
		return nil, ErrNotFound // missing, or escaping the folder
	}
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, ErrNotFound
	}
	return f, nil
}

// Retention says which releases are kept: the newest Daily ones, and the
// first release of each month (of the newest Monthly months).
type Retention struct {
	// Daily is how many of the newest releases are kept; 0 means
	// DefaultDaily.
	Daily int
	// Monthly is how many months keep their first release: 0 means every
	// month, a negative value none.
	Monthly int
}

// DefaultDaily is the number of newest releases kept by default.
const DefaultDaily = 14

// keep returns the names to keep of names (oldest first).
func (r Retention) keep(names []string) map[string]bool {
	daily := r.Daily
	if daily <= 0 {
		daily = DefaultDaily
	}
	keep := map[string]bool{}
	for i := max(0, len(names)-daily); i < len(names); i++ {
		keep[names[i]] = true
	}
	if r.Monthly >= 0 {
		var firsts []string
		seen := map[string]bool{}
		for _, n := range names {
			k, _ := keyOf(n)
			month := k.date[:7]
			if !seen[month] {
				seen[month] = true
				firsts = append(firsts, n)
			}
		}
		if r.Monthly > 0 && len(firsts) > r.Monthly {
			firsts = firsts[len(firsts)-r.Monthly:]
		}
		for _, n := range firsts {
			keep[n] = true
		}
	}
	return keep
}

// applyRetention deletes the releases retention does not keep, never the
// latest. A release is first renamed out of sight, so a half-deleted one
// is never listed.
func (d *Dumper) applyRetention() ([]string, error) {
	a := Open(d.Dir)
	names, err := a.names()
	if err != nil {
		return nil, err
	}
	keep := d.Retention.keep(names)
	if latest, err := a.Latest(); err == nil {
		keep[latest] = true
	}
	var removed []string
	var errs []error
	for _, n := range names {
		if keep[n] {
			continue
		}
		trash := filepath.Join(d.Dir, trashPrefix+n)
		if err := os.Rename(filepath.Join(d.Dir, n), trash); err != nil {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, n)
		if err := os.RemoveAll(trash); err != nil {
			errs = append(errs, err)
		}
	}
	if len(removed) > 0 {
		if err := syncDir(d.Dir); err != nil {
			errs = append(errs, err)
		}
		d.log().Info("dump retention", "removed", removed)
	}
	return removed, errors.Join(errs...)
}
