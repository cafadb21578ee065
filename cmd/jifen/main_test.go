package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	out, _, code := jifen(t, in)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, `"total":189`)
	assert.Equal(t, 1, strings.Count(out, "\n"))

	out, _, code = jifen(t, in+"\n{\n \"age\": 20,\n \"education\": \"nope\"\n}\n")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, `{"line":8,"key":"education"`)
}

func TestTextAndPlan(t *testing.T) {
	in := `{"birth":"1985-06","education":"college","insurance_years":10,"as_of":"2026-11-28"}`
	out, _, code := jifen(t, in, "-text")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "总分 110 分")
	assert.Contains(t, out, "还差 10 分")

	out, _, code = jifen(t, in, "plan")
	assert.Equal(t, 0, code)
	var p struct {
		ReachDate string `json:"reach_date"`
		Paths     []struct {
			ID string `json:"id"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &p))
	assert.Equal(t, "2031-11-28", p.ReachDate)
	assert.NotEmpty(t, p.Paths)

	out, _, _ = jifen(t, in, "plan", "-text")
	assert.Contains(t, out, "2031年11月28日 达到 120 分")
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
