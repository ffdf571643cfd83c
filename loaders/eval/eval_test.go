package eval

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/ipgraph/ipgraph/loaders"
)

func shared(t *testing.T, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s missing under CI: %v", p, err)
		}
		t.Skipf("%s not found: %v", p, err)
	}
	return p
}

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The State Intellectual Property Office", "state intellectual property office"},
		{"“Sword Net” Campaign", "sword net campaign"},
		{"People’s Bank of China", "people s bank of china"},
		{"国家知识产权局 (CNIPA)", "国家知识产权局 cnipa"},
		{"Ｆｕｌｌ－width", "full width"},
		{"theory", "theory"},
	}
	for _, tc := range tests {
		if got := Norm(tc.in); got != tc.want {
			t.Errorf("Norm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestUnitClassAndMetric(t *testing.T) {
	units := map[string]string{"percent": "percent", "%": "percent", "billion yuan": "currency", "US dollars": "currency",
		"patents per 10,000 people": "other", "months": "other", "rank": "other", "patents": "count", "": "count"}
	for u, want := range units {
		if got := UnitClass(u); got != want {
			t.Errorf("UnitClass(%q) = %q, want %q", u, got, want)
		}
	}
	metrics := []struct {
		ext, gold string
		ok        bool
	}{
		{"valid invention patents", "number of valid domestic invention patents", true},
		{"invention patents", "valid domestic invention patents", true}, // exactly half
		{"patent applications", "valid domestic invention patents", false},
		{"trademark registrations", "the number of registered trademarks", true},
		{"registrations", "the number of registered trademarks", false},
		{"anything", "the number of", true},
	}
	for _, m := range metrics {
		if got := MetricOK(m.ext, m.gold); got != m.ok {
			t.Errorf("MetricOK(%q, %q) = %v, want %v", m.ext, m.gold, got, m.ok)
		}
	}
}

func TestScoreCountsDuplicatesAndRelations(t *testing.T) {
	gold := []Gold{{Doc: "a.txt",
		Entities: []GoldEntity{
			{ID: "cnipa", Types: []string{"Agency"}, Name: "China National Intellectual Property Administration", Aliases: []string{"CNIPA"}, Must: true},
			{ID: "wipo", Types: []string{"Agency", "Organization"}, Name: "WIPO", Must: true},
			{ID: "beijing", Types: []string{"Region"}, Name: "Beijing", Must: false},
		},
		Statistics: []GoldStatistic{{Metric: "valid invention patents", Value: 4425000, Unit: "patents", Period: "2024-06",
			Quote: "valid invention patents reached 4.425 million", Must: true}},
		Relations: []GoldRelation{{Subject: "cnipa", Predicate: "cooperatesWith", Object: "wipo", Must: true}},
	}}
	ex := []loaders.Extraction{{Doc: "a.txt",
		Entities: []loaders.Entity{
			{ID: "e1", Type: "Agency", Name: "CNIPA"},
			{ID: "e2", Type: "Agency", Name: "the China National Intellectual Property Administration"}, // duplicate
			{ID: "e3", Type: "Organization", Name: "W.I.P.O."},                                          // not the same name
			{ID: "e4", Type: "Agency", Name: "WIPO"},
		},
		Statistics: []loaders.Statistic{
			{Metric: "valid invention patents", Value: 4426000, Unit: "patents", Period: "2024-06",
				Sentence: "By June, valid invention patents reached 4.425 million in China."},
			{Metric: "stray", Value: 7, Sentence: "Seven."},
		},
		Relations: []loaders.Relation{{Subject: "e2", Predicate: "cooperatesWith", Object: "e4"}},
	}}
	r := Score(gold, ex)
	want := Counts{EntMust: 2, EntMustHit: 2, EntExt: 4, EntTP: 2, StMust: 1, StMustHit: 1, StExt: 2, StTP: 1,
		PerN: 1, PerOK: 1, UnitOK: 1, MetOK: 1, RelMust: 1, RelMustHit: 1, RelExt: 1}
	if r.Counts != want {
		t.Errorf("counts = %+v\nwant     %+v", r.Counts, want)
	}
	if r.EntityPrecision != 0.5 || r.StatisticPrecision != 0.5 || r.RelationRecall != 1 {
		t.Errorf("report = %+v", r)
	}
	if len(r.Documents[0].DuplicatedEntities) != 1 {
		t.Errorf("duplicates = %v", r.Documents[0].DuplicatedEntities)
	}
}

// TestAgreesWithScorePy runs the project's extractor on the seed corpus and
// scores it both here and with shared/tools/score.py.
func TestAgreesWithScorePy(t *testing.T) {
	goldDir := shared(t, "gold")
	corpus := shared(t, "corpus")
	script := shared(t, "tools", "score.py")
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	x, err := loaders.NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	exs := extractDir(t, x, corpus)
	dump := filepath.Join(t.TempDir(), "out.json")
	data, _ := json.Marshal(exs)
	if err := os.WriteFile(dump, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, script, goldDir, dump, "--json").Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	var py Report
	if err := json.Unmarshal(out, &py); err != nil {
		t.Fatalf("score.py output %s: %v", out, err)
	}
	golds, err := ReadGoldDir(goldDir)
	if err != nil {
		t.Fatal(err)
	}
	gor := Score(golds, exs)
	if gor.Counts != py.Counts {
		t.Errorf("counts differ:\n go %+v\n py %+v", gor.Counts, py.Counts)
	}
	pairs := map[string][2]float64{
		"entity_recall": {gor.EntityRecall, py.EntityRecall}, "entity_precision": {gor.EntityPrecision, py.EntityPrecision},
		"statistic_recall": {gor.StatisticRecall, py.StatisticRecall}, "statistic_precision": {gor.StatisticPrecision, py.StatisticPrecision},
		"period_accuracy": {gor.PeriodAccuracy, py.PeriodAccuracy}, "unit_accuracy": {gor.UnitAccuracy, py.UnitAccuracy},
		"metric_accuracy": {gor.MetricAccuracy, py.MetricAccuracy}, "relation_recall": {gor.RelationRecall, py.RelationRecall},
	}
	for name, p := range pairs {
		if math.Abs(p[0]-p[1]) >= 0.0005 {
			t.Errorf("%s: go %.4f, score.py %.4f", name, p[0], p[1])
		}
	}
}
