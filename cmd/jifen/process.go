package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"jifen/score"
)

// evaluate and plan score a profile, today is the default as_of
// (variables for tests).
var (
	evaluate = score.Evaluate
	plan     = score.Plan
	today    = score.Today
)

type mode int

const (
	modeScore mode = iota
	modePlan
)

type options struct {
	mode mode
	text bool
	asOf score.Date // used when a profile has no as_of; zero = today
}

// record is one input profile and the line it starts on.
type record struct {
	line int
	data []byte
	err  string // a syntax error found while splitting
}

// split cuts the input into records: one per non-empty line, or, when the
// first line is not a whole JSON value, a stream of pretty-printed
// objects.
func split(input []byte) []record {
	first := input
	for len(first) > 0 {
		line, rest, _ := bytes.Cut(first, []byte{'\n'})
		if len(bytes.TrimSpace(line)) > 0 {
			first = bytes.TrimSpace(line)
			break
		}
		first = rest
	}
	if len(first) == 0 {
		return nil
	}
	if first[0] == '{' && !json.Valid(first) {
		return splitStream(input)
	}
	var recs []record
	for n := 1; len(input) > 0; n++ {
		var line []byte
		line, input, _ = bytes.Cut(input, []byte{'\n'})
		if line = bytes.TrimSpace(line); len(line) > 0 {
			recs = append(recs, record{line: n, data: line})
		}
	}
	return recs
}

// splitStream reads successive JSON values; a syntax error ends the stream
// with an error record.
func splitStream(input []byte) []record {
	var recs []record
	dec := json.NewDecoder(bytes.NewReader(input))
	for {
		start := dec.InputOffset()
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err != nil {
			if err.Error() == "EOF" {
				return recs
			}
			recs = append(recs, record{line: lineOf(input, int(start)), err: "invalid JSON: " + err.Error()})
			return recs
		}
		// the value starts after the white space following start
		off := int(start) + len(input[start:]) - len(bytes.TrimLeft(input[start:], " \t\r\n"))
		recs = append(recs, record{line: lineOf(input, off), data: raw})
	}
}

func lineOf(input []byte, off int) int {
	off = min(off, len(input))
	return 1 + bytes.Count(input[:off], []byte{'\n'})
}

// process scores every record, in parallel, and writes the results in
// input order. It returns how many records failed.
func process(input []byte, opts options, w interface{ Write([]byte) (int, error) }) int {
	recs := split(input)
	if opts.asOf.IsZero() {
		opts.asOf = today()
	}
	const batch = 512
	n := (len(recs) + batch - 1) / batch
	outs := make([][]byte, n)
	fails := make([]int, n)
	done := make([]chan struct{}, n)
	for i := range done {
		done[i] = make(chan struct{})
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				end := min((i+1)*batch, len(recs))
				var buf []byte
				for _, r := range recs[i*batch : end] {
					var ok bool
					buf, ok = handle(buf, r, opts)
					if !ok {
						fails[i]++
					}
				}
				outs[i] = buf
				close(done[i])
			}
		}()
	}
	go func() {
		for i := range n {
			next <- i
		}
		close(next)
	}()
	failed := 0
	for i := range n {
		<-done[i]
		w.Write(outs[i])
		outs[i] = nil
		failed += fails[i]
	}
	wg.Wait()
	return failed
}

// handle appends the output for one record and reports success. A panic
// while scoring (a bug) gives an error line for this record only.
func handle(buf []byte, r record, opts options) (out []byte, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			out, ok = appendError(buf, r.line, "", fmt.Sprint("internal error: ", v)), false
		}
	}()
	if r.err != "" {
		return appendError(buf, r.line, "", r.err), false
	}
	p, probs := score.ParseJSON(r.data)
	if len(probs) > 0 {
		return appendProblems(buf, r.line, probs), false
	}
	if p.AsOf.IsZero() {
		p.AsOf = opts.asOf
	}
	var v any
	var err error
	if opts.mode == modePlan {
		var pr score.PlanResult
		if pr, err = plan(p); err == nil {
			if opts.text {
				return appendPlanText(buf, r.line, &pr), true
			}
			v = &pr
		}
	} else {
		var res score.Result
		if res, err = evaluate(p); err == nil {
			if opts.text {
				return appendResultText(buf, r.line, &res), true
			}
			v = &res
		}
	}
	if err != nil {
		if probs, ok := score.AsProblems(err); ok && len(probs) > 0 {
			return appendProblems(buf, r.line, probs), false
		}
		return appendError(buf, r.line, "", "scoring: "+err.Error()), false
	}
	b, err := json.Marshal(v)
	if err != nil {
		return appendError(buf, r.line, "", "encoding the result: "+err.Error()), false
	}
	buf = append(buf, b...)
	return append(buf, '\n'), true
}

func appendProblems(buf []byte, line int, probs score.Problems) []byte {
	return appendError(buf, line, probs[0].Key, probs.Error())
}

// appendError writes {"line":N,"key":"...","error":"..."}.
func appendError(buf []byte, line int, key, msg string) []byte {
	buf = append(buf, `{"line":`...)
	buf = strconv.AppendInt(buf, int64(line), 10)
	buf = append(buf, `,"key":`...)
	k, _ := json.Marshal(key)
	buf = append(buf, k...)
	buf = append(buf, `,"error":`...)
	m, _ := json.Marshal(msg)
	buf = append(buf, m...)
	return append(buf, "}\n"...)
}

// appendResultText writes a readable Chinese breakdown.
func appendResultText(buf []byte, line int, r *score.Result) []byte {
	var b strings.Builder
	std := strconv.Itoa(r.Standard)
	b.WriteString("第 " + strconv.Itoa(line) + " 行：总分 " + strconv.Itoa(r.Total) + " 分（标准分值 " + std + " 分，")
	switch {
	case r.Vetoed:
		b.WriteString("一票否决，不能申请")
	case r.MeetsStandard:
		b.WriteString("已达到")
	default:
		b.WriteString("还差 " + strconv.Itoa(r.Gap) + " 分")
	}
	b.WriteString("；计算日期 " + r.AsOf.String() + "）\n")
	disputed := false
	for _, it := range r.Items {
		b.WriteString("  " + it.Name + "：" + strconv.Itoa(it.Points) + " 分 —— " + it.Why)
		if it.Confidence != score.High {
			disputed = true
			b.WriteString("（有争议：" + it.Dispute + "）")
		}
		b.WriteByte('\n')
	}
	for _, w := range r.Warnings {
		b.WriteString("  提示：" + w + "\n")
	}
	if disputed {
		b.WriteString("  有争议的规则以区人才服务中心核定为准。\n")
	}
	b.WriteString("  依据：" + r.RulesAsOf + "\n\n")
	return append(buf, b.String()...)
}

// appendPlanText writes a plan in Chinese; projected dates to the month.
func appendPlanText(buf []byte, line int, p *score.PlanResult) []byte {
	var b strings.Builder
	std := strconv.Itoa(p.Standard)
	b.WriteString("第 " + strconv.Itoa(line) + " 行：目前 " + strconv.Itoa(p.Total) + " 分（计算日期 " + p.AsOf.String() + "）\n")
	switch {
	case p.ReachDate != nil && *p.ReachDate == p.AsOf:
		b.WriteString("  " + p.Note + "\n")
	case p.ReachDate != nil:
		b.WriteString("  其他情况不变时，预计 " + p.ReachDate.MonthChinese() + "达到 " + std + " 分\n")
	case p.Note != "":
		b.WriteString("  " + p.Note + "\n")
	}
	b.WriteString("  " + p.Stop.Text + "\n")
	if len(p.Timeline) > 0 {
		b.WriteString("  逐年推算：")
		for i, y := range p.Timeline {
			if i > 0 {
				b.WriteString("，")
			}
			b.WriteString(strconv.Itoa(y.Date.Year) + " 年 " + strconv.Itoa(y.Total) + " 分")
		}
		b.WriteString("\n")
	}
	for _, path := range p.Paths {
		b.WriteString("  路径：" + path.Change + "（" + path.EffectiveFrom.MonthChinese() + "起 +" + strconv.Itoa(path.PointsGained) +
			" 分，预计 " + path.ReachDate.MonthChinese() + "达到 " + std + " 分）\n")
	}
	for _, c := range p.Children {
		for _, x := range []score.ExamCheck{c.Zhongkao, c.Gaokao} {
			b.WriteString("  " + x.Sentence(p) + x.PathSentence(p.AsOf) + "\n")
		}
	}
	if len(p.Children) > 0 {
		b.WriteString("  " + score.ExamNote(p.AsOf) + "\n")
	}
	b.WriteString("\n")
	return append(buf, b.String()...)
}

func parseDate(s string) (score.Date, error) { return score.ParseDate(s, false) }
