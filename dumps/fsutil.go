package dumps

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// file is what a release writes its files to; tests replace it to make
// writes fail midway.
type file interface {
	io.Writer
	Sync() error
	Close() error
}

func createFile(name string) (file, error) { return os.Create(name) }

// syncDir makes a folder's entries (created, renamed, removed) durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// replaceSymlink points the symlink at path to target, atomically: a
// reader sees the old target or the new one, never no link.
func replaceSymlink(target, path string) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	_ = os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

// counter counts and hashes what is written through it.
type counter struct {
	w io.Writer
	h io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.h.Write(p[:n])
	c.n += int64(n)
	return n, err
}
