# ipgraph — build, run, test, benchmark. `make help` lists the targets.

GO        ?= go
BIN       := bin/ipgraph
DB        ?= ./data/ipgraph.db
ADDR      ?= localhost:8080
CORPUS    ?= testdata/corpus
SHARED    ?= ../shared
# bolt v1.3.1 trips Go's checkptr under -race (see ../shared/CAYLEY.md).
RACEFLAGS := -race -gcflags=all=-d=checkptr=0

include web/web.mk

.PHONY: help build run test test-go test-browser test-export test-replicas test-scale-bench test-fuzz test-soak test-notebook test-http-bench lint score bench clean

help:
	@echo "make run     build, load $(CORPUS) into $(DB), serve on http://$(ADDR)"
	@echo "make test    every test: lint, Go tests (race detector), browser test"
	@echo "make score   score the extraction on $(SHARED)/corpus and $(SHARED)/dev"
	@echo "make bench   benchmarks with ratios against a baseline from the same run"
	@echo "make build   web assets (npm) and $(BIN)"

build: web
	$(GO) build -o $(BIN) ./cmd/ipgraph

run: build
	$(BIN) load --db $(DB) $(CORPUS)
	$(BIN) serve --db $(DB) --addr $(ADDR)

test: lint test-go test-fuzz test-browser test-export test-replicas test-scale-bench test-http-bench test-soak test-notebook

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed: $$out"; exit 1; fi
	$(GO) vet ./...

test-go: build
	$(GO) test $(RACEFLAGS) -count=1 ./...

# The browser test drives Debian's chromium through playwright-core against
# a real server over a store loaded with the sample corpus.
test-browser: build
	bash scripts/browser-test.sh $(BIN) $(CORPUS)

# Reads every export format with networkx, pandas, xmllint, rapper and
# Graphviz, on the sample corpus and on the shared one.
test-export: build
	ARTIFACTS_DIR=web/test/artifacts bash scripts/export-test.sh $(BIN) $(CORPUS) cnipa
	bash scripts/export-test.sh $(BIN) $(SHARED)/corpus cnipa

# Two `serve --read-only` processes on one Bolt file, and a writer refused.
test-replicas: build
	bash scripts/replicas-test.sh $(BIN) $(CORPUS)

# Every fuzz target of the loaders for a bounded time (scripts/fuzz.sh).
test-fuzz:
	FUZZTIME=$${FUZZTIME:-10s} bash scripts/fuzz.sh

# A mix of GraphQL queries under wrk against `serve` on the shared corpus:
# zero errors and RSS growth under 10% (60 s here; SOAK=5m by hand).
test-soak: build
	bash scripts/soak.sh $(BIN) $(SHARED)/corpus $${SOAK:-60s}

# Executes examples/notebook.ipynb (Debian's python3 with pandas/networkx)
# against a real server over a store loaded with the shared corpus.
test-notebook: build
	bash scripts/notebook-test.sh $(BIN) ../shared/corpus

# The load benchmarks (ours against the Cayley floor, reload of one
# document) and `ipgraph load` with its peak RSS, on a small synthetic
# corpus, so that they cannot rot; `make bench` runs them at 10,000 documents.
test-scale-bench: build
	IPGRAPH_BENCH_LOAD_DOCS=$${SCALE_DOCS:-100} BENCH='Load$$|LoadBaseline|ReloadOne' BENCH_COUNT=1 BENCH_PKGS=./graph/ bash scripts/bench.sh
	bash scripts/load-bench.sh $(BIN) $${SCALE_DOCS:-100}

# The HTTP benchmark (ipgraph vs cayley http) at a small size and short
# durations, so that it cannot rot; `make bench` runs it at 1M quads.
test-http-bench:
	DUR=$${DUR:-2s} bash scripts/http-bench.sh $${BENCH_QUADS:-20000}

# Scores the extraction with ../shared/tools/score.py on both sets: the
# corpus the loaders were written with and the dev documents they were
# not; the floors CI holds are in loaders/eval/thresholds_test.go.
score: build
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for set in corpus:gold dev/docs:dev/gold; do \
	  docs=$${set%%:*}; gold=$${set#*:}; \
	  echo "== $(SHARED)/$$docs"; \
	  $(BIN) extract --json $(SHARED)/$$docs/*.txt > $$tmp/out.json || exit 1; \
	  python3 $(SHARED)/tools/score.py $(SHARED)/$$gold $$tmp/out.json || exit 1; \
	done
	@# The floors of loaders/eval (entity, relation and statistic scores on both sets).
	@go test -count=1 -run 'TestScoreFloors' ./loaders/eval

# Go benchmarks, then the HTTP benchmark against cayley http (BENCH_QUADS
# quads of synthetic data, default 1M; see docs/BENCHMARKS.md).
bench: build
	bash scripts/bench.sh
	IPGRAPH_BENCH_LOAD_DOCS=$${SCALE_DOCS:-10000} BENCH='Load$$|LoadBaseline|ReloadOne' BENCH_COUNT=1 BENCH_PKGS=./graph/ bash scripts/bench.sh
	bash scripts/load-bench.sh $(BIN) $${SCALE_DOCS:-10000}
	bash scripts/http-bench.sh $${BENCH_QUADS:-1000000}

clean: web-clean
	rm -rf bin data
