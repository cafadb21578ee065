package batch

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// staffTable is a made-up staff list of n rows in the cell forms people
// write, tab-separated as pasted.
func staffTable(n int) string {
	rng := rand.New(rand.NewPCG(7, uint64(n)))
	edus := []string{"博士", "硕士", "本科+学士", "本科", "大专", "无"}
	titles := []string{"", "", "初级", "技能三级", "中级", "高级"}
	tiers := []string{"", "0.8", "1", "2倍", "3", "无"}
	var b strings.Builder
	b.WriteString("姓名\t出生年月\t学历\t全日制\t职称或技能\t社保年限\t社保基数档次\t配偶沪籍婚龄\t子女出生年月\t部门\n")
	for i := range n {
		b.WriteString("员工" + strconv.Itoa(i) + "\t")
		b.WriteString(strconv.Itoa(1968+rng.IntN(36)) + "年" + strconv.Itoa(1+rng.IntN(12)) + "月\t")
		b.WriteString(edus[rng.IntN(len(edus))] + "\t" + []string{"是", "否", ""}[rng.IntN(3)] + "\t")
		b.WriteString(titles[rng.IntN(len(titles))] + "\t" + strconv.Itoa(rng.IntN(12)) + "年\t")
		b.WriteString(tiers[rng.IntN(len(tiers))] + "\t" + strconv.Itoa(rng.IntN(3)*rng.IntN(4)) + "\t")
		if rng.IntN(2) == 0 {
			b.WriteString(strconv.Itoa(2008+rng.IntN(17)) + "-0" + strconv.Itoa(1+rng.IntN(9)))
		}
		b.WriteString("\t研发\n")
	}
	return b.String()
}

// BenchmarkParse reads a table of 1,000 employees (every cell turned into
// a profile value).
func BenchmarkParse(b *testing.B) {
	text := staffTable(1000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if t := Read(text); len(t.Rows) != 1000 {
			b.Fatal(len(t.Rows))
		}
	}
}

// BenchmarkScore scores 1,000 employees (total, status, the month 120 is
// reached, children's verdicts).
func BenchmarkScore(b *testing.B) {
	t := Read(staffTable(1000))
	b.ReportAllocs()
	for b.Loop() {
		t.ScoreAll(day)
	}
}

// BenchmarkExport writes the export of 1,000 scored employees.
func BenchmarkExport(b *testing.B) {
	t := Read(staffTable(1000))
	outs := t.ScoreAll(day)
	b.ReportAllocs()
	for b.Loop() {
		Export(t, outs, day)
	}
}

func TestStaffTableReads(t *testing.T) {
	tab := Read(staffTable(200))
	if len(tab.Errors) > 0 || len(tab.Rows) != 200 {
		t.Fatal(tab.Errors, len(tab.Rows))
	}
	for _, r := range tab.Rows {
		if len(r.Errors) > 0 {
			t.Fatal(r.Errors)
		}
	}
}
