package graph

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Manifests above compressAbove bytes of JSON are stored deflated and
// base64-encoded behind compressedPrefix: a manifest repeats every triple
// of its document, and writing it uncompressed made a load write most of
// its bytes twice. Older stores' plain JSON manifests still decode.
const (
	compressAbove    = 512
	compressedPrefix = "z1:"
)

var flaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// packManifest compresses a manifest's JSON when that pays.
func packManifest(js []byte) string {
	if len(js) <= compressAbove {
		return string(js)
	}
	var buf bytes.Buffer
	w := flaters.Get().(*flate.Writer)
	defer flaters.Put(w)
	w.Reset(&buf)
	_, _ = w.Write(js) // writes to a bytes.Buffer do not fail
	_ = w.Close()
	return compressedPrefix + base64.StdEncoding.EncodeToString(buf.Bytes())
}

// unpackManifest returns a stored manifest's JSON.
func unpackManifest(s string) ([]byte, error) {
	rest, packed := strings.CutPrefix(s, compressedPrefix)
	if !packed {
		return []byte(s), nil
	}
	raw, err := base64.StdEncoding.DecodeString(rest)
	if err != nil {
		return nil, fmt.Errorf("compressed manifest: %w", err)
	}
	js, err := io.ReadAll(flate.NewReader(bytes.NewReader(raw)))
	if err != nil {
		return nil, fmt.Errorf("compressed manifest: %w", err)
	}
	return js, nil
}
