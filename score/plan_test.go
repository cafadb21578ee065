package score

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func plan(t *testing.T, query string) PlanResult {
	t.Helper()
	p, probs := ParseQuery(query)
	require.Empty(t, probs)
	if p.AsOf.IsZero() {
		p.AsOf = asOf
	}
	pr, err := Plan(p)
	require.NoError(t, err)
	return pr
}

func TestPlanReachByInsurance(t *testing.T) {
	// 45 大专 10 years: 107 now; +3 a year, −2 a year after the 46th
	// birthday: 2027-11-28: 47? use birth for exactness.
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
}

func TestPlanAlreadyMet(t *testing.T) {
	pr := plan(t, "age=35&education=master")
	require.NotNil(t, pr.ReachDate)
	assert.Equal(t, asOf, *pr.ReachDate)
	assert.Empty(t, pr.Paths)
}

func TestPlanAgeOnlyGrowsOnAnniversary(t *testing.T) {
	pr := plan(t, "age=43&education=college&insurance_years=0")
	assert.Equal(t, 43, pr.Timeline[0].Age)
	assert.Equal(t, 44, pr.Timeline[1].Age)
	assert.Equal(t, 29+50+3, pr.Timeline[1].Total)
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
	assert.NotEmpty(t, pr.Note)
}

func TestPlanPaths(t *testing.T) {
	// 40, 大专, 2 years: 30+50+6 = 86; by time alone: 2032-11-28 (age 46: 25+50+24=99?)
	pr := plan(t, "age=40&education=college&insurance_years=2")
	ids := map[string]Path{}
	for _, p := range pr.Paths {
		ids[p.ID] = p
		assert.True(t, pr.ReachDate == nil || p.ReachDate.Before(*pr.ReachDate), p.ID)
		assert.False(t, p.ReachDate.Before(asOf))
		assert.Greater(t, p.PointsGained, 0, p.ID)
	}
	// 本科+学士 now: 30+90+6 = 126; a master's is not strictly earlier, so not listed.
	require.Contains(t, ids, "education_bachelor_degree")
	assert.Equal(t, asOf, ids["education_bachelor_degree"].ReachDate)
	assert.Equal(t, 40, ids["education_bachelor_degree"].PointsGained)
	assert.NotContains(t, ids, "education_master")
	// Tier 0.8 counts after 36 months: 2029-11-28, age 43: 30+50+15+25 = 120.
	require.Contains(t, ids, "base_tier_0.8")
	assert.Equal(t, Date{2029, 11, 28}, ids["base_tier_0.8"].ReachDate)
	// Tier 1 reaches on the same day, so it is not listed; tier 3 counts after 24 months.
	assert.NotContains(t, ids, "base_tier_1")
	require.Contains(t, ids, "base_tier_3")
	assert.Equal(t, Date{2028, 11, 28}, ids["base_tier_3"].ReachDate)
	assert.Equal(t, 120, ids["base_tier_3"].PointsGained)
	for _, p := range pr.Paths {
		assert.NotContains(t, p.Change, "婚")
	}
}

func TestPlanBaseConditionPath(t *testing.T) {
	pr := plan(t, "age=40&education=college&title=intermediate&insurance_years=1")
	var found *Path
	for i := range pr.Paths {
		if pr.Paths[i].ID == "title_base_ok" {
			found = &pr.Paths[i]
		}
	}
	require.NotNil(t, found)
	// After 6 months the title counts 100 instead of 50: 30+100+3 = 133.
	assert.Equal(t, Date{2027, 5, 28}, found.ReachDate)
	assert.Equal(t, 50, found.PointsGained)
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
