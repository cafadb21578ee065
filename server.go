//go:build !wasm

package main

import (
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// webFiles are the static assets: style, scripts, icons and, after
// `make build`, app.wasm.br and app.wasm.gz.
//
//go:embed web
var webFiles embed.FS

// version is the content hash of the assets, set by `make build` with
// -ldflags "-X main.version=…"; when empty it is computed at start-up
// from the same files.
var version string

func serve() {
	addr := flag.String("addr", "127.0.0.1:8000", "address to listen on, HOST:PORT")
	ver := flag.String("version", "", "override the version, a content hash by default: a new version is what visitors see as an update")
	export := flag.String("export", "", "write the site as static files into this folder and exit")
	frame := flag.String("frame-ancestors", "*", `who may frame /embed: * or origins, e.g. "https://a.example https://b.example"`)
	flag.Parse()

	web, err := fs.Sub(webFiles, "web")
	if err != nil {
		log.Fatalf("server: %v", err)
	}
	if *ver != "" {
		version = *ver
	}
	s, err := newSite(siteConfig{Web: web, Version: version, FrameAncestors: *frame})
	if err != nil {
		log.Fatalf("server: %v", err)
	}
	if *export != "" {
		if err := s.export(*export); err != nil {
			log.Fatalf("server: %v", err)
		}
		fmt.Printf("static site written to %s/\n", *export)
		return
	}
	if err := run(*addr, s, os.Stdout); err != nil {
		log.Fatalf("server: %v", err)
	}
}

// run serves h on addr until SIGINT or SIGTERM, then shuts down
// gracefully, letting requests in flight finish.
func run(addr string, h http.Handler, out *os.File) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	srv := newHTTPServer(h)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(out, "上海居住证积分计算器: http://%s/\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(out, "shutting down…")
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		return fmt.Errorf("shutting down: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHTTPServer sets the timeouts and limits of the server.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
