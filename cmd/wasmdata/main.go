// Command wasmdata rewrites a WebAssembly module's data section with fewer,
// larger segments: wasmdata [-gap N] IN OUT.
//
// Go's linker leaves out every run of zero bytes longer than a segment's
// overhead, and so writes app.wasm's 2.5 MB of data as about 100,000
// segments (its limit). The browser initialises them one by one when the
// page instantiates the module, on the main thread, while the visitor is
// reading the page: tens of milliseconds on a phone. Two neighbouring
// segments less than gap bytes apart become one, the bytes between them
// written as zeros, which is what a new memory holds there anyway. The
// zeros cost almost nothing once the module is compressed. Nothing but
// the data section changes, and only segments of the form Go writes
// (active, memory 0, at an i32.const offset); any other stops the tool.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	gap := flag.Int("gap", 4096, "merge segments less than this many bytes apart")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: wasmdata [-gap N] IN OUT")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 2 {
		flag.Usage()
		os.Exit(2)
	}
	in, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "wasmdata:", err)
		os.Exit(1)
	}
	out, before, after, err := MergeData(in, *gap)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wasmdata: %s: %v\n", flag.Arg(0), err)
		os.Exit(1)
	}
	if err := os.WriteFile(flag.Arg(1), out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "wasmdata:", err)
		os.Exit(1)
	}
	fmt.Printf("wasmdata: %d data segments → %d (%d → %d bytes)\n", before, after, len(in), len(out))
}
