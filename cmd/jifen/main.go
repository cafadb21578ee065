// Command jifen scores Shanghai residence-permit points for many people at
// once, for HR teams.
//
//	jifen [-text] [-as-of YYYY-MM-DD] < profiles.jsonl     one result per line
//	jifen plan [-text] [-as-of YYYY-MM-DD] < profiles.jsonl one plan per line
//	jifen batch [-as-of YYYY-MM-DD] [staff.csv] > export.csv  a staff table
//
// The input is one JSON profile per line (the keys of profile.md), or one
// pretty-printed object. A bad line yields one error line
// {"line":N,"key":"...","error":"..."} and the rest go on. The exit status
// is 1 when any line failed and 2 for usage errors.
//
// jifen batch reads an HR office's staff table (../shared/batch.md) and
// writes the same CSV export as the /batch page.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: jifen [plan] [-text] [-as-of YYYY-MM-DD] < profiles
       jifen batch [-as-of YYYY-MM-DD] [FILE]   (jifen batch -h)

Reads JSON profiles (one per line, or one pretty-printed object) from
standard input and writes one result per line: the score, or with "plan"
the date 120 points are reached and the paths there.

  -text    a readable Chinese breakdown instead of JSON
  -as-of   evaluate at this date when a profile has no as_of (default today)

Exit status: 0 all lines scored, 1 some line failed, 2 usage error.
`

// run is main with its inputs and outputs named, for tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	mode := modeScore
	if len(args) > 0 && args[0] == "batch" {
		return runBatch(args[1:], stdin, stdout, stderr)
	}
	if len(args) > 0 && args[0] == "plan" {
		mode, args = modePlan, args[1:]
	}
	fs := flag.NewFlagSet("jifen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	text := fs.Bool("text", false, "")
	asOf := fs.String("as-of", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "jifen: %v\n%s", err, usage)
		return 2
	}
	opts := options{mode: mode, text: *text}
	if *asOf != "" {
		d, err := parseDate(*asOf)
		if err != nil {
			fmt.Fprintf(stderr, "jifen: -as-of: %v\n", err)
			return 2
		}
		opts.asOf = d
	}
	input, err := io.ReadAll(stdin)
	if err != nil {
		fmt.Fprintf(stderr, "jifen: reading standard input: %v\n", err)
		return 2
	}
	w := bufio.NewWriterSize(stdout, 1<<16)
	failed := process(input, opts, w)
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "jifen: writing: %v\n", err)
		return 1
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "jifen: %d of the profiles failed\n", failed)
		return 1
	}
	return 0
}
