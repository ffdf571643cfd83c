package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/ipgraph/ipgraph/loaders"
	"github.com/ipgraph/ipgraph/schema"
)

// uploadLoader is serve's schema.DocumentLoader: an uploaded file is read
// and extracted as `ipgraph load` reads and extracts a file, its source
// being the path the client gave.
func uploadLoader(x *loaders.Extractor) schema.DocumentLoader {
	return schema.DocumentLoaderFunc(func(ctx context.Context, up schema.Upload) (*schema.LoadedDocument, error) {
		ex, err := x.ExtractUpload(ctx, up.Name, up.Data, up.Source)
		if err != nil {
			return nil, err
		}
		return &schema.LoadedDocument{Name: ex.Doc, Title: ex.Title, Triples: ex.Triples(),
			Entities: len(ex.Entities), Statistics: len(ex.Statistics)}, nil
	})
}

// tokenEnv names the environment variable that may hold the admin token
// (for `serve` and `load --server`) instead of a file. The token is never
// a flag value: `ps` shows every process's arguments to every user.
const tokenEnv = "IPGRAPH_ADMIN_TOKEN"

// minTokenLen is the shortest admin token serve accepts.
const minTokenLen = 16

// adminToken reads the admin token from file, or else from $IPGRAPH_ADMIN_TOKEN;
// "" when neither is given. what names the file's flag in messages.
func adminToken(file, what string) (string, error) {
	if file == "" {
		return strings.TrimSpace(os.Getenv(tokenEnv)), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("%s: %w", what, err)
	}
	tok := strings.TrimSpace(string(b))
	switch {
	case tok == "":
		return "", fmt.Errorf("%s %s is empty", what, file)
	case strings.ContainsAny(tok, " \t\r\n"):
		return "", fmt.Errorf("%s %s: the token must be one line without spaces", what, file)
	}
	return tok, nil
}

// warnIfReadable warns when a token file can be read by other users.
func warnIfReadable(file string, stderr io.Writer) {
	if file == "" || runtime.GOOS == "windows" {
		return
	}
	if st, err := os.Stat(file); err == nil && st.Mode().Perm()&0o077 != 0 {
		fmt.Fprintf(stderr, "warning: %s can be read by other users (mode %s); chmod 600 it\n", file, st.Mode().Perm())
	}
}

// serveAdmin reads serve's admin token (--admin-token-file, or else
// $IPGRAPH_ADMIN_TOKEN) and returns the admin endpoints' options: off
// (zero) without a token.
func serveAdmin(tokenFile string, gazetteers []string, readOnly bool, stderr io.Writer) (schema.AdminOptions, error) {
	token, err := adminToken(tokenFile, "--admin-token-file")
	if err != nil {
		return schema.AdminOptions{}, exitError{2, err.Error()}
	}
	if token == "" {
		return schema.AdminOptions{}, nil
	}
	if readOnly {
		return schema.AdminOptions{}, exitError{2, "an admin token (--admin-token-file or " + tokenEnv + ") enables writes, which --read-only rules out: drop one of them"}
	}
	if len(token) < minTokenLen {
		return schema.AdminOptions{}, exitError{2, fmt.Sprintf("the admin token has %d characters; use at least %d (e.g. `openssl rand -hex 32 > FILE`)", len(token), minTokenLen)}
	}
	warnIfReadable(tokenFile, stderr)
	x, err := loaders.NewExtractor(gazetteers...)
	if err != nil {
		return schema.AdminOptions{}, err
	}
	return schema.AdminOptions{Token: token, Loader: uploadLoader(x)}, nil
}
