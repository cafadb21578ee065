package batch

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

var day = score.Date{Year: 2026, Month: 12, Day: 7}

// evaluate is the native result of a profile in link form at d.
func evaluate(t *testing.T, link string, d score.Date) score.Result {
	t.Helper()
	p := profileAt(t, link, d)
	r, err := score.Evaluate(p)
	require.NoError(t, err, link)
	return r
}

func TestRowsAreNumberedAsTheSpreadsheetShowsThem(t *testing.T) {
	// empty lines are skipped but counted; a bad row leaves the others
	text := "姓名\t学历\t社保年限\n" +
		"张三\t硕士\t3\n" +
		"\n" +
		"\t\t\n" +
		"李四\t研究生\t2\n" +
		"王五\t本科\t4\n"
	tab := Read(text)
	require.Empty(t, tab.Errors)
	require.Len(t, tab.Rows, 3)
	assert.Equal(t, []int{2, 5, 6}, []int{tab.Rows[0].Line, tab.Rows[1].Line, tab.Rows[2].Line})
	assert.Equal(t, []string{"第 5 行“学历”：无法识别“研究生”，可填 博士、硕士、本科+学士、本科、大专、无"}, tab.Rows[1].Errors)
	outs := tab.ScoreAll(day)
	assert.Equal(t, evaluate(t, "education=master&insurance_years=3", day).Total, outs[0].Result.Total)
	assert.Equal(t, StatusError, outs[1].Status)
	assert.Equal(t, evaluate(t, "education=bachelor&insurance_years=4", day).Total, outs[2].Result.Total)
	assert.Equal(t, "张三", tab.Rows[0].Name)
}

func TestOnlyAHeader(t *testing.T) {
	for _, text := range []string{"姓名\t学历\n", "姓名,学历\r\n\r\n\r\n", "\uFEFF出生年月"} {
		tab := Read(text)
		assert.Empty(t, tab.Rows, text)
		require.Len(t, tab.Errors, 1, text)
		assert.Contains(t, tab.Errors[0], "只有表头（第 1 行），没有员工", text)
	}
	tab := Read("")
	assert.Empty(t, tab.Errors, "an empty box is no error")
	assert.Empty(t, tab.Columns)
	assert.Empty(t, Read("\n \n\t\n").Errors)
}

func TestNoHeader(t *testing.T) {
	for _, text := range []string{"张三\t1990-05\t硕士\n李四\t1992-01\t本科\n", "\n\n2026 年积分申请名单\n姓名\t学历\n张三\t硕士\n"} {
		tab := Read(text)
		require.Len(t, tab.Errors, 1)
		assert.Regexp(t, `^第 \d 行应是表头（列名，如 姓名、出生年月、学历、社保年限），这里没有认出任何列名`, tab.Errors[0])
		assert.Empty(t, tab.Rows)
	}
	assert.Contains(t, Read("\n\n员工名单\n").Errors[0], "第 3 行应是表头")
}

func TestSameKeyTwiceNamesBothColumns(t *testing.T) {
	tab := Read("姓名\t学历\t部门\teducation\n张三\t硕士\t研发\t本科\n")
	require.Len(t, tab.Errors, 1)
	assert.Equal(t, "“学历”（B 列）和“education”（D 列）都是学历：请只留一列", tab.Errors[0])
	assert.Empty(t, tab.Rows, "nothing is scored")
	tab = Read("姓名\t姓名\n张三\t李四\n")
	require.Len(t, tab.Errors, 1)
	assert.Contains(t, tab.Errors[0], "“姓名”（A 列）和“姓名”（B 列）都是姓名")
}

func TestNameIsOptional(t *testing.T) {
	tab := Read("部门\t学历\n研发\t硕士\n")
	require.Len(t, tab.Rows, 1)
	assert.Equal(t, "", tab.Rows[0].Name, "another column is no name")
	tab = Read("出生年月\t学历\n1990-05\t硕士\n")
	require.Empty(t, tab.Errors)
	require.Len(t, tab.Rows, 1)
	assert.Equal(t, "", tab.Rows[0].Name)
	assert.Equal(t, evaluate(t, "birth=1990-05&education=master", day).Total, tab.Score(0, day).Result.Total)
}

func TestUnknownColumnsAreKeptWithOneNotice(t *testing.T) {
	tab := Read("工号\t姓名\t部门\t学历\t\t备注\n007\t张三\t研发\t硕士\tx\t新员工\n")
	require.Empty(t, tab.Errors)
	assert.Equal(t, []string{"这些列不参与计算，导出时原样保留：“工号”、“部门”、E 列（没有列名）、“备注”（列名见模板）"}, tab.Notices)
	outs := tab.ScoreAll(day)
	csv := string(Export(tab, outs, day))
	assert.True(t, strings.HasPrefix(csv, BOM+"工号,姓名,部门,学历,,备注,总分,"), csv)
	assert.Contains(t, csv, "\r\n007,张三,研发,硕士,x,新员工,")
}

func TestExtraCellsAreAnError(t *testing.T) {
	// an unquoted amount with a comma in a CSV shifts the row
	tab := Read("姓名,社保月基数,学历\n张三,12,577,硕士\n李四,\"12,577\",硕士\n王五,10000,本科,,\n")
	require.Len(t, tab.Rows, 3)
	require.Len(t, tab.Rows[0].Errors, 2)
	assert.Equal(t, "第 2 行比表头多出内容（从 D 列起）：请检查这一行是否错位；CSV 文件里带逗号的内容（如 12,577）须加引号", tab.Rows[0].Errors[0])
	assert.Empty(t, tab.Rows[1].Errors)
	assert.Equal(t, profile(t, "base_monthly=12577&education=master"), tab.Rows[1].Profile)
	assert.Empty(t, tab.Rows[2].Errors, "empty cells past the header are nothing")
}

func TestQuotedCells(t *testing.T) {
	// CSV from Excel: CRLF, a BOM, quotes doubled, a line break and a
	// comma in a cell; the row after a multi-line cell is the next row
	text := "\uFEFF姓名,备注,学历\r\n\"张\"\"三\"\"\",\"第一行\r\n第二行, 还有逗号\",硕士\r\n李四,,本科\r\n"
	tab := Read(text)
	require.Empty(t, tab.Errors)
	require.Len(t, tab.Rows, 2)
	assert.Equal(t, `张"三"`, tab.Rows[0].Name)
	assert.Equal(t, "第一行\r\n第二行, 还有逗号", tab.Rows[0].Cells[1])
	assert.Equal(t, 3, tab.Rows[1].Line)
	// pasted from Excel: a cell with a tab or a line break is quoted
	tab = Read("姓名\t备注\t学历\n\"张三\t\"\t\"a\nb\"\t硕士\n")
	require.Len(t, tab.Rows, 1)
	assert.Equal(t, "张三", tab.Rows[0].Name)
	assert.Equal(t, "a\nb", tab.Rows[0].Cells[1])
	assert.Equal(t, profile(t, "education=master"), tab.Rows[0].Profile)
	// a stray quote does not swallow the table
	tab = Read("姓名\t学历\n\"张三\t硕士\n李四\t本科\n")
	require.Len(t, tab.Rows, 2)
	assert.Equal(t, `"张三`, tab.Rows[0].Name)
	assert.Equal(t, profile(t, "education=bachelor"), tab.Rows[1].Profile)
	// text after a closing quote is kept
	tab = Read("姓名,学历\n\"张\"三,硕士\n")
	assert.Equal(t, "张三", tab.Rows[0].Name)
}

func TestSingleColumnTableKeepsCommas(t *testing.T) {
	tab := Read("社保月基数\n12,577\n")
	require.Len(t, tab.Rows, 1)
	assert.Empty(t, tab.Rows[0].Errors)
	assert.Equal(t, profile(t, "base_monthly=12577"), tab.Rows[0].Profile)
}

func TestLineEndings(t *testing.T) {
	for _, nl := range []string{"\n", "\r\n", "\r"} {
		tab := Read("姓名,学历" + nl + "张三,硕士" + nl + "李四,本科")
		require.Len(t, tab.Rows, 2, "%q", nl)
		assert.Equal(t, 3, tab.Rows[1].Line)
		assert.Equal(t, profile(t, "education=bachelor"), tab.Rows[1].Profile)
	}
}

func TestCalculationDateColumn(t *testing.T) {
	tab := Read("姓名\t出生年月\t学历\t社保年限\t计算日期\n张三\t1990-05\t硕士\t3\t2025-01-01\n李四\t1990-05\t硕士\t3\t\n")
	require.Empty(t, tab.Errors)
	outs := tab.ScoreAll(day)
	assert.Equal(t, score.Date{Year: 2025, Month: 1, Day: 1}, outs[0].Result.AsOf)
	assert.Equal(t, day, outs[1].Result.AsOf, "an empty cell: today")
	assert.Equal(t, evaluate(t, "as_of=2025-01-01&birth=1990-05&education=master&insurance_years=3", day).Total, outs[0].Result.Total)
}

// Cells wrong only together (a birth after the 计算日期, a child born
// decades ago) name their column too.
func TestCrossFieldProblems(t *testing.T) {
	tab := Read("姓名\t出生年月\t计算日期\t子女出生年月\n张三\t2030-01\t2026-12-01\t\n李四\t1990-01\t\t1990-01\n")
	outs := tab.ScoreAll(day)
	require.Equal(t, StatusError, outs[0].Status)
	assert.Equal(t, []string{"第 2 行“出生年月”：出生年月晚于计算日期（2026 年 12 月 1 日），请检查"}, outs[0].Errors)
	require.Equal(t, StatusError, outs[1].Status)
	require.Len(t, outs[1].Errors, 1)
	assert.True(t, strings.HasPrefix(outs[1].Errors[0], "第 3 行“子女出生年月”："), outs[1].Errors[0])
}

func TestTooManyRowsAreCut(t *testing.T) {
	var b strings.Builder
	b.WriteString("社保年限\n")
	for range MaxRows + 3 {
		b.WriteString("1\n")
	}
	tab := Read(b.String())
	assert.Len(t, tab.Rows, MaxRows)
	require.Len(t, tab.Notices, 1)
	assert.Contains(t, tab.Notices[0], "只读取了前 50,000 位员工（到第 50001 行）")
}

func TestTemplateReadsCleanly(t *testing.T) {
	text, enc, err := Decode(Template(), nil)
	require.NoError(t, err)
	assert.Equal(t, UTF8, enc)
	tab := Read(text)
	assert.Empty(t, tab.Errors)
	assert.Empty(t, tab.Notices, "every header of the template is known")
	require.Len(t, tab.Rows, 2)
	for i, r := range tab.Rows {
		assert.Empty(t, r.Errors)
		assert.NotEqual(t, StatusError, tab.Score(i, day).Status)
	}
	assert.Len(t, tab.Columns, 18)
}

func TestDecode(t *testing.T) {
	gb := func(b []byte) (string, error) { return "decoded:" + string(rune(len(b))), nil }
	text, enc, err := Decode([]byte("\xEF\xBB\xBF姓名"), gb)
	assert.Equal(t, []any{"姓名", UTF8, nil}, []any{text, enc, err})
	text, enc, _ = Decode([]byte("姓名"), gb)
	assert.Equal(t, []any{"姓名", UTF8}, []any{text, enc})
	// not UTF-8: the GB18030 decoder ("姓名" in GBK is D0 D5 C3 FB)
	text, enc, _ = Decode([]byte{0xD0, 0xD5, 0xC3, 0xFB}, gb)
	assert.Equal(t, []any{"decoded:\x04", GB18030}, []any{text, enc})
	_, _, err = Decode([]byte{0xD0, 0xD5}, nil)
	assert.ErrorIs(t, err, ErrNotUTF8)
}
