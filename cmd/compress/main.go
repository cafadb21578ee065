// Command compress writes FILE.br (brotli, quality 11) and FILE.gz (gzip,
// level 9) beside each FILE given, for pre-compressed serving. It is a
// build tool: `make build` runs it on app.wasm; the server compresses
// every other file the same way (server.Compress) when it starts.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"jifen/server"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: compress FILE...")
		os.Exit(2)
	}
	for _, name := range os.Args[1:] {
		if err := compress(name); err != nil {
			fmt.Fprintf(os.Stderr, "compress: %v\n", err)
			os.Exit(1)
		}
	}
}

func compress(name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	br, gz, err := server.Compress(data)
	if err != nil {
		return fmt.Errorf("compressing %s: %w", name, err)
	}
	if err := write(name+".br", br); err != nil {
		return err
	}
	return write(name+".gz", gz)
}

// write writes data into name through a temporary file, so that a failed
// run leaves no half-written file.
func write(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".compress-*")
	if err != nil {
		return fmt.Errorf("creating %s: %w", name, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Chmod(f.Name(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}
