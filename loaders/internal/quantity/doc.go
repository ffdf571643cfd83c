// Package quantity is the loaders' stage for figures: it finds the numbers
// of a document's sentences that are statistics — with their value (scale
// words applied), unit, the metric they measure, the entity they are about
// and their period (from the time stage) — and drops the numbers that are
// not (years, dates, article numbers, list markers, names).
//
// Its input is the hand-off of the stages before it: each sentence's
// tokens (text), the entity mentions found in it (recognition and
// resolution) and its resolved time expressions (timex).
package quantity
