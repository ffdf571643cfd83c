package synthcorpus

import "testing"

// newGen builds a Generator or fails the test.
func newGen(t testing.TB, opts Options) *Generator {
	t.Helper()
	g, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return g
}
