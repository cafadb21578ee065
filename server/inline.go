//go:build !wasm

package server

import (
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"html"
	"io/fs"
	"regexp"
)

// What each page's head carries besides go-app's own tags, in this order:
//
//   - web/style.css itself, in a <style>. The stylesheet blocks the first
//     paint, and as a file it cost a request after the page's own.
//   - web/wasm-worker.js's text, in a <script type="text/plain"> that is
//     never run: boot.js starts its worker from it (a blob: URL) on a first
//     visit, where the worker's own script came some 150 ms after the page
//     had been painted on slow 4G and app.wasm's download waited for it.
//   - web/boot.js, as a file: a <script> that blocks the parser. Carried in
//     the page it let the page paint a round trip earlier (slow-4G first
//     paint 0.74 s against 0.90 s, median of 5), but Lighthouse's simulated
//     phone then scored / at 0.80 instead of 0.91 (median of 5 runs each,
//     the same hour): its estimate puts more of the app's start inside the
//     window where blocking is counted. Partners judge the page by that
//     score, so boot.js stays a file; the service worker keeps it.
//
// The Content-Security-Policy allows exactly the style's text by its hash
// (no 'unsafe-inline'); the worker's text is data, and the worker it makes
// is allowed by worker-src blob:. boot.js learns where the assets are from
// its element's data-web attribute. The two inlined files stay served
// under /VERSION/web/: wasm-worker.js is the worker's script wherever a
// blob: worker cannot be made, and on a repeat visit.

// The files of web/ in the head: the two every page carries and the one
// it links.
const (
	inlineStyle  = "style.css"
	inlineWorker = "wasm-worker.js"
	bootScript   = "boot.js"
)

// inlineAssets are the assets of web/ every page carries in its head.
var inlineAssets = []string{inlineStyle, inlineWorker}

// inlined is what the head carries: its three elements and the style's
// CSP source.
type inlined struct {
	style, worker, boot string // the elements, whole
	styleSource         string // 'sha256-…' of the style's text
}

// workerElementID is the id boot.js finds the worker's text by.
const workerElementID = "jifen-worker"

// closingTag finds what would end a <style> or <script> element early
// (HTML ends raw text at the first "</style" or "</script", in any case)
// or start a comment that changes how a script's text is parsed.
var closingTag = regexp.MustCompile(`(?i)</(style|script)|<!--`)

// readInline reads the inlined assets and makes the head's elements; web
// is the folder /web/ is served from (at /VERSION/web/).
func readInline(assets fs.FS, web string) (inlined, error) {
	var in inlined
	texts := make([]string, len(inlineAssets))
	for i, name := range inlineAssets {
		b, err := fs.ReadFile(assets, name)
		if err != nil {
			return in, fmt.Errorf("reading %s for the page's head: %w", name, err)
		}
		if m := closingTag.Find(b); m != nil {
			return in, fmt.Errorf("web/%s holds %q, which would end its element in the page's head early", name, m)
		}
		texts[i] = string(b)
	}
	if _, err := fs.Stat(assets, bootScript); err != nil {
		return in, fmt.Errorf("the page's head script: %w", err)
	}
	in.style = "<style>" + texts[0] + "</style>"
	in.worker = `<script type="text/plain" id="` + workerElementID + `">` + texts[1] + "</script>"
	in.boot = `<script data-web="` + html.EscapeString(web) + `" src="` + html.EscapeString(web+bootScript) + `"></script>`
	in.styleSource = hashSource(texts[0])
	return in, nil
}

// hashSource is the CSP source that allows an inline element of text.
func hashSource(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
