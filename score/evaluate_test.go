package score

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// asOf is the evaluation date of every test that does not name one: the
// day rules.md was last reviewed. No test depends on the machine's clock.
var asOf = Date{2026, 11, 28}

// q evaluates a profile written as a query, at asOf unless it names one.
func q(t *testing.T, query string) Result {
	t.Helper()
	r, err := Evaluate(profileOf(t, query))
	require.NoError(t, err, query)
	return r
}

func points(t *testing.T, r Result, id ID) int {
	t.Helper()
	it, ok := r.Item(id)
	require.True(t, ok, "no item %s in %+v", id, r.Items)
	return it.Points
}

func itemPoints(r Result, id ID) int { it, _ := r.Item(id); return it.Points }
func itemWhy(r Result, id ID) string { it, _ := r.Item(id); return it.Why }
func warnings(r Result) string       { return strings.Join(r.Warnings, "\n") }

// example is one worked example: a profile, the item it checks, and the
// line of ../shared/rules.md the expected points come from.
type example struct {
	rule  string // rules.md line
	query string
	item  ID
	pts   int
	why   string // in the item's reason, when set
	warn  string // in the warnings, when set
	total int    // when not 0
}

func runExamples(t *testing.T, cases []example) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.rule+"/"+c.query, func(t *testing.T) {
			r := q(t, c.query)
			assert.Equal(t, c.pts, points(t, r, c.item), "%s (rules.md %s)", c.query, c.rule)
			if c.why != "" {
				assert.Contains(t, itemWhy(r, c.item), c.why)
			}
			if c.warn != "" {
				assert.Contains(t, warnings(r), c.warn)
			}
			if c.total != 0 {
				assert.Equal(t, c.total, r.Total)
			}
			sum := 0
			for _, it := range r.Items {
				sum += it.Points
			}
			assert.Equal(t, r.Total, sum, "the total is the sum of the items")
		})
	}
}

func TestWorkedExamples(t *testing.T) {
	cases := []struct {
		name  string
		query string
		total int
		warn  string
	}{
		{"35 硕士", "age=35&education=master", 130, ""},
		{"45 大专 10 年", "age=45&education=college&insurance_years=10", 107, ""},
		{"30 大专 2 倍 3 年", "age=30&education=college&base_tier=2&insurance_years=3", 189, ""},
		{"48 本科学士 高级职称", "age=48&education=bachelor_degree&title=senior&title_base_ok=1", 161, ""},
		{"29 本科 0.8 倍 2 年", "age=29&education=bachelor&base_tier=0.8&insurance_years=2", 96, "不足 3 年"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := q(t, c.query)
			assert.Equal(t, c.total, r.Total)
			assert.Equal(t, c.total >= 120, r.MeetsStandard)
			assert.Equal(t, 120, r.Standard)
			if c.warn != "" {
				assert.Contains(t, warnings(r), c.warn)
			}
		})
	}
}

// rules.md line 40: age.
func TestAge(t *testing.T) {
	want := map[int]int{43: 30, 44: 29, 45: 27, 46: 25, 47: 23, 48: 21, 49: 19, 50: 17, 51: 15,
		52: 13, 53: 11, 54: 9, 55: 7, 56: 5, 57: 5, 58: 5, 59: 5, 60: 5, 61: 0, 62: 0}
	for age := 16; age <= 80; age++ {
		w, ok := want[age]
		switch {
		case !ok && age < 43:
			w = 30
		case !ok:
			w = 0
		}
		assert.Equal(t, w, AgePoints(age, asOf), "age %d", age)
		r := q(t, "age="+itoa(age))
		assert.Equal(t, w, points(t, r, "age"), "age %d", age)
		assert.Equal(t, w, r.Total, "age %d", age)
	}
	runExamples(t, []example{
		{"40", "age=35", "age", 30, "35 周岁，43 周岁及以下满分 30 分", "", 0},
		{"40", "age=47", "age", 23, "56 周岁 5 分，每年轻 1 岁加 2 分：23 分", "", 0},
		{"40", "age=58", "age", 5, "56 至 60 周岁 5 分", "", 0},
		{"40", "age=61", "age", 0, "超过 60 周岁", "", 0},
		{"40", "education=master", "age", 0, "未填写出生年月或年龄", "年龄最多 30 分", 100},
	})
	assert.Equal(t, "现在 47 周岁，年龄分 23 分。", AgeHint(47, asOf))
}

func TestAgeFromBirth(t *testing.T) {
	// 43 until the day before the 44th birthday (rules.md line 40).
	assert.Equal(t, 30, q(t, "birth=1982-11-29&as_of=2026-11-28").Total)
	assert.Equal(t, 29, q(t, "birth=1982-11-28&as_of=2026-11-28").Total)
	assert.Equal(t, 29, q(t, "birth=1982-11&as_of=2026-11-28").Total)
	assert.Equal(t, 5, q(t, "birth=1966-11&as_of=2026-11-28").Total) // 60
	assert.Equal(t, 0, q(t, "birth=1965-11&as_of=2026-11-28").Total) // 61
	r := q(t, "birth=1990-01&age=20")
	assert.Equal(t, 36, r.Age, "birth wins over age")
}

// rules.md lines 41-43: education, title, either/or.
func TestEducationTitleEitherOr(t *testing.T) {
	eduPts := map[string]int{"none": 0, "college": 50, "bachelor": 60, "bachelor_degree": 90, "master": 100, "doctor": 110}
	titlePts := map[string]int{"none": 0, "junior": 0, "skill5": 15, "skill4": 30, "skill3": 60, "skill2": 100, "intermediate": 100, "skill1": 140, "senior": 140}
	needsBase := map[string]bool{"skill2": true, "intermediate": true, "skill1": true, "senior": true}
	for e, ep := range eduPts {
		for ti, tp := range titlePts {
			for _, ok := range []string{"0", "1"} {
				query := "age=60&education=" + e + "&title=" + ti + "&title_base_ok=" + ok
				r := q(t, query)
				eff := tp
				if needsBase[ti] && ok == "0" {
					eff = 0
				}
				assert.Equal(t, 5+max(ep, eff), r.Total, query)
				assert.Equal(t, max(ep, eff), points(t, r, "education")+itemPoints(r, "title"), query)
			}
		}
	}
	runExamples(t, []example{
		{"41", "education=college", "education", 50, "大专（高职）50 分", "", 0},
		{"41", "education=bachelor_degree", "education", 90, "本科+学士学位 90 分", "", 0},
		{"42", "title=skill3", "title", 60, "技能三级（高级工）60 分", "须与现工作岗位相符", 0},
		{"43", "education=master&title=skill3", "education", 100, "学历与职称只计较高者，按学历计", "", 0},
		{"43", "education=college&title=senior&title_base_ok=1", "education", 0, "高级职称（140 分）更高", "", 0},
		{"44", "education=college&title=senior&title_base_ok=0", "title", 0, "这一条件未满足，此等级计 0 分", "满足后可计 140 分", 50},
		{"44", "education=college&title=senior&title_base_ok=1", "title", 140, "已确认近 12 个月中至少 6 个月", "", 140},
	})
}

// rules.md line 45: title_base_ok absent is inferred from the base tier;
// the reason says 按缴费基数档次推定 or 未确认, never that the condition
// fails; an explicit answer always wins.
func TestTitleBaseInferred(t *testing.T) {
	runExamples(t, []example{
		{"45", "title=senior&base_tier=1", "title", 140, "按缴费基数档次推定", "", 0},
		{"45", "title=senior&base_tier=3", "title", 140, "按缴费基数档次推定", "", 0},
		// tier 2 without the years to score it still counts the condition
		{"45", "title=senior&base_tier=2&insurance_years=1", "title", 140, "按缴费基数档次推定，请确认近 12 个月", "", 0},
		{"45", "title=senior&base_monthly=" + oneX(asOf), "title", 140, "按缴费基数档次推定", "", 0},
		{"45", "title=senior&base_tier=0.8", "title", 0, "未确认", "", 0},
		{"45", "title=senior&base_tier=none", "title", 0, "未确认", "", 0},
		{"45", "title=senior", "title", 0, "未确认", "", 0},
		{"45", "title=senior&base_monthly=" + plainFen(WageAt(asOf).Yuan*100-1), "title", 0, "未确认", "", 0},
		{"45", "title=senior&base_tier=0.8&title_base_ok=1", "title", 140, "已确认", "", 0},
		{"45", "title=senior&base_tier=3&title_base_ok=0", "title", 0, "未满足", "", 0},
	})
	assert.Contains(t, itemWhy(q(t, "education=college&title=senior"), "education"), "职称基数条件未确认，按学历计")
	assert.Contains(t, itemWhy(q(t, "education=college&title=senior&title_base_ok=0"), "education"), "职称基数条件未满足，按学历计")
	for _, query := range []string{"title=senior", "title=intermediate&base_tier=0.8", "education=college&title=skill1&base_tier=none"} {
		r := q(t, query)
		it, _ := r.Item("title")
		assert.NotContains(t, it.Why, "未满足", query)
		assert.NotContains(t, it.Why+warnings(r), "未满 6 个月", query)
		assert.NotContains(t, itemWhy(r, "education"), "未满足", query)
	}
	inferred, _ := q(t, "title=senior&base_tier=1").Item("title")
	assert.Equal(t, Medium, inferred.Confidence, "the inference is medium")
	assert.NotEmpty(t, inferred.Dispute)
	explicit, _ := q(t, "title=senior&title_base_ok=1").Item("title")
	assert.Equal(t, High, explicit.Confidence, "the window itself is high (rules.md line 44)")
	assert.Empty(t, explicit.Dispute)
}

// rules.md line 46: insurance years, 3 a year, no cap (medium).
func TestInsuranceYears(t *testing.T) {
	for y := 0; y <= 45; y++ {
		assert.Equal(t, 3*y, points(t, q(t, "insurance_years="+itoa(y)), "insurance_years"))
	}
	runExamples(t, []example{
		{"46", "insurance_years=7", "insurance_years", 21, "每满 1 年 3 分 × 7 年 = 21 分", "是否重新计算年限", 0},
		{"46", "insurance_years=45", "insurance_years", 135, "", "", 0},
	})
	it, _ := q(t, "insurance_years=7").Item("insurance_years")
	assert.Equal(t, Medium, it.Confidence)
	assert.Contains(t, it.Dispute, "上限")
}

// rules.md line 52: base tier, and the years that must support it.
func TestTier(t *testing.T) {
	cases := []struct {
		tier  string
		need  int
		score int
	}{{"0.8", 3, 25}, {"1", 3, 50}, {"2", 3, 100}, {"3", 2, 120}}
	for _, c := range cases {
		below := q(t, "base_tier="+c.tier+"&insurance_years="+itoa(c.need-1))
		assert.Equal(t, 0, points(t, below, "base_tier"), c.tier)
		assert.Contains(t, warnings(below), "暂计 0 分")
		at := q(t, "base_tier="+c.tier+"&insurance_years="+itoa(c.need))
		assert.Equal(t, c.score, points(t, at, "base_tier"), c.tier)
	}
	_, has := q(t, "base_tier=none&insurance_years=5").Item("base_tier")
	assert.True(t, has, "an explicit none is shown")
	_, has = q(t, "insurance_years=5").Item("base_tier")
	assert.False(t, has)
	runExamples(t, []example{
		{"52", "base_tier=1&insurance_years=3", "base_tier", 50, "近 48 个月中累计 36 个月缴费基数为上年度平均工资的 1 倍至 2 倍：50 分", "", 0},
		{"52", "base_tier=3&insurance_years=2", "base_tier", 120, "近 36 个月中累计 24 个月", "", 0},
		{"52", "base_tier=none&insurance_years=5", "base_tier", 0, "未达上年度平均工资的 0.8 倍", "", 0},
	})
}

// rules.md lines 143-149 and profile.md base_monthly: the figure in use at
// as_of decides (the thresholds of every figure: TestWageBook); base_tier
// wins over base_monthly, with a warning when they disagree.
func TestBaseMonthly(t *testing.T) {
	// each month's base against the figure in use in that month
	prev, cur := wageBook[len(wageBook)-2], wageBook[len(wageBook)-1]
	_, prevOne := yuanOf(prev.yuan, 100)
	before, after := cur.from.prevDay().String(), cur.from.String()
	assert.Equal(t, Tier1, q(t, "base_monthly="+prevOne+"&insurance_years=3&as_of="+before).Tier)
	assert.Equal(t, Tier08, q(t, "base_monthly="+prevOne+"&insurance_years=3&as_of="+after).Tier, "%s is below the new figure", prevOne)
	_, curOne := yuanOf(cur.yuan, 100)
	r := q(t, "base_tier=2&base_monthly="+curOne+"&insurance_years=3&as_of="+after)
	assert.Equal(t, Tier2, r.Tier)
	assert.False(t, r.TierEstimated)
	assert.Contains(t, warnings(r), "不一致")
	assert.NotContains(t, warnings(q(t, "base_tier=2&base_monthly="+plainFen(WageAt(asOf).Yuan*250)+"&insurance_years=3")), "不一致")
}

// Whole reasons, word for word, for the items with the most parts.
func TestReasonsExactly(t *testing.T) {
	cases := []struct {
		query string
		id    ID
		why   string
	}{
		{"base_tier=1&insurance_years=3", "base_tier", "近 48 个月中累计 36 个月缴费基数为上年度平均工资的 1 倍至 2 倍：50 分"},
		{"base_tier=3&insurance_years=1", "base_tier", "近 36 个月中累计 24 个月缴费基数为上年度平均工资的 3 倍及以上：120 分；社保年限不足 2 年，暂计 0 分"},
		{"education=college&title=senior&base_tier=1", "title", "高级职称 140 分；职称基数条件按缴费基数档次推定，请确认近 12 个月中至少 6 个月社保缴费基数达到上年度平均工资"},
		{"education=college&title=senior", "title", "高级职称 140 分；职称基数条件（近 12 个月中至少 6 个月社保缴费基数达到上年度平均工资）未确认，暂不计分"},
		{"education=master&title=intermediate&title_base_ok=1", "title", "中级职称 100 分（已确认近 12 个月中至少 6 个月社保缴费基数达到上年度平均工资）；学历分不低于职称分，学历与职称只计较高者，本项不计"},
		{"education=college&title=senior&title_base_ok=1", "education", "大专（高职）50 分；高级职称（140 分）更高，学历与职称只计较高者，本项不计"},
		{"education=bachelor_degree", "education", "本科+学士学位 90 分"},
		{"age=47", "age", "47 周岁，56 周岁 5 分，每年轻 1 岁加 2 分：23 分"},
		{"spouse_years=13", "spouse", "婚龄每满 1 年 4 分 × 13 年，上限 40 分，计 40 分"},
		{"detention=2", "detention", "近 5 年受行政拘留 2 次 × −50 分"},
	}
	for _, c := range cases {
		assert.Equal(t, c.why, itemWhy(q(t, c.query), c.id), c.query)
	}
}

func TestWageAt(t *testing.T) {
	first := wageBook[0]
	w := WageAt(first.from.prevDay())
	assert.False(t, w.Known, "before the first figure")
	assert.Equal(t, first.yuan, w.Yuan)
	assert.True(t, w.Missing.IsZero())
}

// rules.md line 53: the shortage major only for full-time 大专.
func TestShortageMajor(t *testing.T) {
	runExamples(t, []example{
		{"53", "shortage_major=1&education=college&full_time=1", "shortage_major", 30, "紧缺急需专业 30 分", "", 0},
		{"53", "shortage_major=1&education=bachelor_degree&full_time=1", "shortage_major", 0, "只适用于全日制大专（专科）学历，您填写的学历是本科+学士学位", "学历不是大专时不计分", 0},
		{"53", "shortage_major=1&full_time=1", "shortage_major", 0, "您填写的学历是大专以下", "", 0},
		{"53", "shortage_major=1&education=college", "shortage_major", 0, "未确认是否全日制", "请在“全日制学历”选“是”", 0},
		{"53", "shortage_major=1&education=college&full_time=0", "shortage_major", 0, "非全日制", "非全日制不计分", 0},
	})
	it, _ := q(t, "shortage_major=1&education=bachelor_degree&full_time=1").Item("shortage_major")
	assert.Equal(t, Medium, it.Confidence, "大专 and full-time only is medium, and zeroes these points")
	it, _ = q(t, "shortage_major=1&education=college&full_time=1").Item("shortage_major")
	assert.Equal(t, High, it.Confidence, "for a full-time 大专 the dispute changes nothing: not shown")
	assert.Empty(t, it.Dispute)
}

// rules.md line 54: investment.
func TestInvestment(t *testing.T) {
	cases := []struct {
		query string
		pts   int
	}{
		{"invest_tax_avg=99999.99", 0},
		{"invest_tax_avg=100000", 10},
		{"invest_tax_avg=299999", 20},
		{"invest_hires_avg=9", 0},
		{"invest_hires_avg=10", 10},
		{"invest_hires_avg=35", 30},
		{"invest_tax_avg=250000&invest_hires_avg=45", 40},
		{"invest_tax_avg=1200000", 120},
		{"invest_tax_avg=5000000", 120},
	}
	for _, c := range cases {
		assert.Equal(t, c.pts, points(t, q(t, c.query), "investment"), c.query)
	}
	it, _ := q(t, "invest_tax_avg=5000000").Item("investment")
	assert.Contains(t, it.Why, "已达上限 120 分")
	assert.Equal(t, Medium, it.Confidence)
	assert.Equal(t, "上限：2013 年试行办法为 100 分，较新来源为 120 分", it.Dispute)
}

// rules.md lines 55 and 63: public service, counted once 5 years are
// reached, no cap.
func TestPublicService(t *testing.T) {
	runExamples(t, []example{
		{"55", "public_service_years=4", "public_service", 0, "满 5 年后才计入总分", "", 0},
		{"63", "public_service_years=5", "public_service", 20, "", "", 0},
		{"55", "public_service_years=30", "public_service", 120, "", "", 0},
	})
}

// rules.md lines 18, 56 and 63: key areas; Lingang once 3 years are
// reached, the reported 2024 change unconfirmed (not applied).
func TestKeyArea(t *testing.T) {
	runExamples(t, []example{
		{"56", "key_area=other&key_area_years=4", "key_area", 0, "满 5 年后才计入总分", "", 0},
		{"63", "key_area=other&key_area_years=5", "key_area", 10, "计 10 分", "", 0},
		{"56", "key_area=other&key_area_years=10", "key_area", 20, "", "", 0},
		{"56", "key_area=other&key_area_years=15", "key_area", 20, "", "", 0},
		{"18", "key_area=lingang&key_area_years=1&as_of=2024-08-21", "key_area", 0, "满 3 年后才计入总分", "", 0},
		{"18", "key_area=lingang&key_area_years=2&as_of=2026-11-28", "key_area", 0, "", "", 0},
		{"56", "key_area=lingang&key_area_years=3&as_of=2024-08-20", "key_area", 6, "", "", 0},
		{"56", "key_area=lingang&key_area_years=3&as_of=2026-11-28", "key_area", 6, "", "", 0},
		{"56", "key_area=lingang&key_area_years=12", "key_area", 20, "", "", 0},
		{"56", "key_area_years=6", "key_area", 12, "", "未选择重点区域类型", 0},
	})
	it, _ := q(t, "key_area=lingang&key_area_years=2").Item("key_area")
	assert.Equal(t, Medium, it.Confidence, "before 3 years the first-year rule would count")
	assert.Contains(t, it.Dispute, "未见来源证实")
	it, _ = q(t, "key_area=lingang&key_area_years=3").Item("key_area")
	assert.Equal(t, High, it.Confidence, "from 3 years the reported rule changes nothing")
	other, _ := q(t, "key_area=other&key_area_years=6").Item("key_area")
	assert.Equal(t, High, other.Confidence)
}

// rules.md line 57: fresh graduates, full-time only.
func TestFreshGraduate(t *testing.T) {
	runExamples(t, []example{
		{"57", "fresh_graduate=1&full_time=1", "fresh_graduate", 10, "全日制应届高校毕业生 10 分", "", 0},
		{"57", "fresh_graduate=1", "fresh_graduate", 0, "未确认是否全日制", "请在“全日制学历”选“是”", 0},
		{"57", "fresh_graduate=1&full_time=0", "fresh_graduate", 0, "非全日制", "矛盾", 0},
	})
}

// rules.md lines 58-61: award, spouse, startup, tech transfer.
func TestOtherBonusItems(t *testing.T) {
	runExamples(t, []example{
		{"58", "award=city_special", "award", 30, "市级委办局专项表彰 30 分", "", 0},
		{"58", "award=city", "award", 60, "", "", 0},
		{"58", "award=national", "award", 110, "", "", 0},
		{"59", "spouse_years=1", "spouse", 4, "婚龄每满 1 年 4 分 × 1 年，计 4 分", "", 0},
		{"59", "spouse_years=9", "spouse", 36, "", "", 0},
		{"59", "spouse_years=10", "spouse", 40, "", "", 0},
		{"59", "spouse_years=13", "spouse", 40, "上限 40 分，计 40 分", "", 0},
		{"60", "startup_talent=1", "startup_talent", 120, "持股 5% 及以上", "", 0},
		{"61", "tech_transfer_talent=1", "tech_transfer", 120, "连续工作满 6 个月", "", 0},
	})
	it, _ := q(t, "award=city").Item("award")
	assert.Equal(t, High, it.Confidence, "raised to high in the review (rules.md line 58)")
}

// rules.md lines 71-75: deductions add up; vetoes.
func TestDeductionsAndVetoes(t *testing.T) {
	base := "age=30&education=doctor&insurance_years=10" // 30+110+30 = 170
	assert.Equal(t, 170, q(t, base).Total)
	runExamples(t, []example{
		{"71", base + "&false_material=1", "false_material", -150, "近 3 年积分申请中提供虚假材料 1 次 × −150 分", "", 20},
		{"71", base + "&false_material=2", "false_material", -300, "", "", -130},
		{"72", base + "&detention=1", "detention", -50, "近 5 年受行政拘留", "", 120},
		{"72", base + "&detention=2", "detention", -100, "", "", 70},
		{"73", base + "&criminal=1", "criminal", -150, "近 5 年有一般刑事犯罪记录", "", 20},
		{"71", base + "&criminal=1&detention=1&false_material=0", "criminal", -150, "", "", -30},
	})
	r := q(t, base+"&serious_crime=1")
	assert.True(t, r.Vetoed)
	assert.False(t, r.MeetsStandard)
	assert.Equal(t, 170, r.Total)
}

// rules.md line 75: family planning is not applied; its two facts are said
// once, where the person answers the question (FieldHelp), not repeated
// by the result.
func TestFamilyPlanning(t *testing.T) {
	r := q(t, "age=30&education=doctor&insurance_years=10&family_planning_breach=1")
	assert.False(t, r.Vetoed)
	assert.True(t, r.MeetsStandard)
	it, ok := r.Item("family_planning")
	require.True(t, ok)
	assert.Equal(t, Low, it.Confidence)
	assert.Contains(t, it.Why, "不按一票否决")
	assert.NotEmpty(t, it.Dispute)
	all := it.Why + it.Dispute + warnings(r)
	assert.NotContains(t, all, "2021", "the facts are not repeated in the result")
	help := FieldHelp("family_planning_breach", asOf)
	assert.Equal(t, 1, strings.Count(help, "2017 年"), help)
	assert.Equal(t, 1, strings.Count(help, "2021 年"), help)
	assert.Contains(t, help, "不按一票否决")
}

// full_time is a tri-state: the non-full-time caveat only when it is
// explicitly false (rules.md "Open questions", non-full-time degrees).
func TestNonFullTimeCaveat(t *testing.T) {
	assert.Contains(t, warnings(q(t, "education=bachelor&full_time=0")), "非全日制学历")
	assert.NotContains(t, warnings(q(t, "education=bachelor")), "非全日制学历", "unknown is no caveat")
	assert.NotContains(t, warnings(q(t, "education=bachelor&full_time=1")), "非全日制学历")
	assert.NotContains(t, warnings(q(t, "full_time=0")), "非全日制学历", "no degree, no caveat")
}

// rules.md line 21: past the regulation's end, the last values and a
// warning that assumes they carry on; before it, the first values.
func TestRulesOutsideTheirPeriod(t *testing.T) {
	in := q(t, "age=35&education=master&as_of=2027-12-31")
	assert.NotContains(t, warnings(in), "有效期")
	past := q(t, "age=35&education=master&as_of=2028-01-01")
	assert.Equal(t, in.Total, past.Total)
	assert.Contains(t, warnings(past), "晚于现行积分办法的有效期（至 2027 年 12 月 31 日）")
	assert.Contains(t, warnings(past), "假设其延续")
	assert.Equal(t, 1, strings.Count(warnings(past), "有效期"), "said once")
	before := q(t, "age=35&education=master&as_of=2022-06-01")
	assert.Equal(t, in.Total, before.Total)
	assert.Contains(t, warnings(before), "早于现行积分办法施行（2023 年 1 月 1 日）")
	last := wageBook[len(wageBook)-1]
	assert.Contains(t, in.RulesAsOf, Money(last.yuan*100)+" 元（"+last.from.MonthChinese()+"起使用）")
	assert.Contains(t, past.RulesAsOf, "2027 年 12 月 31 日")
}

func TestResultShape(t *testing.T) {
	r := q(t, "age=45&education=college&insurance_years=10")
	assert.Equal(t, 120, r.Standard)
	assert.Equal(t, 13, r.Gap)
	assert.False(t, r.MeetsStandard)
	assert.Equal(t, asOf, r.AsOf)
	for _, it := range r.Items {
		assert.NotEmpty(t, it.Why)
		assert.NotEmpty(t, it.Name)
		assert.Equal(t, it.Confidence != High, it.Dispute != "", "%s: a dispute line exactly below high", it.ID)
	}
	assert.Equal(t, 0, q(t, "age=35&education=master").Gap)
	// the regulation's order: basic, bonus, deduction, veto
	all := q(t, "age=30&education=master&title=senior&insurance_years=5&base_tier=1&shortage_major=1&invest_hires_avg=10&public_service_years=5&key_area=other&key_area_years=5&fresh_graduate=1&full_time=1&award=city&spouse_years=1&startup_talent=1&tech_transfer_talent=1&false_material=1&detention=1&criminal=1&serious_crime=1&family_planning_breach=1")
	var ids []ID
	for _, it := range all.Items {
		ids = append(ids, it.ID)
	}
	assert.Equal(t, []ID{"age", "education", "title", "insurance_years", "base_tier", "shortage_major", "investment", "public_service",
		"key_area", "fresh_graduate", "award", "spouse", "startup_talent", "tech_transfer", "false_material", "detention", "criminal",
		"serious_crime", "family_planning"}, ids)
}

func TestCheckAndAsProblems(t *testing.T) {
	p, _ := ParseQuery("birth=2027-01&as_of=2026-11-28")
	_, err := Evaluate(p)
	probs, ok := AsProblems(err)
	require.True(t, ok)
	assert.Equal(t, "birth", probs[0].Key)
	assert.Equal(t, "出生年月晚于计算日期（2026 年 11 月 28 日），请检查", probs[0].Zh)
	p, _ = ParseQuery("birth=2015-01&as_of=2026-11-28")
	_, err = Plan(p)
	probs, ok = AsProblems(fmt.Errorf("line 3: %w", err))
	require.True(t, ok, "wrapped Problems are found")
	assert.Contains(t, probs[0].Zh, "16 到 80 周岁")
	assert.NotContains(t, probs[0].Zh, "birth")
	_, ok = AsProblems(errors.New("other"))
	assert.False(t, ok)
	_, ok = AsProblems(nil)
	assert.False(t, ok)
	_, err = Evaluate(Profile{AsOf: Date{1999, 1, 1}})
	probs, _ = AsProblems(err)
	assert.Equal(t, "计算日期须在 2000 年到 2100 年之间", probs[0].Zh)
}

// TestItemMax: each item carries the most it can score (its cap or top
// level, from the same values), 0 when it has none, for its bar.
func TestItemMax(t *testing.T) {
	r := q(t, "age=30&education=master&title=skill3&insurance_years=4&base_tier=1&spouse_years=2&award=city&key_area=other&key_area_years=6&as_of=2026-11-28")
	want := map[ID]int{"age": 30, "education": 110, "title": 140, "insurance_years": 0, "base_tier": 120, "spouse": 40, "award": 110, "key_area": 20}
	for id, m := range want {
		it, ok := r.Item(id)
		require.True(t, ok, string(id))
		assert.Equal(t, m, it.Max, id)
	}
}

// A dispute is shown only where it can change the person's points
// (issue 23: "未见上限" beside 3 years of insurance misleads).
func TestDisputeOnlyWhereItMatters(t *testing.T) {
	for _, c := range []struct {
		query string
		id    ID
		want  Confidence
	}{
		{"insurance_years=3", IDInsuranceYears, High},
		{"insurance_years=6", IDInsuranceYears, High},    // 18 points: below every cap of the regulation
		{"insurance_years=7", IDInsuranceYears, Medium},  // 21 points: a cap could bind
		{"invest_tax_avg=1000000", IDInvestment, High},   // 100 points: both caps agree
		{"invest_tax_avg=1100000", IDInvestment, Medium}, // 110: 100 or 110
		{"invest_hires_avg=200", IDInvestment, Medium},
		{"key_area=lingang&key_area_years=1", IDKeyArea, Medium},
		{"key_area=other&key_area_years=1", IDKeyArea, High},
	} {
		it, ok := q(t, c.query).Item(c.id)
		require.True(t, ok, c.query)
		assert.Equal(t, c.want, it.Confidence, c.query)
		assert.Equal(t, c.want != High, it.Dispute != "", c.query)
	}
}

// The sentences of a result share one array (reader.text): each must read
// the same as when written into a string of its own, and stay so after
// more evaluations.
func TestSentencesKeptApart(t *testing.T) {
	p := benchProfile
	p.KeyAreaYears, p.PublicServiceYears = 3, 2
	r := MustEvaluate(p)
	want := make([]string, len(r.Items))
	for i, it := range r.Items {
		want[i] = strings.Clone(it.Why)
	}
	// the same sentences, each written on its own (no shared array)
	var e eval
	e.init(&p, p.AsOf, &Result{})
	e.run()
	require.Len(t, e.res.Items, len(want))
	for i, it := range e.res.Items {
		assert.Equal(t, it.Why, want[i], "item %s", it.ID)
	}
	for range 50 {
		q := p
		q.InsuranceYears++
		MustEvaluate(q)
	}
	for i, it := range r.Items {
		assert.Equal(t, want[i], it.Why, "item %s after more evaluations", it.ID)
	}
}
