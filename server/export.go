//go:build !wasm

package server

import (
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Files the export writes beside the site, never served.
const (
	HeadersFile = "_headers"    // for static hosts that read it (Netlify, Cloudflare Pages)
	NginxFile   = "_nginx.conf" // included by deploy/nginx.conf in its server block
)

// Export writes the site into dir as static files, exactly the files the
// server serves: each with .br and .gz beside it when compressible, the
// not-found page as 404.html, and the headers of each file from the one
// source, as _headers and as the nginx include _nginx.conf.
//
// dir must be empty, missing, or an earlier export (it has _headers).
// An earlier export is replaced, but its newest other version folder
// (VERSION/web/) is kept and returned, so that pages still open from the
// previous version keep loading their own assets after the upload.
func (s *Site) Export(dir string) (kept string, err error) {
	if kept, err = s.prepare(dir); err != nil {
		return "", err
	}
	write := func(f *file) error {
		for _, r := range f.reps {
			name := f.name
			switch r.enc {
			case "br":
				name += ".br"
			case "gzip":
				name += ".gz"
			}
			if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), r.body); err != nil {
				return err
			}
		}
		return nil
	}
	for _, p := range s.paths {
		if err := write(s.files[p]); err != nil {
			return "", err
		}
	}
	if err := write(s.notFound); err != nil {
		return "", err
	}
	if err := writeFile(filepath.Join(dir, HeadersFile), []byte(s.HeadersFile())); err != nil {
		return "", err
	}
	conf, err := s.NginxInclude()
	if err != nil {
		return "", err
	}
	return kept, writeFile(filepath.Join(dir, NginxFile), []byte(conf))
}

// prepare empties dir for the export, keeping the newest version folder
// of an earlier export that is not the current version.
func (s *Site) prepare(dir string) (kept string, err error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("exporting: %w", err)
	}
	if _, err := os.Stat(filepath.Join(dir, HeadersFile)); err != nil {
		return "", fmt.Errorf("exporting: %s is not empty and holds no earlier export (no %s): choose an empty folder", dir, HeadersFile)
	}
	var newest time.Time
	for _, e := range entries {
		if !e.IsDir() || !versionRE.MatchString(e.Name()) || e.Name() == s.version {
			continue
		}
		if info, err := e.Info(); err == nil && info.ModTime().After(newest) {
			newest, kept = info.ModTime(), e.Name()
		}
	}
	for _, e := range entries {
		if e.Name() == kept {
			continue
		}
		if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			return "", fmt.Errorf("exporting: removing the earlier export: %w", err)
		}
	}
	if kept != "" {
		// its modification time marks it as the newest previous version
		// when the next export comes
		now := time.Now()
		os.Chtimes(filepath.Join(dir, kept), now, now.Add(-time.Second))
	}
	return kept, nil
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	return nil
}

// exportHeaders are the headers of the one source that the export
// carries to static hosts and nginx, for one file.
func exportHeaders(h http.Header) [][2]string {
	var out [][2]string
	for k, vs := range h {
		for _, v := range vs {
			out = append(out, [2]string{k, v})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// HeadersFile is the _headers file read by static hosts such as Netlify
// and Cloudflare Pages: the headers every answer shares under /*, then a
// block for each file with the rest of its headers. Those hosts compress
// on their own, and answer unknown paths with 404.html (which then gets
// only the /* headers).
func (s *Site) HeadersFile() string {
	all := append([]*file{s.notFound}, s.sortedFiles()...)
	common := map[[2]string]int{}
	for _, f := range all {
		for _, kv := range exportHeaders(f.header) {
			common[kv]++
		}
	}
	var b strings.Builder
	b.WriteString("# Written by bin/server -export: the headers bin/server sends, for static hosts\n# that read _headers (Netlify, Cloudflare Pages).\n/*\n")
	for _, kv := range exportHeaders(s.notFound.header) {
		if common[kv] == len(all) {
			fmt.Fprintf(&b, "  %s: %s\n", kv[0], kv[1])
		}
	}
	for _, f := range all[1:] {
		fmt.Fprintf(&b, "%s\n", f.path)
		for _, kv := range exportHeaders(f.header) {
			if common[kv] != len(all) {
				fmt.Fprintf(&b, "  %s: %s\n", kv[0], kv[1])
			}
		}
	}
	return b.String()
}

func (s *Site) sortedFiles() []*file {
	fs := make([]*file, len(s.paths))
	for i, p := range s.paths {
		fs[i] = s.files[p]
	}
	return fs
}

// NginxInclude is _nginx.conf, which deploy/nginx.conf includes in its
// server block: one location per file of the export with the file's
// headers from the one source, pre-compressed forms chosen by the maps of
// deploy/nginx.conf ($jifen_ext, $jifen_content_encoding), the not-found
// page with 404 for every other path, 405 for methods other than GET and
// HEAD, and the assets of another version answered as the server does
// (its own files when they are still there, else the current ones,
// revalidated). As on the server, a file answers If-Unmodified-Since with
// 412 and sends no Last-Modified, and nginx's own 412 and 416 pages carry
// each header once and no Content-Encoding.
func (s *Site) NginxInclude() (string, error) {
	var b strings.Builder
	w := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	w("# Written by bin/server -export (version %s): the files of this export and\n", s.version)
	w("# the headers of each, from the same source as bin/server's. Included by\n# deploy/nginx.conf inside its server block; needs its maps.\n\n")
	w("error_page 404 /404.html;\n")
	w("# nginx finds a range unsatisfiable after it has added a file's headers,\n")
	w("# and would add them all again to its 416 page: that page comes from here,\n")
	w("# where nothing is added (the empty header keeps the server's from being\n# inherited).\n")
	w("error_page 416 @jifen_416;\nlocation @jifen_416 {\n    add_header Content-Encoding \"\";\n    return 416;\n}\n\n")
	w("if ($request_method !~ ^(GET|HEAD)$) {\n    return 405;\n}\n")
	w("# the headers of the 405 (the locations below have their own)\n")
	for _, kv := range exportHeaders(s.notAllowed) {
		if kv[0] == "Content-Type" {
			continue // nginx sends its own page
		}
		if err := addHeader(&b, "", kv[0], kv[1], true); err != nil {
			return "", err
		}
	}
	w("\nlocation / {\n    return 404;\n}\n")
	block := func(match, try string, f *file, internal bool) error {
		w("\nlocation %s {\n", match)
		if internal {
			w("    internal;\n")
		} else {
			// the files have no modification date (nginx's, the time of
			// the upload, is not sent): an If-Unmodified-Since cannot
			// hold, as on the server
			w("    if ($http_if_unmodified_since) { return 412; }\n")
		}
		w("    types { }\n    default_type %q;\n", f.header.Get("Content-Type"))
		for _, kv := range exportHeaders(f.header) {
			if kv[0] == "Content-Type" {
				continue
			}
			// a 404 or 416 is never cached for a year
			always := kv[1] != cacheImmutable
			if err := addHeader(&b, "    ", kv[0], kv[1], always); err != nil {
				return err
			}
		}
		if !internal {
			w("    add_header Last-Modified \"\";\n")
		}
		if len(f.reps) > 1 {
			w("    add_header Content-Encoding $jifen_content_encoding always;\n")
		}
		w("    try_files %s =404;\n}\n", try)
		return nil
	}
	ext := func(f *file) string {
		if len(f.reps) > 1 {
			return "$jifen_ext"
		}
		return ""
	}
	if err := block("= /404.html", "/"+s.notFound.name+ext(s.notFound), s.notFound, true); err != nil {
		return "", err
	}
	for _, f := range s.sortedFiles() {
		if err := block("= "+f.path, "/"+f.name+ext(f), f, false); err != nil {
			return "", err
		}
	}
	for _, name := range sortedKeys(s.old) {
		f := s.old[name]
		re := `"^/[0-9a-f]{16}/web/` + regexp.QuoteMeta(name) + `$"`
		if err := block("~ "+re, "$uri"+ext(f)+" /"+f.name+ext(f), f, false); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// addHeader writes an nginx add_header line, refusing a value nginx would
// read differently.
func addHeader(b *strings.Builder, indent, k, v string, always bool) error {
	if strings.ContainsAny(v, "\"\\$\n") {
		return fmt.Errorf("header %s: %q cannot go into nginx's configuration", k, v)
	}
	fmt.Fprintf(b, "%sadd_header %s \"%s\"", indent, k, v)
	if always {
		b.WriteString(" always")
	}
	b.WriteString(";\n")
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
