#!/bin/sh
# wasm-opt-trial.sh [WASM]: run binaryen's wasm-opt (apt-get install -y
# binaryen) on app.wasm (default build/app.wasm) at the usual levels and
# print each result's raw, gzip and brotli size beside the input's, as
# `make build` compresses it (cmd/compress: brotli 11, gzip 9). The build
# does not use wasm-opt: it would have to save at least 5 % brotli. With
# binaryen 108 (Debian 12) on the Go 1.26 build (1,058,686 B brotli) it
# made brotli 0.3–3.2 % larger at every level (-O1 … -Oz), though -Oz
# saved 5.6 % raw; run this again after a binaryen or Go upgrade.
set -eu
in=${1:-build/app.wasm}
go=${GO:-go}
command -v wasm-opt >/dev/null || { echo "wasm-opt-trial: needs wasm-opt (apt-get install -y binaryen)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
$go build -o "$tmp/compress" ./cmd/compress
features="--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals"
size() { wc -c < "$1" | tr -d ' '; }
cp "$in" "$tmp/in.wasm"
"$tmp/compress" "$tmp/in.wasm"
base=$(size "$tmp/in.wasm.br")
printf '%-8s %10s %10s %10s %8s\n' level raw gzip brotli 'brotli Δ'
printf '%-8s %10s %10s %10s %8s\n' input "$(size "$tmp/in.wasm")" "$(size "$tmp/in.wasm.gz")" "$base" ""
wasm-opt --version
for level in -O1 -O2 -O3 -Os -Oz; do
	# shellcheck disable=SC2086
	wasm-opt $level $features "$tmp/in.wasm" -o "$tmp/out.wasm"
	"$tmp/compress" "$tmp/out.wasm"
	br=$(size "$tmp/out.wasm.br")
	printf '%-8s %10s %10s %10s %7s%%\n' "$level" "$(size "$tmp/out.wasm")" "$(size "$tmp/out.wasm.gz")" "$br" \
		"$(awk -v a="$br" -v b="$base" 'BEGIN { printf "%+.1f", (a - b) * 100 / b }')"
done
