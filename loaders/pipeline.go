package loaders

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
)

// Sink receives each document's triples; *graph.Store is one.
type Sink interface {
	ReplaceDocument(ctx context.Context, doc string, triples []graph.Triple) (graph.Change, error)
}

// SupportedExtensions are the file name extensions Load reads.
var SupportedExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm"}

// FileError is a file that could not be read or loaded, and why; its
// message is "path: reason".
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// Expand turns paths (files and directories, searched recursively) into
// the list of files to load, sorted within each directory. Files named
// explicitly must have a supported extension; inside directories other
// files are skipped. Paths that cannot be read are returned as errors.
func Expand(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &FileError{p, unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			if err := checkExtension(p); err != nil {
				errs = append(errs, &FileError{p, err})
				continue
			}
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &FileError{path, unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !supported(path) {
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			errs = append(errs, &FileError{p, err})
		}
	}
	return files, errs
}

func supported(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range SupportedExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// LoadResult is what happened to one file.
type LoadResult struct {
	Path     string
	Doc      string       // document name (base name)
	Change   graph.Change // quads added and removed
	Entities int
	Stats    int
	Err      error // nil when the document was written
}

// Load reads, extracts and writes each file as one document, in order,
// with the default LoadOptions. A file that fails is reported in its
// LoadResult and the others still load. Two files with the same base name
// are the same document: the second of them in one call is refused.
// progress, when not nil, is called after each file, in file order.
func (x *Extractor) Load(ctx context.Context, sink Sink, files []string, progress func(LoadResult)) []LoadResult {
	return x.LoadWith(ctx, sink, files, LoadOptions{}, progress)
}

// Write stores one extraction as its document, replacing what the
// document held before.
func Write(ctx context.Context, sink Sink, ex *Extraction) (graph.Change, error) {
	return sink.ReplaceDocument(ctx, graph.DocumentIRI(ex.Doc), ex.Triples())
}

// ReadExtractions decodes the JSON array that `ipgraph extract --json`
// prints, e.g. to load extractions that a person has corrected.
func ReadExtractions(r io.Reader) ([]Extraction, error) {
	var exs []Extraction
	if err := json.NewDecoder(r).Decode(&exs); err != nil {
		return nil, fmt.Errorf("read extractions: %w", err)
	}
	for i, ex := range exs {
		if ex.Doc == "" {
			return nil, fmt.Errorf("read extractions: item %d has no \"doc\"", i)
		}
	}
	return exs, nil
}

// SortResults orders results by path, for stable reports.
func SortResults(rs []LoadResult) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Path < rs[j].Path })
}

// ExtractUpload reads data as the content of a file named name (as
// ReadDocument reads a file: encoding, HTML, refusals) and extracts it;
// source, when not empty, is recorded as the document's path. It is what
// a server does with an uploaded document.
func (x *Extractor) ExtractUpload(ctx context.Context, name string, data []byte, source string) (*Extraction, error) {
	doc, err := ParseDocument(name, data)
	if err != nil {
		return nil, err
	}
	if source != "" {
		doc.Path = source
	}
	ex, err := x.Extract(ctx, doc)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return ex, nil
}
