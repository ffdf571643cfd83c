package synthcorpus

import (
	"math"
	"strconv"
)

// mkind is how a metric's value is written.
type mkind int

const (
	mCount  mkind = iota // a count: "798,000", "2.46 million"
	mYuan                // an amount: "485.4 billion yuan"
	mPer10k              // a density: "9.4 … per 10,000 people"
	mShare               // a percentage level: "2.55%"
	mMonths              // a duration: "16.5 months"
)

// metric is a figure the documents report, with its national value in 2015
// and in 2024 (values in between are interpolated, then jittered).
type metric struct {
	name   string // subject form: "invention patent grants"
	kind   mkind
	lo, hi float64
	stock  bool   // a stock at a date ("by the end of 2022") rather than a flow over a period
	obj    string // object form for "China granted 554,000 invention patents"
	verb   string // the verb of the object form
}

var metrics = []metric{
	{name: "invention patent grants", lo: 3.6e5, hi: 1.04e6, obj: "invention patents", verb: "granted"},
	{name: "invention patent applications", lo: 1.1e6, hi: 1.7e6, obj: "invention patent applications", verb: "received"},
	{name: "utility model patent grants", lo: 9e5, hi: 2.1e6, obj: "utility model patents", verb: "granted"},
	{name: "design patent grants", lo: 4.5e5, hi: 6.6e5, obj: "design patents", verb: "granted"},
	{name: "trademark registrations", lo: 2.2e6, hi: 4.6e6, obj: "trademarks", verb: "registered"},
	{name: "trademark applications", lo: 2.8e6, hi: 7.2e6},
	{name: "PCT international patent applications", lo: 3e4, hi: 7.1e4, obj: "PCT international applications", verb: "filed"},
	{name: "Madrid international trademark applications", lo: 2800, hi: 6200},
	{name: "copyright registrations", lo: 2.5e6, hi: 8.9e6},
	{name: "computer software copyright registrations", lo: 2.9e5, hi: 2.5e6},
	{name: "valid invention patents", lo: 1.1e6, hi: 4.9e6, stock: true},
	{name: "valid registered trademarks", lo: 1.3e7, hi: 4.6e7, stock: true},
	{name: "patent and trademark pledge financing", kind: mYuan, lo: 5.6e10, hi: 8.5e11},
	{name: "royalties for the use of intellectual property", kind: mYuan, lo: 2e11, hi: 3.9e11},
	{name: "technology contract turnover", kind: mYuan, lo: 9.8e11, hi: 6.5e12},
	{name: "the added value of patent-intensive industries", kind: mYuan, lo: 6e12, hi: 1.6e13},
	{name: "first-instance intellectual property cases concluded by courts", lo: 1.3e5, hi: 5.2e5, obj: "first-instance intellectual property cases", verb: "concluded"},
	{name: "patent transfers and licenses", lo: 1.5e5, hi: 5.2e5},
	{name: "administrative rulings on patent infringement disputes", lo: 2.7e4, hi: 6.8e4, obj: "patent infringement disputes", verb: "handled"},
	{name: "suspected infringing goods detained by customs", lo: 1.5e7, hi: 8e7, obj: "suspected infringing goods", verb: "detained"},
	{name: "registered geographical indication trademarks", lo: 3500, hi: 7400, stock: true},
	{name: "invention patents per 10,000 people", kind: mPer10k, lo: 6.3, hi: 12.9, stock: true},
	{name: "high-value invention patents per 10,000 people", kind: mPer10k, lo: 3.0, hi: 12.0, stock: true},
	{name: "R&D spending as a share of GDP", kind: mShare, lo: 2.06, hi: 2.68},
	{name: "the contribution rate of scientific and technological progress", kind: mShare, lo: 55.3, hi: 60.5},
	{name: "average examination period for invention patents", kind: mMonths, lo: 22.6, hi: 16.0},
	{name: "average examination period for trademark registration", kind: mMonths, lo: 8.0, hi: 4.0},
}

// Metrics some templates need by name.
var (
	mGrants          = metricNamed("invention patent grants")
	mPledge          = metricNamed("patent and trademark pledge financing")
	mCourtCases      = metricNamed("first-instance intellectual property cases concluded by courts")
	mPatentsPer10k   = metricNamed("invention patents per 10,000 people")
	mHighValuePer10k = metricNamed("high-value invention patents per 10,000 people")
	mRDShare         = metricNamed("R&D spending as a share of GDP")
	mExamPeriod      = metricNamed("average examination period for invention patents")
)

func metricNamed(name string) metric {
	for _, m := range metrics {
		if m.name == name {
			return m
		}
	}
	panic("synthcorpus: no metric " + name)
}

// value is the metric's value for a year, times frac of the year (a
// quarter: 0.25) and share (a province's part of the nation).
func (w *writer) value(m metric, year int, frac, share float64) float64 {
	var v float64
	if year >= 2015 {
		v = m.lo + (m.hi-m.lo)*float64(year-2015)/9
	} else {
		// Before the range: the average yearly change, backwards.
		v = m.lo / math.Pow(m.hi/m.lo, float64(2015-year)/9)
	}
	v *= 0.94 + 0.12*w.r.Float64()
	switch m.kind {
	case mPer10k, mShare, mMonths:
		if m.kind == mPer10k && share != 1 {
			v *= 0.5 + 3*share*w.r.Float64()
		}
		return math.Round(v*10) / 10
	}
	if !m.stock {
		v *= frac
	}
	return v * share
}

// figure writes a value of the metric.
func (w *writer) figure(m metric, v float64) string {
	switch m.kind {
	case mYuan:
		return w.money(v)
	case mPer10k:
		return dec(v, 1)
	case mShare:
		return dec(v, 2) + "%"
	case mMonths:
		return dec(v, 1) + " months"
	}
	return w.count(v)
}

// nextMetric takes the document's metrics in turn, so that a document
// reports several different figures.
func (w *writer) nextMetric(kinds ...mkind) metric {
	for range len(w.metrics) {
		m := metrics[w.metrics[w.next%len(w.metrics)]]
		w.next++
		if len(kinds) == 0 {
			return m
		}
		for _, k := range kinds {
			if m.kind == k {
				return m
			}
		}
	}
	return mGrants
}

// period is when a figure holds: lead opens a sentence ("In the first half
// of 2023,"), tail ends one ("in the first half of 2023"); year and frac
// size the value.
type period struct {
	lead, tail string
	year       int
	frac       float64
}

// period picks a period before the document's date. Reports speak of
// their year; other genres also of parts of the current year and of "last
// year", which the loaders resolve against the document's date.
func (w *writer) period(m metric) period {
	report := w.inReport
	y := w.repYear
	ys := strconv.Itoa(y)
	if m.stock {
		switch {
		case report || w.month < 3 || w.chance(0.5):
			return period{"By the end of " + ys + ",", "by the end of " + ys, y, 1}
		default:
			mo := w.month - 1
			s := monthNames[mo] + " " + strconv.Itoa(w.year)
			return period{"As of the end of " + s + ",", "as of the end of " + s, w.year, 1}
		}
	}
	if report {
		return period{"In " + ys + ",", "in " + ys, y, 1}
	}
	this := strconv.Itoa(w.year)
	switch k := w.r.IntN(7); {
	case k == 0:
		return period{"Last year,", "last year", y, 1}
	case k == 1 && w.month >= 8:
		if w.chance(0.5) {
			return period{"In the first half of this year,", "in the first half of this year", w.year, 0.5}
		}
		return period{"In the first half of " + this + ",", "in the first half of " + this, w.year, 0.5}
	case k == 2 && w.month >= 5:
		return period{"In the first quarter of " + this + ",", "in the first quarter of " + this, w.year, 0.25}
	case k == 3 && w.month >= 4:
		mo := w.month - 1
		return period{"From January to " + monthNames[mo] + " " + this + ",", "from January to " + monthNames[mo] + " " + this, w.year, float64(mo) / 12}
	default:
		return period{"In " + ys + ",", "in " + ys, y, 1}
	}
}
