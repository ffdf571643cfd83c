package loaders

import "testing"

func TestDbgMetric(t *testing.T) {
	for _, s := range []string{
		"In 2020, 408 of the world's 5,000 leading brands were from China, with a total value of $1.6 trillion.",
	} {
		ext := extractText(t, nil, "Doc\n"+s)
		for _, st := range ext.Statistics {
			t.Logf("%v %q", st.Value, st.Metric)
		}
	}
}
