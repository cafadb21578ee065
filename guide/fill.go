package guide

import (
	"strings"

	"jifen/score"
)

// numbers are the values the texts name in {braces}: a text is written
// once with the key, and the number comes from the constant (a static text
// costs app.wasm far less than one concatenated at start-up).
var numbers = []struct {
	key string
	v   int
}{
	{"standard", score.StandardAt(score.Today())},
	{"permit_days", PermitWaitDays},
	{"residence_months", ResidenceMonths},
	{"insured_months", InsuredMonths},
	{"insured_window", InsuredWindow},
	{"contract_years", ContractYears},
	{"contract_left_months", ContractLeftMonths},
	{"review_workdays", ReviewWorkdays},
	{"confirm_months", ConfirmMonths},
	{"tax_months", TaxMonths},
	{"tax_base_months", TaxBaseMonths},
	{"invest_years", InvestYears},
	{"lingang_years", LingangYears},
}

// fill replaces each {key} of s by its number; an unknown key stays (a
// test checks that none is left).
func fill(s string) string {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '{')
		if j < 0 {
			return s
		}
		j += i
		k := strings.IndexByte(s[j:], '}')
		if k < 0 {
			return s
		}
		key, v := s[j+1:j+k], ""
		for _, nb := range numbers {
			if nb.key == key {
				v = n(nb.v)
			}
		}
		if v == "" {
			i = j + 1
			continue
		}
		s = s[:j] + v + s[j+k+1:]
		i = j + len(v)
	}
}

func init() {
	for i := range Conditions {
		c := &Conditions[i]
		c.Text, c.Short, c.Fix = fill(c.Text), fill(c.Short), fill(c.Fix)
	}
	for i := range Steps {
		Steps[i].What, Steps[i].Time = fill(Steps[i].What), fill(Steps[i].Time)
	}
	for _, t := range AfterNotice {
		for i := range t.Points {
			t.Points[i] = fill(t.Points[i])
		}
	}
	for i := range SelfCheck {
		SelfCheck[i].Cause, SelfCheck[i].How = fill(SelfCheck[i].Cause), fill(SelfCheck[i].How)
	}
	for _, r := range materialRows {
		for i := range r.items {
			r.items[i].Name, r.items[i].Note = fill(r.items[i].Name), fill(r.items[i].Note)
		}
	}
}
