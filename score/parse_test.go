package score

import (
	"encoding/json"
	"math/rand"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseQueryAllKeys(t *testing.T) {
	raw := "as_of=2026-11-28&birth=1990-05-12&age=36&education=bachelor_degree&full_time=1&title=intermediate" +
		"&title_base_ok=true&insurance_years=7&base_tier=1&base_monthly=15000.5&shortage_major=1" +
		"&invest_tax_avg=250000&invest_hires_avg=12&public_service_years=6&key_area=lingang&key_area_years=2" +
		"&fresh_graduate=0&award=city&spouse_years=3&startup_talent=1&tech_transfer_talent=1" +
		"&false_material=1&detention=2&criminal=1&serious_crime=0&family_planning_breach=1&retire_group=female55" +
		"&children=2018-03,2021-07-15"
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
	assert.Equal(t, Yes, p.FullTime)
	assert.Equal(t, Yes, p.TitleBaseOK)
	assert.Equal(t, RetireFemale55, p.RetireGroup)
	assert.Equal(t, [MaxChildren]Date{{2018, 3, 1}, {2021, 7, 1}}, p.Children, "a day is kept to its month")
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
	assert.Equal(t, "年龄请填 16 到 80 之间的整数", probs[0].Zh)
	assert.Equal(t, "学历请从列表中选择", probs[1].Zh)
	assert.Contains(t, probs[1].En, "college")
	assert.Equal(t, "链接里有一项内容无法识别（链接可能不完整）", probs[2].Zh)
	assert.NotContains(t, probs[2].Zh, "foo", "a raw key is never shown")
	assert.True(t, probs[2].Unknown())
	assert.False(t, probs[0].Unknown())
	assert.Contains(t, probs[3].En, "more than once")
	assert.Equal(t, "社保年限填了不止一次，只用第一次的", probs[3].Zh)
	assert.Equal(t, "出生年月请按 YYYY-MM 填写，如 1990-06", probs[4].Zh)
	assert.Equal(t, "全日制学历请选择“是”或“否”", probs[5].Zh)
	assert.Equal(t, "社保月缴费基数请填 0 到 1,000,000 元之间的金额，最多两位小数", probs[6].Zh)
	for _, pr := range probs {
		// plain Chinese: the field as labelled, no key in brackets, no parser words
		if f := FieldByKey(pr.Key); f != nil {
			assert.True(t, strings.HasPrefix(pr.Zh, f.Label), pr.Zh)
		}
		assert.NotContains(t, pr.Zh, "（"+pr.Key+"）")
		for _, w := range []string{"参数", "无效", "应为", "true", "1/0"} {
			assert.NotContains(t, pr.Zh, w)
		}
	}
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
	assert.Equal(t, Profile{Age: 35, Education: EduMaster, FullTime: Yes, BaseTier: Tier08, BaseMonthlyFen: 1243400, TitleBaseOK: Yes}, p)

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
	p.TitleBaseOK = Tri(r.Intn(3))
	p.FullTime = Tri(r.Intn(3))
	p.RetireGroup = []RetireGroup{RetireNone, RetireMale, RetireFemale55, RetireFemale50}[r.Intn(4)]
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
			if e.PointsAt(p.AsOf) > EducationRuleOf(p.Education).PointsAt(p.AsOf) {
				// apart from the shortage major, which only 大专 can claim
				hi := p
				hi.Education = e.Value
				hr := MustEvaluate(hi)
				assert.GreaterOrEqual(t, hr.Total-itemPoints(hr, "shortage_major"), res.Total-itemPoints(res, "shortage_major"), "higher education: %s", hi.Encode())
			}
		}
		for _, tr := range TierTable {
			if tr.PointsAt(p.AsOf) > TierRuleOf(res.Tier).PointsAt(p.AsOf) {
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
						assert.Less(t, y.Total, res.Standard, "reach_date is the first: %s", p.Encode())
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
		for i, pr := range probs {
			if pr.Key == "" && (pr != linkTooLong || i != len(probs)-1) {
				t.Fatalf("problem without a key for %q: %+v", raw, pr)
			}
			if pr.Zh == "" || pr.En == "" {
				t.Fatalf("empty message for %q", raw)
			}
			if !utf8.ValidString(pr.Key) || !utf8.ValidString(pr.Zh) || !utf8.ValidString(pr.En) {
				t.Fatalf("invalid UTF-8 in a problem of %q: %+v", raw, pr)
			}
		}
		p2, probs2 := ParseQuery(p.Encode())
		if len(probs2) > 0 || p2 != p {
			t.Fatalf("round trip of %q: %q gave %+v %v", raw, p.Encode(), p2, probs2)
		}
		if p.AsOf.IsZero() {
			p.AsOf = asOf
		}
		res, err := Evaluate(p)
		if err != nil {
			ps, ok := AsProblems(err)
			if !ok || len(ps) == 0 {
				t.Fatalf("Evaluate error is not Problems: %v", err)
			}
			for _, pr := range ps {
				if pr.Key == "" {
					t.Fatalf("check problem without key: %+v", pr)
				}
			}
			return
		}
		if _, err := PlanFrom(p, res); err != nil {
			t.Fatalf("PlanFrom of a valid result: %v", err)
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

func TestLinkLimits(t *testing.T) {
	// 64 pairs are read; the 65th and after give one problem, and the
	// valid keys before the limit are kept.
	pairs := []string{"education=master", "age=35"}
	for len(pairs) < 64 {
		pairs = append(pairs, "utm_x"+itoa(len(pairs))+"=1")
	}
	p, probs := ParseQuery(strings.Join(pairs, "&"))
	assert.Empty(t, probs)
	assert.Equal(t, EduMaster, p.Education)
	p, probs = ParseQuery(strings.Join(append(pairs, "insurance_years=3", "foo=1", "bar=2"), "&"))
	require.Len(t, probs, 1, "one problem, whatever follows")
	assert.Equal(t, linkTooLong, probs[0])
	assert.Equal(t, "链接太长，只读取了前面的部分", probs[0].Zh)
	assert.Equal(t, 0, p.InsuranceYears, "pairs past the limit are not read")
	assert.Equal(t, 35, p.Age)
	// 4 kB: a pair that ends past the 4096th byte is not read.
	pad := "share_pad=" + strings.Repeat("x", 4096-len("share_pad=")-len("&age=35"))
	p, probs = ParseQuery(pad + "&age=35")
	assert.Empty(t, probs, "exactly 4096 bytes")
	assert.Equal(t, 35, p.Age)
	p, probs = ParseQuery(pad + "x&age=35")
	assert.Equal(t, Problems{linkTooLong}, probs)
	assert.Equal(t, 0, p.Age)
	// empty pairs are not counted
	_, probs = ParseQuery(strings.Repeat("&", 200) + "age=30")
	assert.Empty(t, probs)
}

func TestPlatformKeysIgnored(t *testing.T) {
	raw := "from=singlemessage&isappinstalled=0&scene=1&nsukey=abc&spm=a.b&clicktime=1700000000&enterid=1&wxfrom=5" +
		"&fbclid=x&gclid=y&utm_source=wechat&utm_medium=share&share_source=copy&share_token=1&parent=https%3A%2F%2Fp.example&theme=%230f6b5c" +
		"&age=30&education=master"
	p, probs := ParseQuery(raw)
	assert.Empty(t, probs)
	assert.Equal(t, Profile{Age: 30, Education: EduMaster}, p)
	_, probs = ParseQuery("utm=1&frm=2&share=3&age=30")
	assert.Equal(t, []string{"utm", "frm", "share"}, probs.Keys(), "only the listed keys and prefixes are ignored")
	_, probs = ParseJSON([]byte(`{"utm_source":"x","age":30}`))
	assert.Equal(t, []string{"utm_source"}, probs.Keys(), "JSON profiles stay strict")
}

func TestUnknownKeyCutOnRune(t *testing.T) {
	long := strings.Repeat("社保", 30) // 180 bytes, 3 per character
	_, probs := ParseQuery(long + "=1")
	require.Len(t, probs, 1)
	pr := probs[0]
	assert.True(t, utf8.ValidString(pr.Key) && utf8.ValidString(pr.Zh) && utf8.ValidString(pr.En), "%q", pr.En)
	assert.Equal(t, strings.Repeat("社保", 6)+"社…", pr.Key, "cut at 39 bytes, a character boundary")
	_, probs = ParseQuery("a" + long + "=1") // the 40th byte ends a character
	assert.Equal(t, "a"+strings.Repeat("社保", 6)+"社…", probs[0].Key)
	// a bad value is cut the same way in the English message
	_, probs = ParseQuery("education=" + url.QueryEscape(long))
	assert.True(t, utf8.ValidString(probs[0].En))
	assert.Contains(t, probs[0].En, "社保社…\"")
	_, probs = ParseJSON([]byte(`{"` + long + `":1}`))
	assert.True(t, utf8.ValidString(probs[0].En))
	// invalid UTF-8 in a key is replaced, then cut
	_, probs = ParseQuery("%ff%fe=1")
	assert.True(t, utf8.ValidString(probs[0].Key))
	assert.Equal(t, "", cut("", 40))
	assert.Equal(t, "abc", cut("abc", 3))
}

func TestTriStates(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want Tri
		enc  string
		json string
	}{{"", Unknown, "", `{}`}, {"full_time=1", Yes, "full_time=1", `{"full_time":true}`}, {"full_time=true", Yes, "full_time=1", `{"full_time":true}`},
		{"full_time=0", No, "full_time=0", `{"full_time":false}`}, {"full_time=false", No, "full_time=0", `{"full_time":false}`}} {
		p, probs := ParseQuery(c.raw)
		require.Empty(t, probs)
		assert.Equal(t, c.want, p.FullTime, c.raw)
		assert.Equal(t, c.enc, p.Encode(), c.raw)
		b, _ := json.Marshal(p)
		assert.Equal(t, c.json, string(b))
		p2, probs := ParseJSON(b)
		require.Empty(t, probs)
		assert.Equal(t, p, p2)
	}
	p, _ := ParseJSON([]byte(`{"title_base_ok":null}`))
	assert.Equal(t, Unknown, p.TitleBaseOK, "null is not given")
	f := FieldByKey("title_base_ok")
	assert.Equal(t, KindTri, f.Kind)
	assert.Equal(t, "tri", f.Kind.String())
	assert.Equal(t, []Choice{{Value: "1", Label: "是"}, {Value: "0", Label: "否"}, {Value: "", Label: "不清楚"}}, f.Options(asOf))
	assert.Equal(t, KindBool, FieldByKey("shortage_major").Kind)
}

func TestRetireGroupKey(t *testing.T) {
	f := FieldByKey("retire_group")
	require.NotNil(t, f)
	assert.Equal(t, "退休类别", f.Label)
	assert.Equal(t, []Choice{{Value: "", Label: "不填（推算到 60 周岁）"}, {Value: "male", Label: "男"},
		{Value: "female55", Label: "女（原 55 岁退休）"}, {Value: "female50", Label: "女（原 50 岁退休）"}}, f.Options(asOf))
	p, probs := ParseQuery("retire_group=female50")
	require.Empty(t, probs)
	assert.Equal(t, RetireFemale50, p.RetireGroup)
	assert.Equal(t, "retire_group=female50", p.Encode())
	_, probs = ParseQuery("retire_group=f")
	assert.Equal(t, "退休类别请从列表中选择", probs[0].Zh)
	cs := RetireGroupChoices()
	require.Len(t, cs, 3)
	assert.Equal(t, Choice{Value: "female55", Label: "女（原 55 岁退休）"}, cs[1])
}

func TestFieldLabels(t *testing.T) {
	// the glossary of conventions.md
	want := map[string]string{"education": "学历", "insurance_years": "社保年限", "base_tier": "社保缴费基数", "spouse_years": "与上海户籍配偶的婚龄",
		"title": "职称/技能等级", "title_base_ok": "职称基数条件", "key_area": "重点区域", "as_of": "计算日期", "retire_group": "退休类别"}
	for k, l := range want {
		assert.Equal(t, l, FieldByKey(k).Label, k)
	}
	var labels, values []string
	for _, c := range FieldByKey("base_tier").Options(asOf) {
		values, labels = append(values, c.Value), append(labels, c.Label)
	}
	assert.Equal(t, []string{"", "none", "0.8", "1", "2", "3"}, values, "none is a tier of its own")
	assert.Equal(t, []string{"不清楚（按下面的月缴费基数估算）", "不到 0.8 倍", "0.8 倍至 1 倍", "1 倍至 2 倍", "2 倍至 3 倍", "3 倍及以上"}, labels)
	edu := FieldByKey("education").Options(asOf)
	assert.Equal(t, Choice{Value: "", Label: "大专以下"}, edu[0], "education none is the key left out")
}
