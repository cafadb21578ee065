#!/bin/sh
# wasm-workspace.sh DIR: write DIR/go.work, a workspace for the app.wasm build
# in which go-app's pkg/app does not import net/http. Use it with
# GOWORK=DIR/go.work.
#
# go-app's pkg/app imports net/http only for its server side (http.go: the
# Handler; resource.go: LocalDir's file server), yet a wasm build links
# net/http and, through it, crypto/tls, crypto/x509 and their package
# initialisers: a quarter of app.wasm, code the browser never runs. The
# workspace replaces go-app with a copy of the same version in DIR/go-app
# whose http.go is an empty Handler type and whose resource.go lacks its
# three net/http lines. Nothing else changes, and only the wasm build uses
# it. (`go build -overlay` cannot do this: it refuses files in GOMODCACHE.)
# A newer go-app that no longer matches stops the build here rather than
# silently linking net/http again.
set -eu
dir=$1
go=${GO:-go}
mod=github.com/maxence-charriere/go-app/v10
$go mod download $mod
src=$($go list -m -f '{{.Dir}}' $mod)
ver=$($go list -m -f '{{.Version}}' $mod)
root=$(pwd)
rm -rf "$dir"
mkdir -p "$dir/go-app/pkg"
dir=$(cd "$dir" && pwd)
cp "$src/go.mod" "$src/LICENSE" "$dir/go-app/"
cp -R "$src/pkg/app" "$src/pkg/errors" "$dir/go-app/pkg/"
chmod -R u+w "$dir/go-app"
rm -f "$dir"/go-app/pkg/*/*_test.go

cat > "$dir/go-app/pkg/app/http.go" <<'GO'
package app

// Handler is go-app's HTTP handler, which runs on the server only. This
// stand-in, from jifen's tools/wasm-workspace.sh, keeps net/http out of the
// wasm build.
type Handler struct{}
GO

# The three lines of resource.go that use net/http.
sed -e '/^	"net\/http"$/d' \
	-e '/^		Handler: *http\.FileServer(http\.Dir(directory)),$/d' \
	-e '/^	http\.Handler$/d' \
	"$src/pkg/app/resource.go" > "$dir/go-app/pkg/app/resource.go"
removed=$(($(wc -l < "$src/pkg/app/resource.go") - $(wc -l < "$dir/go-app/pkg/app/resource.go")))
if [ "$removed" -ne 3 ] || grep -q 'http\.' "$dir/go-app/pkg/app/resource.go"; then
	echo "wasm-workspace: $src/pkg/app/resource.go changed (go-app upgrade?); update tools/wasm-workspace.sh" >&2
	exit 1
fi

# The app must never exit: a panic in an event handler, an update or a
# page's first OnNav would end the Go program and leave a dead page. The
# engine's loop runs each dispatch and each frame through jifenSafe, which
# recovers, logs, and tells the page (boot.js shows what to do); so does
# the first navigation.
sed -e 's/^			dispatch()$/			jifenSafe(dispatch)/' \
	-e 's/^			e\.processFrame()$/			jifenSafe(e.processFrame)/' \
	"$src/pkg/app/engine.go" > "$dir/go-app/pkg/app/engine.go"
sed -e 's/^	engine\.Navigate(window\.URL(), false)$/	jifenSafe(func() { engine.Navigate(window.URL(), false) })/' \
	"$src/pkg/app/app.go" > "$dir/go-app/pkg/app/app.go"
if [ "$(grep -c 'jifenSafe(' "$dir/go-app/pkg/app/engine.go")" -ne 4 ] || [ "$(grep -c 'jifenSafe(' "$dir/go-app/pkg/app/app.go")" -ne 1 ]; then
	echo "wasm-workspace: go-app's engine loop changed (go-app upgrade?); update tools/wasm-workspace.sh" >&2
	exit 1
fi
cat > "$dir/go-app/pkg/app/jifen_safe.go" <<'GO'
package app

import "fmt"

// jifenSafe runs f and recovers from a panic in it: the error is logged
// and window.jifenFault (web/boot.js) tells the visitor, and the app goes
// on. From jifen's tools/wasm-workspace.sh.
func jifenSafe(f func()) {
	defer func() {
		if r := recover(); r != nil {
			msg := fmt.Sprint(r)
			Log("jifen: recovered:", msg)
			if IsClient && Window().Get("jifenFault").Truthy() {
				Window().Call("jifenFault", msg)
			}
		}
	}()
	f()
}
GO

printf 'go %s\n\nuse %s\n\nreplace %s %s => ./go-app\n' \
	"$($go list -m -f '{{.GoVersion}}')" "$root" $mod "$ver" > "$dir/go.work"

# No other file may bring net/http back.
deps=$(GOWORK="$dir/go.work" GOOS=js GOARCH=wasm $go list -deps .)
if echo "$deps" | grep -qx 'net/http'; then
	echo "wasm-workspace: the wasm build still links net/http; update tools/wasm-workspace.sh" >&2
	exit 1
fi
