package export

import (
	"strings"
	"unicode/utf8"
)

// Text escaping for the XML formats (GraphML, GEXF) and DOT. JSON goes
// through encoding/json, CSV through encoding/csv, N-Quads has its own
// escapes in nquads.go.

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// xmlEscape writes s as XML character data. Characters XML 1.0 cannot
// hold (controls other than tab, newline and carriage return; invalid
// UTF-8) become U+FFFD. In an attribute value (attr) tab, newline and
// carriage return are written as character references, which parsers keep
// instead of normalizing them to spaces; in element text only the
// carriage return is.
func xmlEscape(o *output, s string, attr bool) {
	last := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var esc string
		switch {
		case r == '&':
			esc = "&amp;"
		case r == '<':
			esc = "&lt;"
		case r == '>':
			esc = "&gt;"
		case r == '"':
			esc = "&quot;"
		case r == '\'':
			esc = "&apos;"
		case r == '\r':
			esc = "&#xD;"
		case r == '\n' && attr:
			esc = "&#xA;"
		case r == '\t' && attr:
			esc = "&#x9;"
		case r == utf8.RuneError && size == 1, !xmlChar(r):
			esc = "\uFFFD"
		default:
			i += size
			continue
		}
		o.WriteString(s[last:i])
		o.WriteString(esc)
		i += size
		last = i
	}
	o.WriteString(s[last:])
}

// xmlText writes s as element text.
func xmlText(o *output, s string) { xmlEscape(o, s, false) }

// xmlAttr writes ` name="value"`.
func xmlAttr(o *output, name, value string) {
	o.WriteByte(' ')
	o.WriteString(name)
	o.WriteString(`="`)
	xmlEscape(o, value, true)
	o.WriteByte('"')
}

// dotQuote writes s as a double-quoted DOT string: `"` and `\` escaped,
// line breaks (\n, \r\n, \r) as \n, other control characters dropped and
// invalid UTF-8 replaced with U+FFFD.
func dotQuote(o *output, s string) {
	o.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '"':
			o.WriteString(`\"`)
		case r == '\\':
			o.WriteString(`\\`)
		case r == '\r':
			if strings.HasPrefix(s[i+size:], "\n") {
				size++
			}
			o.WriteString(`\n`)
		case r == '\n':
			o.WriteString(`\n`)
		case r == '\t':
			o.WriteByte('\t')
		case r == utf8.RuneError && size == 1:
			o.WriteString("\uFFFD")
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			// dropped: control characters
		default:
			o.WriteString(s[i : i+size])
		}
		i += size
	}
	o.WriteByte('"')
}
