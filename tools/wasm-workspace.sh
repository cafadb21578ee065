#!/bin/sh
# wasm-workspace.sh DIR: write DIR/go.work, a workspace for the app.wasm build
# in which go-app's pkg/app imports neither net/http, regexp nor crypto. Use
# it with GOWORK=DIR/go.work.
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

# route.go compiles RouteWithRegexp's patterns with package regexp, which
# links regexp/syntax and, through its tables, most of package unicode:
# 7 % of app.wasm (86 kB brotli) and 53 functions compiled at start, for
# the one pattern jifen routes, "^/" (the not-found page). In the wasm
# build a pattern is "^" and a literal prefix, matched with
# strings.HasPrefix; any other pattern stops the build below.
sed -e 's/^	"regexp"$/	"strings"/' \
	-e 's/regexp\.MustCompile(pattern)/mustCompilePrefix(pattern)/' \
	-e 's/^	regexp       \*regexp\.Regexp$/	regexp       prefixPattern/' \
	"$src/pkg/app/route.go" > "$dir/go-app/pkg/app/route.go"
cat >> "$dir/go-app/pkg/app/route.go" <<'GO'

// prefixPattern is a route pattern "^literal" of jifen's wasm build
// (tools/wasm-workspace.sh): a path matches when it starts with literal.
type prefixPattern string

func (p prefixPattern) MatchString(s string) bool { return strings.HasPrefix(s, string(p)) }

func mustCompilePrefix(pattern string) prefixPattern {
	lit, ok := strings.CutPrefix(pattern, "^")
	if !ok || strings.ContainsAny(lit, `\.+*?()|[]{}^$`) {
		panic("the wasm build of go-app (tools/wasm-workspace.sh) takes route patterns ^literal only, not " + pattern)
	}
	return prefixPattern(lit)
}
GO
if grep -q '[^.A-Za-z_]regexp\.' "$dir/go-app/pkg/app/route.go" || [ "$(grep -c 'mustCompilePrefix(pattern)\|regexp       prefixPattern' "$dir/go-app/pkg/app/route.go")" -ne 2 ]; then
	echo "wasm-workspace: $src/pkg/app/route.go changed (go-app upgrade?); update tools/wasm-workspace.sh" >&2
	exit 1
fi
# Every pattern the app routes must be such a prefix.
bad=$(grep -rhoE --include='*.go' --exclude='*_test.go' 'RouteWithRegexp\([^,]*' "$root" --exclude-dir=build --exclude-dir=node_modules |
	sed 's/^RouteWithRegexp(//' | grep -vE '^"\^[A-Za-z0-9/_-]*"$' || true)
if [ -n "$bad" ]; then
	echo "wasm-workspace: RouteWithRegexp takes only \"^literal\" patterns in the wasm build, not: $bad" >&2
	exit 1
fi

# crypto.go enciphers with AES-GCM (Context.Encrypt and Decrypt, encrypted
# persisted states, keyed by DeviceID) and context.go and state.go make ids
# with github.com/google/uuid: together they link crypto/aes, crypto/cipher,
# crypto/rand with the FIPS module, md5 and sha1, 5 % of app.wasm (63 kB
# brotli), for features jifen does not use. In the wasm build Encrypt and
# Decrypt fail with an error and ids are 32 random hex digits; a use of
# them in jifen stops the build below.
cat > "$dir/go-app/pkg/app/crypto.go" <<'GO'
package app

// jifen's wasm build (tools/wasm-workspace.sh) has no encryption and no
// uuid package: Encrypt, Decrypt and encrypted states fail with an error,
// ids are random hex.

import (
	"math/rand/v2"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)

func encrypt(key string, v []byte) ([]byte, error) {
	return nil, errors.New("encryption is left out of this build")
}

func decrypt(key string, v []byte) ([]byte, error) {
	return nil, errors.New("encryption is left out of this build")
}

func newID() string {
	const digits = "0123456789abcdef"
	b := make([]byte, 32)
	for i := range b {
		b[i] = digits[rand.IntN(len(digits))]
	}
	return string(b)
}
GO
for f in context.go state.go; do
	sed -e '/^	"github.com\/google\/uuid"$/d' -e 's/uuid\.NewString()/newID()/' \
		"$src/pkg/app/$f" > "$dir/go-app/pkg/app/$f"
	if grep -q 'uuid' "$dir/go-app/pkg/app/$f" || ! grep -q 'newID()' "$dir/go-app/pkg/app/$f"; then
		echo "wasm-workspace: $src/pkg/app/$f changed (go-app upgrade?); update tools/wasm-workspace.sh" >&2
		exit 1
	fi
done
used=$(grep -rlE --include='*.go' --exclude='*_test.go' '\.(Encrypt|Decrypt|PersistWithEncryption)\(' "$root" --exclude-dir=build --exclude-dir=node_modules || true)
if [ -n "$used" ]; then
	echo "wasm-workspace: the wasm build's go-app has no encryption, but these files use it: $used" >&2
	exit 1
fi

# RunWhenOnBrowser runs Go's start (runtime and package initialisation)
# and the first render in one browser task, most of it V8 compiling each
# function on its first call: over 100 ms on a fast machine, four times
# that on a phone, during which the page takes no tap. In the wasm build
# it yields to the browser once in between, which halves the longest task.
sed -e 's/^	engine\.Navigate(window\.URL(), false)$/	yieldToBrowser() \/\/ jifen: end the task between Go'"'"'s start and the first render\n&/' \
	"$src/pkg/app/app.go" > "$dir/go-app/pkg/app/app.go"
if [ "$(grep -c '^	yieldToBrowser()' "$dir/go-app/pkg/app/app.go")" -ne 1 ]; then
	echo "wasm-workspace: $src/pkg/app/app.go changed (go-app upgrade?); update tools/wasm-workspace.sh" >&2
	exit 1
fi
cat > "$dir/go-app/pkg/app/yield.go" <<'GO'
package app

// yieldToBrowser ends the current browser task and returns in a new one:
// the Go scheduler, with nothing to run until the browser's timer calls
// back, returns to the browser. (A time.Sleep would not do: a timer that
// is already due when the scheduler looks runs at once, in the same task.)
// From jifen's tools/wasm-workspace.sh.
func yieldToBrowser() {
	done := make(chan struct{})
	f := FuncOf(func(Value, []Value) any {
		close(done)
		return nil
	})
	Window().Call("setTimeout", f, 0)
	<-done
	f.Release()
}
GO

# Every string go-app hands to the DOM (a tag, an attribute's name and
# value, a text, an event's name) becomes a JavaScript string of its own,
# made by a call to JavaScript and given a Go finalizer that calls again
# to free it: most of the cost of drawing a page (setting 300 attributes
# took 40 ms of a 98 ms render). jifenString keeps the short ones made
# once and hands out the same value again.
sed -i -e '/^func syscalJSValueOf(v any) js.Value {$/,/^}$/s/^	case map\[string\]any:$/	case string:\n		return jifenString(v)\n\n&/' \
	"$dir/go-app/pkg/app/js_wasm.go"
# Each element and text made also asked window for its document, a value
# of its own again: the document is asked for once.
sed -i -e 's/w\.Get("document")\.Call("\(createElement\|createElementNS\|createTextNode\)"/jifenDocument(w).Call("\1"/' \
	"$dir/go-app/pkg/app/js_wasm.go"
if [ "$(grep -c '^		return jifenString(v)$' "$dir/go-app/pkg/app/js_wasm.go")" -ne 1 ] || [ "$(grep -c 'jifenDocument(w)\.Call(' "$dir/go-app/pkg/app/js_wasm.go")" -ne 3 ]; then
	echo "wasm-workspace: go-app's syscalJSValueOf changed (go-app upgrade?); update tools/wasm-workspace.sh" >&2
	exit 1
fi
cat > "$dir/go-app/pkg/app/jifen_strings_wasm.go" <<'GO'
package app

import "syscall/js"

// jifenStrings are the JavaScript strings made so far, by their Go text:
// only short ones, and at most jifenStringsMax of them, so that what is
// kept stays small (a few hundred kB at most); a string kept is never
// freed, and a longer or later one is made each time as before. From
// jifen's tools/wasm-workspace.sh.
var jifenStrings = map[string]js.Value{}

const (
	jifenStringsMax    = 4096
	jifenStringMaxSize = 64
)

// jifenDocument is window.document, asked for once.
func jifenDocument(w *browserWindow) Value {
	if jifenDoc == nil {
		jifenDoc = w.Get("document")
	}
	return jifenDoc
}

var jifenDoc Value

func jifenString(s string) js.Value {
	if v, ok := jifenStrings[s]; ok {
		return v
	}
	v := js.ValueOf(s)
	if len(s) <= jifenStringMaxSize && len(jifenStrings) < jifenStringsMax {
		jifenStrings[s] = v
	}
	return v
}
GO

# The app must never exit: a panic in an event handler, an update or a
# page's first OnNav would end the Go program and leave a dead page. The
# engine's loop runs each dispatch and each frame through jifenSafe, which
# recovers, logs, and tells the page (boot.js shows what to do); so does
# the first navigation.
sed -e 's/^			dispatch()$/			jifenSafe(dispatch)/' \
	-e 's/^			e\.processFrame()$/			jifenSafe(e.processFrame)/' \
	"$src/pkg/app/engine.go" > "$dir/go-app/pkg/app/engine.go"
sed -i -e 's/^	engine\.Navigate(window\.URL(), false)$/	jifenSafe(func() { engine.Navigate(window.URL(), false) })/' \
	"$dir/go-app/pkg/app/app.go"
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

# No other file may bring net/http, regexp or crypto back.
deps=$(GOWORK="$dir/go.work" GOOS=js GOARCH=wasm $go list -deps .)
for pkg in net/http regexp crypto github.com/google/uuid; do
	if echo "$deps" | grep -qE "^$pkg(/|$)"; then
		echo "wasm-workspace: the wasm build links $pkg again; update tools/wasm-workspace.sh" >&2
		exit 1
	fi
done
