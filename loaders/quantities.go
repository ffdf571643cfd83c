package loaders

import (
	"context"
	"fmt"

	"github.com/ipgraph/ipgraph/loaders/internal/quantity"
)

// statistics hands the document's sentences — tokens, entity mentions and
// resolved times — to the quantity stage and turns what it finds into
// Statistics. A statistic is reported by the body its sentence names as
// stating it (reportedBy), else by the document's own body; members maps
// persons to their bodies.
func (d *docState) statistics(ctx context.Context, members map[string]string) ([]Statistic, error) {
	times, def := d.times()
	qd := &quantity.Doc{DefaultPeriod: def, Sentences: make([]quantity.Sentence, len(d.sents))}
	if e, ok := d.byGaz[d.x.country]; ok && d.x.country >= 0 {
		qd.Country = d.entityID(e)
	}
	for i, s := range d.sents {
		ms := make([]*quantity.Mention, 0, len(s.mentions))
		for _, m := range s.mentions {
			if m.c == nil {
				continue
			}
			ms = append(ms, &quantity.Mention{
				Lo: m.lo, Hi: m.hi,
				Entity:  d.entityID(d.entOf(m)),
				Type:    string(d.typeOf(m)),
				Country: d.x.country >= 0 && m.c.gaz == d.x.country,
				Part:    m.form != "",
			})
		}
		qd.Sentences[i] = quantity.Sentence{Sentence: s.Sentence, Runes: s.runes, Tokens: s.toks, Mentions: ms, Break: times[i].Break, Time: &times[i]}
	}
	found, err := quantity.Extract(ctx, qd)
	if err != nil {
		return nil, err
	}
	reported := ""
	if d.main >= 0 {
		reported = d.entityID(d.main)
	}
	out := make([]Statistic, len(found))
	bySentence := map[int]string{}
	for i, st := range found {
		s := d.sents[st.Sentence]
		by, ok := bySentence[st.Sentence]
		if !ok {
			if by = d.reportedBy(s, members); by == "" {
				by = reported
			}
			bySentence[st.Sentence] = by
		}
		out[i] = Statistic{
			ID:         fmt.Sprintf("s%d", i+1),
			Metric:     st.Metric,
			Value:      st.Value,
			Unit:       st.Unit,
			Period:     st.Period,
			Subject:    st.Subject,
			ReportedBy: by,
			Sentence:   s.Text,
			Offset:     s.Offset,
			Rule:       st.Rule + "; period: " + st.PeriodRule,
			MetricRule: st.MetricRule,
			PeriodRule: st.PeriodRuleID,
		}
	}
	return out, nil
}
