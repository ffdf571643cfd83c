// Package timex is the loaders' stage for time: it finds the time
// expressions of a document's sentences and gives each an absolute period
// ("2021", "2021-12", "2018-H1", "2016/2020"), in two steps.
//
// Recognize reads one sentence against rules kept as data in resources/:
// words.txt (macros: months, parts of a year, modifiers), norm.tsv
// (normalization tables: "first half" → H1, "the close of" → END) and
// rules.txt (one rule per line: an id, a role, a pattern with macros and a
// value template). Its values are underspecified: "last year" is REF[-1],
// "the first half" UNDEF-H1, "by the end of that year" UNDEF-12. A
// prefilter derived from the patterns (the strings every match must hold,
// found in one pass of an Aho-Corasick automaton) decides which rules run,
// and where in the sentence.
//
// Resolve then walks the document once, in order, and fills in each value
// against the right anchor: the document's date for transcripts and news,
// the item's own date in a digest of dated items, the last year mentioned
// (or the year a report covers) for report narratives and for "that
// year". A comparison base ("than in 2017", "over the same period last
// year") is never a figure's period. Analyze does both; Choose and PeriodAt
// give a figure at a place in a sentence its period.
//
// The rules are tested by a corpus of our own sentences (testdata/
// corpus.txt: sentences grouped by the value they must give, and sentences
// that must give nothing); every rule has a case there, and the prefilter
// is checked to keep every match the rules alone would find.
package timex
