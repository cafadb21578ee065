package score

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// profileOf reads a profile written as a query, at asOf unless it names
// one.
func profileOf(t *testing.T, query string) Profile {
	t.Helper()
	p, probs := ParseQuery(query)
	require.Empty(t, probs, query)
	if p.AsOf.IsZero() {
		p.AsOf = asOf
	}
	return p
}

// parent29 is profile.md's worked example: a parent of 29 who reaches 120
// in 2030-12 (age 30 + 大专 50 + 10 years' insurance 30 = 110; 14 years
// in 2030-12).
const parent29 = "as_of=2026-12-06&age=29&education=college&insurance_years=10"

// profile.md's example, word for word: as_of=2026-12-06, reach month
// 2030-12, child born 2018-03.
func TestChildPlanJSON(t *testing.T) {
	pr := plan(t, parent29+"&children=2018-03")
	require.NotNil(t, pr.ReachDate)
	require.Equal(t, Month{2030, 12}, MonthOf(*pr.ReachDate))
	require.Len(t, pr.Children, 1)
	b, err := json.Marshal(pr.Children[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"birth":"2018-03","school_entry":"2024-09",
		"zhongkao":"2033-06","zhongkao_deadline":"2032-11","zhongkao_latest_reach":"2032-08","zhongkao_verdict":"in_time","zhongkao_margin_months":20,
		"gaokao":"2036-06","gaokao_deadline":"2035-11","gaokao_latest_reach":"2035-08","gaokao_verdict":"in_time","gaokao_margin_months":56}`, string(b))
	assert.Equal(t, "孩子 2033 年 6 月中考：须在 2032 年 11 月报名前拿到积分通知书，最晚 2032 年 8 月达到 120 分；按目前规划还有 20 个月余量（来得及）。",
		pr.Children[0].Zhongkao.Sentence(&pr))
	// the plan's JSON carries them, in the profile's order; none without
	b, err = json.Marshal(plan(t, parent29+"&children=2021-07,2018-03"))
	require.NoError(t, err)
	assert.Regexp(t, `"children":\[\{"birth":"2021-07".*\},\{"birth":"2018-03"`, string(b))
	b, err = json.Marshal(plan(t, parent29))
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"children"`)
}

// rules.md: school in September of the year the child turns 6 by 31
// August; born 1 September or later, the next year; 5 + 4 years to the
// 中考, 3 more to the 高考.
func TestSchoolEntryCutoff(t *testing.T) {
	cases := []struct {
		birth         string
		entry, zk, gk Month
	}{
		{"2018-03", Month{2024, 9}, Month{2033, 6}, Month{2036, 6}},
		{"2018-08-31", Month{2024, 9}, Month{2033, 6}, Month{2036, 6}}, // 31 August: that year
		{"2018-09-01", Month{2025, 9}, Month{2034, 6}, Month{2037, 6}}, // 1 September: the next
		{"2018-09", Month{2025, 9}, Month{2034, 6}, Month{2037, 6}},
		{"2018-01", Month{2024, 9}, Month{2033, 6}, Month{2036, 6}},
		{"2018-12", Month{2025, 9}, Month{2034, 6}, Month{2037, 6}},
	}
	for _, c := range cases {
		pr := plan(t, parent29+"&children="+c.birth)
		ch := pr.Children[0]
		assert.Equal(t, c.entry, ch.SchoolEntry, c.birth)
		assert.Equal(t, c.zk, ch.Zhongkao.Month, c.birth)
		assert.Equal(t, c.gk, ch.Gaokao.Month, c.birth)
		assert.Equal(t, Month{c.zk.Year - 1, 11}, ch.Zhongkao.Deadline, c.birth)
		assert.Equal(t, Month{c.zk.Year - 1, 8}, ch.Zhongkao.LatestReach, c.birth)
		assert.Equal(t, Month{c.gk.Year - 1, 8}, ch.Gaokao.LatestReach, c.birth)
	}
}

// The verdicts at their boundaries: a margin of 6 is in time, 5 and 0 are
// tight, −1 is late; a deadline this month is still open, last month's is
// passed.
func TestExamVerdicts(t *testing.T) {
	tl := readExams(&reader{d: asOf})
	now := Month{2026, 12}
	check := func(latest, reach Month) ExamCheck {
		x := ExamCheck{Deadline: latest.add(3), LatestReach: latest}
		tl.judge(&x, &reach, now)
		return x
	}
	latest := Month{2030, 8}
	for _, c := range []struct {
		reach  Month
		margin int
		want   Verdict
	}{
		{Month{2029, 8}, 12, InTime}, {Month{2030, 2}, 6, InTime}, {Month{2030, 3}, 5, Tight},
		{Month{2030, 8}, 0, Tight}, {Month{2030, 9}, -1, Late}, {Month{2031, 8}, -12, Late},
	} {
		x := check(latest, c.reach)
		assert.Equal(t, c.want, x.Verdict, c.reach.String())
		require.NotNil(t, x.Margin)
		assert.Equal(t, c.margin, *x.Margin, c.reach.String())
	}
	// a deadline this month is open; the month before, passed
	x := check(now.add(-3), now)
	assert.Equal(t, Late, x.Verdict, "this month's deadline, 3 months too late to hold the notice")
	x = check(now.add(-4), now)
	assert.Equal(t, Passed, x.Verdict)
	// never reached
	nx := ExamCheck{Deadline: latest.add(3), LatestReach: latest}
	tl.judge(&nx, nil, now)
	assert.Equal(t, Late, nx.Verdict)
	assert.Nil(t, nx.Margin)
}

func TestChildrenAgainstThePlan(t *testing.T) {
	// already at 120: the margin counts from this month
	pr := plan(t, "as_of=2026-12-06&age=29&education=master&children=2018-03")
	require.Equal(t, asOfMonth(pr), MonthOf(*pr.ReachDate))
	zk := pr.Children[0].Zhongkao
	assert.Equal(t, InTime, zk.Verdict)
	assert.Equal(t, Month{2032, 8}.index()-Month{2026, 12}.index(), *zk.Margin)

	// three children: one passed, one late, one in time
	pr = plan(t, parent29+"&children=2009-05,2023-02,2026-01")
	require.Len(t, pr.Children, 3)
	a, b, c := pr.Children[0], pr.Children[1], pr.Children[2]
	// born 2009-05: 中考 2024-06 (registration 2023-11, passed), 高考 2027-06 (registration 2026-11: passed too)
	assert.Equal(t, Passed, a.Zhongkao.Verdict)
	assert.Equal(t, Month{2027, 6}, a.Gaokao.Month)
	assert.Equal(t, Passed, a.Gaokao.Verdict)
	assert.Contains(t, a.Zhongkao.Sentence(&pr), "已经过去")
	// born 2023-02: 中考 2038-06, latest 2037-08; reach 2030-12 → in time
	assert.Equal(t, InTime, b.Zhongkao.Verdict)
	// born 2026-01: in time too
	assert.Equal(t, InTime, c.Zhongkao.Verdict)

	// late: born 2016-03 → 中考 2031-06, latest 2030-08; reach 2030-12 → 4 months late
	pr = plan(t, parent29+"&children=2016-03")
	zk, gk := pr.Children[0].Zhongkao, pr.Children[0].Gaokao
	assert.Equal(t, Late, zk.Verdict)
	assert.Equal(t, -4, *zk.Margin)
	assert.Equal(t, "孩子 2031 年 6 月中考：须在 2030 年 11 月报名前拿到积分通知书，最晚 2030 年 8 月达到 120 分；按目前规划晚 4 个月（来不及）。", zk.Sentence(&pr))
	// the 高考 needs the 中考: late too, though its own margin is positive
	assert.Equal(t, Late, gk.Verdict)
	assert.Positive(t, *gk.Margin)
	assert.Contains(t, gk.Sentence(&pr), "中考来不及，高考也来不及")
	// a path from the plan's list that makes it in time, if one does
	require.NotNil(t, zk.Path, "paths: %+v", pr.Paths)
	assert.False(t, MonthOf(zk.Path.ReachDate).index() > zk.LatestReach.index())
	assert.Equal(t, zk.Path, gk.Path)
	assert.Contains(t, zk.PathSentence(pr.AsOf), "可以赶上")
	assert.Contains(t, zk.PathSentence(pr.AsOf), zk.Path.Change)

	// never reaching 120 before the plan stops: late with no margin, said kindly
	pr = plan(t, "as_of=2026-12-06&age=55&retire_group=female55&children=2016-03")
	require.Nil(t, pr.ReachDate)
	zk = pr.Children[0].Zhongkao
	assert.Equal(t, Late, zk.Verdict)
	assert.Nil(t, zk.Margin)
	assert.Contains(t, zk.Sentence(&pr), "达不到 120 分（来不及）")
	b2, err := json.Marshal(pr.Children[0])
	require.NoError(t, err)
	assert.Contains(t, string(b2), `"zhongkao_margin_months":null`)

	// vetoed: no reach, late, said as such
	pr = plan(t, parent29+"&serious_crime=1&children=2018-03")
	assert.Equal(t, Late, pr.Children[0].Zhongkao.Verdict)
	assert.Contains(t, pr.Children[0].Zhongkao.Sentence(&pr), "不能申请积分")
}

// Retirement before the 中考 registration: the verdict follows profile.md
// (reach month against the latest month), and the plan says so.
func TestRetirementBeforeTheDeadline(t *testing.T) {
	// a woman (原 50) born 1979-01 retires 2030-01 + delay; at 47 with
	// 本科+学士 she has 120 now, her child born 2025-06 sits the 中考 in 2040
	pr := plan(t, "as_of=2026-12-06&birth=1979-01&retire_group=female50&education=bachelor_degree&insurance_years=5&children=2025-06")
	require.NotNil(t, pr.Stop.Retirement)
	ch := pr.Children[0]
	require.True(t, MonthOf(*pr.Stop.Retirement).index() < ch.Zhongkao.Deadline.index())
	assert.True(t, ch.RetiresFirst)
	assert.Equal(t, InTime, ch.Zhongkao.Verdict, "the verdict is profile.md's")
	assert.False(t, plan(t, parent29+"&children=2018-03").Children[0].RetiresFirst)
}

func asOfMonth(pr PlanResult) Month { return MonthOf(pr.AsOf) }

func TestChildrenKey(t *testing.T) {
	p, probs := ParseQuery("children=2018-03,2021-07")
	require.Empty(t, probs)
	assert.Equal(t, []Date{{2018, 3, 1}, {2021, 7, 1}}, p.ChildBirths())
	assert.Equal(t, "children=2018-03,2021-07", p.Encode())
	b, _ := json.Marshal(p)
	assert.Equal(t, `{"children":"2018-03,2021-07"}`, string(b))
	for _, in := range []string{`{"children":"2018-03,2021-07"}`, `{"children":["2018-03","2021-07"]}`} {
		p2, probs := ParseJSON([]byte(in))
		require.Empty(t, probs, in)
		assert.Equal(t, p, p2, in)
	}
	// twins are two children
	p, _ = ParseQuery("children=2020-05,2020-05")
	assert.Len(t, p.ChildBirths(), 2)
	// malformed lists
	for _, bad := range []string{"2018-13", "2018/03", "abc", "2018-03,,2019-01", "2018-03,2019-01,2020-01,2021-01,2022-01", "2018-03;2019-01"} {
		_, probs := ParseQuery("children=" + bad)
		require.Len(t, probs, 1, bad)
		assert.Equal(t, "children", probs[0].Key)
		assert.Equal(t, "孩子的出生年月请按 YYYY-MM 填写，如 2018-03；最多 4 个，用逗号分开", probs[0].Zh, bad)
	}
	_, jprobs := ParseJSON([]byte(`{"children":[2018]}`))
	require.Len(t, jprobs, 1)
	assert.Equal(t, "children", jprobs[0].Key)
	// a month more than a year ahead, a child older than 20: named
	for _, c := range []struct{ children, zh string }{
		{"2028-01", "孩子的出生年月 2028 年 1 月晚于计算日期一年以上，请检查"},
		{"2005-11", "孩子的出生年月 2005 年 11 月：计算日期时已超过 20 周岁，请只填 20 周岁及以下的孩子"},
	} {
		_, err := Evaluate(profileOf(t, "age=30&children="+c.children))
		probs, ok := AsProblems(err)
		require.True(t, ok, c.children)
		assert.Equal(t, "children", probs[0].Key)
		assert.Equal(t, c.zh, probs[0].Zh)
	}
	// a year ahead (an expected child) and exactly 20 are fine
	for _, ok := range []string{"2027-11", "2006-11"} {
		_, err := Evaluate(profileOf(t, "age=30&children="+ok))
		assert.NoError(t, err, ok)
	}
	assert.Contains(t, ExamNote(asOf), "以当年市教委、市教育考试院通知为准")
	assert.Equal(t, 1, strings.Count(ExamNote(asOf), "以当年"), "said once")
}

func TestExamShort(t *testing.T) {
	pr := plan(t, parent29+"&children=2018-03,2016-03,2009-05")
	assert.Equal(t, "中考（2033 年 6 月）：来得及，余量 20 个月", pr.Children[0].Zhongkao.Short())
	assert.Equal(t, "中考（2031 年 6 月）：来不及，晚 4 个月", pr.Children[1].Zhongkao.Short())
	assert.Equal(t, "高考（2034 年 6 月）：来不及", pr.Children[1].Gaokao.Short(), "late for want of the 中考")
	assert.Equal(t, "中考（2024 年 6 月）：报名已过", pr.Children[2].Zhongkao.Short())
	assert.Equal(t, "2018 年 3 月出生的孩子", pr.Children[0].Name())
}

func TestSpan(t *testing.T) {
	for m, want := range map[int]string{0: "0 个月", 4: "4 个月", 23: "23 个月", 24: "2 年", 100: "8 年 4 个月", 121: "10 年 1 个月"} {
		assert.Equal(t, want, Span(m), m)
	}
}
