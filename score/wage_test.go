package score

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wageRow is one figure of rules.md's table "Shanghai average wage", as
// the tests expect it.
type wageRow struct {
	from Date // the first month it is used for (July)
	yuan int64
	conf Confidence
}

// wageBook is rules.md's wage table. Every expected threshold, tier and
// sentence about the wage is computed from it, so that a year's figure is
// one value in bonus_tier.go and one row here (README, "When the wage is
// published").
var wageBook = []wageRow{
	{Date{2021, 7, 1}, 10338, High},
	{Date{2022, 7, 1}, 11396, High},
	{Date{2023, 7, 1}, 12183, High},
	{Date{2024, 7, 1}, 12307, High},
	{Date{2025, 7, 1}, 12434, High},
	{Date{2026, 7, 1}, 12577, Medium},
}

// bookAt is the row of book in use on d (the last one past the table) and
// whether d is past the last row's year.
func bookAt(book []wageRow, d Date) (wageRow, bool) {
	i := len(book) - 1
	for i > 0 && d.Before(book[i].from) {
		i--
	}
	return book[i], i == len(book)-1 && !d.Before(book[i].from.AddYears(1))
}

// yuanOf writes a figure in fen times a multiple in per cent as a reader
// reads it ("9,947.2") and as a link writes it ("9947.2").
func yuanOf(yuan int64, pct int64) (reads, link string) {
	fen := yuan * pct
	return Money(fen), plainFen(fen)
}

// oneX is 1× the figure in use on d, as a link writes it.
func oneX(d Date) string { row, _ := bookAt(wageBook, d); _, s := yuanOf(row.yuan, 100); return s }

// multAt is the multiple (per cent) a tier starts at on d.
func multAt(t TierRule, d Date) int64 { r := reader{d: d}; return t.mult(&r) }

// addWage adds a hypothetical figure after the last one for the rest of
// the test, and returns the book with its row.
func addWage(t *testing.T, yuan int64) []wageRow {
	t.Helper()
	old := wage.Values
	last := old[len(old)-1].Per
	per := &period{last.To.nextDay(), last.To.AddYears(1), SrcWage, pkWage}
	wage.Values = append(append([]value{}, old...), value{per, yuan, High, ""})
	t.Cleanup(func() { wage.Values = old })
	return append(append([]wageRow{}, wageBook...), wageRow{per.From, yuan, High})
}

// checkWageBook checks the code's wage figures, every tier threshold and
// every sentence that states a figure against book.
func checkWageBook(t *testing.T, book []wageRow) {
	t.Helper()
	for i, row := range book {
		for _, d := range []Date{row.from, row.from.AddMonths(5), row.from.AddYears(1).prevDay()} {
			w := WageAt(d)
			require.Equal(t, row.yuan, w.Yuan, "the figure in use on %s", d)
			assert.Equal(t, row.from, w.From, d)
			assert.Equal(t, row.conf, w.Conf, d)
			assert.True(t, w.Known, d)
			assert.True(t, w.Missing.IsZero(), d)
		}
		d := row.from.AddMonths(2) // a date the row is in use
		// each threshold: a fen below is the tier below, the threshold is
		// the tier (exact at the thresholds)
		for k := 1; k < len(TierTable); k++ {
			tr := TierTable[k]
			mult := multAt(tr, d)
			fen := row.yuan * mult
			assert.Equal(t, tr.Value, TierOfMonthly(fen, d), "%s at %d%%", d, mult)
			assert.Equal(t, TierTable[k-1].Value, TierOfMonthly(fen-1, d), "%s below %d%%", d, mult)
			_, link := yuanOf(row.yuan, mult)
			r := q(t, "base_monthly="+link+"&insurance_years=3&as_of="+d.String())
			assert.Equal(t, tr.Value, r.Tier, link)
			assert.True(t, r.TierEstimated)
			assert.Equal(t, tr.PointsAt(d), points(t, r, "base_tier"), link)
			assert.NotContains(t, warnings(r), "公布", "%s is in the table", d)
		}
		low, lowLink := yuanOf(row.yuan, multAt(TierTable[1], d))
		one, _ := yuanOf(row.yuan, 100)
		top, _ := yuanOf(row.yuan, multAt(TierTable[len(TierTable)-1], d))
		below := plainFen(row.yuan*multAt(TierTable[1], d) - 1)
		month := row.from.MonthChinese()
		assert.Equal(t, fmt.Sprintf("按月缴费基数 %s 元估算：低于上年度平均工资 %s 元的 0.8 倍（%s 元），不加分（估算）", Money(row.yuan*multAt(TierTable[1], d)-1), one, low),
			itemWhy(q(t, "base_monthly="+below+"&as_of="+d.String()), "base_tier"))
		assert.Equal(t, fmt.Sprintf("按月缴费基数 %s 元估算（%s起上年度平均工资 %s 元）：0.8 倍至 1 倍档，须近 48 个月中累计 36 个月达到，25 分（估算）", low, month, one),
			itemWhy(q(t, "base_monthly="+lowLink+"&insurance_years=3&as_of="+d.String()), "base_tier"))
		cs := BaseTierChoices(d)
		assert.Equal(t, "低于 "+low+" 元，或不清楚", cs[0].Label)
		assert.Equal(t, low+" 元至 "+one+" 元（不含）", cs[1].Label)
		assert.Equal(t, top+" 元及以上（缴费上限）", cs[len(cs)-1].Label)
		assert.Contains(t, FieldHelp("base_tier", d), "按 "+month+"起使用的 "+one+" 元计，0.8 倍为 "+low+" 元")
		assert.Contains(t, FieldHelp("base_monthly", d), "（"+one+" 元，"+month+"起）")
		assert.Contains(t, FieldHelp("title_base_ok", d), "（"+one+" 元/月，"+month+"起使用）")
		assert.Contains(t, rulesAsOf(d), "上年度平均工资 "+one+" 元（"+month+"起使用）")
		rows := WageRows(d)
		require.Len(t, rows, len(book), "no row for a missing figure while %s is in the table", d)
		assert.Equal(t, WageRow{From: row.from, To: row.from.AddYears(1).prevDay(), Yuan: row.yuan, Month: month, Wage: one + " 元", Low: low + " 元", High: top + " 元", Conf: row.conf}, rows[i])
	}
	// Past the last figure: the last one, said once, naming the missing
	// month; and the table says it is missing.
	last := book[len(book)-1]
	missing := last.from.AddYears(1)
	one, _ := yuanOf(last.yuan, 100)
	for _, d := range []Date{missing, missing.AddMonths(1), missing.AddMonths(14)} {
		got, past := bookAt(book, d)
		require.True(t, past)
		w := WageAt(d)
		assert.Equal(t, got.yuan, w.Yuan, d)
		assert.False(t, w.Known, d)
		due := missing
		for !d.Before(due.AddYears(1)) {
			due = due.AddYears(1)
		}
		assert.Equal(t, due, w.Missing, d)
		r := q(t, "base_monthly=9000&insurance_years=3&as_of="+d.String())
		assert.Contains(t, warnings(r), due.MonthChinese()+"起使用的上年度平均工资", d)
		assert.Contains(t, warnings(r), "按 "+last.from.MonthChinese()+"起的 "+one+" 元比较，假设其不变。", d)
		assert.Equal(t, 1, strings.Count(warnings(r), "平均工资"), "said once")
		assert.Contains(t, FieldHelp("base_tier", d), "暂按 "+one+" 元计算")
		rows := WageRows(d)
		require.Len(t, rows, len(book)+1, d)
		assert.Equal(t, "未公布", rows[len(book)].Wage)
		assert.Contains(t, rows[len(book)].Note, "暂按 "+one+" 元比较")
		assert.Contains(t, strings.Join(OpenQuestions(d), ""), due.MonthChinese()+"起使用的上年度平均工资")
	}
	assert.NotContains(t, strings.Join(OpenQuestions(missing.prevDay()), ""), "上年度平均工资（应在")
	assert.NotContains(t, warnings(q(t, "base_tier=1&insurance_years=3&as_of="+missing.String())), "平均工资",
		"no wage warning when no wage is used")
}

// TestWageBook: the figures of rules.md, their thresholds and sentences.
func TestWageBook(t *testing.T) { checkWageBook(t, wageBook) }

// TestNextWageFigure adds a hypothetical 2027 figure, as README's recipe
// does, and sees every threshold and sentence follow.
func TestNextWageFigure(t *testing.T) {
	book := addWage(t, 12800)
	require.Equal(t, Date{2027, 7, 1}, book[len(book)-1].from)
	checkWageBook(t, book)
	assert.Contains(t, rulesAsOf(Date{2027, 9, 1}), "12,800 元（2027 年 7 月起使用）")
	assert.Equal(t, "10,240 元至 12,800 元（不含）", BaseTierChoices(Date{2027, 9, 1})[1].Label)
}

// The figure of a year is published in August or September: past the
// table, the missing figure is "not yet published" while the rules were
// checked before its months, "not found" after.
func TestMissingWageText(t *testing.T) {
	last := wageBook[len(wageBook)-1]
	missing := last.from.AddYears(1)
	var r reader
	due := Date{missing.Year, time.August, 1}
	require.True(t, RulesCheckedOn.Before(due), "the next figure is not due when the rules were checked")
	assert.Equal(t, fmt.Sprintf("%s起使用的上年度平均工资要到 %d 年 8、9 月才公布", missing.MonthChinese(), missing.Year), missingText(&r, missing))
	old := missing.AddYears(-2) // a figure that was due long before the check
	assert.Equal(t, fmt.Sprintf("%s起使用的上年度平均工资（应在 %d 年 8、9 月公布）截至 %s仍未找到", old.MonthChinese(), old.Year, RulesCheckedOn.Chinese()), missingText(&r, old))
}

// July and August of a year in the table: the figure is used from July,
// though published in August or September; a result for those months is
// computed with it and says nothing of a missing figure.
func TestWageJulyAugust(t *testing.T) {
	for _, row := range wageBook {
		for _, d := range []Date{row.from, {row.from.Year, time.August, 31}} {
			r := q(t, "base_monthly=15000&insurance_years=3&as_of="+d.String())
			assert.NotContains(t, warnings(r), "公布", d)
			assert.Equal(t, row.yuan, WageAt(d).Yuan, d)
		}
	}
}
