package batch

import (
	"strings"
	"testing"
	"unicode/utf8"

	"jifen/score"
)

// FuzzRead: no text makes Read, Score or Export panic; every message
// names its row; the export is CSV with one record per row.
//
//	go test ./batch -run '^$' -fuzz '^FuzzRead$' -fuzztime 20000x
func FuzzRead(f *testing.F) {
	f.Add(staff)
	f.Add(string(Template()))
	f.Add("姓名,学历\r\n\"张\"\"三\",硕士\r\n\"未闭合,本科\r\n")
	f.Add("出生年月\t子女出生年月\t社保月基数\n36526\t2018-03、2021/7\t1.2万\n")
	d := score.Date{Year: 2026, Month: 12, Day: 7}
	f.Fuzz(func(t *testing.T, text string) {
		tab := Read(text)
		outs := tab.ScoreAll(d)
		for i, r := range tab.Rows {
			if r.Line < 2 {
				t.Fatalf("row %d on line %d", i, r.Line)
			}
			for _, msg := range outs[i].Errors {
				if !strings.HasPrefix(msg, rowName(r.Line)) {
					t.Fatalf("message %q does not name row %d", msg, r.Line)
				}
			}
			for _, pair := range strings.Split(r.Profile.Encode(), "&") {
				if key, _, _ := strings.Cut(pair, "="); key != "" {
					if _, ok := tab.keyCol[key]; !ok {
						t.Fatalf("row %d: %s set without its column", r.Line, key)
					}
				}
			}
			if outs[i].Status == StatusError && len(outs[i].Errors) == 0 {
				t.Fatalf("row %d: an error without a message", r.Line)
			}
		}
		b := Export(tab, outs, d)
		if len(tab.Columns) > 0 && len(tab.Errors) == 0 {
			if n := len(parseRecords(string(b))); n != len(tab.Rows)+1 {
				t.Fatalf("export has %d records for %d rows", n, len(tab.Rows))
			}
		}
		if utf8.ValidString(text) && !utf8.Valid(b) {
			t.Fatalf("export of valid text is not UTF-8")
		}
	})
}

// parseRecords reads an export back with our own reader (the strict
// standard one in TestExport).
func parseRecords(s string) [][]string {
	sp := splitter{s: strings.TrimPrefix(s, BOM), sep: ','}
	var recs [][]string
	for {
		rec, ok := sp.next(nil)
		if !ok {
			return recs
		}
		recs = append(recs, rec)
	}
}
