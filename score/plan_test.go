package score

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func plan(t *testing.T, query string) PlanResult {
	t.Helper()
	pr, err := Plan(profileOf(t, query))
	require.NoError(t, err)
	return pr
}

func paths(pr PlanResult) map[string]Path {
	m := map[string]Path{}
	for _, p := range pr.Paths {
		m[p.ID] = p
	}
	return m
}

// rules.md line 107: time alone.
func TestPlanReachByInsurance(t *testing.T) {
	pr := plan(t, "birth=1985-06&education=college&insurance_years=10")
	// age 41 now: 30+50+30 = 110; 2027: 42 → 113; 2028: 43 → 116; 2029: 44 → 29+50+39 = 118;
	// 2030: 45 → 27+50+42 = 119; 2031: 46 → 25+50+45 = 120.
	require.NotNil(t, pr.ReachDate)
	assert.Equal(t, Date{2031, 11, 28}, *pr.ReachDate)
	assert.Equal(t, 110, pr.Timeline[0].Total)
	assert.Equal(t, 120, pr.Timeline[5].Total)
	for _, y := range pr.Timeline {
		assert.LessOrEqual(t, y.Age, 60)
	}
	assert.Equal(t, 60, pr.Timeline[len(pr.Timeline)-1].Age)
	assert.Equal(t, StopAge, pr.Stop.Reason)
	assert.Equal(t, Date{2046, 5, 31}, pr.Stop.Date, "the day before the 61st birthday")
	assert.Contains(t, pr.Stop.Text, "未填写退休类别，规划推算到 60 周岁为止（2046 年 5 月）")
}

func TestPlanAlreadyMet(t *testing.T) {
	pr := plan(t, "age=35&education=master")
	require.NotNil(t, pr.ReachDate)
	assert.Equal(t, asOf, *pr.ReachDate)
	assert.Empty(t, pr.Paths, "no path to what the person already has")
	assert.Equal(t, "已达到 120 分标准分值。", pr.Note)
}

func TestPlanAgeOnlyGrowsOnAnniversary(t *testing.T) {
	pr := plan(t, "age=43&education=college&insurance_years=0")
	assert.Equal(t, 43, pr.Timeline[0].Age)
	assert.Equal(t, 44, pr.Timeline[1].Age)
	assert.Equal(t, 29+50+3, pr.Timeline[1].Total)
	assert.Equal(t, Date{2044, 11, 27}, pr.Stop.Date)
}

func TestPlanTierCountsOnceYearsSupportIt(t *testing.T) {
	// 29, 本科 no degree, 0.8× base, 2 years: 96 now; next year 3 years → 30+60+9+25 = 124.
	pr := plan(t, "age=29&education=bachelor&base_tier=0.8&insurance_years=2")
	assert.Equal(t, 96, pr.Total)
	require.NotNil(t, pr.ReachDate)
	assert.Equal(t, Date{2027, 11, 28}, *pr.ReachDate)
}

func TestPlanNeverReaches(t *testing.T) {
	pr := plan(t, "age=58")
	assert.Nil(t, pr.ReachDate)
	assert.Equal(t, "如果只是时间推移、其他情况不变，60 周岁前达不到 120 分。", pr.Note)
	pr = plan(t, "age=50&retire_group=female50")
	assert.Nil(t, pr.ReachDate)
	assert.Contains(t, pr.Note, "法定退休前达不到")
}

// rules.md lines 110-120: every path starts at its earliest realistic
// month, never today, and never leads to what the person already has.
func TestPlanPaths(t *testing.T) {
	// 40, 大专, 2 years: 30+50+6 = 86; no retirement group: up to 60.
	pr := plan(t, "age=40&education=college&insurance_years=2")
	ids := paths(pr)
	for _, p := range pr.Paths {
		assert.True(t, pr.ReachDate == nil || p.ReachDate.Before(*pr.ReachDate), p.ID)
		assert.True(t, p.EffectiveFrom.After(asOf), "%s starts later than today", p.ID)
		assert.False(t, p.ReachDate.Before(p.EffectiveFrom), p.ID)
		assert.Greater(t, p.PointsGained, 0, p.ID)
		assert.Contains(t, p.Detail, "从现在起最早 "+p.EffectiveFrom.MonthChinese()+"起计分", p.ID)
		assert.NotRegexp(t, `\d{4}-\d{2}`, p.Detail)
	}
	// rules.md line 115: 专升本 2.5 years → 2029-05: 30+90+3×4 = 132.
	require.Contains(t, ids, "education_bachelor_degree")
	assert.Equal(t, Date{2029, 5, 28}, ids["education_bachelor_degree"].EffectiveFrom)
	assert.Equal(t, Date{2029, 5, 28}, ids["education_bachelor_degree"].ReachDate)
	assert.Equal(t, 40, ids["education_bachelor_degree"].PointsGained)
	assert.Equal(t, Medium, ids["education_bachelor_degree"].Confidence)
	assert.NotContains(t, ids, "education_master", "not sooner than 专升本")
	assert.NotContains(t, ids, "education_college", "already has it")
	// rules.md line 119: 中级职称 1 year, and the base condition: the tier
	// is below 1×, so 6 more months → 2028-05: 30+100+3×3 = 139.
	require.Contains(t, ids, "title_intermediate")
	assert.Equal(t, Date{2028, 5, 28}, ids["title_intermediate"].EffectiveFrom)
	assert.Equal(t, "取得中级职称，并满足职称基数条件", ids["title_intermediate"].Change, "the change says both")
	assert.Equal(t, Low, ids["title_intermediate"].Confidence)
	assert.NotEmpty(t, ids["title_intermediate"].Dispute)
	// rules.md line 118: skill levels, 6 months each: 技能三级 is three
	// levels up → 18 months.
	require.Contains(t, ids, "title_skill3")
	assert.Equal(t, Date{2028, 5, 28}, ids["title_skill3"].EffectiveFrom)
	// rules.md line 120: tier 3 after 24 months, tier 0.8 after 36.
	require.Contains(t, ids, "base_tier_3")
	assert.Equal(t, Date{2028, 11, 28}, ids["base_tier_3"].ReachDate)
	assert.Equal(t, 120, ids["base_tier_3"].PointsGained)
	require.Contains(t, ids, "base_tier_0.8")
	assert.Equal(t, Date{2029, 11, 28}, ids["base_tier_0.8"].ReachDate)
	assert.NotContains(t, ids, "base_tier_1", "no sooner than 0.8")
	for _, p := range pr.Paths {
		assert.NotContains(t, p.Change, "婚")
	}
}

func TestPlanTitleWithBaseAlready(t *testing.T) {
	// tier 1 counts the base condition: 中级职称 after 12 months only.
	pr := plan(t, "age=40&education=college&insurance_years=1&base_tier=1")
	ids := paths(pr)
	require.Contains(t, ids, "title_intermediate")
	assert.Equal(t, Date{2027, 11, 28}, ids["title_intermediate"].EffectiveFrom)
	assert.Equal(t, "取得中级职称", ids["title_intermediate"].Change, "the condition is met")
	pr = plan(t, "age=40&education=college&insurance_years=1&title_base_ok=1")
	assert.Equal(t, Date{2027, 11, 28}, paths(pr)["title_intermediate"].EffectiveFrom, "an explicit yes wins")
	pr = plan(t, "age=40&education=college&insurance_years=1&base_tier=1&title_base_ok=0")
	assert.Equal(t, Date{2028, 5, 28}, paths(pr)["title_intermediate"].EffectiveFrom, "an explicit no wins")
}

func TestPlanNeverToWhatIsHeld(t *testing.T) {
	for _, query := range []string{
		"age=44&education=doctor&insurance_years=1",
		"age=50&title=senior&title_base_ok=0&insurance_years=1",
		"age=50&title=skill1&base_tier=3&insurance_years=1",
		"age=50&education=master&title=intermediate&base_tier=2&insurance_years=1",
		"age=55&education=bachelor&base_tier=3&insurance_years=1",
	} {
		p, _ := ParseQuery(query)
		p.AsOf = asOf
		res := MustEvaluate(p)
		pr, err := PlanFrom(p, res)
		require.NoError(t, err)
		eduPts := EducationRuleOf(p.Education).PointsAt(asOf)
		titlePts := TitleRuleOf(p.Title).PointsAt(asOf)
		tierPts := TierRuleOf(res.Tier).PointsAt(asOf)
		for _, path := range pr.Paths {
			switch {
			case strings.HasPrefix(path.ID, "education_"):
				assert.Greater(t, EducationRuleOf(Education(strings.TrimPrefix(path.ID, "education_"))).PointsAt(asOf), eduPts, query)
			case path.ID == "title_base_ok":
			case strings.HasPrefix(path.ID, "title_"):
				assert.Greater(t, TitleRuleOf(Title(strings.TrimPrefix(path.ID, "title_"))).PointsAt(asOf), titlePts, query)
			case strings.HasPrefix(path.ID, "base_tier_"):
				assert.Greater(t, TierRuleOf(Tier(strings.TrimPrefix(path.ID, "base_tier_"))).PointsAt(asOf), tierPts, query)
			}
			assert.True(t, path.EffectiveFrom.After(asOf), query)
		}
		if p.Title == TitleSenior {
			assert.NotContains(t, paths(pr), "title_senior", query)
			assert.NotContains(t, paths(pr), "title_skill1", query)
		}
	}
}

func TestPlanBaseConditionPath(t *testing.T) {
	for _, query := range []string{
		"age=40&education=college&title=intermediate&title_base_ok=0&insurance_years=1",
		"age=40&education=college&title=intermediate&insurance_years=1", // unknown, tier none: not inferred
	} {
		pr := plan(t, query)
		found, ok := paths(pr)["title_base_ok"]
		require.True(t, ok, query)
		// After 6 months the title counts 100 instead of 50: 30+100+3 = 133.
		assert.Equal(t, Date{2027, 5, 28}, found.ReachDate)
		assert.Equal(t, 50, found.PointsGained)
		assert.Contains(t, found.Detail, "请在“职称基数条件”选“是”")
	}
	_, ok := paths(plan(t, "age=40&education=college&title=intermediate&base_tier=1&insurance_years=1"))["title_base_ok"]
	assert.False(t, ok, "inferred from tier 1: already counted")
}

func TestPlanVetoed(t *testing.T) {
	pr := plan(t, "age=30&education=doctor&serious_crime=1")
	assert.Nil(t, pr.ReachDate)
	assert.True(t, pr.Vetoed)
	assert.Empty(t, pr.Paths)
}

func TestPlanGrowsSpouseAndKeyArea(t *testing.T) {
	pr := plan(t, "age=30&spouse_years=1&key_area=other&key_area_years=4")
	// now: 30 + 4 + 0; next year: 30 + 3 (insurance) + 8 + 10.
	assert.Equal(t, 34, pr.Timeline[0].Total)
	assert.Equal(t, 51, pr.Timeline[1].Total)
}

func TestPlanOverSixty(t *testing.T) {
	pr := plan(t, "age=62&education=doctor&insurance_years=10")
	require.NotNil(t, pr.ReachDate, "110 + 30 = 140 is met today, whatever the age")
	assert.Equal(t, asOf, *pr.ReachDate)
	assert.Empty(t, pr.Timeline, "no projection past 60")

	pr = plan(t, "age=62&education=college")
	assert.Nil(t, pr.ReachDate)
	assert.Empty(t, pr.Paths)
}

// rules.md lines 93-101 and 107: the plan stops before the retirement
// date of the person's group, which may be later than 60.
func TestPlanStopsAtRetirement(t *testing.T) {
	// a man born 1970-03: 62 months after 1965-01, so 60 years and
	// 62/4+1 = 16 months → 2031-07-01.
	pr := plan(t, "birth=1970-03&retire_group=male&education=college&insurance_years=20")
	assert.Equal(t, StopRetirement, pr.Stop.Reason)
	require.NotNil(t, pr.Stop.Retirement)
	assert.Equal(t, Date{2031, 7, 1}, *pr.Stop.Retirement)
	assert.Equal(t, Date{2031, 6, 30}, pr.Stop.Date)
	assert.Equal(t, "按退休类别“男”，2031 年 7 月到法定退休年龄；规划推算到退休前为止（协议推迟退休可能有更多时间，推迟期间能否申请积分未经证实）。", pr.Stop.Text)
	last := pr.Timeline[len(pr.Timeline)-1]
	assert.True(t, last.Date.Before(*pr.Stop.Retirement))
	// a man of 60 who retires at 62: the plan goes past 60, with insurance
	// still growing; over 60 the age scores 0.
	// born 1976-01: 60 + 34 months → 2038-11.
	pr = plan(t, "birth=1976-01&retire_group=male&education=college")
	assert.Equal(t, Date{2038, 11, 1}, *pr.Stop.Retirement)
	last = pr.Timeline[len(pr.Timeline)-1]
	assert.Equal(t, 61, last.Age)
	assert.Equal(t, 0, last.AgePoints)
	// women-50 stop long before 60
	pr = plan(t, "birth=1990-01&retire_group=female50&education=college")
	assert.Equal(t, Date{2045, 1, 1}, *pr.Stop.Retirement, "born after 1984-11: 55")
	assert.Equal(t, 54, pr.Timeline[len(pr.Timeline)-1].Age)
	for _, p := range pr.Paths {
		assert.True(t, p.EffectiveFrom.Before(*pr.Stop.Retirement))
	}
	// no age: the group cannot be used, and the plan says so
	pr = plan(t, "retire_group=male&education=college")
	assert.Equal(t, StopNoAge, pr.Stop.Reason)
	assert.Contains(t, pr.Stop.Text, "未填写出生年月或年龄")
	// already past retirement (rules.md "Who can apply"): no projection,
	// no path, and the result says why
	pr = plan(t, "birth=1964-01&retire_group=male&education=doctor&insurance_years=5")
	assert.Empty(t, pr.Timeline)
	assert.Nil(t, pr.ReachDate)
	assert.Empty(t, pr.Paths)
	assert.Equal(t, "按退休类别“男”，2024 年 1 月已到法定退休年龄：退休后不能再以职工身份参保，不能申请积分。经单位同意协议推迟退休的，推迟期间能否申请积分未经证实。", pr.Note)
	assert.Contains(t, warnings(*pr.Result), "已到法定退休年龄")
	assert.NotContains(t, warnings(q(t, "birth=1966-07&retire_group=male")), "已到法定退休年龄", "retires 2026-12")
	assert.Contains(t, warnings(q(t, "birth=1966-07&retire_group=male&as_of=2026-12-01")), "2026 年 12 月已到法定退休年龄")
}

func TestPlanFromUsesTheResult(t *testing.T) {
	p, _ := ParseQuery("age=40&education=college&insurance_years=2&as_of=2026-11-28")
	res := MustEvaluate(p)
	a, err := PlanFrom(p, res)
	require.NoError(t, err)
	b, err := Plan(p)
	require.NoError(t, err)
	a.Result, b.Result = nil, nil
	assert.Equal(t, b, a)
	// a result of another date is not trusted
	other := MustEvaluate(Profile{AsOf: Date{2025, 1, 1}, Age: 40})
	c, err := PlanFrom(p, other)
	require.NoError(t, err)
	assert.Equal(t, res.Total, c.Total)
	// a zero as_of takes the result's
	p.AsOf = Date{}
	d, err := PlanFrom(p, res)
	require.NoError(t, err)
	assert.Equal(t, asOf, d.AsOf)
	// problems
	bad := Profile{AsOf: asOf, Birth: Date{2030, 1, 1}}
	_, err = PlanFrom(bad, Result{})
	_, ok := AsProblems(err)
	assert.True(t, ok)
}

func TestPlanAssumptions(t *testing.T) {
	as := PlanAssumptions(Profile{AsOf: asOf, Age: 40})
	all := strings.Join(as, "\n")
	assert.Contains(t, all, "+3 分")
	assert.Contains(t, all, "43 周岁以后年龄分逐年减少")
	assert.Contains(t, all, "规划推算到 60 周岁为止")
	assert.Contains(t, all, "现行积分办法有效期至 2027 年 12 月 31 日")
	assert.Contains(t, all, "专升本约 2.5 年")
	assert.Contains(t, all, "3 倍档 2 年")
	assert.NotContains(t, all, "按“今天取得”")
	all = strings.Join(PlanAssumptions(Profile{AsOf: asOf, Age: 40, RetireGroup: RetireFemale55}), "\n")
	assert.Contains(t, all, "按退休类别“女（原 55 岁退休）”")
	assert.NotContains(t, all, "60 周岁为止")
	last := wageBook[len(wageBook)-1]
	all = strings.Join(PlanAssumptions(Profile{AsOf: asOf, Age: 40, BaseMonthlyFen: 1500000}), "\n")
	assert.Contains(t, all, "缴费基数档次按 "+last.from.MonthChinese()+"起的上年度平均工资 "+Money(last.yuan*100)+" 元估算。")
	past := last.from.AddYears(1)
	all = strings.Join(PlanAssumptions(Profile{AsOf: past, Age: 40, BaseMonthlyFen: 1500000}), "\n")
	assert.Contains(t, all, "（"+past.MonthChinese()+"起使用的上年度平均工资要到")
}

// rules.md lines 93-101: retirement dates, at the boundary birth months of
// each group and the rounding of "one month later for every 4 (2) months".
func TestRetirementDate(t *testing.T) {
	m := func(y, mo int) Date { return Date{y, time.Month(mo), 1} }
	cases := []struct {
		g     RetireGroup
		birth Date
		want  Date
	}{
		// men: 60, from birth 1965-01 one month later for every 4 months, up to 63
		{RetireMale, m(1964, 12), m(2024, 12)}, // last unaffected
		{RetireMale, m(1965, 1), m(2025, 2)},   // first affected: 1 month
		{RetireMale, m(1965, 4), m(2025, 5)},   // still 1 month (3 months later)
		{RetireMale, m(1965, 5), m(2025, 7)},   // 4 months later: 2 months
		{RetireMale, m(1976, 8), m(2039, 7)},   // 139/4+1 = 35 months
		{RetireMale, m(1976, 9), m(2039, 9)},   // first at 63
		{RetireMale, m(1990, 6), m(2053, 6)},   // 63
		// women-55: 55 → 58 from birth 1970-01
		{RetireFemale55, m(1969, 12), m(2024, 12)},
		{RetireFemale55, m(1970, 1), m(2025, 2)},
		{RetireFemale55, m(1970, 5), m(2025, 7)},
		{RetireFemale55, m(1981, 8), m(2039, 7)},
		{RetireFemale55, m(1981, 9), m(2039, 9)}, // 58
		// women-50: 50 → 55 from birth 1975-01, one month for every 2
		{RetireFemale50, m(1974, 12), m(2024, 12)},
		{RetireFemale50, m(1975, 1), m(2025, 2)},
		{RetireFemale50, m(1975, 2), m(2025, 3)}, // 1 month later: still 1 month
		{RetireFemale50, m(1975, 3), m(2025, 5)}, // 2 months later: 2 months
		{RetireFemale50, m(1984, 10), m(2039, 9)},
		{RetireFemale50, m(1984, 11), m(2039, 11)}, // 55
		{RetireFemale50, m(1995, 7), m(2050, 7)},
		// a full birth date keeps its day
		{RetireMale, Date{1965, 1, 15}, Date{2025, 2, 15}},
	}
	for _, c := range cases {
		got, ok := RetirementDate(c.g, c.birth)
		require.True(t, ok)
		assert.Equal(t, c.want, got, "%s born %s", c.g, c.birth)
	}
	_, ok := RetirementDate(RetireNone, m(1980, 1))
	assert.False(t, ok)
	// with age only: the month of as_of, age years earlier
	pr := plan(t, "age=50&retire_group=female55&as_of=2026-11-28")
	want, _ := RetirementDate(RetireFemale55, m(1976, 11))
	assert.Equal(t, want, *pr.Stop.Retirement)
}
