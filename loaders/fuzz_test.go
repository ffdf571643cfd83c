package loaders

// Fuzz targets for the parsers of the loaders: numbers and scale words,
// periods, sentence segmentation and whole-document extraction. Each checks
// that nothing panics and that what comes out is well formed: offsets
// inside the text (in runes, as Evidence.Offset counts them), evidence
// sentences that stand in the document at their offset, periods in the
// vocabulary of findPeriods, finite numbers.
//
//	go test -run '^$' -fuzz FuzzExtract -fuzztime 60s ./loaders/
//
// scripts/fuzz.sh runs every target in turn; crashers found are kept under
// testdata/fuzz/<Target>/ and run by every plain `go test` as regression
// cases.

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// Per-input caps: a fuzz input's work stays bounded.
const (
	fuzzMaxSentence = 1 << 10 // bytes, for the sentence-level targets
	fuzzMaxSegment  = 8 << 10 // bytes, for segmentation
	fuzzMaxDocument = 4 << 10 // bytes, for whole-document extraction
)

// periodRe is the vocabulary of findPeriods: a year, a month, a half or a
// quarter, or a range of years or months ("2024", "2024-06", "2024-H1",
// "2024-Q3", "2016/2020", "2024-01/2024-05").
var periodRe = regexp.MustCompile(`^\d{4}(?:-(?:0[1-9]|1[0-2]|H[12]|Q[1-4]))?(?:/\d{4}(?:-(?:0[1-9]|1[0-2]))?)?$`)

// fuzzSentences are sentences of our own tests: figures with scale words,
// currencies and percentages, time phrases, abbreviations and stops.
var fuzzSentences = []string{
	"The number of registered seed varieties reached 4.425 million in 2023.",
	"The added value of copyright industries reached 8.97 trillion yuan last year.",
	"The share of grants held by enterprises rose to 71.5% as of this June.",
	"The approval rate climbed 2.5 percentage points in the first half of this year.",
	"Licensing income totaled 3 hundred million yuan by the end of May.",
	"In 2022, 10,000 mediators were trained by the courts.",
	"Customs seized 1,250 shipments of fake watches in 2021.",
	"Pledge loans amounted to RMB 2.6 billion in the first quarter of 2024.",
	"The fund raised 40 million US dollars from January to May.",
	"Exports of licences reached 52 billion yuan, up 9.4% year on year.",
	"Public satisfaction with enforcement increased to 81.3 points.",
	"Invention patents per 10,000 people reached 12.9 by the end of 2023.",
	"The value of pledged patents was 2.1 trillion yuan, 15,700 U.S. dollars per firm.",
	"Trade reached ¥3.5亿 and 120万 users, $4 bn and €2.5 mln, 3 per cent more.",
	"In the first three quarters of 2020, sales grew 5%.",
	"During the 13th Five-Year Plan period, sales grew 5%.",
	"Since the start of the 14th Five-Year Plan, filings doubled.",
	"Over the past five years, filings doubled.",
	"From March to May this year, seed exports rose.",
	"As of April last year, the registry held many marks.",
	"2019 saw a 25% jump in trade secret lawsuits.",
	"Between 2015 and 2020 the office grew; from 2016 to 2020, sales grew 5%.",
	"The city climbed from 40th in 2015 to 9th in 2022 on the list.",
	"Some 9,000 seed contracts were signed, with turnover exceeding 6 billion yuan.",
	"Seed patent applications at the office rose to 9,000 in 2023, followed by Acme with 2,140.",
	"Foreign firms filed 50,000 design applications, led by Korea (12,000).",
	"See Document No. 20 issued on March 5, 2018.",
	"The meeting started at 10 a.m. in room 2021-2035.",
	"Mr. Li Wei spoke first. Ms. Zhao followed.",
	"Trade with the U.S. Department of Commerce grew. Exports fell.",
	"Some courts, e.g. Xiamen, agree. See Art. 5 of the rules.",
	"Output rose to 3.75 million tons. Prices held.",
	"Heading\nFirst line of text\n\n- a list item\n* another item",
	"Zhou Ming:\nThank you. Next question.",
	"专利数量增加。商标也增加！好吗？",
	`He said "we agree." Then he left.`,
	"On Nov. 30, 2020, the group met. It ended.",
	"Why now? Because the plan ends.",
}

// corpusSnippets returns paragraphs of testdata/corpus, each at most max
// bytes, and whole documents cut to max bytes.
func corpusSnippets(f *testing.F, max int) []string {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "corpus", "*"))
	var out []string
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		text := string(data)
		out = append(out, truncUTF8(text, max))
		for _, p := range strings.Split(text, "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, truncUTF8(p, max))
			}
		}
	}
	return out
}

// truncUTF8 cuts s to at most n bytes without splitting a rune.
func truncUTF8(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// checkSpan fails unless text (a sentence) stands in rs at rune offset off
// (for a text of valid UTF-8 it is then also a substring of it).
func checkSpan(t *testing.T, what string, rs []rune, off int, text string) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	if off < 0 || off+n > len(rs) {
		t.Fatalf("%s %q: offset %d (+%d runes) outside the text (%d runes)", what, text, off, n, len(rs))
	}
	if got := string(rs[off : off+n]); got != text {
		t.Fatalf("%s %q: the text at rune offset %d is %q", what, text, off, got)
	}
}

func checkPeriod(t *testing.T, what, p string) {
	t.Helper()
	if p != "" && !periodRe.MatchString(p) {
		t.Fatalf("%s: malformed period %q", what, p)
	}
}

func checkFinite(t *testing.T, what string, v float64) {
	t.Helper()
	if math.IsInf(v, 0) || math.IsNaN(v) {
		t.Fatalf("%s: value %v is not finite", what, v)
	}
}

// FuzzSegment runs sentence segmentation (and the rejoining of sentences
// broken by a line break, as Extract does): sentences come in order, do
// not overlap, are trimmed, non-empty and at most text.MaxSentenceRunes long
// (the statistics' work on a sentence grows with the square of its
// length), and each stands in the text at its rune offset.
func FuzzSegment(f *testing.F) {
	for _, s := range fuzzSentences {
		f.Add(s)
	}
	f.Add(strings.Repeat("word, ", 300) + "end")
	f.Add("the Annual Plan for the National\n\n\nin Mountain Regions and more. • Bullet\u2028next\u2029")
	for _, s := range corpusSnippets(f, fuzzMaxSegment) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		if len(input) > fuzzMaxSegment {
			return
		}
		rs := []rune(input)
		check := func(what string, ss []Sentence) {
			end := 0
			for _, s := range ss {
				if s.Text == "" {
					t.Fatalf("%s: empty sentence at %d", what, s.Offset)
				}
				if s.Offset < end {
					t.Fatalf("%s: sentence %q at %d overlaps the one before (ending at %d)", what, s.Text, s.Offset, end)
				}
				checkSpan(t, what+" sentence", rs, s.Offset, s.Text)
				if n := utf8.RuneCountInString(s.Text); n > text.MaxSentenceRunes {
					t.Fatalf("%s: sentence of %d runes at %d, over the bound of %d", what, n, s.Offset, text.MaxSentenceRunes)
				}
				if utf8.ValidString(input) && !strings.Contains(input, s.Text) {
					t.Fatalf("%s: sentence %q is not a substring of the text", what, s.Text)
				}
				end = s.Offset + utf8.RuneCountInString(s.Text)
			}
		}
		ss := text.Segment(input)
		check("Segment", ss)
		for _, s := range ss {
			if f, _ := utf8.DecodeRuneInString(s.Text); text.IsBlank(f) {
				t.Fatalf("Segment: sentence %q starts with a blank", s.Text)
			}
			if l, _ := utf8.DecodeLastRuneInString(s.Text); text.IsBlank(l) {
				t.Fatalf("Segment: sentence %q ends with a blank", s.Text)
			}
		}
		check("joinBrokenSentences", text.JoinBroken(rs, ss))
	})
}

// FuzzExtract runs the whole extraction on a document: no error (Extract
// turns a panic into one), every evidence sentence (entity mentions,
// statistics, relations) stands in the document at its rune offset,
// statistics have finite values and well-formed periods, relations and
// statistics name entities of the document, and the extraction encodes as
// JSON and as triples.
func FuzzExtract(f *testing.F) {
	for _, s := range fuzzSentences {
		f.Add("Briefing\nDate: July 29, 2024\n" + s)
	}
	for _, s := range corpusSnippets(f, fuzzMaxDocument) {
		f.Add(s)
	}
	x, err := NewExtractor()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if len(data) > fuzzMaxDocument {
			return
		}
		doc, err := ParseDocument("fuzz.txt", []byte(data))
		if err != nil {
			// Not a text document (invalid UTF-8, NUL, binary): load
			// refuses it, but Extract must not fail on a Document made
			// some other way. Offsets then count the runes that ranging
			// over the text gives (U+FFFD for a bad byte).
			doc = &Document{Name: "fuzz.txt", Text: data}
		}
		// A 4 KB document takes milliseconds; one that runs out this
		// deadline fails as a finding (Extract returns ctx.Err()).
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		ext, err := x.Extract(ctx, doc)
		if err != nil {
			t.Fatalf("Extract: %v", err)
		}
		rs := []rune(doc.Text)
		ids := map[string]bool{}
		for _, e := range ext.Entities {
			if e.ID == "" || e.Name == "" {
				t.Fatalf("entity %+v: no id or name", e)
			}
			ids[e.ID] = true
			for _, m := range e.Mentions {
				checkSpan(t, "mention of "+e.ID, rs, m.Offset, m.Text)
			}
		}
		for _, s := range ext.Statistics {
			what := fmt.Sprintf("statistic %s %q", s.ID, s.Metric)
			checkSpan(t, what, rs, s.Offset, s.Sentence)
			checkFinite(t, what, s.Value)
			checkPeriod(t, what, s.Period)
			if s.Metric == "" {
				t.Fatalf("%s: no metric", what)
			}
			for _, id := range []string{s.Subject, s.ReportedBy} {
				if id != "" && !ids[id] {
					t.Fatalf("%s: entity %q is not one of the document's", what, id)
				}
			}
		}
		for _, r := range ext.Relations {
			what := fmt.Sprintf("relation %s %s %s", r.Subject, r.Predicate, r.Object)
			if r.KnownFrom == "" {
				checkSpan(t, what, rs, r.Offset, r.Sentence)
			} else if r.Sentence != "" || r.Offset != -1 {
				t.Fatalf("%s: background knowledge given a sentence %q at %d", what, r.Sentence, r.Offset)
			}
			if !ids[r.Subject] || !ids[r.Object] {
				t.Fatalf("%s: an end is not an entity of the document", what)
			}
		}
		if _, err := json.Marshal(ext); err != nil {
			t.Fatalf("JSON: %v", err)
		}
		_ = ext.Triples()
	})
}

// TestFuzzFindings keeps what the fuzz targets found, beyond the inputs
// under testdata/fuzz/ (which every go test runs): the wrong results that
// came with the failures.
func TestFuzzFindings(t *testing.T) {
	x := newTestExtractor(t)
	// Scale words past float64: no figure, rather than +Inf (which JSON
	// cannot encode, failing `extract --json` and the load).
	ext := extractText(t, x, "Report\nThe fund reached 9 "+strings.Repeat("trillion ", 26)+"yuan in 2023.\nIt held 12 million yuan in 2023.")
	for _, s := range ext.Statistics {
		checkFinite(t, "statistic "+s.Metric, s.Value)
	}
	if len(ext.Statistics) != 1 || ext.Statistics[0].Value != 12e6 {
		t.Errorf("statistics %+v, want only the 12 million", ext.Statistics)
	}
	// A region inside a pattern name ("Trade Office of Japan") is dropped
	// as a mention but was still the name's suffix, with no entity: the
	// suffix key and "body of body" named entity 0 (a partOf to the CNIPA)
	// or, with no entity 0, failed the document.
	// (The two offices still come out as one entity: mergeSameNames joins
	// names that share the short form "Trade Office".)
	ext = extractText(t, x, "News\nThe Trade Office of Japan met officials.\nThe Trade Office of Korea met officials.")
	if findEntity(ext, "trade_office_of_japan") == nil {
		t.Errorf("entities %+v: want the trade office of Japan", ext.Entities)
	}
	ext = extractText(t, x, "News\nThe CNIPA met officials. The Trade Office of Japan met officials.")
	if hasRelation(ext, "trade_office_of_japan", "partOf", "cnipa") {
		t.Errorf("relations %+v: the trade office is not part of the CNIPA", ext.Relations)
	}
	// A span longer than text.MaxSentenceRunes without a semicolon or comma is
	// cut too: the statistics' work on a sentence grows with the square of
	// its length.
	for _, s := range text.Segment(strings.Repeat("1 ", 2000)) {
		if n := utf8.RuneCountInString(s.Text); n > text.MaxSentenceRunes {
			t.Fatalf("a sentence of %d runes", n)
		}
	}
}
