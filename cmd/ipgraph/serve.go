package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/spf13/pflag"

	"github.com/ipgraph/ipgraph/queries"
	"github.com/ipgraph/ipgraph/schema"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	var sf storeFlags
	sf.register(fs)
	fs.BoolVar(&sf.readOnly, "read-only", false, "open the store read-only (several servers may share one Bolt file)")
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	timeout := fs.Duration("timeout", 10*time.Second, "time limit of one GraphQL request")
	exportTimeout := fs.Duration("export-timeout", schema.DefaultExportTimeout, "time limit of one GET /export")
	index := fs.Bool("index", true, "answer entity, relation and path queries from an in-memory index of the store (rebuilt after writes)")
	origins := fs.StringSlice("cors-origins", []string{"*"}, "origins whose browsers may read the API (comma-separated); the default * lets any web page read it, as reads are public; /admin/ never answers other origins")
	adminTokenFile := fs.String("admin-token-file", "", "enable the write endpoints (POST /admin/documents, DELETE /admin/documents/{id}; used by ipgraph load --server) with the bearer token in `FILE` (or $"+tokenEnv+"); off by default")
	gazetteers := fs.StringArray("gazetteer", nil, "extra gazetteer TSV file for documents loaded through /admin/ (repeatable)")
	if err := parse(fs, args, stderr, "serve [--db PATH|URL] [--backend …] [--addr HOST:PORT] [--read-only] [--admin-token-file FILE]"); err != nil {
		return err
	}
	admin, err := serveAdmin(*adminTokenFile, *gazetteers, sf.readOnly, stderr) // admin.go
	if err != nil {
		return err
	}
	store, err := sf.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	svc := queries.New(store)
	if *index {
		start := time.Now()
		st, err := svc.UseIndex(ctx)
		if err != nil {
			return err
		}
		slog.Info("index built", "entities", st.Entities, "relations", st.Relations, "quads", st.Quads, "took", time.Since(start).Round(time.Millisecond))
	}
	h, err := schema.NewHandler(svc, schema.Options{Timeout: *timeout, ExportTimeout: *exportTimeout, AllowedOrigins: *origins, Admin: admin})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: max(*timeout, *exportTimeout) + 10*time.Second, IdleTimeout: 2 * time.Minute}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(stdout, "serving %s (%s): GraphQL %s/graphql, explorer %s/graphiql, viewer %s/\n", sf.db, sf.backend, url, url, url)
	if admin.Token != "" {
		fmt.Fprintf(stdout, "admin endpoints on: ipgraph load --server %s PATH... (or POST %s/admin/documents with the bearer token)\n", url, url)
	}
	store.SetServing(url) // named in the error of a command that finds the Bolt file held
	slog.Info("serving", "addr", ln.Addr().String(), "db", sf.db, "backend", sf.backend, "read_only", sf.readOnly)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	slog.Info("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
