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

// The page's head carries web/style.css and web/boot.js themselves, in a
// <style> and a <script>, not links to them. They are the two files the
// first paint waits for (the stylesheet blocks rendering, boot.js must
// run before the page's scripts), and as files each cost a request after
// the page's own: on slow 4G (e2e's throttling proxy) the first paint came
// at 0.86 to 1.04 s, with them in the page at 0.67 to 0.89 s, and
// app.wasm, requested once the page is painted, began that much earlier.
// Together they add about 11 kB (brotli) to each page; a visitor moves
// between pages without loading them, and a repeat visit gets them from
// the service worker's cache.
//
// The Content-Security-Policy allows exactly these two texts by their
// hash (no 'unsafe-inline'). boot.js learns where the assets are from its
// element's data-web attribute, the one thing an inline script cannot
// read from its own address. The files stay served under /VERSION/web/
// (for a page still open from an earlier version), but the service worker
// no longer keeps them.

// inlineAssets are the assets of web/ every page carries in its head.
var inlineAssets = []string{"style.css", "boot.js"}

// inlined is what the head carries: the two elements and their CSP
// sources.
type inlined struct {
	style, script             string // the elements, whole
	styleSource, scriptSource string // 'sha256-…' of each text
}

// closingTag finds what would end a <style> or <script> element early
// (HTML ends raw text at the first "</style" or "</script", in any case)
// or start a comment that changes how a script's text is parsed.
var closingTag = regexp.MustCompile(`(?i)</(style|script)|<!--`)

// readInline reads the inlined assets and makes their elements; web is
// the folder /web/ is served from (at /VERSION/web/).
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
	in.style = "<style>" + texts[0] + "</style>"
	in.script = `<script data-web="` + html.EscapeString(web) + `">` + texts[1] + "</script>"
	in.styleSource = hashSource(texts[0])
	in.scriptSource = hashSource(texts[1])
	return in, nil
}

// hashSource is the CSP source that allows an inline element of text.
func hashSource(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}
