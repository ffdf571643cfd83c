package synthcorpus

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// writer builds one document. Everything it writes comes from its random
// source, seeded from (Seed, i), and the Generator's read-only pools.
type writer struct {
	p      *pools
	r      *rand.Rand
	b      []byte
	target int // size to reach, in bytes

	year, month, day int  // the document's date
	repYear          int  // the year reported on (annual reports) or the last full year
	inReport         bool // an annual report: figures for repYear only

	main    body     // the body the document speaks for
	other   body     // a second body: co-issuer, co-host
	people  []person // the chairperson, then the speakers
	spokes  person   // the spokesperson of other
	home    named    // a province the document dwells on
	city    named    // a city of home, or of another province
	intro   map[string]bool
	metrics []int // indexes of metrics, shuffled; stat sentences take them in turn
	next    int
}

// person is someone who speaks or is quoted in a document.
type person struct {
	name  string // "Zhang Weiming"
	title string // "deputy commissioner"
	hon   string // "Mr." or "Ms."
	at    body
}

func (w *writer) surname(p person) string { return p.name[:strings.IndexByte(p.name, ' ')] }

// pick returns a random element of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// chance is true with probability p.
func (w *writer) chance(p float64) bool { return w.r.Float64() < p }

func (w *writer) line(s string) {
	w.b = append(w.b, s...)
	w.b = append(w.b, '\n')
}

func (w *writer) blank() { w.b = append(w.b, '\n') }

// para writes sentences as one paragraph line.
func (w *writer) para(sents ...string) {
	for i, s := range sents {
		if i > 0 {
			w.b = append(w.b, ' ')
		}
		w.b = append(w.b, s...)
	}
	w.b = append(w.b, '\n')
}

func (w *writer) full() bool { return len(w.b) >= w.target }

// capFirst upper-cases the first letter of s.
func capFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// agency names a body with its article: the first time in a document as
// "the Full Name (ACR)", later as "the ACR" or "the Full Name".
func (w *writer) agency(b body) string {
	if !w.intro[b.id] {
		w.intro[b.id] = true
		if b.acronym != "" {
			return "the " + b.name + " (" + b.acronym + ")"
		}
		return "the " + b.name
	}
	if b.acronym != "" && w.chance(0.6) {
		return "the " + b.acronym
	}
	return "the " + b.name
}

// fullName names a body in full, with its article.
func fullName(b body) string { return "the " + b.name }

// newPerson makes a name from the syllable lists: a surname and a given
// name of one or two syllables ("Zhang Wei", "Liu Jianhua").
func (w *writer) newPerson(title string, at body) person {
	given := pick(w.r, w.p.given)
	if w.chance(0.75) {
		given += pick(w.r, w.p.given)
	}
	hon := "Mr."
	if w.chance(0.4) {
		hon = "Ms."
	}
	return person{name: pick(w.r, w.p.surnames) + " " + capFirst(given), title: title, hon: hon, at: at}
}

// intro describes a person by title and body: "Zhang Wei, deputy
// commissioner of the CNIPA".
func (w *writer) describe(p person) string {
	return p.name + ", " + p.title + " of " + w.agency(p.at)
}

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

func (w *writer) longDate(y, m, d int) string {
	return monthNames[m] + " " + strconv.Itoa(d) + ", " + strconv.Itoa(y)
}

func isoDate(y, m, d int) string {
	return strconv.Itoa(y) + "-" + pad2(m) + "-" + pad2(d)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// group writes n with thousands separators: 798000 → "798,000".
func group(n int64) string {
	s := strconv.FormatInt(n, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	lead := len(s) % 3
	if lead > 0 {
		b.WriteString(s[:lead])
	}
	for i := lead; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// dec writes v with one decimal, or none when it is whole.
func dec(v float64, places int) string {
	s := strconv.FormatFloat(v, 'f', places, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// count writes a count as people write it: "798,000", "2.46 million",
// "35,217".
func (w *writer) count(v float64) string {
	switch {
	case v >= 1e6:
		return dec(v/1e6, 2) + " million"
	case v >= 1e5 && w.chance(0.7):
		return group(int64(math.Round(v/1000)) * 1000)
	default:
		return group(int64(math.Round(v)))
	}
}

// money writes an amount of yuan: "2.1 trillion yuan", "419.9 billion
// yuan", "86 million yuan".
func (w *writer) money(v float64) string {
	switch {
	case v >= 1e12:
		return dec(v/1e12, 2) + " trillion yuan"
	case v >= 1e9:
		return dec(v/1e9, 1) + " billion yuan"
	default:
		return dec(v/1e6, 0) + " million yuan"
	}
}

// pct is a growth rate between lo and hi, one decimal.
func (w *writer) pct(lo, hi float64) float64 {
	return math.Round((lo+(hi-lo)*w.r.Float64())*10) / 10
}

func pctText(v float64) string { return dec(v, 1) + "%" }
