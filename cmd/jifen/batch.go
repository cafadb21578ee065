package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jifen/batch"
)

const batchUsage = `usage: jifen batch [-as-of YYYY-MM-DD] [FILE]

Reads an HR office's staff table (../shared/batch.md: a header row, then
one employee per row; tab-separated or CSV; UTF-8 or GB18030/GBK)
from FILE or standard input and writes the export to standard output: the
table's own columns, then 总分, 是否达标, 还差, 预计达到 120 分, each
indicator's points, 提示 and each child's 中考 verdict, as CSV with a BOM
(the same bytes the /batch page exports). What cannot be read is named by
row and column on standard error, in Chinese; the other rows are scored.

  -as-of   score the rows without a 计算日期 at this date (default today)

Exit status: 0 every row scored, 1 some row (or the table) could not be
read, 2 usage error.
`

// runBatch is `jifen batch`.
func runBatch(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jifen batch", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asOf := fs.String("as-of", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 1 {
		if err == flag.ErrHelp {
			fmt.Fprint(stdout, batchUsage)
			return 0
		}
		if err == nil {
			err = fmt.Errorf("unexpected argument %q", fs.Arg(1))
		}
		fmt.Fprintf(stderr, "jifen batch: %v\n%s", err, batchUsage)
		return 2
	}
	d := today()
	if *asOf != "" {
		var err error
		if d, err = parseDate(*asOf); err != nil {
			fmt.Fprintf(stderr, "jifen batch: -as-of: %v\n", err)
			return 2
		}
	}
	in, name := stdin, "standard input"
	if fs.NArg() == 1 {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			fmt.Fprintf(stderr, "jifen batch: %v\n", err)
			return 2
		}
		defer f.Close()
		in, name = f, fs.Arg(0)
	}
	data, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintf(stderr, "jifen batch: reading %s: %v\n", name, err)
		return 2
	}
	text, _, err := batch.Decode(data, gb18030)
	if err != nil {
		fmt.Fprintf(stderr, "jifen batch: %s: 无法读取文件的编码（%v）\n", name, err)
		return 1
	}
	t := batch.Read(text)
	for _, n := range t.Notices {
		fmt.Fprintln(stderr, "jifen batch: "+n)
	}
	if len(t.Errors) > 0 || len(t.Columns) == 0 {
		for _, e := range t.Errors {
			fmt.Fprintln(stderr, "jifen batch: "+e)
		}
		if len(t.Columns) == 0 && len(t.Errors) == 0 {
			fmt.Fprintln(stderr, "jifen batch: "+name+" 是空的")
		}
		return 1
	}
	outs := t.ScoreAll(d)
	if _, err := stdout.Write(batch.Export(t, outs, d)); err != nil {
		fmt.Fprintf(stderr, "jifen batch: writing: %v\n", err)
		return 1
	}
	c := batch.Count(outs)
	for i := range outs {
		for _, e := range outs[i].Errors {
			fmt.Fprintln(stderr, "jifen batch: "+e)
		}
	}
	fmt.Fprintln(stderr, "jifen batch: "+c.String())
	if c.Errors > 0 {
		return 1
	}
	return 0
}

// gb18030 decodes GB18030, which includes GBK and GB2312.
func gb18030(b []byte) (string, error) {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("GB18030: %w", err)
	}
	return string(out), nil
}
