package score

import (
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseQueryAllKeys(t *testing.T) {
	raw := "as_of=2026-11-28&birth=1990-05-12&age=36&education=bachelor_degree&full_time=1&title=intermediate" +
		"&title_base_ok=true&insurance_years=7&base_tier=1&base_monthly=15000.5&shortage_major=1" +
		"&invest_tax_avg=250000&invest_hires_avg=12&public_service_years=6&key_area=lingang&key_area_years=2" +
		"&fresh_graduate=0&award=city&spouse_years=3&startup_talent=1&tech_transfer_talent=1" +
		"&false_material=1&detention=2&criminal=1&serious_crime=0&family_planning_breach=1"
	p, probs := ParseQuery(raw)
	require.Empty(t, probs)
	assert.Equal(t, Date{1990, 5, 12}, p.Birth)
	assert.Equal(t, EduBachelorDegree, p.Education)
	assert.EqualValues(t, 1500050, p.BaseMonthlyFen)
	assert.EqualValues(t, 25000000, p.InvestTaxAvgFen)
	assert.Equal(t, "lingang", p.KeyArea)
	assert.Equal(t, 2, p.Detention)
	assert.True(t, p.FamilyPlanningBreach)
	assert.False(t, p.FreshGraduate)
	for _, f := range Fields {
		assert.Contains(t, raw, f.Key+"=", "test covers %s", f.Key)
	}
	p2, probs := ParseQuery(p.Encode())
	require.Empty(t, probs)
	assert.Equal(t, p, p2)
}

func TestParseQueryProblems(t *testing.T) {
	p, probs := ParseQuery("age=300&education=phd&foo=1&insurance_years=3&insurance_years=4&birth=1990-13&full_time=yes&base_monthly=1e4")
	assert.Equal(t, []string{"age", "education", "foo", "insurance_years", "birth", "full_time", "base_monthly"}, probs.Keys())
	assert.Equal(t, 3, p.InsuranceYears, "valid keys are kept")
	for _, pr := range probs {
		assert.NotEmpty(t, pr.Zh)
		assert.NotEmpty(t, pr.En)
	}
	assert.Contains(t, probs[0].Zh, "16 到 80 的整数")
	assert.Contains(t, probs[1].Zh, "bachelor_degree")
	assert.Contains(t, probs[1].En, "college")
	assert.Contains(t, probs[2].Zh, "未知参数")
	assert.Contains(t, probs[3].En, "more than once")
}

func TestParseQueryEdgeCases(t *testing.T) {
	p, probs := ParseQuery("age=&&education=none&key_area=none&base_tier=none")
	assert.Empty(t, probs)
	assert.Equal(t, Profile{BaseTier: TierNone}, p, "none is zero except for base_tier")
	assert.Equal(t, "base_tier=none", p.Encode())
	_, probs = ParseQuery("age=%zz&%zz=1")
	assert.Len(t, probs, 2)
	_, probs = ParseQuery("base_monthly=1.234")
	assert.Len(t, probs, 1)
	p, _ = ParseQuery("birth=1990-06-01")
	assert.Equal(t, "birth=1990-06", p.Encode())
	_, probs = ParseQuery("birth=1990-02-30")
	assert.Equal(t, []string{"birth"}, probs.Keys())
}

func TestParseJSON(t *testing.T) {
	p, probs := ParseJSON([]byte(`{"age": 35, "education": "master", "full_time": true, "base_tier": 0.8,
		"base_monthly": 12434, "birth": null, "title_base_ok": 1}`))
	require.Empty(t, probs)
	assert.Equal(t, Profile{Age: 35, Education: EduMaster, FullTime: true, BaseTier: Tier08, BaseMonthlyFen: 1243400, TitleBaseOK: true}, p)

	_, probs = ParseJSON([]byte(`{"age": "x", "unknown": 1, "education": 3, "insurance_years": 2.5, "spouse_years": [1], "age": 30, "full_time": "maybe", "award": {"a": "}"}}`))
	assert.Equal(t, []string{"age", "unknown", "education", "insurance_years", "spouse_years", "full_time", "award"}, probs.Keys())

	_, probs = ParseJSON([]byte(`{"age": 30`))
	require.Len(t, probs, 1)
	assert.Equal(t, "", probs[0].Key)
	_, probs = ParseJSON([]byte(`[1]`))
	require.Len(t, probs, 1)
	_, probs = ParseJSON([]byte(`{"educ\u0061tion": "master"}`))
	assert.Empty(t, probs, "escaped keys are read")
}

func TestJSONNumbersFromOtherEncoders(t *testing.T) {
	p, probs := ParseJSON([]byte(`{"age": 35.0, "insurance_years": 3.0, "base_tier": 1.0}`))
	require.Empty(t, probs)
	assert.Equal(t, Profile{Age: 35, InsuranceYears: 3, BaseTier: Tier1}, p)
	p, probs = ParseJSON([]byte(`{"base_tier": 0.80}`))
	require.Empty(t, probs)
	assert.Equal(t, Tier08, p.BaseTier)
	_, probs = ParseJSON([]byte(`{"age": 35.5, "insurance_years": 1e1, "base_tier": 1.5}`))
	assert.Equal(t, []string{"age", "insurance_years", "base_tier"}, probs.Keys())
}

func TestJSONRoundTrip(t *testing.T) {
	p, _ := ParseQuery("birth=1990-05&education=master&base_tier=none&base_monthly=9947.2&award=national&full_time=1")
	b, err := json.Marshal(p)
	require.NoError(t, err)
	p2, probs := ParseJSON(b)
	require.Empty(t, probs)
	assert.Equal(t, p, p2)
}

// randomProfile builds a valid profile from r.
func randomProfile(r *rand.Rand) Profile {
	var p Profile
	p.AsOf = Date{2023 + r.Intn(5), time.Month(1 + r.Intn(12)), 1 + r.Intn(28)}
	if r.Intn(2) == 0 {
		p.Birth = Date{p.AsOf.Year - 17 - r.Intn(60), time.Month(1 + r.Intn(12)), 1 + r.Intn(28)}
	} else {
		p.Age = 16 + r.Intn(60)
	}
	p.Education = EducationTable[r.Intn(len(EducationTable))].Value
	p.Title = TitleTable[r.Intn(len(TitleTable))].Value
	p.TitleBaseOK = r.Intn(2) == 0
	p.FullTime = r.Intn(2) == 0
	p.InsuranceYears = r.Intn(20)
	p.BaseTier = []Tier{TierUnset, TierNone, Tier08, Tier1, Tier2, Tier3}[r.Intn(6)]
	if r.Intn(3) == 0 {
		p.BaseMonthlyFen = int64(r.Intn(5000000))
	}
	if r.Intn(5) == 0 {
		p.KeyArea = []string{"", KeyAreaLingang, KeyAreaOther}[r.Intn(3)]
		p.KeyAreaYears = r.Intn(12)
	}
	if r.Intn(5) == 0 {
		p.SpouseYears = r.Intn(15)
	}
	p.Award = AwardTable[r.Intn(len(AwardTable))].Value
	p.ShortageMajor = r.Intn(4) == 0
	p.FreshGraduate = r.Intn(4) == 0
	if r.Intn(6) == 0 {
		p.InvestTaxAvgFen = int64(r.Intn(200000000))
		p.InvestHiresAvg = r.Intn(200)
	}
	if r.Intn(6) == 0 {
		p.PublicServiceYears = r.Intn(10)
	}
	if r.Intn(10) == 0 {
		p.Detention = r.Intn(3)
	}
	return p
}

func TestRoundTripRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		p := randomProfile(r)
		q := p.Encode()
		p2, probs := ParseQuery(q)
		require.Empty(t, probs, q)
		require.Equal(t, p, p2, q)
		assert.Equal(t, q, p2.Encode())
		b, _ := json.Marshal(p)
		p3, probs := ParseJSON(b)
		require.Empty(t, probs, string(b))
		require.Equal(t, p, p3)
	}
}

func TestProperties(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := 0; i < 1000; i++ {
		p := randomProfile(r)
		res, err := Evaluate(p)
		require.NoError(t, err, p.Encode())
		sum := 0
		for _, it := range res.Items {
			sum += it.Points
		}
		require.Equal(t, res.Total, sum, "total is the sum of the items: %s", p.Encode())

		more := p
		more.InsuranceYears++
		assert.GreaterOrEqual(t, MustEvaluate(more).Total, res.Total, "more insurance years: %s", p.Encode())

		for _, e := range EducationTable {
			if e.Points > EducationRuleOf(p.Education).Points {
				hi := p
				hi.Education = e.Value
				assert.GreaterOrEqual(t, MustEvaluate(hi).Total, res.Total, "higher education: %s", hi.Encode())
			}
		}
		for _, tr := range TierTable {
			if tr.Points > TierRuleOf(res.Tier).Points {
				hi := p
				hi.BaseTier = tr.Value
				assert.GreaterOrEqual(t, MustEvaluate(hi).Total, res.Total, "higher tier: %s", hi.Encode())
			}
		}
		if i%5 == 0 {
			pr, err := Plan(p)
			require.NoError(t, err)
			if pr.ReachDate != nil {
				assert.False(t, pr.ReachDate.Before(p.AsOf), "reach_date before as_of: %s", p.Encode())
				for _, y := range pr.Timeline {
					if y.Date.Before(*pr.ReachDate) {
						assert.Less(t, y.Total, Standard, "reach_date is the first: %s", p.Encode())
					}
				}
			}
			for _, path := range pr.Paths {
				assert.False(t, path.ReachDate.Before(p.AsOf))
			}
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"age=30&education=master", "birth=1990-06&base_tier=0.8&insurance_years=3",
		"base_monthly=9947.2&as_of=2026-01-01", "%zz=1&age=%", "key_area=lingang&key_area_years=2&&"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		p, probs := ParseQuery(raw)
		for _, pr := range probs {
			if pr.Key == "" {
				t.Fatalf("problem without a key for %q: %+v", raw, pr)
			}
			if pr.Zh == "" || pr.En == "" {
				t.Fatalf("empty message for %q", raw)
			}
		}
		p2, probs2 := ParseQuery(p.Encode())
		if len(probs2) > 0 || p2 != p {
			t.Fatalf("round trip of %q: %q gave %+v %v", raw, p.Encode(), p2, probs2)
		}
		if p.AsOf.IsZero() {
			p.AsOf = asOf
		}
		if _, err := Evaluate(p); err != nil {
			for _, pr := range err.(Problems) {
				if pr.Key == "" {
					t.Fatalf("check problem without key: %+v", pr)
				}
			}
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"age":30,"education":"master"}`, `{"base_tier":0.8,"insurance_years":3}`,
		`{"birth":"1990-06","full_time":true,"award":null}`, `{"x":[1,{"y":"]"}]}`, `[]`, `{`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, probs := ParseJSON(data)
		isObject := json.Valid(data) && strings.HasPrefix(strings.TrimLeft(string(data), " \t\r\n"), "{")
		for _, pr := range probs {
			if isObject && pr.Key == "" {
				t.Fatalf("problem without a key for %q: %+v", data, pr)
			}
			if pr.Zh == "" || pr.En == "" {
				t.Fatalf("empty message for %q", data)
			}
		}
		b, _ := json.Marshal(p)
		p2, probs2 := ParseJSON(b)
		if len(probs2) > 0 || p2 != p {
			t.Fatalf("round trip of %q: %s gave %+v %v", data, b, p2, probs2)
		}
	})
}
