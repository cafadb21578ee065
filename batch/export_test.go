package batch

import (
	"encoding/csv"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// parseCSV reads an export with the standard library's strict CSV reader.
func parseCSV(t *testing.T, b []byte) [][]string {
	t.Helper()
	s := string(b)
	require.True(t, strings.HasPrefix(s, BOM), "a UTF-8 BOM first")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, BOM)))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	return recs
}

const staff = "工号\t姓名\t出生年月\t学历\t全日制\t社保年限\t社保基数档次\t一般刑事犯罪次数\t子女出生年月\t部门\n" +
	"001\t张三\t1990-05\t硕士\t是\t6\t1\t\t2018-03\t研发\n" +
	"002\t李四\t1996/3\t本科\t是\t2\t\t1\t\t销售, 华东\n" +
	"003\t王五\t1990-05\t研究生\t是\t6\t1\t\t\t\"引号\"\n" +
	"004\t赵六\t1985年1月\t大专\t\t10\t2\t\t2012-01、2016-05\t\n"

func TestExport(t *testing.T) {
	tab := Read(staff)
	require.Empty(t, tab.Errors)
	outs := tab.ScoreAll(day)
	b := Export(tab, outs, day)
	assert.Contains(t, string(b), "\r\n")
	assert.NotContains(t, strings.ReplaceAll(string(b), "\r\n", ""), "\n", "every line ends with CRLF")
	recs := parseCSV(t, b)
	require.Len(t, recs, 1+len(tab.Rows))
	head := recs[0]
	std := strconv.Itoa(score.StandardAt(day))
	// the table's own columns as given, then the results
	assert.Equal(t, []string{"工号", "姓名", "出生年月", "学历", "全日制", "社保年限", "社保基数档次", "一般刑事犯罪次数", "子女出生年月", "部门",
		"总分", "是否达标", "还差", "预计达到 " + std + " 分"}, head[:14])
	// one column per indicator any row has, in the regulation's order
	has := map[score.ID]bool{}
	for _, o := range outs {
		for _, it := range o.Result.Items {
			has[it.ID] = true
		}
	}
	var want []string
	for _, ind := range score.Indicators() {
		if has[ind.ID] {
			want = append(want, ind.Name+"（分）")
		}
	}
	require.NotEmpty(t, want)
	assert.Equal(t, want, head[14:14+len(want)])
	assert.Equal(t, []string{"提示", "子女1中考", "子女2中考"}, head[14+len(want):])
	col := map[string]int{}
	for i, h := range head {
		col[h] = i
	}
	for i, r := range tab.Rows {
		rec, o := recs[i+1], outs[i]
		require.Len(t, rec, len(head))
		assert.Equal(t, r.Cells[:10], rec[:10], "the row's own cells as given")
		if o.Status == StatusError {
			assert.Equal(t, "", rec[col["总分"]])
			assert.Equal(t, "有错误", rec[col["是否达标"]])
			assert.Equal(t, strings.Join(o.Errors, "；"), rec[col["提示"]])
			assert.Contains(t, rec[col["提示"]], "第 4 行“学历”：无法识别“研究生”")
			continue
		}
		assert.Equal(t, strconv.Itoa(o.Result.Total), rec[col["总分"]])
		assert.Equal(t, o.Status.String(), rec[col["是否达标"]])
		assert.Equal(t, strconv.Itoa(o.Result.Gap), rec[col["还差"]])
		assert.Equal(t, o.Reach, rec[col["预计达到 "+std+" 分"]])
		sum := 0
		for _, ind := range score.Indicators() {
			c, ok := col[ind.Name+"（分）"]
			if !ok {
				continue
			}
			if it, ok := o.Result.Item(ind.ID); ok {
				assert.Equal(t, strconv.Itoa(it.Points), rec[c])
				n, _ := strconv.Atoi(rec[c])
				sum += n
			} else {
				assert.Equal(t, "", rec[c])
			}
		}
		assert.Equal(t, o.Result.Total, sum, "the points add up to the total")
		assert.Equal(t, strings.Join(o.Result.Warnings, " "), rec[col["提示"]])
		for k := range 2 {
			w := ""
			if k < len(o.Children) {
				w = o.Children[k]
			}
			assert.Equal(t, w, rec[col[childHeader(k+1)]])
		}
	}
	assert.Equal(t, "-", recs[2][col["一般刑事犯罪（分）"]][:1], "a deduction is a plain negative number")
}

// An export read again scores the same; its result columns are kept as
// columns not scored, with the notice naming them.
func TestExportReadAgain(t *testing.T) {
	tab := Read(staff)
	outs := tab.ScoreAll(day)
	text, _, err := Decode(Export(tab, outs, day), nil)
	require.NoError(t, err)
	again := Read(text)
	require.Empty(t, again.Errors)
	require.Len(t, again.Notices, 1)
	assert.Contains(t, again.Notices[0], "“总分”、“是否达标”、“还差”")
	outs2 := again.ScoreAll(day)
	for i := range outs {
		assert.Equal(t, outs[i].Status, outs2[i].Status)
		assert.Equal(t, outs[i].Result.Total, outs2[i].Result.Total)
	}
}

// Cells Excel would take for a formula get a ' before them; numbers and
// text do not; RFC 4180 quoting.
func TestExportCells(t *testing.T) {
	for in, want := range map[string]string{
		"=1+2":              "'=1+2",
		"=HYPERLINK(\"x\")": `"'=HYPERLINK(""x"")"`,
		"+86 138":           "'+86 138",
		"-1+2":              "'-1+2",
		"@SUM(A1)":          "'@SUM(A1)",
		"\tx":               "'\tx",
		"\r=1":              "\"'\r=1\"",
		"-50":               "-50",
		"+3.5":              "+3.5",
		"-":                 "'-",
		"张三":                "张三",
		"a,b":               `"a,b"`,
		`say "hi"`:          `"say ""hi"""`,
		"two\nlines":        "\"two\nlines\"",
		"":                  "",
		"'=x":               "'=x",
	} {
		assert.Equal(t, want, string(appendCell(nil, in)), "%q", in)
	}
	tab := Read("姓名\t学历\n=1+2\t硕士\n")
	recs := parseCSV(t, Export(tab, tab.ScoreAll(day), day))
	assert.Equal(t, "'=1+2", recs[1][0])
}
