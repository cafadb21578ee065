//go:build !wasm

package server

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// Timeouts and limits of the HTTP server. The write timeout is per answer
// and grows with its size (see writeTimeout).
const (
	readHeaderTimeout = 10 * time.Second
	idleTimeout       = 60 * time.Second
	// maxHeaderBytes bounds the request line and headers (the query is
	// dropped as it arrives, see queryStripper).
	maxHeaderBytes = 32 << 10
)

// Main is bin/server: it parses the flags, builds the site and serves it
// until SIGINT or SIGTERM, or writes it out with -export. It returns the
// exit status: 0, 1 for an error, 2 for a usage error.
func Main(web fs.FS, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("server", flag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8000", "address to listen on, HOST:PORT")
	ver := fl.String("version", "", "the assets' version, 16 hex digits (default: their content hash); a new version is what visitors see as an update")
	printVersion := fl.Bool("print-version", false, "print the content version and exit")
	export := fl.String("export", "", "write the site as static files into this folder and exit (an earlier export there is replaced, keeping its assets' folder for pages still open)")
	frame := fl.String("frame-ancestors", "*", `who may frame /embed besides this site: * or origins, e.g. "https://a.example https://b.example"`)
	origin := fl.String("origin", "", "the site's public origin, e.g. https://jifen.example: canonical links, og:url and og:image (left out without it)")
	maxConns := fl.Int("max-conns", 0, "at most this many open connections (default: from the open-file limit)")
	grace := fl.Duration("grace", 0, "on SIGTERM, how long downloads in flight may take to finish (default: the largest file at slow-4G speed, plus 10 s)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "server: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	logger := log.New(stderr, "server: ", 0)
	start := time.Now()
	s, err := New(Config{Web: web, Version: *ver, FrameAncestors: *frame, Origin: *origin})
	if err != nil {
		logger.Print(err)
		return 1
	}
	if *printVersion {
		fmt.Fprintln(stdout, s.Version())
		return 0
	}
	if *export != "" {
		kept, err := s.Export(*export)
		if err != nil {
			logger.Print(err)
			return 1
		}
		fmt.Fprintf(stdout, "static site written to %s/ (version %s", *export, s.Version())
		if kept != "" {
			fmt.Fprintf(stdout, "; the previous version's assets are kept in %s/%s/", *export, kept)
		}
		fmt.Fprintln(stdout, ")")
		return 0
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		logger.Printf("listening on %s: %v", *addr, err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger.Printf("%d files (version %s) ready in %v", len(s.paths)+1, s.version, time.Since(start).Round(time.Millisecond))
	opts := Options{MaxConns: *maxConns, Grace: *grace, Log: logger, Ready: func() {
		fmt.Fprintf(stdout, "上海居住证积分计算器: http://%s/\n", ln.Addr())
	}}
	if err := Serve(ctx, ln, s, opts); err != nil {
		logger.Print(err)
		return 1
	}
	return 0
}

// Options tune Serve.
type Options struct {
	// MaxConns caps the open connections; 0 sizes the cap from the
	// open-file limit.
	MaxConns int
	// Grace is how long requests in flight may take to finish at shutdown;
	// 0 is the largest file at slow-4G speed plus 10 s.
	Grace time.Duration
	Log   *log.Logger
	// Ready, when set, is called once the server is about to accept.
	Ready func()
}

// Serve serves s on ln until ctx is done, then shuts down gracefully:
// the listener closes, idle connections close, and answers in flight get
// opts.Grace to finish; those still running then are cut and counted in
// the log. Shutting down is not an error.
func Serve(ctx context.Context, ln net.Listener, s *Site, opts Options) error {
	logger := opts.Log
	if logger == nil {
		logger = log.New(io.Discard, "", 0)
	}
	limit, fileLimit := connCap()
	if opts.MaxConns > 0 {
		limit = opts.MaxConns
	}
	grace := opts.Grace
	if grace <= 0 {
		grace = s.DefaultGrace()
	}
	ll := newLimitListener(ln, limit)
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: readHeaderTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ConnState:         ll.connState,
		ErrorLog:          log.New(io.Discard, "", 0), // hostile requests are not news
	}
	logger.Printf("at most %d connections (open-file limit %d); shutdown grace %v", limit, fileLimit, grace)
	if opts.Ready != nil {
		opts.Ready()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ll) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	logger.Printf("shutting down: %s in flight get up to %v to finish", requests(ll.busy()), grace)
	shut, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := srv.Shutdown(shut)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		n := ll.busy()
		srv.Close()
		logger.Printf("shutdown: cut %s still running after %v", requests(n), grace)
	case err != nil:
		srv.Close()
		logger.Printf("shutdown: %v", err)
	default:
		logger.Printf("shutdown: every request finished")
	}
	if n := ll.evicted.Load(); n > 0 {
		logger.Printf("closed %d idle or half-open connections at the cap", n)
	}
	if n := ll.stalled.Load(); n > 0 {
		logger.Printf("closed %s stalled at the cap (no progress for %v)", requests(n), ll.stallTimeout)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving: %w", err)
	}
	return nil
}

func requests[N int | int64](n N) string {
	if n == 1 {
		return "1 request"
	}
	return fmt.Sprintf("%d requests", n)
}

// DefaultGrace is the shutdown grace: the largest file of the site
// (app.wasm uncompressed, for a browser that takes no compression) at
// slow-4G speed, plus 10 s.
func (s *Site) DefaultGrace() time.Duration {
	largest := 0
	for _, f := range s.files {
		for _, r := range f.reps {
			largest = max(largest, len(r.body))
		}
	}
	d := writeBase + time.Duration(largest)*time.Second/slow4GBytesPerSec
	return d.Round(time.Second)
}
