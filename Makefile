# 上海居住证积分计算器
GO       ?= go
ADDR     ?= 127.0.0.1:8000
# Flags for the site, given to `make run` and `make dist` alike, e.g.
# SITE_FLAGS='-origin https://jifen.example -frame-ancestors "https://a.example"'
SITE_FLAGS ?=
# A count, not a duration: a duration-based -fuzztime can fail with "context
# deadline exceeded" at its end on a loaded machine (go.dev/issue/75804, fixed
# in Go 1.27).
FUZZTIME ?= 80000x
# -gcflags=all=-l (no inlining) makes app.wasm larger raw but ~6% smaller
# compressed, which is what visitors download.
WASM_FLAGS = -trimpath -gcflags=all=-l -ldflags="-s -w"

.PHONY: all build run dist version test test-future vet unit fuzz fuzz-corpus e2e bench bench-score jifen wasm_exec clean

all: build

## build: app.wasm (brotli + gzip) and bin/server with every asset embedded
## (bin/server pre-renders and compresses the rest once, when it starts)
build: web/app.wasm.br bin/server

# The wasm is rebuilt every time (Go's cache makes that quick) but only
# replaced, and so compressed again, when it changed. It is built in the
# workspace tools/wasm-workspace.sh writes, where go-app's browser side does not
# link net/http (and crypto/tls with it: a quarter of app.wasm, never run) nor
# regexp (and most of unicode with it: 7 %).
build/app.wasm: FORCE
	@mkdir -p build
	GO=$(GO) sh tools/wasm-workspace.sh build/wasm-work
	GOWORK=$(CURDIR)/build/wasm-work/go.work GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o build/app.wasm.new .
	$(GO) run ./cmd/wasmdata build/app.wasm.new build/app.wasm.new
	@if cmp -s build/app.wasm.new build/app.wasm; then rm build/app.wasm.new; else mv build/app.wasm.new build/app.wasm; fi

web/app.wasm.br: build/app.wasm
	$(GO) run ./cmd/compress build/app.wasm
	mv build/app.wasm.br build/app.wasm.gz web/

# The content version is computed by bin/server from what it embeds (one
# place: `make version` prints it).
bin/server: web/app.wasm.br FORCE
	$(GO) build -trimpath -ldflags "-s -w" -o bin/server .

## version: the content version, the folder /VERSION/web/ of the assets
version: bin/server
	@bin/server -print-version

## run: build, then serve on $(ADDR)
run: build
	bin/server -addr $(ADDR) $(SITE_FLAGS)

## dist: the whole site as static files in dist/, for any static host, CDN
## or nginx (deploy/nginx.conf); an earlier dist/ is replaced, keeping the
## previous version's assets for pages still open
dist: build
	bin/server -export dist $(SITE_FLAGS)

## test: gofmt, go vet, unit tests, a short fuzz run, browser tests
test: vet unit fuzz e2e

vet: web/app.wasm.br
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet . ./app ./score ./guide

unit: web/app.wasm.br
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /e2e)

## fuzz: a count-based run of each fuzzer, from the corpus checked in under
## score/testdata/fuzz (which unit tests and the browser test read)
fuzz:
	$(GO) test ./score -run '^$$' -fuzz '^FuzzParseQuery$$' -fuzztime $(FUZZTIME)
	$(GO) test ./score -run '^$$' -fuzz '^FuzzParseJSON$$' -fuzztime $(FUZZTIME)

## fuzz-corpus: copy what the fuzzers found interesting (kept in Go's cache)
## into score/testdata/fuzz, to be reviewed and committed
fuzz-corpus:
	for f in FuzzParseQuery FuzzParseJSON; do mkdir -p score/testdata/fuzz/$$f; \
		cp -n "$$($(GO) env GOCACHE)"/fuzz/jifen/score/$$f/* score/testdata/fuzz/$$f/ 2>/dev/null || true; done

## e2e: browser tests (chromedp, Chromium) against bin/server
e2e: dist e2e/axe/node_modules/axe-core/axe.min.js
	JIFEN_SERVER=$(CURDIR)/bin/server JIFEN_DIST=$(CURDIR)/dist $(GO) test -count=1 -timeout 25m ./e2e

## test-future: the unit and browser tests with the clock ten years ahead:
## score and jifen move their own clock (JIFEN_CLOCK_YEARS; faketime cannot
## move Go's), Chromium runs under faketime (apt-get install -y faketime)
test-future: dist e2e/axe/node_modules/axe-core/axe.min.js
	@command -v faketime >/dev/null || { echo "test-future needs faketime: apt-get install -y faketime"; exit 1; }
	@mkdir -p build/future
	printf '#!/bin/sh\nexec faketime -f +10y %s "$$@"\n' "$$(command -v chromium)" > build/future/chromium
	chmod +x build/future/chromium
	JIFEN_CLOCK_YEARS=10 $(GO) test -count=1 ./score ./cmd/jifen
	PATH=$(CURDIR)/build/future:$$PATH JIFEN_SERVER=$(CURDIR)/bin/server JIFEN_DIST=$(CURDIR)/dist $(GO) test -count=1 -timeout 25m ./e2e

# Lighthouse for make bench, from the npm registry, pinned in
# e2e/lighthouse (benchmarks only: make test never installs or runs it)
LIGHTHOUSE = e2e/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): e2e/lighthouse/package.json e2e/lighthouse/package-lock.json
	cd e2e/lighthouse && npm ci --no-audit --no-fund
	@touch $@

# axe-core for the accessibility checks, from the npm registry (tests only)
e2e/axe/node_modules/axe-core/axe.min.js: e2e/axe/package.json e2e/axe/package-lock.json
	cd e2e/axe && npm ci --no-audit --no-fund
	@touch $@

## bench: measure everything (sizes, page loads in Chromium, Lighthouse,
## scoring, and bin/server beside nginx serving the same export) and write
## BENCHMARKS.md and BENCHMARKS.json; fails on a missed budget
bench: dist $(LIGHTHOUSE)
	$(GO) test ./score -run '^$$' -bench '^Benchmark(Evaluate|Plan)$$' -benchmem -count 5 > build/bench-score.txt
	$(GO) test ./cmd/jifen -run '^$$' -bench '^BenchmarkJifen$$' -benchtime 10x > build/bench-jifen.txt
	$(GO) test ./batch -run '^$$' -bench '^Benchmark(Parse|Score|Export)$$' -benchmem > build/bench-batch.txt
	GOWORK=$(CURDIR)/build/wasm-work/go.work GOOS=js GOARCH=wasm $(GO) build $(subst -s -w,-w,$(WASM_FLAGS)) -o build/app-names.wasm .
	JIFEN_LIGHTHOUSE=$(CURDIR)/$(LIGHTHOUSE) JIFEN_SERVER=$(CURDIR)/bin/server JIFEN_DIST=$(CURDIR)/dist $(GO) test ./e2e -run '^$$' -bench . -benchtime 1x -timeout 60m > build/bench-e2e.txt
	$(GO) run ./cmd/benchreport -wasm build/app.wasm -br web/app.wasm.br -gz web/app.wasm.gz -md BENCHMARKS.md -json BENCHMARKS.json -wasm-names build/app-names.wasm build/bench-score.txt build/bench-jifen.txt build/bench-batch.txt build/bench-e2e.txt
	@cat BENCHMARKS.md

## bench-score: Evaluate, Plan and jifen benchmarks
bench-score:
	$(GO) test ./score ./cmd/jifen -run '^$$' -bench . -benchmem

## jifen: the command-line scorer in bin/
jifen:
	$(GO) build -o bin/jifen ./cmd/jifen

## wasm_exec: copy the toolchain's wasm_exec.js after a Go upgrade
wasm_exec:
	cp "$$($(GO) env GOROOT)/lib/wasm/wasm_exec.js" wasm_exec/wasm_exec.js

clean:
	rm -rf bin build dist web/app.wasm.br web/app.wasm.gz

FORCE:
