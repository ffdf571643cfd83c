package loaders

import (
	"bufio"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
)

//go:embed gazetteer/*.tsv
var builtinGazetteers embed.FS

// GazetteerEntry is one row of a gazetteer file: a known entity with its
// canonical name, aliases and links to other entries.
type GazetteerEntry struct {
	ID          string
	Type        EntityType
	Name        string
	Aliases     []string
	Kind        string
	Parent      string // id of the body this one belongs to (partOf)
	SucceededBy string // id of the body that replaced this one (renamed)
	MergedInto  string // id of the body this one was folded into
	Source      string // file:line the entry came from
}

// gazetteerColumns is the documented header of every gazetteer file.
var gazetteerColumns = []string{"id", "type", "name", "aliases", "kind", "parent", "succeeded_by", "merged_into"}

// ParseGazetteer reads a gazetteer in TSV form. Lines starting with # and
// blank lines are ignored; the first other line may be the header
// (id, type, name, aliases, kind, parent, succeeded_by, merged_into). Each
// row needs at least id, type and name; aliases are separated by |. The
// type must be one of the EntityTypes. name identifies the source in errors.
func ParseGazetteer(name string, r io.Reader) ([]GazetteerEntry, error) {
	var out []GazetteerEntry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	lineNo := 0
	seenData := false
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		for i := range cols {
			cols[i] = strings.TrimSpace(cols[i])
		}
		if !seenData && strings.EqualFold(cols[0], "id") {
			seenData = true
			continue // header
		}
		seenData = true
		if len(cols) < 3 {
			return nil, fmt.Errorf("gazetteer %s:%d: want at least 3 tab-separated columns (id, type, name), got %d", name, lineNo, len(cols))
		}
		if len(cols) > len(gazetteerColumns) {
			return nil, fmt.Errorf("gazetteer %s:%d: %d columns, at most %d (%s)", name, lineNo, len(cols), len(gazetteerColumns), strings.Join(gazetteerColumns, ", "))
		}
		for len(cols) < len(gazetteerColumns) {
			cols = append(cols, "")
		}
		e := GazetteerEntry{ID: cols[0], Name: cols[2], Kind: cols[4], Parent: cols[5],
			SucceededBy: cols[6], MergedInto: cols[7], Source: fmt.Sprintf("%s:%d", name, lineNo)}
		if e.ID == "" || e.Name == "" {
			return nil, fmt.Errorf("gazetteer %s:%d: empty id or name", name, lineNo)
		}
		if strings.ContainsAny(e.ID, " |") {
			return nil, fmt.Errorf("gazetteer %s:%d: id %q must not contain spaces or |", name, lineNo, e.ID)
		}
		t, ok := parseEntityType(cols[1])
		if !ok {
			return nil, fmt.Errorf("gazetteer %s:%d: unknown type %q (want one of %v)", name, lineNo, cols[1], EntityTypes)
		}
		e.Type = t
		for _, a := range strings.Split(cols[3], "|") {
			if a = strings.TrimSpace(a); a != "" {
				e.Aliases = append(e.Aliases, a)
			}
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", name, err)
	}
	return out, nil
}

func parseEntityType(s string) (EntityType, bool) {
	for _, t := range EntityTypes {
		if strings.EqualFold(string(t), s) {
			return t, true
		}
	}
	return "", false
}

func loadBuiltinGazetteers() ([]GazetteerEntry, error) {
	names, err := fs.Glob(builtinGazetteers, "gazetteer/*.tsv")
	if err != nil {
		return nil, fmt.Errorf("list built-in gazetteers: %w", err)
	}
	sort.Strings(names)
	var all []GazetteerEntry
	for _, n := range names {
		f, err := builtinGazetteers.Open(n)
		if err != nil {
			return nil, fmt.Errorf("open built-in gazetteer %s: %w", n, err)
		}
		entries, err := ParseGazetteer(n, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		all = append(all, entries...)
	}
	return all, nil
}

func loadGazetteerFile(path string) ([]GazetteerEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open gazetteer %s: %w", path, err)
	}
	defer f.Close()
	return ParseGazetteer(path, f)
}

// isAcronym reports whether a gazetteer alias is an acronym, matched
// case-sensitively: one word with at least two capital letters (CNIPA, MoST,
// U.S.).
func isAcronym(s string) bool {
	if strings.ContainsAny(s, " ") {
		return false
	}
	upper := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	return upper >= 2
}

// gazRule explains a gazetteer match: "gazetteer agencies.tsv:cnipa".
// gazSource names the row an entry came from: "gazetteer agencies.tsv:14".
func gazSource(e GazetteerEntry) string {
	src := e.Source
	if i := strings.LastIndexAny(src, "/\\"); i >= 0 {
		src = src[i+1:]
	}
	return "gazetteer " + src
}

func gazRule(e GazetteerEntry) string {
	file := e.Source
	if i := strings.LastIndex(file, ":"); i > 0 {
		file = file[:i]
	}
	if i := strings.LastIndexAny(file, "/\\"); i >= 0 {
		file = file[i+1:]
	}
	return "gazetteer " + file + ":" + e.ID
}
