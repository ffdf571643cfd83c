package loaders

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"
)

// DefaultMaxDocumentSize is the largest file ReadDocument reads, in bytes
// (64 MiB). A larger file is refused before any of it is read.
const DefaultMaxDocumentSize = 64 << 20

// ReadDocument reads a .txt, .md or .html file and returns it as a
// Document: Name (base name), Path, Title, Date (see ParseDocument), Text
// and Hash (hex SHA-256 of the file's bytes). What is read and what is
// refused is decodeText's policy (decode.go); a file over
// DefaultMaxDocumentSize, a file that is not a regular file, and a file
// that cannot be opened are refused too. Errors are *FileError: the path
// and a reason in plain words.
func ReadDocument(path string) (*Document, error) {
	return ReadDocumentLimit(path, DefaultMaxDocumentSize)
}

// ReadDocumentLimit is ReadDocument with a size limit in bytes (0 or less:
// DefaultMaxDocumentSize).
func ReadDocumentLimit(path string, maxSize int64) (*Document, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxDocumentSize
	}
	if err := checkExtension(path); err != nil {
		return nil, &FileError{path, err}
	}
	data, err := readFile(path, maxSize)
	if err != nil {
		return nil, &FileError{path, err}
	}
	doc, err := ParseDocument(filepath.Base(path), data)
	if err != nil {
		return nil, &FileError{path, err}
	}
	doc.Path = path
	return doc, nil
}

// readFile reads a regular file of at most maxSize bytes. The size is
// checked before reading, so a huge file costs a stat, not its contents.
func readFile(path string, maxSize int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := checkFileInfo(info, maxSize); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	defer f.Close()
	// The file may have been replaced since the Stat: check what is open.
	if info, err = f.Stat(); err != nil {
		return nil, unwrapPathError(err)
	}
	if err := checkFileInfo(info, maxSize); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	// Read one byte past the limit to notice a file that grew meanwhile.
	if _, err := buf.ReadFrom(io.LimitReader(f, maxSize+1)); err != nil {
		return nil, fmt.Errorf("read: %w", unwrapPathError(err))
	}
	if int64(buf.Len()) > maxSize {
		return nil, fmt.Errorf("too large: the file grew past the %s limit while it was read", formatSize(maxSize))
	}
	return buf.Bytes(), nil
}

func checkFileInfo(info fs.FileInfo, maxSize int64) error {
	mode := info.Mode()
	switch {
	case mode.IsDir():
		return errors.New("is a directory")
	case mode&fs.ModeNamedPipe != 0:
		return errors.New("not a regular file (a named pipe)")
	case mode&fs.ModeSocket != 0:
		return errors.New("not a regular file (a socket)")
	case mode&fs.ModeDevice != 0:
		return errors.New("not a regular file (a device)")
	case !mode.IsRegular():
		return fmt.Errorf("not a regular file (%s)", mode.Type())
	case info.Size() > maxSize:
		return fmt.Errorf("too large: %s (%d bytes), over the %s limit", formatSize(info.Size()), info.Size(), formatSize(maxSize))
	}
	return nil
}

// formatSize writes a byte count for people: "64 MiB", "200.5 MiB", "12 KiB".
func formatSize(n int64) string {
	units := []string{"bytes", "KiB", "MiB", "GiB", "TiB"}
	v, u := float64(n), 0
	for v >= 1024 && u < len(units)-1 {
		v /= 1024
		u++
	}
	if u == 0 {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	return strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0") + " " + units[u]
}

// openError says in plain words why a file could not be opened.
func openError(path string, err error) error {
	err = unwrapPathError(err)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if info, lerr := os.Lstat(path); lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			return errors.New("broken symbolic link (its target does not exist)")
		}
		return errors.New("no such file (removed during the load?)")
	case errors.Is(err, syscall.ELOOP):
		return errors.New("too many levels of symbolic links (a symbolic link loop?)")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// unwrapPathError drops the operation and path from an *fs.PathError: the
// path is said once, by FileError.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func checkExtension(name string) error {
	if supported(name) {
		return nil
	}
	return fmt.Errorf("unsupported file type %q (want %s)", filepath.Ext(name), strings.Join(SupportedExtensions, " or "))
}

// ParseDocument builds a Document from bytes already read; name is the
// file's base name and decides the format (.txt, .md or .html; see
// decodeText for the encodings read and the inputs refused). For HTML,
// Text is the text left when the markup is removed (offsets count runes of
// it) and Title the page's <title>. Otherwise Title is the first non-empty
// line with markdown markup stripped. The date is, in order of preference:
// a date following a "Date:" label, a date standing in the first lines of
// the document, the first full date anywhere in the text, a year in the
// title ("Annual Report 2017"), or "". Hash is of data, as given.
func ParseDocument(name string, data []byte) (*Document, error) {
	if err := checkExtension(name); err != nil {
		return nil, err
	}
	text, title, err := decodeText(name, data)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	doc := &Document{
		Name: filepath.Base(name),
		Path: name,
		Text: text,
		Hash: hex.EncodeToString(sum[:]),
	}
	doc.Title = title
	if doc.Title == "" {
		doc.Title = findTitle(text)
	}
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

const monthAlt = `January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?`

var (
	mdyRe      = regexp.MustCompile(`\b(` + monthAlt + `)\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`)
	dmyRe      = regexp.MustCompile(`\b(\d{1,2})\s+(` + monthAlt + `),?\s+((?:19|20)\d{2})\b`)
	isoRe      = regexp.MustCompile(`\b((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b`)
	cjkDateRe  = regexp.MustCompile(`((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?`)
	monYearRe  = regexp.MustCompile(`\((` + monthAlt + `)\s+((?:19|20)\d{2})\)`)
	yearOnlyRe = regexp.MustCompile(`\b((?:19|20)\d{2})\b`)
	dateLabel  = regexp.MustCompile(`(?i)^\W*(date|dated|published|publication date|release date|released|updated|issued|posted|last updated)\b\s*(?:on\s*)?[:：]?`)
	monYearAt  = regexp.MustCompile(`^\s*(` + monthAlt + `),?\s+((?:19|20)\d{2})\b`)
	periodLine = regexp.MustCompile(`(?i)\b(reporting period|period covered|covering)\b`)
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
	return text.Month(strings.ToLower(strings.TrimSuffix(s, ".")))
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

// findDate returns the document's date from its dateline or header,
// never from its body: a date after a "Date:", "Published", "Updated" or
// "Released" label (a month and year will do there), a date in the first
// lines (not on a "Reporting period" line), a line that is nothing but a
// date (a signature or dateline), or a year in the title; else "".
func findDate(text, title string) string {
	lines := strings.Split(text, "\n")
	// 1. A label, with the date on the same or the next non-empty line.
	for i, line := range lines {
		if i > 40 {
			break
		}
		if loc := dateLabel.FindStringIndex(line); loc != nil {
			rest := line[loc[1]:]
			if d, at := parseDateIn(rest); d != "" && at <= 3 {
				return d
			}
			if m := monYearAt.FindStringSubmatch(rest); m != nil {
				return ymd(m[2], monthOf(m[1]), "")
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
		if d, at := parseDateIn(line); d != "" && !periodLine.MatchString(line[:max(at, 0)]) {
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
	return ""
}
