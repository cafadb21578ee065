package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"jifen/score"
)

func jifen(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestScoresLines(t *testing.T) {
	in := `{"age":35,"education":"master","as_of":"2026-11-28"}
{"age":300,"foo":1}

{"age":45,"education":"college","insurance_years":10}
not json
{"birth":"2030-01","as_of":"2026-11-28"}
`
	out, stderr, code := jifen(t, in, "-as-of", "2026-11-28")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "3 of the profiles failed")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 5)
	var first struct {
		Total         int  `json:"total"`
		MeetsStandard bool `json:"meets_standard"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, 130, first.Total)
	assert.True(t, first.MeetsStandard)

	var e struct {
		Line  int    `json:"line"`
		Key   string `json:"key"`
		Error string `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &e))
	assert.Equal(t, 2, e.Line)
	assert.Equal(t, "age", e.Key)
	assert.Contains(t, e.Error, "foo")
	assert.Contains(t, lines[2], `"total":107`)
	require.NoError(t, json.Unmarshal([]byte(lines[3]), &e))
	assert.Equal(t, 5, e.Line)
	assert.Contains(t, e.Error, "invalid JSON")
	require.NoError(t, json.Unmarshal([]byte(lines[4]), &e))
	assert.Equal(t, 6, e.Line)
	assert.Equal(t, "birth", e.Key)
}

func TestPrettyObject(t *testing.T) {
	in := "{\n  \"age\": 30,\n  \"education\": \"college\",\n  \"base_tier\": 2,\n  \"insurance_years\": 3\n}\n"
	out, _, code := jifen(t, in, "-as-of", "2026-11-28")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, `"total":189`)
	assert.Equal(t, 1, strings.Count(out, "\n"))

	out, _, code = jifen(t, in+"\n{\n \"age\": 20,\n \"education\": \"nope\"\n}\n", "-as-of", "2026-11-28")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `{"line":8,"key":"education"`)
}

func TestTextAndPlan(t *testing.T) {
	in := `{"birth":"1985-06","education":"college","insurance_years":10,"as_of":"2026-11-28"}`
	out, _, code := jifen(t, in, "-text")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "总分 110 分（标准分值 120 分，还差 10 分；计算日期 2026-11-28）")
	assert.Contains(t, out, "社保年限：30 分 —— 每满 1 年 3 分 × 10 年 = 30 分（有争议：未见上限规定，按不设上限计算）")
	assert.Equal(t, 1, strings.Count(out, "以区人才服务中心核定为准"), "said once per profile")
	assert.Contains(t, out, "规则核对于 "+score.RulesCheckedOn.Chinese())

	out, _, code = jifen(t, in, "plan")
	assert.Equal(t, 0, code)
	var p struct {
		ReachDate string `json:"reach_date"`
		Paths     []struct {
			ID            string `json:"id"`
			EffectiveFrom string `json:"effective_from"`
		} `json:"paths"`
		Stop struct {
			Date   string `json:"date"`
			Reason string `json:"reason"`
		} `json:"stop"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	assert.Equal(t, "2031-11-28", p.ReachDate)
	require.NotEmpty(t, p.Paths)
	for _, path := range p.Paths {
		assert.Greater(t, path.EffectiveFrom, "2026-11-28", path.ID)
	}
	assert.Equal(t, "age", p.Stop.Reason)
	assert.Equal(t, "2046-05-31", p.Stop.Date)

	out, _, _ = jifen(t, in, "plan", "-text")
	assert.Contains(t, out, "其他情况不变时，预计 2031 年 11 月达到 120 分")
	assert.Contains(t, out, "未填写退休类别，规划推算到 60 周岁为止")
	assert.NotContains(t, out, "11 月 28 日", "projected dates to the month")
}

// The retirement group is read from the input and written in the plan.
func TestRetireGroup(t *testing.T) {
	in := `{"birth":"1976-01","education":"college","retire_group":"male","as_of":"2026-11-28"}`
	out, _, code := jifen(t, in, "plan")
	require.Equal(t, 0, code, out)
	var p struct {
		Stop struct {
			Reason     string `json:"reason"`
			Group      string `json:"retire_group"`
			Retirement string `json:"retirement_date"`
		} `json:"stop"`
		Timeline []struct{ Age int } `json:"timeline"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	assert.Equal(t, "retirement", p.Stop.Reason)
	assert.Equal(t, "male", p.Stop.Group)
	assert.Equal(t, "2038-11-01", p.Stop.Retirement)
	assert.Equal(t, 61, p.Timeline[len(p.Timeline)-1].Age, "past 60, before retirement")
	out, _, _ = jifen(t, in, "plan", "-text")
	assert.Contains(t, out, "按退休类别“男”，2038 年 11 月到法定退休年龄")
	out, _, code = jifen(t, `{"retire_group":"female","as_of":"2026-11-28"}`)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `"key":"retire_group"`)
	assert.Contains(t, out, "male, female55, female50")
}

// Errors are handled with errors.As; any other error, or a panic while
// scoring, gives a clean error line for that profile only.
func TestScoringErrors(t *testing.T) {
	ev, pl := evaluate, plan
	t.Cleanup(func() { evaluate, plan = ev, pl })
	in := `{"age":30,"as_of":"2026-11-28"}` + "\n" + `{"age":40,"as_of":"2026-11-28"}` + "\n"
	evaluate = func(p score.Profile) (score.Result, error) {
		if p.Age == 30 {
			return score.Result{}, errors.New("disk on fire")
		}
		return ev(p)
	}
	out, stderr, code := jifen(t, in)
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "1 of the profiles failed")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 2)
	assert.Equal(t, `{"line":1,"key":"","error":"scoring: disk on fire"}`, lines[0])
	assert.Contains(t, lines[1], `"total":30`)

	evaluate = func(p score.Profile) (score.Result, error) {
		return score.Result{}, fmt.Errorf("line: %w", score.Problems{{Key: "birth", En: "birth: wrapped"}})
	}
	out, _, _ = jifen(t, in)
	assert.Contains(t, out, `{"line":1,"key":"birth","error":"birth: wrapped"}`)

	plan = func(score.Profile) (score.PlanResult, error) { panic("bug") }
	out, _, code = jifen(t, in, "plan")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `{"line":1,"key":"","error":"internal error: bug"}`)
	assert.Contains(t, out, `{"line":2,"key":"","error":"internal error: bug"}`)
}

func TestUsage(t *testing.T) {
	_, stderr, code := jifen(t, "", "-x")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "usage")
	_, _, code = jifen(t, "", "extra")
	assert.Equal(t, 2, code)
	_, stderr, code = jifen(t, "", "-as-of", "2026-13-01")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "-as-of")
	out, _, code := jifen(t, "")
	assert.Equal(t, 0, code)
	assert.Empty(t, out)
}

func TestOrderKeptAcrossBatches(t *testing.T) {
	var in strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&in, "{\"age\":%d,\"as_of\":\"2026-11-28\"}\n", 16+i%60)
	}
	out, _, code := jifen(t, in.String())
	require.Equal(t, 0, code)
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	i := 0
	for sc.Scan() {
		var r struct{ Age int }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
		require.Equal(t, 16+i%60, r.Age, "line %d", i+1)
		i++
	}
	assert.Equal(t, 3000, i)
}

// BenchmarkJifen scores 10,000 profiles a run; profiles/s is reported.
func BenchmarkJifen(b *testing.B) {
	var in strings.Builder
	eds := []string{"none", "college", "bachelor", "bachelor_degree", "master", "doctor"}
	for i := range 10000 {
		fmt.Fprintf(&in, `{"birth":"%d-%02d","education":%q,"insurance_years":%d,"base_tier":"1"}`+"\n", 1970+i%35, 1+i%12, eds[i%6], i%20)
	}
	data := in.String()
	b.ResetTimer()
	for b.Loop() {
		if code := run(nil, strings.NewReader(data), io.Discard, io.Discard); code != 0 {
			b.Fatal(code)
		}
	}
	b.ReportMetric(float64(10000*b.N)/b.Elapsed().Seconds(), "profiles/s")
}
