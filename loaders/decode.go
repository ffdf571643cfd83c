package loaders

// Turning a file's bytes into a document's text: which inputs are read and
// which are refused, and why. The policy (README "What is loaded and what is
// refused"):
//
//   - UTF-8, with or without a byte-order mark: read (the mark is dropped,
//     CRLF line ends become LF).
//   - UTF-16 (little or big endian) with a byte-order mark: decoded to
//     UTF-8. Without a mark it is refused, with a message that says so:
//     guessing the byte order of unmarked text is left to the user.
//   - UTF-32: refused.
//   - Bytes that are not UTF-8 (Latin-1, Windows-1252, GBK, …): refused with
//     the offset and line of the first bad byte. Legacy encodings are not
//     guessed: a wrong guess silently garbles names and figures. An HTML file
//     that is not valid UTF-8 may declare its encoding (<meta charset>), and
//     is then decoded from it.
//   - Binary files: refused, by magic number (PDF, ZIP and Office documents,
//     images, archives, executables, …), by a NUL byte, or by a share of
//     control characters above 1%.
//   - Empty or blank files: refused.
//   - HTML (.html, .htm, or a .txt file that begins with <!DOCTYPE html> or
//     <html>): the markup is removed (see htmlToText) and offsets count runes
//     of the text that remains.
//
// Every error is a reason in plain words without the path; the caller adds
// the path (FileError). Nothing here panics on any input.

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ipgraph/ipgraph/loaders/internal/text"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"
)

// magics are the leading bytes of common binary formats.
var magics = []struct{ prefix, name string }{
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive, or a .docx/.xlsx/.odt document"},
	{"PK\x05\x06", "ZIP archive"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc/.xls/.ppt)"},
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"II*\x00", "TIFF image"},
	{"MM\x00*", "TIFF image"},
	{"\x7fELF", "ELF executable"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"\xca\xfe\xba\xbe", "Java class or Mach-O executable"},
	{"\x1f\x8b", "gzip archive"},
	{"BZh91AY&SY", "bzip2 archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"\x28\xb5\x2f\xfd", "Zstandard archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"SQLite format 3\x00", "SQLite database"},
	{"OggS", "Ogg media file"},
}

// maxControlShare: text with more than this many control characters in
// 100 bytes (and more than 8 in all) is taken for binary.
const maxControlShare = 1

// decodeText turns a file's bytes into UTF-8 text with LF line ends and,
// for HTML, the markup removed. name is the file's name (it tells HTML
// apart); title is the HTML <title>, if any.
func decodeText(name string, data []byte) (text, title string, err error) {
	if len(data) == 0 {
		return "", "", errors.New("empty file")
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "", "", fmt.Errorf("binary file (%s), not text", m.name)
		}
	}
	if bytes.HasPrefix(data, []byte(`{\rtf`)) {
		return "", "", errors.New("RTF document, not plain text (save it as .txt or .html)")
	}
	isHTML := isHTMLName(name)
	var s string
	switch {
	case bytes.HasPrefix(data, []byte("\x00\x00\xfe\xff")), bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")):
		return "", "", errors.New("UTF-32 text is not supported (save it as UTF-8)")
	case bytes.HasPrefix(data, []byte("\xff\xfe")), bytes.HasPrefix(data, []byte("\xfe\xff")):
		if s, err = decodeUTF16(data[2:], data[0] == 0xfe); err != nil {
			return "", "", err
		}
		if err := checkBinary([]byte(s)); err != nil {
			return "", "", err
		}
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		if err := checkBinary(data[3:]); err != nil {
			return "", "", err
		}
		if err := checkUTF8(data[3:], 3); err != nil {
			return "", "", err
		}
		s = string(data[3:])
	default:
		if err := checkBinary(data); err != nil {
			return "", "", err
		}
		if isHTML || sniffHTML(name, data) {
			isHTML = true
			if s, err = decodeHTMLBytes(data); err != nil {
				return "", "", err
			}
			break
		}
		if err := checkUTF8(data, 0); err != nil {
			return "", "", err
		}
		s = string(data)
	}
	// Line ends: CR LF and a lone CR (old Mac files, "\r\r\n") become LF.
	// A second byte-order mark (a file converted twice) is dropped too.
	s = strings.TrimLeft(lineEnds.Replace(s), "\ufeff")
	if !isHTML && sniffHTML(name, []byte(s)) {
		isHTML = true
	}
	if isHTML {
		s, title = htmlToText(s)
		if isBlank(s) {
			return "", "", errors.New("empty document (no text outside the HTML markup)")
		}
		return s, title, nil
	}
	if isBlank(s) {
		return "", "", errors.New("empty document (only blank characters)")
	}
	return s, "", nil
}

// isBlank reports whether s has no visible character: only white space and
// invisible format characters (zero-width spaces, byte-order marks).
func isBlank(s string) bool {
	for _, r := range s {
		if !text.IsBlank(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

// isHTMLName reports whether a file name has an HTML extension.
func isHTMLName(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".html" || ext == ".htm"
}

// sniffHTML reports whether a .txt file is really a web page: its first
// non-blank characters are <!DOCTYPE html or <html. Markdown may hold
// HTML anywhere and is never sniffed.
func sniffHTML(name string, data []byte) bool {
	if strings.ToLower(filepath.Ext(name)) != ".txt" {
		return false
	}
	head := bytes.TrimLeft(data, " \t\r\n\f")
	if len(head) > 20 {
		head = head[:20]
	}
	h := strings.ToLower(string(head))
	return strings.HasPrefix(h, "<!doctype html") || strings.HasPrefix(h, "<html")
}

// checkBinary refuses bytes with a NUL or too many control characters.
func checkBinary(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 {
		if looksUTF16(data) {
			return errors.New("UTF-16 text without a byte-order mark (save it as UTF-8, or as UTF-16 with a BOM)")
		}
		return errors.New("binary file (contains NUL bytes), not text")
	}
	if ctrl := countControl(data); ctrl > 8 && ctrl*100 > maxControlShare*len(data) {
		return fmt.Errorf("binary file (%d control characters), not text", ctrl)
	}
	return nil
}

// looksUTF16 reports whether data looks like mostly-ASCII UTF-16 without a
// byte-order mark: NUL bytes on one parity of offsets only.
func looksUTF16(data []byte) bool {
	if len(data) > 4096 {
		data = data[:4096]
	}
	if len(data) < 8 {
		return false
	}
	var nul [2]int
	for i, b := range data {
		if b == 0 {
			nul[i%2]++
		}
	}
	pairs := len(data) / 2
	return (nul[0] == 0 && nul[1]*10 > pairs*7) || (nul[1] == 0 && nul[0]*10 > pairs*7)
}

// checkUTF8 refuses bytes that are not valid UTF-8; base is added to the
// offset it reports (the length of a byte-order mark before data).
func checkUTF8(data []byte, base int) error {
	if utf8.Valid(data) {
		return nil
	}
	i := firstInvalidUTF8(data)
	line := 1 + bytes.Count(data[:i], []byte{'\n'})
	return fmt.Errorf("not UTF-8 text: invalid byte 0x%02X at offset %d (line %d); save the file as UTF-8", data[i], base+i, line)
}

// decodeUTF16 decodes UTF-16 without its byte-order mark. Offsets in errors
// count from the start of the file (the mark included).
func decodeUTF16(b []byte, bigEndian bool) (string, error) {
	if len(b)%2 != 0 {
		return "", fmt.Errorf("invalid UTF-16: odd number of bytes (%d), the file may be cut short", len(b)+2)
	}
	unit := func(i int) rune {
		if bigEndian {
			return rune(b[i])<<8 | rune(b[i+1])
		}
		return rune(b[i+1])<<8 | rune(b[i])
	}
	var sb strings.Builder
	sb.Grow(len(b) * 3 / 2)
	for i := 0; i < len(b); i += 2 {
		u := unit(i)
		if !utf16.IsSurrogate(u) {
			sb.WriteRune(u)
			continue
		}
		if u < 0xdc00 && i+3 < len(b) {
			if r := utf16.DecodeRune(u, unit(i+2)); r != utf8.RuneError {
				sb.WriteRune(r)
				i += 2
				continue
			}
		}
		return "", fmt.Errorf("invalid UTF-16: unpaired surrogate at offset %d", i+2)
	}
	return sb.String(), nil
}

// decodeHTMLBytes returns an HTML file's bytes (without a byte-order mark)
// as UTF-8: as they are when they are valid UTF-8 (which text in another
// encoding almost never is, and a saved page's <meta> may be stale), else
// in the encoding the page declares in a <meta> tag (windows-1252, gbk,
// shift_jis, …).
func decodeHTMLBytes(data []byte) (string, error) {
	if utf8.Valid(data) {
		return string(data), nil
	}
	label := declaredCharset(data)
	if label == "" {
		return "", fmt.Errorf("%w (or declare the page's encoding with <meta charset>)", checkUTF8(data, 0))
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return "", fmt.Errorf("unknown character encoding %q declared in the page", label)
	}
	if name, _ := htmlindex.Name(enc); name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		// A <meta> declaring UTF-16 means UTF-8 (the HTML standard);
		// UTF-16 pages have a byte-order mark.
		return "", checkUTF8(data, 0)
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("cannot decode the page as %s: %v", label, err)
	}
	if err := checkBinary(out); err != nil {
		return "", err
	}
	return string(out), nil
}

// declaredCharset finds the encoding an HTML page declares in its first
// 1024 bytes: <meta charset="…"> or <meta http-equiv="Content-Type"
// content="text/html; charset=…">.
func declaredCharset(data []byte) string {
	if len(data) > 1024 {
		data = data[:1024]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" {
				continue
			}
			var charset, content string
			var httpEquiv bool
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = strings.TrimSpace(string(v))
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(strings.TrimSpace(string(v)), "content-type")
				}
			}
			if charset != "" {
				return charset
			}
			if httpEquiv {
				if i := strings.Index(strings.ToLower(content), "charset="); i >= 0 {
					c := strings.Trim(content[i+len("charset="):], ` "';`)
					if j := strings.IndexAny(c, " ;\"'"); j >= 0 {
						c = c[:j]
					}
					if c != "" {
						return c
					}
				}
			}
		}
	}
}

// htmlSkip are elements whose content is not part of the page's text.
var htmlSkip = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"svg": true, "math": true, "textarea": true, "select": true,
	"iframe": true, "object": true, "canvas": true, "noembed": true, "noframes": true,
}

// htmlParagraph are elements that stand as paragraphs: a blank line before
// and after.
var htmlParagraph = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "body": true,
	"caption": true, "center": true, "details": true, "dialog": true, "dir": true,
	"div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "header": true, "hgroup": true, "hr": true, "html": true,
	"legend": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "ul": true,
	"thead": true, "tbody": true, "tfoot": true, "head": true,
}

// htmlLine are elements that stand on a line of their own.
var htmlLine = map[string]bool{"li": true, "dt": true, "dd": true, "tr": true, "option": true}

// htmlToText removes the markup of an HTML page and returns its text and
// its <title>. The content of script, style, noscript, template, svg, math
// and form controls is dropped; paragraphs, headings, lists, blockquotes
// and tables become blocks separated by a blank line; list items, table
// rows and <br> end a line; table cells are separated by a tab; runs of
// white space collapse to one space (except in <pre>); character
// references (&amp;, &#8212;, &nbsp;) are decoded, and a non-breaking space
// is a space. Comments and the doctype are dropped.
func htmlToText(s string) (bodyText, plain string) {
	z := html.NewTokenizer(strings.NewReader(s))
	var w textWriter
	var titleB strings.Builder
	skip, pre, inTitle, titleDone := 0, 0, false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			t := z.Text()
			switch {
			case skip > 0:
			case inTitle:
				if !titleDone {
					titleB.Write(t)
				}
			default:
				w.text(string(t), pre > 0)
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			nameB, _ := z.TagName()
			name := string(nameB)
			start := tt != html.EndTagToken
			if htmlSkip[name] {
				switch {
				case tt == html.StartTagToken:
					skip++
				case tt == html.EndTagToken && skip > 0:
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			switch {
			case name == "title":
				// Only the first title counts; none is part of the text.
				if tt == html.StartTagToken {
					inTitle = true
				} else if tt == html.EndTagToken && inTitle {
					inTitle, titleDone = false, titleB.Len() > 0
				}
			case name == "br":
				w.brk(1)
			case name == "td" || name == "th":
				if start {
					w.cell()
				}
			case htmlLine[name]:
				w.brk(1)
			case htmlParagraph[name]:
				w.brk(2)
				if name == "pre" {
					if tt == html.StartTagToken {
						pre++
					} else if tt == html.EndTagToken && pre > 0 {
						pre--
					}
				}
			}
		}
	}
	return w.b.String(), strings.Join(strings.FieldsFunc(titleB.String(), text.IsBlank), " ")
}

// textWriter writes text with collapsed white space and pending breaks.
type textWriter struct {
	b       strings.Builder
	breaks  int  // newlines owed before the next text (0, 1 or 2)
	space   bool // a space owed before the next text
	tab     bool // a cell separator owed before the next text
	lineLen int  // bytes written on the current line
}

func (w *textWriter) brk(n int) {
	if w.b.Len() > 0 && n > w.breaks {
		w.breaks = n
	}
	w.space, w.tab = false, false
}

func (w *textWriter) cell() {
	if w.lineLen > 0 && w.breaks == 0 {
		w.tab = true
	}
}

// flush writes what is owed before a word.
func (w *textWriter) flush() {
	switch {
	case w.breaks > 0:
		w.b.WriteString("\n\n"[:w.breaks])
		w.lineLen = 0
	case w.tab:
		w.b.WriteByte('\t')
	case w.space && w.lineLen > 0:
		w.b.WriteByte(' ')
	}
	w.breaks, w.space, w.tab = 0, false, false
}

func (w *textWriter) text(t string, pre bool) {
	if pre {
		// Line breaks are kept (two or more make a blank line), and so is
		// the indentation; trailing blanks are not.
		for i, line := range strings.Split(strings.ReplaceAll(t, "\u00a0", " "), "\n") {
			if i > 0 {
				if w.b.Len() > 0 && w.breaks < 2 {
					w.breaks++
				}
				w.space, w.tab = false, false
			}
			if line = strings.TrimRight(line, " \t\f"); line != "" {
				w.flush()
				w.b.WriteString(line)
				w.lineLen += len(line)
			}
		}
		return
	}
	words := strings.FieldsFunc(t, isHTMLSpace)
	if len(words) == 0 {
		if t != "" {
			w.space = true
		}
		return
	}
	if first, _ := utf8.DecodeRuneInString(t); isHTMLSpace(first) {
		w.space = true
	}
	for i, word := range words {
		if i > 0 {
			w.space = true
		}
		w.flush()
		w.b.WriteString(word)
		w.lineLen += len(word)
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if isHTMLSpace(last) {
		w.space = true
	}
}

// isHTMLSpace is HTML's white space, plus the non-breaking space.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0'
}

// lineEnds turns CR LF, then any CR left, into LF.
var lineEnds = strings.NewReplacer("\r\n", "\n", "\r", "\n")
