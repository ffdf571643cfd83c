package export

import (
	"context"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

const (
	xsdString   = "http://www.w3.org/2001/XMLSchema#string"
	rdfLangText = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
)

// langTag is the N-Quads grammar's LANGTAG, without the '@'.
var langTag = regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*$`)

// blankLabel is a blank node label this writer passes through as is (a
// simple subset of the grammar's BLANK_NODE_LABEL).
var blankLabel = regexp.MustCompile(`^_:[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$`)

// writeNQuads writes g.Quads as N-Quads, one line per quad, in order:
// `<s> <p> <o> <label> .`, without the label when it is "". A term that
// starts with "_:" is a blank node. A literal with a language is
// "text"@lang; with a datatype other than xsd:string, "text"^^<datatype>;
// otherwise a plain "text".
func writeNQuads(ctx context.Context, w io.Writer, g *Graph) error {
	o := newOutput(ctx, w)
	for i := range g.Quads {
		if err := o.tick(); err != nil {
			return err
		}
		q := &g.Quads[i]
		nqResource(o, q.Subject)
		o.WriteByte(' ')
		nqIRI(o, q.Predicate)
		o.WriteByte(' ')
		if q.ObjectIsIRI {
			nqResource(o, q.Object)
		} else {
			nqLiteral(o, q.Object, q.Datatype, q.Lang)
		}
		if q.Label != "" {
			o.WriteByte(' ')
			nqResource(o, q.Label)
		}
		o.WriteString(" .\n")
	}
	return o.flush()
}

// nqResource writes an IRI or, for "_:label", a blank node.
func nqResource(o *output, s string) {
	if strings.HasPrefix(s, "_:") {
		if blankLabel.MatchString(s) {
			o.WriteString(s)
			return
		}
		// A label outside the simple subset: hex-encode every byte
		// that is not an ASCII letter or digit, so that two such
		// labels stay distinct.
		o.WriteString("_:b")
		for _, c := range []byte(s[2:]) {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				o.WriteByte(c)
			} else {
				o.WriteString("_" + strconv.FormatUint(uint64(c), 16))
			}
		}
		return
	}
	nqIRI(o, s)
}

// nqIRI writes <iri>, %-encoding (as UTF-8 bytes) the characters an
// IRIREF cannot hold: controls, space, <>"{}|^`\ and invalid UTF-8.
func nqIRI(o *output, s string) {
	o.WriteByte('<')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r <= 0x20 || r == 0x7f || r == utf8.RuneError && size == 1 || strings.ContainsRune("<>\"{}|^`\\", r) {
			for _, c := range []byte(s[i : i+size]) {
				o.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c)|0x100, 16)[1:]))
			}
		} else {
			o.WriteString(s[i : i+size])
		}
		i += size
	}
	o.WriteByte('>')
}

// nqLiteral writes "text" with its language or datatype. A language that
// is not a valid tag is left out.
func nqLiteral(o *output, text, datatype, lang string) {
	o.WriteByte('"')
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\\':
			o.WriteString(`\\`)
		case r == '"':
			o.WriteString(`\"`)
		case r == '\n':
			o.WriteString(`\n`)
		case r == '\r':
			o.WriteString(`\r`)
		case r == '\t':
			o.WriteString(`\t`)
		case r == utf8.RuneError && size == 1:
			o.WriteString(`\uFFFD`)
		case r < 0x20 || r == 0x7f:
			o.WriteString(`\u00` + strings.ToUpper(strconv.FormatUint(uint64(r)|0x100, 16)[1:]))
		default:
			o.WriteString(text[i : i+size])
		}
		i += size
	}
	o.WriteByte('"')
	switch {
	case lang != "" && langTag.MatchString(lang):
		o.WriteString("@" + lang)
	case datatype != "" && datatype != xsdString && datatype != rdfLangText:
		o.WriteString("^^")
		nqIRI(o, datatype)
	}
}
