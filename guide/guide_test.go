package guide

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

func ids(list []Material) map[string]bool {
	m := map[string]bool{}
	for _, it := range list {
		m[it.ID] = true
	}
	return m
}

func profile(t *testing.T, q string) score.Profile {
	t.Helper()
	p, probs := score.ParseQuery(q)
	require.Empty(t, probs)
	return p
}

func TestChecklistAlwaysItems(t *testing.T) {
	got := ids(Checklist(score.Profile{}))
	for _, id := range []string{"employer_letter", "permit", "form", "id_hukou", "contract", "licence", "tax6"} {
		assert.True(t, got[id], id)
	}
	for _, id := range []string{"diploma", "title_cert", "marriage", "tax48", "company_reg", "award"} {
		assert.False(t, got[id], "%s needs a claim", id)
	}
}

func TestChecklistFollowsClaims(t *testing.T) {
	got := ids(Checklist(profile(t, "education=master&full_time=1&title=intermediate&base_tier=1&spouse_years=3&invest_hires_avg=12&award=city")))
	for _, id := range []string{"diploma", "chsi", "cscse", "title_cert", "title_review", "title_hire", "tax48", "marriage", "spouse_id", "company_reg", "articles", "tax3y", "award"} {
		assert.True(t, got[id], id)
	}
	assert.False(t, got["adult_edu"], "full-time study needs no registration form")

	got = ids(Checklist(profile(t, "education=college")))
	assert.True(t, got["adult_edu"], "non-full-time degrees need the registration form")
	assert.False(t, got["title_cert"])
	assert.False(t, got["marriage"], "no spouse entry, no marriage certificate")

	got = ids(Checklist(profile(t, "base_monthly=15000")))
	assert.True(t, got["tax48"], "a monthly base is a base-tier claim")
	got = ids(Checklist(profile(t, "base_tier=none")))
	assert.False(t, got["tax48"])
}

func TestChecklistReasons(t *testing.T) {
	for _, m := range Checklist(profile(t, "education=master&title=senior&spouse_years=1")) {
		assert.NotEmpty(t, m.Reason, m.ID)
		assert.NotEmpty(t, m.Name, m.ID)
	}
}

func TestEligibility(t *testing.T) {
	all := map[string]bool{}
	for _, c := range Conditions {
		all[c.ID] = true
	}
	met := score.MustEvaluate(profile(t, "age=35&education=master&as_of=2026-11-28"))
	e := Check(all, met)
	assert.True(t, e.CanApply)
	assert.Empty(t, e.Missing)

	some := map[string]bool{"permit": true, "employed": true}
	e = Check(some, met)
	assert.False(t, e.CanApply)
	assert.Len(t, e.Missing, len(Conditions)-2)
	assert.Contains(t, e.Missing[0], "近 12 个月")

	low := score.MustEvaluate(profile(t, "age=45&education=college&insurance_years=10&as_of=2026-11-28"))
	e = Check(all, low)
	assert.False(t, e.CanApply)
	require.Len(t, e.Missing, 1)
	assert.Contains(t, e.Missing[0], "还差 13 分")

	vetoed := score.MustEvaluate(profile(t, "age=35&education=master&serious_crime=1&as_of=2026-11-28"))
	e = Check(all, vetoed)
	assert.False(t, e.CanApply)
	assert.Contains(t, e.Missing[0], "一票否决")
}

func TestStepsAreComplete(t *testing.T) {
	require.Len(t, Steps, 10)
	for _, s := range Steps {
		assert.Contains(t, []string{"本人", "单位", "区人才服务中心"}, s.Who)
		assert.NotEmpty(t, s.What)
		assert.NotEmpty(t, s.Where)
		assert.NotEmpty(t, s.Time)
	}
	assert.Len(t, EmployerDocs, 3)
}
