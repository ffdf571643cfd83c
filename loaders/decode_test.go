package loaders

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// utf16Bytes encodes s as UTF-16 with a byte-order mark.
func utf16Bytes(s string, bigEndian bool) []byte {
	var order binary.ByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	units := append([]uint16{0xfeff}, utf16.Encode([]rune(s))...)
	out := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(out[2*i:], u)
	}
	return out
}

func gbk(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReadDocumentPolicy writes each input to a file and reads it with
// ReadDocument: it is loaded with the text given, or refused with a reason
// that contains wantErr.
func TestReadDocumentPolicy(t *testing.T) {
	const para = "The China National Intellectual Property Administration (CNIPA) met on May 6, 2022."
	utf16NoBOM := utf16Bytes("Patent filings rose again in 2023, the office said.", false)[2:]
	tests := []struct {
		name      string
		file      string
		data      []byte
		wantText  string // exact text, when set
		wantIn    []string
		wantOut   []string // must not be in the text
		wantTitle string
		wantErr   string
	}{
		// Loaded.
		{name: "utf-8", file: "a.txt", data: []byte("Title\n" + para + "\n"), wantText: "Title\n" + para + "\n", wantTitle: "Title"},
		{name: "utf-8 with bom", file: "a.txt", data: []byte("\ufeffTitle\n" + para), wantText: "Title\n" + para},
		{name: "crlf", file: "a.md", data: []byte("# Title\r\n\r\n" + para + "\r\n"), wantText: "# Title\n\n" + para + "\n", wantTitle: "Title"},
		{name: "cr only (old Mac)", file: "a.txt", data: []byte("Title\r\r" + para + "\r"), wantText: "Title\n\n" + para + "\n", wantTitle: "Title"},
		{name: "cr before crlf", file: "a.txt", data: []byte("Title\r\r\n" + para + "\r\n"), wantText: "Title\n\n" + para + "\n", wantTitle: "Title"},
		{name: "chinese utf-8", file: "c.txt", data: []byte("国家知识产权局\n2021年3月5日发布"), wantText: "国家知识产权局\n2021年3月5日发布"},
		{name: "utf-16le with bom", file: "w.txt", data: utf16Bytes("Café report\r\n"+para+" 专利 😀\r\n", false),
			wantText: "Café report\n" + para + " 专利 😀\n", wantTitle: "Café report"},
		{name: "utf-16be with bom", file: "w.md", data: utf16Bytes("Café report\n"+para, true), wantText: "Café report\n" + para},
		{name: "html", file: "page.html", wantTitle: "CNIPA briefing",
			data: []byte(`<!DOCTYPE html><html><head><title>CNIPA
			briefing</title><style>body{font:serif}</style><script>var secret = "<p>SCRIPTTEXT</p>";</script></head>
			<body><h1>Press conference</h1><p>The <b>China</b> National Intellectual Property Administration (CNIPA) said&nbsp;filings rose &amp; fell.</p>
			<noscript>NOSCRIPTTEXT</noscript><!-- COMMENTTEXT --></body></html>`),
			wantText: "Press conference\n\nThe China National Intellectual Property Administration (CNIPA) said filings rose & fell."},
		{name: "htm upper case", file: "PAGE.HTM", data: []byte("<P>One.<P>Two."), wantText: "One.\n\nTwo."},
		{name: "html declared windows-1252", file: "w.html",
			data:     []byte("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\xe9 \x93quoted\x94</p></body></html>"),
			wantText: "Café “quoted”"},
		{name: "html declared gbk by http-equiv", file: "g.html",
			data:     append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>`), append(gbk(t, "国家知识产权局"), "</p>"...)...),
			wantText: "国家知识产权局"},
		{name: "html utf-16 with bom", file: "u.html", data: utf16Bytes("<p>Café <script>SCRIPTTEXT</script>CNIPA</p>", false), wantText: "Café CNIPA"},
		{name: "txt that is a web page", file: "saved.txt", data: []byte("\n<!doctype HTML>\n<title>T</title><p>Body text.</p><script>SCRIPTTEXT</script>"),
			wantText: "Body text.", wantTitle: "T"},
		{name: "markdown keeps inline html", file: "m.md", data: []byte("Intro <b>bold</b>\n"), wantText: "Intro <b>bold</b>\n"},
		{name: "a few control characters", file: "a.txt", data: []byte("Form\ffeed and a bell\a in a long enough line of text."), wantIn: []string{"bell\a"}},

		// Refused.
		{name: "empty", file: "e.txt", data: nil, wantErr: "empty file"},
		{name: "blank", file: "e.md", data: []byte(" \n\t\r\n\u3000\n"), wantErr: "empty document (only blank characters)"},
		{name: "bom only", file: "e.txt", data: []byte("\ufeff"), wantErr: "empty document"},
		{name: "html without text", file: "e.html", data: []byte("<html><script>SCRIPTTEXT</script><!-- x --></html>"), wantErr: "no text outside the HTML markup"},
		{name: "latin-1", file: "l.txt", data: []byte("First line\nCaf\xe9 society"), wantErr: "not UTF-8 text: invalid byte 0xE9 at offset 14 (line 2); save the file as UTF-8"},
		{name: "bad utf-8 after bom", file: "l.txt", data: []byte("\ufeffab\xc3("), wantErr: "invalid byte 0xC3 at offset 5"},
		{name: "gbk without declaration", file: "g.txt", data: gbk(t, "国家知识产权局"), wantErr: "not UTF-8 text"},
		{name: "html undeclared latin-1", file: "l.html", data: []byte("<p>Caf\xe9</p>"), wantErr: "not UTF-8 text: invalid byte 0xE9 at offset 6 (line 1); save the file as UTF-8 (or declare the page's encoding with <meta charset>)"},
		{name: "html valid utf-8 despite its meta", file: "s.html", data: []byte("<meta charset=iso-8859-1><p>Café 专利</p>"), wantText: "Café 专利"},
		{name: "html unknown charset", file: "l.html", data: []byte("<meta charset=klingon><p>Caf\xe9</p>"), wantErr: `unknown character encoding "klingon"`},
		{name: "utf-16 without bom", file: "w.txt", data: utf16NoBOM, wantErr: "UTF-16 text without a byte-order mark"},
		{name: "utf-16 odd length", file: "w.txt", data: append(utf16Bytes("Patents", false), 'x'), wantErr: "invalid UTF-16: odd number of bytes (17)"},
		{name: "utf-16 lone surrogate", file: "w.txt", data: append(utf16Bytes("ab", false), 0x00, 0xd8, 'c', 0), wantErr: "invalid UTF-16: unpaired surrogate at offset 6"},
		{name: "utf-16 nul", file: "w.txt", data: append(utf16Bytes("ab", true), 0, 0), wantErr: "binary file (contains NUL bytes)"},
		{name: "utf-32", file: "w.txt", data: []byte("\xff\xfe\x00\x00a\x00\x00\x00"), wantErr: "UTF-32 text is not supported"},
		{name: "pdf", file: "r.txt", data: []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), wantErr: "binary file (PDF document), not text"},
		{name: "docx", file: "r.md", data: []byte("PK\x03\x04\x14\x00\x06\x00"), wantErr: "binary file (ZIP archive, or a .docx/.xlsx/.odt document), not text"},
		{name: "png", file: "r.txt", data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), wantErr: "binary file (PNG image), not text"},
		{name: "elf", file: "r.txt", data: []byte("\x7fELF\x02\x01\x01"), wantErr: "binary file (ELF executable)"},
		{name: "gzip in html", file: "r.html", data: []byte("\x1f\x8b\x08\x00"), wantErr: "binary file (gzip archive)"},
		{name: "rtf", file: "r.txt", data: []byte(`{\rtf1\ansi Hello}`), wantErr: "RTF document, not plain text"},
		{name: "nul byte", file: "n.txt", data: []byte("text then \x00 a nul"), wantErr: "binary file (contains NUL bytes), not text"},
		{name: "control characters", file: "c.txt", data: bytes.Repeat([]byte("ab\x01\x02\x03\x1b"), 20), wantErr: "binary file (80 control characters), not text"},
		{name: "random bytes", file: "c.md", data: randomBytes(4096), wantErr: "binary file ("},
		{name: "unsupported extension", file: "r.doc", data: []byte("text"), wantErr: `unsupported file type ".doc"`},
	}
	dir := t.TempDir()
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sub := filepath.Join(dir, string(rune('a'+i%26))+strings.Repeat("x", i/26))
			if err := os.Mkdir(sub, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(sub, tc.file)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			doc, err := ReadDocument(path)
			if tc.wantErr != "" {
				if err == nil {
					t.Fatalf("loaded %q, want error %q", doc.Text, tc.wantErr)
				}
				checkFileError(t, err, path, tc.wantErr)
				return
			}
			if err != nil {
				t.Fatalf("error %v", err)
			}
			if tc.wantText != "" && doc.Text != tc.wantText {
				t.Errorf("Text = %q\nwant   %q", doc.Text, tc.wantText)
			}
			for _, s := range tc.wantIn {
				if !strings.Contains(doc.Text, s) {
					t.Errorf("Text %q lacks %q", doc.Text, s)
				}
			}
			for _, s := range append(tc.wantOut, "SCRIPTTEXT", "NOSCRIPTTEXT", "COMMENTTEXT", "<script", "\ufeff", "\r") {
				if strings.Contains(doc.Text, s) || strings.Contains(doc.Title, s) {
					t.Errorf("Text or Title holds %q: %q %q", s, doc.Title, doc.Text)
				}
			}
			if tc.wantTitle != "" && doc.Title != tc.wantTitle {
				t.Errorf("Title = %q, want %q", doc.Title, tc.wantTitle)
			}
			if doc.Name != tc.file || doc.Path != path {
				t.Errorf("Name, Path = %q, %q", doc.Name, doc.Path)
			}
		})
	}
}

// checkFileError checks that err is a *FileError for path whose message is
// one line, "path: reason", with reason containing want.
func checkFileError(t *testing.T, err error, path, want string) {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) || fe.Path != path {
		t.Fatalf("error %#v is not a FileError for %s", err, path)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+": ") || strings.Count(msg, path) != 1 || strings.Contains(msg, "\n") {
		t.Errorf("error %q is not one line naming the path once", msg)
	}
	if !strings.Contains(fe.Err.Error(), want) {
		t.Errorf("reason %q, want containing %q", fe.Err, want)
	}
}

// randomBytes is deterministic noise (a linear congruential generator).
func randomBytes(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = byte(x >> 24)
	}
	return b
}

// TestReadDocumentFiles covers what is refused before any byte is read:
// missing files, links, directories, pipes, and files over the size limit.
func TestReadDocumentFiles(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(p("good.txt"), []byte("Some text."), 0o644))
	must(os.Symlink("loop-b.txt", p("loop-a.txt")))
	must(os.Symlink("loop-a.txt", p("loop-b.txt")))
	must(os.Symlink("nowhere.txt", p("dangling.txt")))
	must(os.Symlink("good.txt", p("link.txt")))
	must(os.Mkdir(p("folder.txt"), 0o755))
	must(syscall.Mkfifo(p("pipe.txt"), 0o644))
	// Sparse: 200 MB that take no disk, refused by size before reading.
	must(os.WriteFile(p("huge.txt"), nil, 0o644))
	must(os.Truncate(p("huge.txt"), 200<<20))
	must(os.WriteFile(p("small-limit.md"), bytes.Repeat([]byte("word "), 300), 0o644))

	for _, tc := range []struct {
		file    string
		limit   int64
		wantErr string
	}{
		{"missing.txt", 0, "no such file (removed during the load?)"},
		{"loop-a.txt", 0, "too many levels of symbolic links (a symbolic link loop?)"},
		{"dangling.txt", 0, "broken symbolic link (its target does not exist)"},
		{"folder.txt", 0, "is a directory"},
		{"pipe.txt", 0, "not a regular file (a named pipe)"},
		{"huge.txt", 0, "too large: 200 MiB (209715200 bytes), over the 64 MiB limit"},
		{"small-limit.md", 1000, "too large: 1.5 KiB (1500 bytes), over the 1000 bytes limit"},
		{"link.txt", 0, ""},
	} {
		t.Run(tc.file, func(t *testing.T) {
			done := make(chan struct{})
			go func() {
				defer close(done)
				doc, err := ReadDocumentLimit(p(tc.file), tc.limit)
				if tc.wantErr == "" {
					if err != nil || doc.Text != "Some text." {
						t.Errorf("got %v, %v", doc, err)
					}
					return
				}
				if err == nil {
					t.Errorf("loaded, want error %q", tc.wantErr)
					return
				}
				checkFileError(t, err, p(tc.file), tc.wantErr)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("ReadDocument hangs")
			}
		})
	}
}

// TestOpenErrorPermission checks the reason given for an unreadable file.
// (Whether os.Open fails at all depends on who runs the test: root reads
// any file. cmd/ipgraph's TestLoadBadInput loads one as an unprivileged
// user.)
func TestOpenErrorPermission(t *testing.T) {
	err := openError("x.txt", &fs.PathError{Op: "open", Path: "x.txt", Err: syscall.EACCES})
	if err.Error() != "permission denied" {
		t.Errorf("openError = %q", err)
	}
	if os.Geteuid() == 0 {
		return
	}
	path := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(path, []byte("text"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err = ReadDocument(path)
	checkFileError(t, err, path, "permission denied")
}

// TestReadDocumentHugeTextNotRead writes a real 200 MB text and checks that
// ReadDocument refuses it by its size, without reading it: quickly, and
// allocating far less than the file.
func TestReadDocumentHugeTextNotRead(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB")
	}
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("The office granted 798,000 invention patents in 2022.\n")
	chunk := bytes.Repeat(line, 1<<20/len(line)+1)[:1<<20]
	for range 200 {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, err = ReadDocument(path)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if err == nil {
		t.Fatal("a 200 MiB text loaded")
	}
	checkFileError(t, err, path, "too large: 200 MiB (209715200 bytes), over the 64 MiB limit")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
		t.Errorf("refusing the file allocated %d bytes: it was read", alloc)
	}
	if elapsed > 2*time.Second {
		t.Errorf("refusing the file took %s", elapsed)
	}
}

func TestHTMLToText(t *testing.T) {
	tests := []struct{ name, in, text, title string }{
		{"inline elements join", "<p>Intel<b>lec</b>tual <i>property</i></p>", "Intellectual property", ""},
		{"whitespace collapses", "<p>  a \n\t b  </p>\n\n<p> c </p>", "a b\n\nc", ""},
		{"headings and paragraphs", "<h1>Head</h1>text<div>block</div>tail", "Head\n\ntext\n\nblock\n\ntail", ""},
		{"br and lists", "one<br>two<br/>three<ul><li>x</li><li>y</li></ul>", "one\ntwo\nthree\n\nx\ny", ""},
		{"table cells", "<table><tr><th>Year</th><th>Patents</th></tr><tr><td>2019</td><td>12.5</td></tr></table>", "Year\tPatents\n2019\t12.5", ""},
		{"pre keeps lines", "<p>x</p><pre>\n  a\n    b\n\n\n\nc  </pre>", "x\n\n  a\n    b\n\nc", ""},
		{"entities", "<p>R&amp;D &lt;law&gt; &#8212; &#x4E2D; &eacute;&nbsp;x &copy</p>", "R&D <law> — 中 é x ©", ""},
		{"dropped content", "<p>a<script>if (a < b) {x = '</p>'}</script><style>p{}</style><template><p>T</p></template><svg><text>S</text></svg><textarea>TA</textarea><select><option>O</option></select>b</p>", "ab", ""},
		{"title first only, not in text", "<title>One &amp; two</title><title>Other</title><p>Body</p>", "Body", "One & two"},
		{"svg title ignored", "<svg><title>icon</title></svg><p>Body</p>", "Body", ""},
		{"comments and doctype", "<!DOCTYPE html><!-- a --><p>x<!-- <p>y</p> --></p>", "x", ""},
		{"unclosed tags", "<p>a<p>b<div>c", "a\n\nb\n\nc", ""},
		{"stray less-than", "<p>3 < 4 and 5 > 2</p>", "3 < 4 and 5 > 2", ""},
		{"unterminated script drops the rest", "<p>a</p><script>x", "a", ""},
		{"broken tag", "<p>a</p><p", "a", ""},
		{"nbsp at a boundary", "<b>a</b>&nbsp;<b>b</b>", "a b", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, title := htmlToText(tc.in)
			if text != tc.text || title != tc.title {
				t.Errorf("htmlToText(%q)\n = %q, %q\nwant %q, %q", tc.in, text, title, tc.text, tc.title)
			}
		})
	}
}

// FuzzParseDocument checks that no input makes ParseDocument panic or hang,
// and that what it loads is valid UTF-8 without NUL, CR or a byte-order
// mark.
//
//	go test -run '^$' -fuzz FuzzParseDocument -fuzztime 60s ./loaders/
func FuzzParseDocument(f *testing.F) {
	f.Add("a.txt", []byte("Plain text."))
	f.Add("a.html", []byte("<title>x</title><p>a<script>b</script>c</p><pre>\n d</pre>"))
	f.Add("a.html", []byte("<meta charset=gbk><p>\xb9\xfa</p>"))
	f.Add("a.txt", utf16Bytes("<!doctype html><p>x</p>", false))
	f.Add("a.md", utf16Bytes("text\r\n", true))
	f.Add("a.txt", []byte("\ufeffx\xff"))
	f.Add("a.txt", []byte("\xff\xfe\x00\xd8"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		exts := []string{".txt", ".md", ".html"}
		name = "f" + exts[len(name)%len(exts)]
		doc, err := ParseDocument(name, data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error of more than one line: %q", err)
			}
			return
		}
		if !utf8ValidNoNUL(doc.Text) || strings.Contains(doc.Text, "\r") || strings.HasPrefix(doc.Text, "\ufeff") {
			t.Errorf("bad text %q", doc.Text)
		}
		if isBlank(doc.Text) {
			t.Errorf("blank text loaded from %q", data)
		}
	})
}

func utf8ValidNoNUL(s string) bool {
	return !strings.ContainsRune(s, 0) && strings.ToValidUTF8(s, "\x00") == s
}
