# web/web.mk: build rules for the bundles of the browser pages (the graph
# viewer and the GraphiQL explorer) that the binary embeds. Included from the
# top-level Makefile (`include web/web.mk`); all paths are relative to the
# repository root, where make runs.
#
#   make web               npm ci (when the lock file changed) + npm run build
#   make web-test-browser  browser test against IPGRAPH_URL (a running server)
#   make web-clean         remove node_modules and the generated bundle
#
# `go build` works without any of this: the pages then explain how to build
# their assets.

WEB_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
WEB_NPM ?= npm
WEB_INSTALLED := $(WEB_DIR)/node_modules/.ipgraph-installed
WEB_BUNDLE := $(WEB_DIR)/dist/graphiql.js $(WEB_DIR)/dist/viewer.js
WEB_INPUTS := $(WEB_DIR)/build.mjs $(wildcard $(WEB_DIR)/src/*)

.PHONY: web web-test-browser web-clean

web: $(WEB_BUNDLE)

# Reinstall only when the manifest or the lock file is newer than the last
# install.
$(WEB_INSTALLED): $(WEB_DIR)/package.json $(WEB_DIR)/package-lock.json
	@command -v $(WEB_NPM) >/dev/null 2>&1 || { \
	  echo "make web: npm not found; install Node.js 20+ with npm (the binary builds without the browser pages)" >&2; exit 1; }
	cd $(WEB_DIR) && $(WEB_NPM) ci --no-audit --no-fund
	@touch $@

# One build writes every bundle (a grouped target: npm runs once).
$(WEB_BUNDLE) &: $(WEB_INSTALLED) $(WEB_INPUTS)
	cd $(WEB_DIR) && $(WEB_NPM) run build

web-test-browser: $(WEB_INSTALLED)
	@test -n "$(IPGRAPH_URL)" || { echo "web-test-browser: set IPGRAPH_URL to a running server, e.g. http://localhost:8080" >&2; exit 1; }
	cd $(WEB_DIR) && IPGRAPH_URL="$(IPGRAPH_URL)" $(WEB_NPM) run test:browser

web-clean:
	rm -rf $(WEB_DIR)/node_modules
	find $(WEB_DIR)/dist -mindepth 1 ! -name README.md -exec rm -rf {} +
