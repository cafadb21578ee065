# 上海居住证积分计算器
GO      ?= go
ADDR    ?= 127.0.0.1:8000
FUZZTIME ?= 5s

.PHONY: all test vet unit fuzz bench-score jifen clean

all: test

## test: go vet, every unit test, a short fuzz run of both parsers
test: vet unit fuzz

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

fuzz:
	$(GO) test ./score -run '^$$' -fuzz '^FuzzParseQuery$$' -fuzztime $(FUZZTIME)
	$(GO) test ./score -run '^$$' -fuzz '^FuzzParseJSON$$' -fuzztime $(FUZZTIME)

## bench-score: Evaluate, Plan and jifen benchmarks
bench-score:
	$(GO) test ./score ./cmd/jifen -run '^$$' -bench . -benchmem

## jifen: the command-line scorer in bin/
jifen:
	$(GO) build -o bin/jifen ./cmd/jifen

clean:
	rm -rf bin dist
