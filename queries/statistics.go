package queries

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/ipgraph/ipgraph/graph"
)

// StatisticFilter narrows Statistics. Empty fields match everything.
type StatisticFilter struct {
	Metric   string // every content word must appear in the statistic's metric
	Exact    bool   // Metric must instead equal the metric (after graph.NameKey)
	Subject  string // entity id or IRI
	Unit     string // compared after normalization
	From, To string // periods; "2018" covers 2018-06 and 2018-H1
	Document string // document name or IRI
	// Mentions is an entity id or IRI: only statistics about it, reported
	// by it, or whose evidence sentence names it. Many figures have no
	// subject ("Huawei filed 2,398 applications at the EPO"); their
	// sentence still names the entities they concern.
	Mentions string
}

// Statistics returns the statistics that pass f, sorted by period (those
// without one last), then metric.
func (s *Service) Statistics(ctx context.Context, f StatisticFilter) ([]Statistic, error) {
	iris, err := s.store.Subjects(ctx, graph.RDFType, graph.IRI(graph.TypeStatistic))
	if err != nil {
		return nil, fmt.Errorf("statistics: %w", err)
	}
	from, okFrom := parsePeriod(f.From)
	to, okTo := parsePeriod(f.To)
	if f.From != "" && !okFrom {
		return nil, fmt.Errorf("statistics: cannot read period %q (want 2024, 2024-06, 2024-H1, 2024-Q2)", f.From)
	}
	if f.To != "" && !okTo {
		return nil, fmt.Errorf("statistics: cannot read period %q (want 2024, 2024-06, 2024-H1, 2024-Q2)", f.To)
	}
	words := metricWords(f.Metric)
	var subject, docPrefix string
	if f.Subject != "" {
		subject = graph.ExpandEntityID(f.Subject)
	}
	if f.Document != "" {
		docPrefix = graph.ExpandDocumentID(f.Document) + "#"
	}
	var mentions string
	var mentionedIn map[string]bool
	if f.Mentions != "" {
		mentions = graph.ExpandEntityID(f.Mentions)
		sents, err := s.store.Subjects(ctx, graph.PredRefersTo, graph.IRI(mentions))
		if err != nil {
			return nil, fmt.Errorf("statistics: %w", err)
		}
		mentionedIn = setOf(sents)
	}
	var out []Statistic
	for _, iri := range iris {
		if docPrefix != "" && !strings.HasPrefix(iri, docPrefix) {
			continue
		}
		st, err := s.Statistic(ctx, iri)
		if err != nil {
			return nil, err
		}
		if st == nil || (subject != "" && st.Subject != subject) {
			continue
		}
		if mentions != "" && st.Subject != mentions && st.ReportedBy != mentions && !mentionedIn[st.Evidence.IRI] {
			continue
		}
		if f.Unit != "" && graph.NameKey(f.Unit) != graph.NameKey(st.Unit) {
			continue
		}
		if f.Exact && graph.NameKey(st.Metric) != graph.NameKey(f.Metric) {
			continue
		}
		if !f.Exact && len(words) > 0 && !containsAll(metricWords(st.Metric), words) {
			continue
		}
		if okFrom || okTo {
			p, ok := parsePeriod(st.Period)
			if !ok || (okFrom && p.start < from.start) || (okTo && p.end > to.end) {
				continue
			}
		}
		out = append(out, *st)
	}
	sortStatistics(out)
	return out, nil
}

// Metric is one normalized metric and the statistics that measure it.
type Metric struct {
	Metric      string
	Count       int      // statistics with this metric
	Units       []string // their distinct units, sorted
	FirstPeriod string   // the earliest period, "" when none has one
	LastPeriod  string   // the latest period
}

// Metrics returns the distinct metrics of the statistics that pass f
// (usually just f.Metric, matched by words as in Statistics), most
// measured first, then by metric, so that an analyst can discover which
// series the graph holds.
func (s *Service) Metrics(ctx context.Context, f StatisticFilter) ([]Metric, error) {
	sts, err := s.Statistics(ctx, f)
	if err != nil {
		return nil, err
	}
	byName := map[string]*Metric{}
	units := map[string]map[string]bool{}
	var order []string
	// sts is sorted by period, periodless last: the first period seen is
	// the earliest start, the last one seen the latest start.
	for _, st := range sts {
		m := byName[st.Metric]
		if m == nil {
			m = &Metric{Metric: st.Metric}
			byName[st.Metric] = m
			units[st.Metric] = map[string]bool{}
			order = append(order, st.Metric)
		}
		m.Count++
		if st.Unit != "" {
			units[st.Metric][st.Unit] = true
		}
		if _, ok := parsePeriod(st.Period); ok {
			if m.FirstPeriod == "" {
				m.FirstPeriod = st.Period
			}
			m.LastPeriod = st.Period
		}
	}
	out := make([]Metric, 0, len(order))
	for _, name := range order {
		m := byName[name]
		m.Units = sortedKeys(units[name])
		out = append(out, *m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Metric < out[j].Metric
	})
	return out, nil
}

// Statistic returns the statistic with the given id or IRI, or nil.
func (s *Service) Statistic(ctx context.Context, id string) (*Statistic, error) {
	iri := graph.ExpandDocumentID(id)
	quads, err := s.store.QuadsFrom(ctx, iri)
	if err != nil {
		return nil, fmt.Errorf("statistic %s: %w", id, err)
	}
	st := Statistic{IRI: iri, ID: graph.LocalID(iri)}
	isStat := false
	var sentence string
	for _, q := range quads {
		v := q.Object.Value
		switch q.Predicate {
		case graph.RDFType:
			isStat = isStat || v == graph.TypeStatistic
		case graph.PredMetric:
			st.Metric = v
		case graph.PredValue:
			st.Value, _ = q.Object.Number()
		case graph.PredUnit:
			st.Unit = v
		case graph.PredPeriod:
			st.Period = v
		case graph.PredSubject:
			st.Subject = v
		case graph.PredReportedBy:
			st.ReportedBy = v
		case graph.PredEvidence:
			sentence = v
		}
	}
	if !isStat {
		return nil, nil
	}
	if sentence != "" {
		if st.Evidence, err = s.sentence(ctx, sentence); err != nil {
			return nil, err
		}
	}
	return &st, nil
}

func sortStatistics(sts []Statistic) {
	sort.SliceStable(sts, func(i, j int) bool {
		a, b := sts[i], sts[j]
		pa, oka := parsePeriod(a.Period)
		pb, okb := parsePeriod(b.Period)
		if oka != okb {
			return oka
		}
		if oka && pa != pb {
			if pa.start != pb.start {
				return pa.start < pb.start
			}
			return pa.end < pb.end
		}
		if a.Metric != b.Metric {
			return a.Metric < b.Metric
		}
		return a.IRI < b.IRI
	})
}

// period is an interval of months, counted as year*12 + month-1.
type period struct{ start, end int }

// parsePeriod reads 2024, 2024-06, 2024-06-30, 2024-H1, 2024-Q2 and ranges
// 2016/2020.
func parsePeriod(s string) (period, bool) {
	s = strings.TrimSpace(s)
	if a, b, ok := strings.Cut(s, "/"); ok {
		pa, oka := parsePeriod(a)
		pb, okb := parsePeriod(b)
		return period{pa.start, pb.end}, oka && okb && pa.start <= pb.end
	}
	parts := strings.Split(s, "-")
	if len(parts) == 0 || len(parts[0]) != 4 {
		return period{}, false
	}
	year, err := strconv.Atoi(parts[0])
	if err != nil {
		return period{}, false
	}
	base := year * 12
	if len(parts) == 1 {
		return period{base, base + 11}, true
	}
	p := parts[1]
	switch {
	case len(p) == 2 && (p[0] == 'H' || p[0] == 'h') && (p[1] == '1' || p[1] == '2'):
		h := int(p[1] - '1')
		return period{base + 6*h, base + 6*h + 5}, true
	case len(p) == 2 && (p[0] == 'Q' || p[0] == 'q') && p[1] >= '1' && p[1] <= '4':
		q := int(p[1] - '1')
		return period{base + 3*q, base + 3*q + 2}, true
	}
	m, err := strconv.Atoi(p)
	if err != nil || m < 1 || m > 12 {
		return period{}, false
	}
	return period{base + m - 1, base + m - 1}, true
}

var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields("a an the of in on at to for by and or with from as its their this that these those number total amount share value per") {
		stopWords[w] = true
	}
}

// metricWords returns the content words of a metric, plural "s" dropped.
func metricWords(m string) []string {
	var out []string
	for _, w := range strings.Fields(graph.NameKey(m)) {
		if stopWords[w] {
			continue
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") {
			w = w[:len(w)-1]
		}
		out = append(out, w)
	}
	return out
}

func containsAll(have, want []string) bool {
	set := map[string]bool{}
	for _, w := range have {
		set[w] = true
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}
