package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"

	"jifen/batch"
	"jifen/score"
)

// staffCSV is a staff table as Excel saves it: CSV, CRLF, a cell with a
// comma quoted, one bad cell.
const staffCSV = "姓名,出生年月,学历,全日制,社保年限,社保基数档次,社保月基数,子女出生年月,部门\r\n" +
	"张三,1990年5月,本科学士,是,6,2倍,,2018-03,\"研发, 上海\"\r\n" +
	"李四,1996/3,研究生,是,2,,,,销售\r\n" +
	"王五,1988.11,硕士,是,4,,\"12,577\",,\r\n"

var batchDay = score.Date{Year: 2026, Month: 12, Day: 7}

// export is what the page writes for the same text at the same date.
func export(t *testing.T, text string) string {
	t.Helper()
	tab := batch.Read(text)
	require.Empty(t, tab.Errors)
	return string(batch.Export(tab, tab.ScoreAll(batchDay), batchDay))
}

func TestBatchWritesThePagesExport(t *testing.T) {
	out, stderr, code := jifen(t, staffCSV, "batch", "-as-of", batchDay.String())
	assert.Equal(t, 1, code, "a row has an error")
	assert.Equal(t, export(t, staffCSV), out, "the same bytes as the page")
	assert.True(t, strings.HasPrefix(out, batch.BOM+"姓名,出生年月,学历,全日制,社保年限,社保基数档次,社保月基数,子女出生年月,部门,总分,是否达标,还差,预计达到 "))
	assert.Contains(t, stderr, "jifen batch: 第 3 行“学历”：无法识别“研究生”，可填 博士、硕士、本科+学士、本科、大专、无\n")
	assert.Contains(t, stderr, "jifen batch: 3 人：")
	assert.Contains(t, stderr, "，1 行有错误\n")
	// the totals are score's
	p, _ := score.ParseQuery("as_of=2026-12-07&birth=1990-05&education=bachelor_degree&full_time=1&insurance_years=6&base_tier=2&children=2018-03")
	want := score.MustEvaluate(p).Total
	assert.Contains(t, out, "\r\n张三,1990年5月,本科学士,是,6,2倍,,2018-03,\"研发, 上海\","+strconv.Itoa(want)+",")
}

func TestBatchReadsGBKAndAFile(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(staffCSV)
	require.NoError(t, err)
	require.NotEqual(t, staffCSV, gbk)
	out, _, code := jifen(t, gbk, "batch", "-as-of", batchDay.String())
	assert.Equal(t, 1, code)
	assert.Equal(t, export(t, staffCSV), out, "GBK reads as the UTF-8 table")

	dir := t.TempDir()
	path := filepath.Join(dir, "名单.csv")
	good := strings.Replace(staffCSV, "研究生", "硕士", 1)
	require.NoError(t, os.WriteFile(path, []byte("\uFEFF"+good), 0o600))
	out, stderr, code := jifen(t, "", "batch", "-as-of", batchDay.String(), path)
	assert.Equal(t, 0, code, stderr)
	assert.Equal(t, export(t, good), out)
	tab := batch.Read(good)
	assert.Equal(t, "jifen batch: 这些列不参与计算，导出时原样保留：“部门”（列名见模板）\njifen batch: "+batch.Count(tab.ScoreAll(batchDay)).String()+"\n", stderr)
}

func TestBatchTableErrors(t *testing.T) {
	out, stderr, code := jifen(t, "姓名\t学历\teducation\n张三\t硕士\t硕士\n", "batch")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "jifen batch: “学历”（B 列）和“education”（C 列）都是学历：请只留一列\n", stderr)
	out, stderr, code = jifen(t, "姓名\t学历\n", "batch")
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "只有表头（第 1 行），没有员工")
	_, stderr, code = jifen(t, "", "batch")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "standard input 是空的")
	// the unknown columns are named once
	_, stderr, _ = jifen(t, "姓名\t部门\t学历\n张三\t研发\t硕士\n", "batch")
	assert.Contains(t, stderr, "jifen batch: 这些列不参与计算，导出时原样保留：“部门”")
}

func TestBatchUsage(t *testing.T) {
	for _, args := range [][]string{{"batch", "-as-of", "2026-13-01"}, {"batch", "a.csv", "b.csv"}, {"batch", "-x"}, {"batch", "/no/such/file.csv"}} {
		_, stderr, code := jifen(t, "", args...)
		assert.Equal(t, 2, code, args)
		assert.Contains(t, stderr, "jifen batch: ", args)
	}
	out, _, code := jifen(t, "", "batch", "-h")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "usage: jifen batch")
}
