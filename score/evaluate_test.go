package score

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var asOf = Date{2026, 11, 28}

// q evaluates a profile written as a query, at asOf unless it names one.
func q(t *testing.T, query string) Result {
	t.Helper()
	p, probs := ParseQuery(query)
	require.Empty(t, probs, query)
	if p.AsOf.IsZero() {
		p.AsOf = asOf
	}
	r, err := Evaluate(p)
	require.NoError(t, err, query)
	return r
}

func points(t *testing.T, r Result, id string) int {
	t.Helper()
	it, ok := r.Item(id)
	require.True(t, ok, "no item %s in %+v", id, r.Items)
	return it.Points
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
			assert.Equal(t, c.total >= Standard, r.MeetsStandard)
			if c.warn != "" {
				assert.Contains(t, strings.Join(r.Warnings, "\n"), c.warn)
			}
		})
	}
}

func TestAgeEveryYear(t *testing.T) {
	want := map[int]int{43: 30, 44: 29, 45: 27, 46: 25, 47: 23, 48: 21, 49: 19, 50: 17, 51: 15,
		52: 13, 53: 11, 54: 9, 55: 7, 56: 5, 57: 5, 58: 5, 59: 5, 60: 5, 61: 0, 62: 0}
	for age := 17; age <= 62; age++ {
		w, ok := want[age]
		if !ok {
			w = 30 // 17-42
		}
		assert.Equal(t, w, AgePoints(age), "age %d", age)
		if age >= 16 {
			r := q(t, "age="+itoa(age))
			assert.Equal(t, w, points(t, r, "age"), "age %d", age)
			assert.Equal(t, w, r.Total, "age %d", age)
		}
	}
}

func TestAgeFromBirth(t *testing.T) {
	// 43 until the day before the 44th birthday.
	assert.Equal(t, 30, q(t, "birth=1982-11-29&as_of=2026-11-28").Total)
	assert.Equal(t, 29, q(t, "birth=1982-11-28&as_of=2026-11-28").Total)
	assert.Equal(t, 29, q(t, "birth=1982-11&as_of=2026-11-28").Total)
	assert.Equal(t, 5, q(t, "birth=1966-11&as_of=2026-11-28").Total) // 60
	assert.Equal(t, 0, q(t, "birth=1965-11&as_of=2026-11-28").Total) // 61
	r := q(t, "birth=1990-01&age=20")
	assert.Equal(t, 36, r.Age, "birth wins over age")
}

func TestNoAgeGiven(t *testing.T) {
	r := q(t, "education=master")
	assert.Equal(t, 100, r.Total, "a missing age scores no age points")
	assert.Equal(t, -1, r.Age)
	assert.NotEmpty(t, r.Warnings)
}

func TestEducationTitleEitherOr(t *testing.T) {
	eduPts := map[string]int{"none": 0, "college": 50, "bachelor": 60, "bachelor_degree": 90, "master": 100, "doctor": 110}
	titlePts := map[string]int{"none": 0, "junior": 0, "skill5": 15, "skill4": 30, "skill3": 60, "skill2": 100, "intermediate": 100, "skill1": 140, "senior": 140}
	needsBase := map[string]bool{"skill2": true, "intermediate": true, "skill1": true, "senior": true}
	for e, ep := range eduPts {
		for ti, tp := range titlePts {
			for _, ok := range []bool{false, true} {
				query := "age=60&education=" + e + "&title=" + ti
				if ok {
					query += "&title_base_ok=1"
				}
				r := q(t, query)
				eff := tp
				if needsBase[ti] && !ok {
					eff = 0
				}
				assert.Equal(t, 5+max(ep, eff), r.Total, query)
				assert.Equal(t, max(ep, eff), points(t, r, "education")+itemPoints(r, "title"), query)
			}
		}
	}
	r := q(t, "age=48&education=bachelor_degree&title=senior")
	assert.Equal(t, 21+90, r.Total, "senior without the base condition counts 0")
	assert.Contains(t, itemWhy(r, "education"), "职称未满足基数条件，按学历计")
}

func itemPoints(r Result, id string) int {
	it, _ := r.Item(id)
	return it.Points
}

func itemWhy(r Result, id string) string {
	it, _ := r.Item(id)
	return it.Why
}

func TestInsuranceYears(t *testing.T) {
	for y := 0; y <= 45; y++ {
		assert.Equal(t, 3*y, points(t, q(t, "insurance_years="+itoa(y)), "insurance_years"))
	}
}

func TestTierNeedsYears(t *testing.T) {
	cases := []struct {
		tier  string
		need  int
		score int
	}{{"0.8", 3, 25}, {"1", 3, 50}, {"2", 3, 100}, {"3", 2, 120}}
	for _, c := range cases {
		below := q(t, "base_tier="+c.tier+"&insurance_years="+itoa(c.need-1))
		assert.Equal(t, 0, points(t, below, "base_tier"), c.tier)
		assert.Contains(t, strings.Join(below.Warnings, ""), "暂计 0 分")
		at := q(t, "base_tier="+c.tier+"&insurance_years="+itoa(c.need))
		assert.Equal(t, c.score, points(t, at, "base_tier"), c.tier)
	}
	_, has := q(t, "base_tier=none&insurance_years=5").Item("base_tier")
	assert.True(t, has, "an explicit none is shown")
	_, has = q(t, "insurance_years=5").Item("base_tier")
	assert.False(t, has)
}

func TestBaseMonthlyThresholds(t *testing.T) {
	// wage 12,434 from 2025-07: 0.8× = 9,947.2; 1× 12,434; 2× 24,868; 3× 37,302.
	cases := []struct {
		monthly string
		tier    Tier
	}{
		{"9947.19", TierNone}, {"9947.2", Tier08}, {"12433.99", Tier08}, {"12434", Tier1},
		{"24867.99", Tier1}, {"24868", Tier2}, {"37301.99", Tier2}, {"37302", Tier3},
	}
	for _, c := range cases {
		r := q(t, "base_monthly="+c.monthly+"&insurance_years=3")
		assert.Equal(t, c.tier, r.Tier, c.monthly)
		assert.True(t, r.TierEstimated)
		assert.Contains(t, itemWhy(r, "base_tier"), "估算")
		assert.Equal(t, TierRuleOf(c.tier).Points, points(t, r, "base_tier"), c.monthly)
	}
	// The figure in force at as_of: 12,307 until 2025-06-30.
	assert.Equal(t, Tier1, q(t, "base_monthly=12307&insurance_years=3&as_of=2025-06-30").Tier)
	assert.Equal(t, Tier08, q(t, "base_monthly=12307&insurance_years=3&as_of=2025-07-01").Tier)
	// base_tier wins, with a warning when they disagree.
	r := q(t, "base_tier=2&base_monthly=12434&insurance_years=3")
	assert.Equal(t, Tier2, r.Tier)
	assert.False(t, r.TierEstimated)
	assert.Contains(t, strings.Join(r.Warnings, ""), "不一致")
}

func TestWageTable(t *testing.T) {
	w, ok := WageAt(Date{2024, 6, 30})
	assert.True(t, ok)
	assert.EqualValues(t, 12183, w.Yuan)
	w, ok = WageAt(Date{2021, 6, 30})
	assert.False(t, ok)
	assert.EqualValues(t, 10338, w.Yuan)
}

func TestKeyArea(t *testing.T) {
	cases := []struct {
		query string
		pts   int
	}{
		{"key_area=other&key_area_years=4", 0},
		{"key_area=other&key_area_years=5", 10},
		{"key_area=other&key_area_years=10", 20},
		{"key_area=other&key_area_years=15", 20},
		{"key_area=lingang&key_area_years=1&as_of=2024-08-21", 2},
		{"key_area=lingang&key_area_years=1&as_of=2024-08-20", 0},
		{"key_area=lingang&key_area_years=2&as_of=2024-08-20", 0},
		{"key_area=lingang&key_area_years=3&as_of=2024-08-20", 6},
		{"key_area=lingang&key_area_years=12", 20},
	}
	for _, c := range cases {
		assert.Equal(t, c.pts, points(t, q(t, c.query), "key_area"), c.query)
	}
	r := q(t, "key_area_years=6")
	assert.Equal(t, 12, points(t, r, "key_area"))
	assert.Contains(t, strings.Join(r.Warnings, ""), "未选择重点区域类型")
	it, _ := q(t, "key_area=lingang&key_area_years=3").Item("key_area")
	assert.Equal(t, Medium, it.Confidence)
}

func TestPublicService(t *testing.T) {
	assert.Equal(t, 0, points(t, q(t, "public_service_years=4"), "public_service"))
	assert.Equal(t, 20, points(t, q(t, "public_service_years=5"), "public_service"))
	assert.Equal(t, 120, points(t, q(t, "public_service_years=30"), "public_service"), "no cap")
}

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
	assert.Equal(t, 120, InvestCap)
}

func TestBonusItems(t *testing.T) {
	assert.Equal(t, 30, points(t, q(t, "shortage_major=1&full_time=1"), "shortage_major"))
	r := q(t, "shortage_major=1")
	assert.Equal(t, 0, points(t, r, "shortage_major"))
	assert.Contains(t, strings.Join(r.Warnings, ""), "全日制")
	assert.Equal(t, 10, points(t, q(t, "fresh_graduate=1&full_time=1"), "fresh_graduate"))
	assert.Equal(t, 0, points(t, q(t, "fresh_graduate=true"), "fresh_graduate"))
	assert.Equal(t, 30, points(t, q(t, "award=city_special"), "award"))
	assert.Equal(t, 60, points(t, q(t, "award=city"), "award"))
	assert.Equal(t, 110, points(t, q(t, "award=national"), "award"))
	for y, pts := range map[int]int{1: 4, 9: 36, 10: 40, 11: 40, 30: 40} {
		assert.Equal(t, pts, points(t, q(t, "spouse_years="+itoa(y)), "spouse"), y)
	}
	assert.Equal(t, 120, points(t, q(t, "startup_talent=1"), "startup_talent"))
	assert.Equal(t, 120, points(t, q(t, "tech_transfer_talent=1"), "tech_transfer"))
}

func TestDeductionsAndVetoes(t *testing.T) {
	base := "age=30&education=doctor&insurance_years=10" // 30+110+30 = 170
	assert.Equal(t, 170, q(t, base).Total)
	assert.Equal(t, 20, q(t, base+"&false_material=1").Total)
	assert.Equal(t, -130, q(t, base+"&false_material=2").Total)
	assert.Equal(t, 120, q(t, base+"&detention=1").Total)
	assert.Equal(t, 70, q(t, base+"&detention=2").Total)
	assert.Equal(t, 20, q(t, base+"&criminal=1").Total)
	assert.Equal(t, -30, q(t, base+"&criminal=1&detention=1&false_material=0").Total)

	r := q(t, base+"&serious_crime=1")
	assert.True(t, r.Vetoed)
	assert.False(t, r.MeetsStandard)
	assert.Equal(t, 170, r.Total)

	r = q(t, base+"&family_planning_breach=1")
	assert.False(t, r.Vetoed, "a low-confidence veto is shown as may apply")
	it, ok := r.Item("family_planning")
	require.True(t, ok)
	assert.Equal(t, Low, it.Confidence)
	assert.Contains(t, strings.Join(r.Warnings, ""), "计划生育")
}

func TestResultShape(t *testing.T) {
	r := q(t, "age=45&education=college&insurance_years=10")
	assert.Equal(t, 120, r.Standard)
	assert.Equal(t, 13, r.Gap)
	assert.False(t, r.MeetsStandard)
	assert.Contains(t, r.RulesAsOf, "12,434")
	sum := 0
	for _, it := range r.Items {
		sum += it.Points
		assert.NotEmpty(t, it.Why)
		assert.NotEmpty(t, it.Name)
	}
	assert.Equal(t, r.Total, sum)
	assert.Equal(t, 0, q(t, "age=35&education=master").Gap)
}

func TestCheck(t *testing.T) {
	p, _ := ParseQuery("birth=2027-01&as_of=2026-11-28")
	_, err := Evaluate(p)
	require.Error(t, err)
	assert.Equal(t, "birth", err.(Problems)[0].Key)
	p, _ = ParseQuery("birth=2015-01&as_of=2026-11-28")
	_, err = Evaluate(p)
	require.Error(t, err)
	assert.Contains(t, err.(Problems)[0].Zh, "16 到 80")
}

func TestYuanText(t *testing.T) {
	assert.Equal(t, "12,434", YuanText(12434))
	assert.Equal(t, "999", YuanText(999))
	assert.Equal(t, "1,000,000", YuanText(1000000))
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestRuleTable(t *testing.T) {
	rows := RuleTable()
	require.Len(t, rows, 22)
	for _, r := range rows {
		assert.NotEmpty(t, r.Source, r.Name)
		assert.Contains(t, []Confidence{High, Medium, Low}, r.Conf, r.Name)
	}
	joined := ""
	for _, r := range rows {
		joined += r.Rule + "\n"
	}
	for _, want := range []string{"本科+学士学位 90", "高级职称 140", "3 倍 120", "上限 120 分", "省部级及以上政府表彰 110"} {
		assert.Contains(t, joined, want)
	}
}
