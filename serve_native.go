//go:build !wasm

package main

import (
	"embed"
	"io/fs"
	"os"

	"jifen/server"
)

// webFiles are the static assets: style, scripts, icons and, after
// `make build`, app.wasm.br and app.wasm.gz.
//
//go:embed web
var webFiles embed.FS

// serve is bin/server (package server): it serves the pre-rendered site,
// or writes it out with -export.
func serve() {
	web, err := fs.Sub(webFiles, "web")
	if err != nil {
		panic(err)
	}
	os.Exit(server.Main(web, os.Args[1:], os.Stdout, os.Stderr))
}
