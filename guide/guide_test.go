package guide

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/guide/ics"
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

func result(t *testing.T, q string) score.Result {
	t.Helper()
	return score.MustEvaluate(profile(t, q))
}

func allConfirmed() map[string]bool {
	all := map[string]bool{}
	for _, c := range Conditions(asOf) {
		all[c.ID] = true
	}
	return all
}

// --- the verdict (issue 12 point 2) ---

func TestDecide192PointsWithNothingConfirmed(t *testing.T) {
	r := result(t, "age=35&education=master&insurance_years=4&base_tier=1&as_of=2026-11-28")
	require.Equal(t, 192, r.Total)
	v := Decide(r, nil)
	assert.Equal(t, ConfirmFirst, v.Kind)
	assert.Equal(t, "积分已够 120 分，申请前再确认 6 项", v.Headline)
	assert.Equal(t, 192, v.Total)
	assert.Zero(t, v.Gap)
	require.Len(t, v.Unconfirmed, len(conditions))
	for i, c := range v.Unconfirmed {
		assert.Equal(t, conditions[i].ID, c.ID, "in the order of Conditions")
		assert.NotEmpty(t, c.Short)
		assert.NotEmpty(t, c.Fix)
		assert.Less(t, len([]rune(c.Short)), len([]rune(c.Text)), "%s: Short is shorter", c.ID)
	}
	assert.NotContains(t, v.Headline, "还差", "at 192 points nothing is 还差")

	some := map[string]bool{"permit": true, "employed": true, "same": true, "contract": true}
	v = Decide(r, some)
	assert.Equal(t, "积分已够 120 分，申请前再确认 2 项", v.Headline)
	require.Len(t, v.Unconfirmed, 2)
	assert.Equal(t, "insured6", v.Unconfirmed[0].ID)
	assert.Equal(t, "not_self", v.Unconfirmed[1].ID)
}

func TestDecideAllConfirmed(t *testing.T) {
	r := result(t, "age=35&education=master&as_of=2026-11-28")
	v := Decide(r, allConfirmed())
	assert.Equal(t, CanApply, v.Kind)
	assert.Empty(t, v.Unconfirmed)
	assert.Contains(t, v.Headline, "可以请单位申请", "the result page's words")
}

func TestDecideBelowUsesTheResultsGap(t *testing.T) {
	r := result(t, "age=45&education=college&insurance_years=10&as_of=2026-11-28")
	require.False(t, r.MeetsStandard)
	for _, confirmed := range []map[string]bool{nil, allConfirmed()} {
		v := Decide(r, confirmed)
		assert.Equal(t, Below, v.Kind)
		assert.Equal(t, r.Gap, v.Gap)
		assert.Equal(t, 13, v.Gap)
		assert.Equal(t, "距 120 分还差 13 分", v.Headline, "as on /result")
		assert.Empty(t, v.Unconfirmed, "the gap comes first")
	}
}

func TestDecideVetoed(t *testing.T) {
	r := result(t, "age=35&education=doctor&title=senior&serious_crime=1&as_of=2026-11-28")
	v := Decide(r, allConfirmed())
	assert.Equal(t, Vetoed, v.Kind)
	assert.Equal(t, "存在一票否决情形，不能申请积分", v.Headline)
	assert.Empty(t, v.Unconfirmed)
}

// The deprecated Check keeps working until the UI switches to Decide.
func groupOf(groups []Group) map[string]string {
	m := map[string]string{}
	for _, g := range groups {
		for _, it := range g.Items {
			m[it.ID] = g.ID
		}
	}
	return m
}

func TestMaterialsGroupsAndNoDuplicates(t *testing.T) {
	everything := profile(t, "education=master&full_time=0&title=intermediate&base_tier=1&spouse_years=3&invest_hires_avg=12&award=city&shortage_major=1&key_area=lingang&key_area_years=4&public_service_years=5&fresh_graduate=1&startup_talent=1&tech_transfer_talent=1")
	all := Answers{QChildren: true, QForeign: true, QNonFullDeg: true, QDispatch: true, QBranch: true}
	for _, a := range []Answers{nil, all} {
		groups := Materials(everything, a)
		seen := map[string]string{}
		for _, g := range groups {
			assert.NotEmpty(t, g.Items, g.ID)
			assert.NotEmpty(t, g.Title, g.ID)
			for _, it := range g.Items {
				prev, dup := seen[it.ID]
				assert.False(t, dup, "%s in %s and %s", it.ID, prev, g.ID)
				seen[it.ID] = g.ID
				assert.NotEmpty(t, it.Name, it.ID)
				assert.NotEmpty(t, it.Note, it.ID)
				assert.NotEmpty(t, it.Reason, it.ID)
			}
		}
	}
	groups := Materials(everything, all)
	assert.Equal(t, "employer", groups[0].ID)
	assert.Equal(t, "always", groups[1].ID)
	in := groupOf(groups)
	for id, g := range map[string]string{
		"employer_letter": "employer", "hr_id": "employer", "licence": "employer", "dispatch_licence": "employer", "branch_tax": "employer",
		"permit": "always", "form": "always", "id_hukou": "always", "contract": "always", "tax6": "always",
		"diploma": "education", "cscse": "education", "adult_edu": "education",
		"title_cert": "title", "tax48": "base_tier", "marriage": "spouse", "spouse_id": "spouse",
		"company_reg": "investment", "articles": "investment", "capital": "investment", "tax3y": "investment",
		"award": "award", "post_desc": "shortage_major", "lingang_letter": "key_area", "lingang_tax": "key_area", "area_home": "key_area",
		"public_service_proof": "public_service", "fresh_graduate_proof": "fresh_graduate",
		"startup_talent_proof": "startup_talent", "tech_transfer_proof": "tech_transfer",
		"child_birth": "children", "child_id": "children", "child_hukou": "children",
	} {
		assert.Equal(t, g, in[id], id)
	}
	// the marriage certificate serves the spouse and the children: listed
	// once, with both reasons
	for _, it := range Flatten(groups) {
		if it.ID == "marriage" {
			assert.Contains(t, it.Reason, "配偶为上海户籍")
			assert.Contains(t, it.Reason, "子女随迁")
		}
		if it.ID == "diploma" {
			assert.Contains(t, it.Reason, "紧缺急需专业")
		}
	}
	assert.False(t, ids(Flatten(groups))["chsi"], "a foreign degree has the 留服 certificate instead")
}

func TestMaterialsFollowClaimsAndAnswers(t *testing.T) {
	got := ids(Flatten(Materials(score.Profile{}, nil)))
	for _, id := range []string{"employer_letter", "hr_id", "licence", "permit", "form", "id_hukou", "contract", "tax6"} {
		assert.True(t, got[id], id)
	}
	for _, id := range []string{"diploma", "title_cert", "marriage", "tax48", "company_reg", "award", "child_birth", "cscse", "dispatch_licence"} {
		assert.False(t, got[id], "%s needs a claim or an answer", id)
	}

	p := profile(t, "education=master")
	got = ids(Flatten(Materials(p, nil)))
	assert.True(t, got["diploma"] && got["chsi"] && got["cdgdc"], "a degree: 学信网 and 学位网")
	assert.False(t, got["adult_edu"] || got["cscse"], "not asked for: not listed")
	got = ids(Flatten(Materials(p, Answers{QNonFullDeg: true})))
	assert.True(t, got["adult_edu"])
	got = ids(Flatten(Materials(profile(t, "education=college"), nil)))
	assert.False(t, got["cdgdc"], "大专 has no degree report")

	got = ids(Flatten(Materials(score.Profile{}, Answers{QChildren: true})))
	assert.True(t, got["child_birth"] && got["marriage"] && got["spouse_id"])

	dispatch := Flatten(Materials(score.Profile{}, Answers{QDispatch: true}))
	assert.True(t, ids(dispatch)["dispatch_licence"])
	for _, it := range dispatch {
		if it.ID == "contract" {
			assert.Contains(t, it.Name, "派遣协议")
		}
	}

	assert.True(t, ids(Flatten(Materials(profile(t, "base_monthly=15000"), nil)))["tax48"], "a monthly base is a base-tier claim")
	assert.False(t, ids(Flatten(Materials(profile(t, "base_tier=none"), nil)))["tax48"])
	other := ids(Flatten(Materials(profile(t, "key_area=other&key_area_years=6"), nil)))
	assert.True(t, other["area_proof"])
	assert.False(t, other["lingang_letter"])
}

func TestMaterialsWithoutFixedFormSayTheCentreDecides(t *testing.T) {
	p := profile(t, "public_service_years=5&fresh_graduate=1&startup_talent=1&tech_transfer_talent=1")
	for _, it := range Flatten(Materials(p, nil)) {
		if strings.HasSuffix(it.ID, "_proof") {
			assert.Contains(t, it.Note, "以区人才服务中心要求为准", it.ID)
		}
	}
}

func TestQuestionsOnlyWhereTheyDecide(t *testing.T) {
	qids := func(p score.Profile) []string {
		var s []string
		for _, q := range QuestionsFor(p) {
			s = append(s, q.ID)
		}
		return s
	}
	assert.NotContains(t, qids(score.Profile{}), QForeign)
	assert.NotContains(t, qids(score.Profile{}), QNonFullDeg)
	assert.Contains(t, qids(score.Profile{}), QChildren)
	assert.Contains(t, qids(profile(t, "education=bachelor_degree")), QForeign)
	assert.Contains(t, qids(profile(t, "education=bachelor_degree")), QNonFullDeg)
	for _, q := range Questions {
		assert.True(t, strings.HasSuffix(q.Text, "？"), q.ID)
		assert.NotEmpty(t, q.Note, q.ID)
	}
}

func TestAfterNotice(t *testing.T) {
	want := map[string][]string{
		"renewal":    {"签注", "积分确认", "到期前 1 个月", "失效"},
		"job_change": {"变更", "退工单", "不适用"},
		"family":     {"同住子女", "单位申报"},
	}
	require.Len(t, AfterNotice(asOf), len(want))
	for _, tp := range AfterNotice(asOf) {
		text := tp.Title + strings.Join(tp.Points, "")
		for _, w := range want[tp.ID] {
			assert.Contains(t, text, w, tp.ID)
		}
		for _, l := range tp.Links {
			_, ok := OfficialLink(l)
			assert.True(t, ok, l)
		}
	}
}

func TestSelfCheckCoversEveryRefusalCause(t *testing.T) {
	// rules.md lists seven causes
	want := []string{"backpaid", "base_income", "non_full_time", "title_post", "past_employers", "permit_days", "insured6"}
	var got []string
	for _, c := range SelfCheck(asOf) {
		got = append(got, c.ID)
		assert.NotEmpty(t, c.Cause, c.ID)
		assert.NotEmpty(t, c.How, c.ID, "each cause says how to check it")
		for _, l := range c.Links {
			_, ok := OfficialLink(l)
			assert.True(t, ok, "%s: %s", c.ID, l)
		}
	}
	assert.ElementsMatch(t, want, got)
}

func TestOfficialLinks(t *testing.T) {
	hosts := map[string]string{
		"yiwangtongban": "zwdt.sh.gov.cn", "rsj": "rsj.sh.gov.cn", "chsi": "www.chsi.com.cn",
		"cdgdc": "www.chinadegrees.cn", "etax": "etax.chinatax.gov.cn", "cscse": "www.cscse.edu.cn",
	}
	seen := map[string]bool{}
	for _, l := range Official {
		assert.False(t, seen[l.ID], "unique %s", l.ID)
		seen[l.ID] = true
		u, err := url.Parse(l.URL)
		require.NoError(t, err)
		assert.Equal(t, "https", u.Scheme, l.ID)
		assert.Equal(t, hosts[l.ID], u.Host, l.ID)
		assert.NotEmpty(t, l.Name)
		assert.NotEmpty(t, l.For)
	}
	assert.Len(t, seen, len(hosts))
}

// --- print header and reminders ---

func TestHeader(t *testing.T) {
	r := result(t, "age=35&education=master&insurance_years=4&base_tier=1&detention=1&as_of=2026-11-28")
	h := Header(r, score.Date{Year: 2026, Month: 12, Day: 3})
	assert.Equal(t, "打印日期：2026 年 12 月 3 日", h.Date)
	assert.Equal(t, "计算日期：2026 年 11 月 28 日", h.AsOf)
	assert.Equal(t, "总分 "+itoa(r.Total)+" 分（标准分值 120 分）", h.Total)
	assert.Contains(t, h.Items, "年龄 30 分")
	assert.Contains(t, h.Items, "社保年限 12 分")
	assert.Contains(t, h.Items, "学历 100 分")
	var minus bool
	for _, it := range h.Items {
		assert.NotContains(t, it, " 0 分", "items that count only")
		minus = minus || strings.Contains(it, "-50 分")
	}
	assert.True(t, minus, "a deduction shows with its sign: %v", h.Items)
	assert.NotContains(t, strings.Join(h.Items, ""), "出生", "no birth date")
}

func itoa(i int) string { return n(i) }

// TestTextsFollowValues changes each value of the rule book that the
// guide states and checks that its texts follow (the guide keeps no number
// of its own).
func TestTextsFollowValues(t *testing.T) {
	cases := map[string]struct {
		to   int64
		want []string
	}{
		"permit.wait_days":           {5, []string{"领证已满 5 天", "领取居住证满 5 天后", "不满 5 天就建了积分账户"}},
		"permit.residence_months":    {7, []string{"登记居住满 7 个月"}},
		"apply.insured_months":       {5, []string{"至少 5 个月在上海缴纳职工社保", "满 5 个月后再申请"}},
		"apply.insured_window":       {24, []string{"近 24 个月中至少 6 个月"}},
		"apply.contract_years":       {2, []string{"劳动合同期限 2 年及以上", "劳动合同（期限 2 年及以上）"}},
		"apply.contract_left_months": {3, []string{"剩余至少 3 个月"}},
		"process.review_workdays":    {25, []string{"约 25 个工作日", "25 个工作日内"}},
		"process.total_tenth_months": {20, []string{"受理后全程约 2 个月"}},
		"renewal.confirm_months":     {2, []string{"到期前 2 个月内"}},
		"materials.tax_months":       {12, []string{"近 12 个月个人所得税完税证明"}},
		"base_tier.window":           {60, []string{"近 60 个月个人所得税完税证明"}},
		"investment.years":           {4, []string{"近 4 年企业纳税记录"}},
		"key_area.lingang.min_years": {2, []string{"近 2 年个人所得税完税证明"}},
		"standard":                   {130, []string{"达到 130 分再申请"}},
	}
	for _, id := range score.ProcessParams() {
		assert.Contains(t, cases, id, "the guide states %s: a case changes it", id)
	}
	for id, c := range cases {
		t.Run(id, func(t *testing.T) {
			before := strings.Join(texts(), "\n")
			t.Cleanup(score.WithValue(id, asOf, c.to))
			after := strings.Join(texts(), "\n")
			assert.NotEqual(t, before, after, "no text states %s", id)
			for _, w := range c.want {
				assert.Contains(t, after, w)
				assert.NotContains(t, before, w, "there before the change: proves nothing")
			}
		})
	}
	assert.Equal(t, "近 12 个月中至少 6 个月在上海缴纳职工社保（补缴不算）", Conditions(asOf)[2].Text)
}

// asOf is the evaluation date of the tests that do not name one.
var asOf = score.Date{Year: 2026, Month: 11, Day: 28}

func TestReminders(t *testing.T) {
	today := score.Date{Year: 2026, Month: 11, Day: 28}
	reach := score.Date{Year: 2027, Month: 11, Day: 28}
	expiry := score.Date{Year: 2027, Month: 3, Day: 15}
	evs := Reminders(&reach, nil, expiry, today)
	require.Len(t, evs, 3)
	assert.Equal(t, ics.Date{Year: 2027, Month: 11, Day: 1}, evs[0].Start, "on the 1st of the month")
	assert.Contains(t, evs[0].Summary, "估算")
	assert.Contains(t, evs[0].Description, "2027 年 11 月")
	assert.NotContains(t, evs[0].Description, "28 日", "a projection is shown to the month")
	assert.Equal(t, ics.Date{Year: 2027, Month: 2, Day: 15}, evs[1].Start, "the last month before expiry")
	assert.Equal(t, ics.Date{Year: 2027, Month: 3, Day: 15}, evs[1].End)
	assert.Contains(t, evs[1].Summary, "签注")
	assert.Contains(t, evs[1].Summary, "积分确认")
	assert.Equal(t, ics.Date{Year: 2027, Month: 3, Day: 15}, evs[2].Start)
	uids := map[string]bool{}
	for _, e := range evs {
		assert.False(t, uids[e.UID])
		uids[e.UID] = true
	}
	assert.Equal(t, evs, Reminders(&reach, nil, expiry, today), "stable UIDs")

	cal := string(ics.Calendar(evs, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)))
	for _, s := range []string{"DTSTART;VALUE=DATE:20271101", "DTSTART;VALUE=DATE:20270215", "DTEND;VALUE=DATE:20270316", "DTSTART;VALUE=DATE:20270315"} {
		assert.Contains(t, cal, s)
	}

	assert.Empty(t, Reminders(nil, nil, score.Date{}, today))
	past := score.Date{Year: 2026, Month: 11, Day: 2}
	assert.Empty(t, Reminders(&past, nil, score.Date{Year: 2026, Month: 1, Day: 1}, today), "reached already; permit expired")
	assert.Len(t, Reminders(nil, nil, today, today), 2, "expiring today still reminds")
}

// --- the texts ---

// texts collects every string of the package's data.
func texts() []string {
	var out []string
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			out = append(out, v.String())
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	all := score.Profile{AsOf: asOf, Education: score.EduMaster, Title: score.TitleSenior, BaseTier: score.Tier1, SpouseYears: 3,
		InvestHiresAvg: 12, Award: score.AwardCity, ShortageMajor: true, KeyArea: score.KeyAreaOther, KeyAreaYears: 6,
		PublicServiceYears: 5, FreshGraduate: true, StartupTalent: true, TechTransferTalent: true}
	yes := Answers{QChildren: true, QForeign: true, QNonFullDeg: true, QDispatch: true, QBranch: true}
	reach := score.Date{Year: 2030, Month: 1, Day: 1}
	lingang := all
	lingang.KeyArea = score.KeyAreaLingang
	for _, v := range []any{Conditions(asOf), Steps(asOf), AfterNotice(asOf), SelfCheck(asOf), Official, Questions,
		Materials(all, yes), Materials(all, nil), Materials(lingang, nil), Reminders(&reach, nil, reach, asOf)} {
		walk(reflect.ValueOf(v))
	}
	return out
}

func TestTextsLeaveTheCentreNoteToThePage(t *testing.T) {
	for _, s := range texts() {
		assert.NotContains(t, s, "以区人才服务中心核定为准", s)
		assert.NotContains(t, s, "教育背景", "glossary: 学历")
		assert.NotContains(t, s, "  ", "double space in %q", s)
		assert.NotContains(t, s, "{", "a number left unfilled in %q", s)
	}
}

func TestNonFullTimeAskedOnlyWhenUnknown(t *testing.T) {
	asked := func(q string) bool {
		for _, x := range QuestionsFor(profile(t, q)) {
			if x.ID == QNonFullDeg {
				return true
			}
		}
		return false
	}
	assert.True(t, asked("education=master"), "unknown: asked")
	assert.False(t, asked("education=master&full_time=1"), "full-time: not asked")
	assert.False(t, asked("education=master&full_time=0"), "not full-time: not asked")
	has := func(q string, a Answers) bool {
		for _, m := range Flatten(Materials(profile(t, q), a)) {
			if m.ID == "adult_edu" {
				return true
			}
		}
		return false
	}
	assert.True(t, has("education=master&full_time=0", nil), "the profile says non-full-time")
	assert.False(t, has("education=master&full_time=1", Answers{QNonFullDeg: true}), "the profile says full-time")
	assert.True(t, has("education=master", Answers{QNonFullDeg: true}), "answered here")
	assert.False(t, has("education=master", nil))
}

func TestDecideRetired(t *testing.T) {
	r := result(t, "birth=1970-03&education=master&insurance_years=5&retire_group=female50&as_of=2026-11-28")
	require.True(t, r.Retired)
	require.True(t, r.MeetsStandard, "the points are enough")
	v := Decide(r, allConfirmed())
	assert.Equal(t, Vetoed, v.Kind)
	assert.Contains(t, v.Headline, "法定退休年龄")
}

// TestMaterialRowsNameIndicators: every row of the checklist that needs a
// claim names an indicator that exists, and every claimable bonus item
// with papers of its own has a row.
func TestMaterialRowsNameIndicators(t *testing.T) {
	named := map[score.ID]bool{}
	for _, r := range materialRows {
		if r.ind == "" {
			assert.Contains(t, []string{"employer", "always", "children"}, r.group)
			continue
		}
		require.NotNil(t, score.IndicatorOf(r.ind), "material row names %q", r.ind)
		named[r.ind] = true
	}
	for _, ind := range score.Indicators() {
		if ind.Group == score.GroupBonus || ind.ID == score.IDEducation || ind.ID == score.IDTitle {
			assert.True(t, named[ind.ID], "%s: a claimed item needs its papers", ind.ID)
		}
	}
}

// The children's exams: a reminder on the latest month to reach the
// standard, or on the registration when that has passed; none once the
// registration is over.
func TestChildReminders(t *testing.T) {
	p := profile(t, "as_of=2026-12-06&age=29&education=college&insurance_years=10&children=2018-03,2011-09,2009-05")
	pl, err := score.Plan(p)
	require.NoError(t, err)
	today := p.AsOf
	evs := Reminders(pl.ReachDate, pl.Children, score.Date{}, today)
	starts := map[string]ics.Date{}
	for _, e := range evs {
		starts[e.Summary+"|"+e.UID] = e.Start
		if strings.HasPrefix(e.UID, "jifen-child-") {
			assert.Contains(t, e.Description, "以当年市教委、市教育考试院通知为准")
		}
	}
	// born 2018-03: 中考 2033-06 (latest 2032-08), 高考 2036-06 (latest 2035-08)
	assert.Contains(t, starts, "孩子中考：最晚本月达到 120 分（估算）|jifen-child-2018-03-zhongkao-2032-08@jifen")
	assert.Equal(t, ics.Date{Year: 2032, Month: 8, Day: 1}, starts["孩子中考：最晚本月达到 120 分（估算）|jifen-child-2018-03-zhongkao-2032-08@jifen"])
	assert.Contains(t, starts, "孩子高考：最晚本月达到 120 分（估算）|jifen-child-2018-03-gaokao-2035-08@jifen")
	// born 2011-09: 中考 2027-06, registration 2026-11: over; 高考 2030-06, latest 2029-08
	assert.Contains(t, starts, "孩子高考：最晚本月达到 120 分（估算）|jifen-child-2011-09-gaokao-2029-08@jifen")
	assert.NotContains(t, starts, "孩子中考：最晚本月达到 120 分（估算）|jifen-child-2011-09-zhongkao-2026-08@jifen")
	// born 2009-05: both over
	for k := range starts {
		assert.NotContains(t, k, "2009-05")
	}
	assert.Len(t, evs, 4, "2018-03 twice, 2011-09 高考, and the reach month")
	// the latest month passed but the registration ahead: on the registration
	later := score.Date{Year: 2032, Month: 9, Day: 10}
	evs = Reminders(nil, pl.Children[:1], score.Date{}, later)
	require.NotEmpty(t, evs)
	assert.Equal(t, ics.Date{Year: 2032, Month: 11, Day: 1}, evs[0].Start)
	assert.Contains(t, evs[0].Summary, "报名")
}

func TestEmployerFirst(t *testing.T) {
	steps := EmployerFirst(asOf)
	require.Len(t, steps, 3)
	assert.Contains(t, steps[0], "一网通办")
	assert.Contains(t, steps[1], "现场核验")
	assert.Contains(t, steps[2], "满 3 天")
	var ids []string
	for _, m := range EmployerMaterials(asOf) {
		ids = append(ids, m.ID)
	}
	assert.Equal(t, []string{"employer_letter", "hr_id", "licence", "dispatch_licence", "branch_tax"}, ids)
}
