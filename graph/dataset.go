package graph

import (
	"context"
	"fmt"
	"io"

	"github.com/moving-cities/opendata/dataset"
	"github.com/moving-cities/opendata/exporters"
	"github.com/moving-cities/opendata/vocab"
)

// ctxEvery is how many entities DatasetTriples writes between checks of
// its context.
const ctxEvery = 256

// DatasetTriples emits the whole dataset as one graph, in a fixed order:
// the dataset itself (a void:Dataset under CC BY 4.0, with the search
// form of its triple pattern fragments), then for every
// entity, type by type in dataset.Types order and by ID, its own triples
// (as in its document, without the entities a municipality's document
// nests, which come as entities of their own) and its document's, then the
// tombstones of retired IDs. It holds one entity at a time; blank node
// labels are unique across the stream.
func DatasetTriples(ctx context.Context, snap *dataset.Snapshot, base string, emit func(vocab.Triple) error) error {
	ds := vocab.IRI(vocab.DatasetIRI(base))
	head := []vocab.Triple{
		{S: ds, P: vocab.RDFType.Node(), O: vocab.VoIDDataset.Node()},
		{S: ds, P: vocab.DCTermsLicense.Node(), O: vocab.IRI(vocab.LicenseIRI)},
		{S: ds, P: vocab.DCTermsPublisher.Node(), O: vocab.IRI(vocab.PublisherIRI)},
	}
	if !snap.Modified.IsZero() {
		head = append(head, vocab.Triple{S: ds, P: vocab.DCTermsModified.Node(), O: vocab.DateTime(snap.Modified)})
	}
	head = append(head, SearchForm(base)...)
	for _, t := range head {
		if err := emit(t); err != nil {
			return err
		}
	}
	w := &walker{base: base}
	n := 0
	entity := func(t dataset.Type, id string, rec any) error {
		if n++; n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		o, err := entityObject(base, t, rec)
		if err != nil {
			return err
		}
		o = append(o, Member{"document", documentObject(base, t, id)})
		if err := w.walk(o, top, emit); err != nil {
			return fmt.Errorf("%s %s: %w", t, id, err)
		}
		return nil
	}
	for _, t := range dataset.Types {
		var err error
		switch t {
		case dataset.TypeCountry:
			err = each(snap.Countries, func(x *dataset.Country) error { return entity(t, x.ID, x) })
		case dataset.TypeCategory:
			err = each(snap.Categories, func(x *dataset.Category) error { return entity(t, x.ID, x) })
		case dataset.TypeNetwork:
			err = each(snap.Networks, func(x *dataset.Network) error { return entity(t, x.ID, x) })
		case dataset.TypeMunicipality:
			err = each(snap.Municipalities, func(x *dataset.Municipality) error { return entity(t, x.ID, x) })
		case dataset.TypeMembership:
			err = each(snap.Memberships, func(x *dataset.Membership) error { return entity(t, x.ID, x) })
		case dataset.TypeApproach:
			err = each(snap.Approaches, func(x *dataset.Approach) error { return entity(t, x.ID, x) })
		default:
			err = fmt.Errorf("graph: no triples for entity type %q", t)
		}
		if err != nil {
			return err
		}
	}
	for _, r := range snap.Retired {
		d, err := Tombstone(base, r)
		if err != nil {
			return err
		}
		if err := w.walk(d.Object, tombstoneScope(base, r.Type), emit); err != nil {
			return fmt.Errorf("tombstone %s %s: %w", r.Type, r.ID, err)
		}
	}
	return ctx.Err()
}

func each[T any](xs []*T, fn func(*T) error) error {
	for _, x := range xs {
		if err := fn(x); err != nil {
			return err
		}
	}
	return nil
}

// WriteDataset writes the whole dataset graph (DatasetTriples) to w in
// format f, streaming: memory does not grow with the dataset. It stops
// with ctx's error when ctx ends.
func WriteDataset(ctx context.Context, w io.Writer, snap *dataset.Snapshot, base string, f *exporters.Format) error {
	tw := f.NewWriter(w, exporters.Options{})
	if err := DatasetTriples(ctx, snap, base, tw.WriteTriple); err != nil {
		return fmt.Errorf("graph: write the dataset as %s: %w", f.Name, err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("graph: write the dataset as %s: %w", f.Name, err)
	}
	return nil
}
