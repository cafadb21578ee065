package score

// Who can apply and the process (rules.md "Who can apply", "The process,
// in order", "Materials", "Validity, renewal and changes"): the numbers
// the application guide states. Its texts are templates of these values
// ({permit.wait_days}), filled by Format with the values in force on the
// evaluation date, like every rule text.
var (
	// the permit: at least 3 days before the points account is made;
	// registered residence for 6 months to get it
	permitWaitDays  = param{"permit.wait_days", []value{{&rulesPeriod, 3, High, ""}}}
	permitResidence = param{"permit.residence_months", []value{{&permitPeriod, 6, High, ""}}}
	insuredMonths   = param{"apply.insured_months", []value{{&rulesPeriod, 6, High, ""}}}
	insuredWindow   = param{"apply.insured_window", []value{{&rulesPeriod, 12, High, ""}}}
	contractYears   = param{"apply.contract_years", []value{{&rulesPeriod, 1, High, ""}}}
	contractLeft    = param{"apply.contract_left_months", []value{{&rulesPeriod, 2, High, ""}}}
	reviewWorkdays  = param{"process.review_workdays", []value{{&implementingPeriod, 20, High, ""}}}
	confirmMonths   = param{"renewal.confirm_months", []value{{&implementingPeriod, 1, High, ""}}}
	taxMonths       = param{"materials.tax_months", []value{{&rulesPeriod, 6, High, ""}}}
	// a family's only newly bought home is exempt from property tax at 120
	// points or after 3 years on a permit
	propertyTaxYears = param{"permit.property_tax_years", []value{{&permitPeriod, 3, High, ""}}}
	// about 1.5 months after window acceptance, in tenths of a month
	processTotal = param{"process.total_tenth_months", []value{{&implementingPeriod, 15, High, ""}}}
)

// The implementing rules (实施细则): current, no known end; the permit
// regulation (沪府令58号) from 2018.
var (
	implementingPeriod = period{Date{2023, 1, 1}, Date{}, SrcImplementing, pkOpen}
	permitPeriod       = period{Date{2018, 1, 1}, Date{}, SrcPermitRules, pkOpen}
)

func init() {
	registerParams(&permitWaitDays, &permitResidence, &insuredMonths, &insuredWindow, &contractYears, &contractLeft,
		&reviewWorkdays, &confirmMonths, &taxMonths, &processTotal, &propertyTaxYears)
}

// Format fills a template of the rule book with the values in force on d:
// {param.id} is a value, {param.id:m} a multiple, {param.id:y} a lead
// time, {param.id:Y} yuan, {param.id:t} tenths (see reader.f). It panics on an unknown param,
// which every caller's test catches: templates are written in the code,
// never taken from input.
func Format(d Date, tmpl string) string {
	r := reader{d: d}
	return r.f(tmpl)
}

// N is the value of a param on d (the guide's reminders compute dates
// with it); it panics on an unknown ID.
func N(d Date, id string) int {
	p := paramByID[id]
	if p == nil {
		panic("score: no param " + id)
	}
	r := reader{d: d}
	return r.n(p)
}

// WithValue changes the value of the param id in force on d to n, for a
// test of a package that writes texts from the rule book (the guide's
// texts follow its values); restore puts the old values back.
func WithValue(id string, d Date, n int64) (restore func()) {
	p := paramByID[id]
	if p == nil {
		panic("score: no param " + id)
	}
	old := p.Values
	vs := append([]value{}, old...)
	i := len(vs) - 1
	for i > 0 && d.Before(vs[i].Per.From) {
		i--
	}
	vs[i].N = n
	p.Values = vs
	return func() { p.Values = old }
}

// ProcessParams are the IDs of the values the application guide states
// (and no text of this package does): its tests change each.
func ProcessParams() []string {
	return []string{"permit.wait_days", "permit.residence_months", "apply.insured_months", "apply.insured_window", "apply.contract_years",
		"apply.contract_left_months", "process.review_workdays", "renewal.confirm_months", "materials.tax_months", "process.total_tenth_months"}
}
