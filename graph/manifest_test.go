package graph

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestManifestEncoding(t *testing.T) {
	small := []Triple{{"urn:a", RDFSLabel, String("A")}}
	var large []Triple
	for i := range 200 {
		large = append(large, Triple{fmt.Sprintf("urn:e%d", i), RDFSLabel, String(fmt.Sprintf("entity %d", i))})
	}
	for _, tc := range []struct {
		name       string
		ts         []Triple
		compressed bool
	}{
		{"small stays JSON", small, false},
		{"large is compressed", large, true},
		{"empty", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts := dedupe(tc.ts)
			enc, err := encodeManifest(ts)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(enc, compressedPrefix) != tc.compressed {
				t.Errorf("compressed = %v, want %v (%d bytes)", !tc.compressed, tc.compressed, len(enc))
			}
			again, _ := encodeManifest(ts)
			if again != enc {
				t.Error("the same triples encode differently")
			}
			got, err := decodeManifest(enc)
			if err != nil || (len(ts) > 0 && !reflect.DeepEqual(got, ts)) {
				t.Errorf("decode: %v, %v", got, err)
			}
		})
	}
	// Manifests written before compression still read.
	got, err := decodeManifest(`[["urn:a","` + RDFSLabel + `","1","A"]]`)
	if err != nil || !reflect.DeepEqual(got, small) {
		t.Errorf("plain JSON manifest: %v, %v", got, err)
	}
	if _, err := decodeManifest(compressedPrefix + "!!!"); err == nil {
		t.Error("a corrupt compressed manifest decoded")
	}
}
