package loaders

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/ipgraph/ipgraph/loaders/internal/corpustest"
)

// extractCase extracts a corpus case as the body of a small document.
func extractCase(t *testing.T, c corpustest.Case) *Extraction {
	t.Helper()
	return extractText(t, nil, "Case\n\n"+c.Text)
}

// typedEntityNamed returns the entity of type typ (any type when typ is
// empty) whose normalized name or alias is name, or nil.
func typedEntityNamed(ext *Extraction, typ EntityType, name string) *Entity {
	want := normName(name)
	for i, e := range ext.Entities {
		if typ != "" && e.Type != typ {
			continue
		}
		if normName(e.Name) == want {
			return &ext.Entities[i]
		}
		for _, a := range e.Aliases {
			if normName(a) == want {
				return &ext.Entities[i]
			}
		}
	}
	return nil
}

func splitResult(r string) []string {
	parts := strings.Split(r, "|")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}

// TestPersonCorpus checks every case of testdata/persons.txt: the persons a
// case lists are exactly the persons found, and a bare surname it names is
// linked to its person.
func TestPersonCorpus(t *testing.T) {
	for _, c := range corpustest.Read(t, filepath.Join("testdata", "persons.txt")) {
		ext := extractCase(t, c)
		var got []string
		for _, e := range ext.Entities {
			if e.Type == Person {
				got = append(got, e.Name)
			}
		}
		sort.Strings(got)
		var want []string
		for _, r := range c.Results {
			switch {
			case r == "none":
			case strings.HasPrefix(r, "alias "):
				f := strings.Fields(r)
				surname, person := f[1], strings.Join(f[2:], " ")
				if !surnameLinked(ext, surname, person) {
					t.Errorf("persons.txt:%d: %q not linked to %s", c.Line, surname, person)
				}
			default:
				want = append(want, r)
			}
		}
		sort.Strings(want)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("persons.txt:%d (%s): persons %q, want %q", c.Line, c.Header["rule"], got, want)
		}
	}
}

// surnameLinked reports whether a sentence with the bare surname (and not
// the full name) is among the person's mentions.
func surnameLinked(ext *Extraction, surname, person string) bool {
	e := typedEntityNamed(ext, Person, person)
	if e == nil {
		return false
	}
	for _, m := range e.Mentions {
		if strings.Contains(m.Text, surname) && !strings.Contains(m.Text, person) {
			return true
		}
	}
	return false
}

// TestBodyCorpus checks every case of testdata/bodies.txt.
func TestBodyCorpus(t *testing.T) {
	for _, c := range corpustest.Read(t, filepath.Join("testdata", "bodies.txt")) {
		ext := extractCase(t, c)
		for _, r := range c.Results {
			p := splitResult(r)
			switch {
			case (p[0] == "partOf" || p[0] == "locatedIn") && len(p) == 3:
				u, b := entityNamed(ext, p[1]), entityNamed(ext, p[2])
				if u == nil || b == nil || !hasRelation(ext, u.ID, p[0], b.ID) {
					t.Errorf("bodies.txt:%d: no %s %s %s in %v", c.Line, p[1], p[0], p[2], ext.Relations)
				}
			case strings.HasPrefix(p[0], "!") && len(p) == 2:
				if e := typedEntityNamed(ext, EntityType(p[0][1:]), p[1]); e != nil {
					t.Errorf("bodies.txt:%d: found %s %q (%s), want none", c.Line, p[0][1:], p[1], e.Rule)
				}
			case len(p) == 2:
				if typedEntityNamed(ext, EntityType(p[0]), p[1]) == nil {
					t.Errorf("bodies.txt:%d: no %s %q in %s", c.Line, p[0], p[1], entityList(ext))
				}
			default:
				t.Fatalf("bodies.txt:%d: bad result %q", c.Line, r)
			}
		}
	}
}

func entityList(ext *Extraction) string {
	var out []string
	for _, e := range ext.Entities {
		out = append(out, fmt.Sprintf("%s %q %q", e.Type, e.Name, e.Aliases))
	}
	return strings.Join(out, "; ")
}

// TestFrameCorpus checks every case of testdata/frames.txt: each listed
// relation is extracted by the case's frame, and a "none" case gets
// nothing from it.
func TestFrameCorpus(t *testing.T) {
	for _, c := range corpustest.Read(t, filepath.Join("testdata", "frames.txt")) {
		ext := extractCase(t, c)
		rule := "frame " + c.Header["frame"]
		var fromFrame []string
		for _, r := range ext.Relations {
			if r.Rule == rule || strings.HasPrefix(r.Rule, rule+" (") {
				fromFrame = append(fromFrame, r.Subject+" "+r.Predicate+" "+r.Object)
			}
		}
		for _, r := range c.Results {
			if r == "none" {
				if len(fromFrame) > 0 {
					t.Errorf("frames.txt:%d: %s extracted %q, want nothing", c.Line, rule, fromFrame)
				}
				continue
			}
			p := splitResult(r)
			if len(p) != 3 {
				t.Fatalf("frames.txt:%d: bad result %q", c.Line, r)
			}
			s, o := entityNamed(ext, p[0]), entityNamed(ext, p[2])
			if s == nil || o == nil {
				t.Errorf("frames.txt:%d: entities %q / %q not found in %s", c.Line, p[0], p[2], entityList(ext))
				continue
			}
			want := s.ID + " " + p[1] + " " + o.ID
			found := false
			for _, f := range fromFrame {
				found = found || f == want
			}
			if !found {
				t.Errorf("frames.txt:%d: %s: no %q; it gave %q, all relations %v", c.Line, rule, want, fromFrame, ext.Relations)
			}
		}
	}
}

// TestEveryFrameHasACase keeps the table and its corpus together: every
// frame of frames.tsv has a case that extracts and a "none" case, and
// every case names a frame of the table.
func TestEveryFrameHasACase(t *testing.T) {
	if framesErr != nil {
		t.Fatal(framesErr)
	}
	pos, neg := map[string]int{}, map[string]int{}
	known := map[string]bool{}
	for _, f := range frames {
		known[f.id] = true
	}
	for _, c := range corpustest.Read(t, filepath.Join("testdata", "frames.txt")) {
		id := c.Header["frame"]
		if !known[id] {
			t.Errorf("frames.txt:%d: frame %q is not in frames.tsv", c.Line, id)
		}
		for _, r := range c.Results {
			if r == "none" {
				neg[id]++
			} else {
				pos[id]++
			}
		}
	}
	for _, f := range frames {
		if pos[f.id] == 0 || neg[f.id] == 0 {
			t.Errorf("frame %s: %d extracting and %d none cases, want at least one of each", f.id, pos[f.id], neg[f.id])
		}
	}
}

// TestFramesTable checks the table's parser on rows it must refuse.
func TestFramesTable(t *testing.T) {
	head := "id\tform\tpredicate\tsubject\tobject\twords\twindow\toptions\n"
	for _, c := range []struct{ name, row string }{
		{"columns", "x\tactive\tissued\tAgency\tLaw\tissued\t3\n"},
		{"form", "x\tsideways\tissued\tAgency\tLaw\tissued\t3\t\n"},
		{"window", "x\tactive\tissued\tAgency\tLaw\tissued\tthree\t\n"},
		{"option", "x\tactive\tissued\tAgency\tLaw\tissued\t3\tbackwards\n"},
	} {
		if _, err := parseFrames(head + c.row); err == nil {
			t.Errorf("%s: no error", c.name)
		}
	}
	fs, err := parseFrames(head + "x\tactive\tissued\tAgency|Person\tLaw\tIssued|set up\t3\treverse,not_after=implementation of\n")
	if err != nil || len(fs) != 1 || !fs[0].subject[Person] || len(fs[0].phrases) != 2 || fs[0].phrases[1][1] != "up" || fs[0].phrases[0][0] != "issued" ||
		!fs[0].reverse || len(fs[0].notAfter) != 2 {
		t.Errorf("good row: %+v, %v", fs, err)
	}
}
