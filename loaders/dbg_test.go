package loaders

import (
	"os"
	"testing"
)

func TestDebugExtract(t *testing.T) {
	s := os.Getenv("DBG_TEXT")
	if s == "" {
		t.Skip()
	}
	ext := extractText(t, nil, "News\nDate: "+os.Getenv("DBG_DATE")+"\n\n"+s)
	for _, st := range ext.Statistics {
		t.Logf("%v %s | %s | %s | %s", st.Value, st.Unit, st.Metric, st.Period, st.Rule)
	}
}
