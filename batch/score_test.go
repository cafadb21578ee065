package batch

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

// plan is the native plan of a profile in link form at d.
func plan(t *testing.T, link string, d score.Date) score.PlanResult {
	t.Helper()
	p := profileAt(t, link, d)
	pr, err := score.Plan(p)
	require.NoError(t, err, link)
	return pr
}

func TestStatusesAndReach(t *testing.T) {
	rows := []struct {
		cells, link string
		status      Status
	}{
		{"1990-05\t硕士\t是\t6\t1\t\t否\t", "birth=1990-05&education=master&full_time=1&insurance_years=6&base_tier=1", StatusMet},
		{"1996-03\t本科\t是\t2\t\t\t否\t", "birth=1996-03&education=bachelor&full_time=1&insurance_years=2", StatusBelow},
		{"1968-01\t无\t\t1\t\t男\t否\t", "birth=1968-01&insurance_years=1&retire_group=male", StatusBelow},
		{"1990-05\t博士\t是\t10\t3\t\t是\t", "birth=1990-05&education=doctor&full_time=1&insurance_years=10&base_tier=3&serious_crime=1", StatusCannot},
		{"1968-01\t本科\t是\t20\t1\t女50\t否\t", "birth=1968-01&education=bachelor&full_time=1&insurance_years=20&base_tier=1&retire_group=female50", StatusCannot},
	}
	text := "出生年月\t学历\t全日制\t社保年限\t社保基数档次\t退休类别\t严重刑事犯罪\t\n"
	for _, r := range rows {
		text += r.cells + "\n"
	}
	tab := Read(text)
	require.Empty(t, tab.Errors)
	outs := tab.ScoreAll(day)
	sawNever, sawLater := false, false
	for i, r := range rows {
		o := outs[i]
		res := evaluate(t, r.link, day)
		assert.Equal(t, r.status, o.Status, r.link)
		assert.Equal(t, res.Total, o.Result.Total, r.link)
		assert.Equal(t, res.Gap, o.Result.Gap, r.link)
		pr := plan(t, r.link, day)
		switch {
		case o.Status == StatusCannot:
			assert.True(t, res.Vetoed || res.Retired, r.link)
			assert.Equal(t, "", o.Reach)
		case o.Status == StatusMet:
			assert.Equal(t, "已达到", o.Reach)
		case pr.ReachDate == nil:
			sawNever = true
			assert.Equal(t, "退休前达不到", o.Reach, r.link)
		default:
			sawLater = true
			assert.Equal(t, score.MonthOf(*pr.ReachDate).String(), o.Reach, r.link)
		}
	}
	assert.True(t, sawNever && sawLater, "the rows cover a reach month and never")
	assert.Equal(t, "达标 未达标 不能申请 有错误", StatusMet.String()+" "+StatusBelow.String()+" "+StatusCannot.String()+" "+StatusError.String())
}

// Each child's 中考 verdict is the plan's, with its months.
func TestChildrenVerdicts(t *testing.T) {
	links := []string{
		"birth=1990-05&education=master&insurance_years=6&base_tier=1&children=2010-09,2015-03,2019-01",
		"birth=1994-05&education=bachelor&insurance_years=1&children=2017-05,2021-01",
		"birth=1970-05&insurance_years=1&retire_group=male&children=2018-01",
		"birth=1990-05&education=doctor&serious_crime=1&children=2018-01",
	}
	text := "出生年月\t学历\t社保年限\t社保基数档次\t子女出生年月\t退休类别\t严重刑事犯罪\n"
	for _, l := range links {
		p := profile(t, l)
		cells := []string{p.Birth.String()[:7], map[score.Education]string{"master": "硕士", "bachelor": "本科", "doctor": "博士", "": ""}[p.Education],
			strconv.Itoa(p.InsuranceYears), string(p.BaseTier), score.FieldByKey("children").Text(&p),
			map[score.RetireGroup]string{"male": "男", "": ""}[p.RetireGroup], map[bool]string{true: "是", false: ""}[p.SeriousCrime]}
		for i, c := range cells {
			if i > 0 {
				text += "\t"
			}
			text += c
		}
		text += "\n"
	}
	tab := Read(text)
	require.Empty(t, tab.Errors)
	words := map[score.Verdict]string{score.InTime: "来得及", score.Tight: "时间很紧", score.Late: "来不及", score.Passed: "已过"}
	seen := map[score.Verdict]bool{}
	for i, l := range links {
		o := tab.Score(i, day)
		require.Empty(t, o.Errors, l)
		pr := plan(t, l, day)
		require.Len(t, o.Children, len(pr.Children), l)
		for k, c := range pr.Children {
			x := c.Zhongkao
			seen[x.Verdict] = true
			want := words[x.Verdict] + "（" + x.Month.String() + " 中考，"
			switch {
			case x.Verdict == score.Passed:
				want += "报名已过）"
			case x.Margin == nil && pr.Vetoed:
				want += "不能申请积分）"
			case x.Margin == nil:
				want += "退休前达不到 " + strconv.Itoa(score.StandardAt(day)) + " 分）"
			case *x.Margin < 0:
				want += "晚 " + score.Span(-*x.Margin) + "）"
			default:
				want += "余 " + score.Span(*x.Margin) + "）"
			}
			assert.Equal(t, want, o.Children[k], l)
			assert.Equal(t, strings.Replace(want, x.Month.String()+" 中考", x.Month.Chinese()+"中考", 1), o.ChildrenZh[k], l)
		}
	}
	for _, v := range []score.Verdict{score.InTime, score.Late, score.Passed} {
		assert.True(t, seen[v], "the rows cover the verdict %s", v)
	}
}

func TestCounts(t *testing.T) {
	outs := make([]Outcome, 20)
	for i := range outs {
		switch {
		case i < 12:
			outs[i].Status = StatusMet
		case i < 17:
			outs[i].Status = StatusBelow
		}
	}
	assert.Equal(t, "20 人：12 人达标，5 人未达标，3 行有错误", Count(outs).String())
	outs[17].Status = StatusCannot
	outs[18].Status, outs[19].Status = StatusMet, StatusMet
	assert.Equal(t, "20 人：14 人达标，5 人未达标，1 人不能申请", Count(outs).String())
}
