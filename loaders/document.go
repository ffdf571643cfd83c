package loaders

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ReadDocument reads a .txt or .md file and returns it as a Document: Name
// (base name), Path, Title (first non-empty line with markdown markup
// stripped), Date (found in the text, see ParseDocument), Text and Hash (hex
// SHA-256 of the bytes). Other extensions, invalid UTF-8 and binary content
// are errors that name the file.
func ReadDocument(path string) (*Document, error) {
	if err := checkExtension(path); err != nil {
		return nil, &FileError{path, err}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is said once, by FileError
		}
		return nil, &FileError{path, err}
	}
	doc, err := ParseDocument(filepath.Base(path), data)
	if err != nil {
		return nil, &FileError{path, err}
	}
	doc.Path = path
	return doc, nil
}

func checkExtension(name string) error {
	if supported(name) {
		return nil
	}
	return fmt.Errorf("unsupported file type %q (want %s)", filepath.Ext(name), strings.Join(SupportedExtensions, " or "))
}

// ParseDocument builds a Document from bytes already read; name is the
// file's base name and decides the format (.txt or .md). The date is, in
// order of preference: a date following a "Date:" label, a date standing in
// the first lines of the document, the first full date anywhere in the text,
// a year in the title ("Annual Report 2017"), or "".
func ParseDocument(name string, data []byte) (*Document, error) {
	if err := checkExtension(name); err != nil {
		return nil, err
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errors.New("binary content (NUL byte), not a text document")
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("invalid UTF-8 at byte %d", firstInvalidUTF8(data))
	}
	if ctrl := countControl(data); ctrl > 8 && ctrl*100 > len(data) {
		return nil, fmt.Errorf("binary content (%d control characters), not a text document", ctrl)
	}
	sum := sha256.Sum256(data)
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	doc := &Document{
		Name: filepath.Base(name),
		Path: name,
		Text: text,
		Hash: hex.EncodeToString(sum[:]),
	}
	doc.Title = findTitle(text)
	doc.Date = findDate(text, doc.Title)
	return doc, nil
}

func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

func countControl(data []byte) int {
	n := 0
	for _, b := range data {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' {
			n++
		}
	}
	return n
}

var markupRe = regexp.MustCompile(`^\s*(#{1,6}\s*|>\s*|[-*+]\s+)|\*\*|__|[*_` + "`" + `]`)

// cleanMarkup removes markdown emphasis, heading and quote markers.
func cleanMarkup(line string) string {
	line = markupRe.ReplaceAllString(line, "")
	line = markupRe.ReplaceAllString(line, "")
	return strings.Join(strings.Fields(line), " ")
}

func findTitle(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if t := cleanMarkup(line); t != "" {
			return t
		}
	}
	return ""
}

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

const monthAlt = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?`

var (
	mdyRe      = regexp.MustCompile(`\b(` + monthAlt + `)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`)
	dmyRe      = regexp.MustCompile(`\b(\d{1,2})\s+(` + monthAlt + `),?\s+((?:19|20)\d{2})\b`)
	isoRe      = regexp.MustCompile(`\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	cjkDateRe  = regexp.MustCompile(`((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?`)
	monYearRe  = regexp.MustCompile(`\((` + monthAlt + `)\s+((?:19|20)\d{2})\)`)
	yearOnlyRe = regexp.MustCompile(`\b((?:19|20)\d{2})\b`)
	dateLabel  = regexp.MustCompile(`(?i)^\s*(date|dated|published|release date)\s*:`)
)

// parseDateIn returns the first date found in s as "YYYY-MM-DD" (or
// "YYYY-MM" for a month and year in parentheses) and its byte index.
func parseDateIn(s string) (string, int) {
	best, at := "", -1
	try := func(d string, i int) {
		if d != "" && (at < 0 || i < at) {
			best, at = d, i
		}
	}
	if m := mdyRe.FindStringSubmatchIndex(s); m != nil {
		try(ymd(s[m[6]:m[7]], monthOf(s[m[2]:m[3]]), s[m[4]:m[5]]), m[0])
	}
	if m := dmyRe.FindStringSubmatchIndex(s); m != nil {
		try(ymd(s[m[6]:m[7]], monthOf(s[m[4]:m[5]]), s[m[2]:m[3]]), m[0])
	}
	if m := isoRe.FindStringSubmatchIndex(s); m != nil {
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		try(ymd(s[m[2]:m[3]], mo, s[m[6]:m[7]]), m[0])
	}
	if m := cjkDateRe.FindStringSubmatchIndex(s); m != nil {
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		day := ""
		if m[6] >= 0 {
			day = s[m[6]:m[7]]
		}
		try(ymd(s[m[2]:m[3]], mo, day), m[0])
	}
	if m := monYearRe.FindStringSubmatchIndex(s); m != nil {
		try(ymd(s[m[4]:m[5]], monthOf(s[m[2]:m[3]]), ""), m[0])
	}
	return best, at
}

func monthOf(s string) int {
	return monthNames[strings.ToLower(strings.TrimSuffix(s, "."))]
}

func ymd(year string, month int, day string) string {
	if month < 1 || month > 12 {
		return ""
	}
	if day == "" {
		return fmt.Sprintf("%s-%02d", year, month)
	}
	d, err := strconv.Atoi(day)
	if err != nil || d < 1 || d > 31 {
		return ""
	}
	return fmt.Sprintf("%s-%02d-%02d", year, month, d)
}

func findDate(text, title string) string {
	lines := strings.Split(text, "\n")
	// 1. A "Date:" label, with the date on the same or the next non-empty line.
	for i, line := range lines {
		if loc := dateLabel.FindStringIndex(line); loc != nil {
			if d, _ := parseDateIn(line[loc[1]:]); d != "" {
				return d
			}
			for j := i + 1; j < len(lines) && j <= i+3; j++ {
				if strings.TrimSpace(lines[j]) == "" {
					continue
				}
				if d, _ := parseDateIn(lines[j]); d != "" {
					return d
				}
				break
			}
		}
	}
	// 2. A date in the first few non-empty lines (the header).
	seen := 0
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if d, _ := parseDateIn(line); d != "" {
			return d
		}
		if seen++; seen >= 5 {
			break
		}
	}
	// 3. A line that is nothing but a date (a signature or dateline).
	for _, line := range lines {
		t := strings.TrimSpace(cleanMarkup(line))
		if t == "" || utf8.RuneCountInString(t) > 40 {
			continue
		}
		if d, at := parseDateIn(t); d != "" && at <= 2 {
			return d
		}
	}
	// 4. A year in the title.
	if m := yearOnlyRe.FindString(title); m != "" {
		return m
	}
	// 5. The first full date anywhere.
	if d, _ := parseDateIn(text); d != "" {
		return d
	}
	return ""
}

// isBlankRune reports whether r is whitespace, including non-breaking and
// ideographic spaces.
func isBlankRune(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' }
