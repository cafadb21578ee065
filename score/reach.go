package score

// ReachFrom is PlanFrom without what a staff list does not show: the
// month the standard is reached if nothing changes but time (ReachDate),
// where the projection stops (Stop) and the children's verdicts, but no
// timeline, no assumptions, no note and no paths (so a late exam's Path is
// nil). It costs a few evaluations instead of a plan's hundreds, for
// scoring thousands of rows at once (package batch). TestReachFromAgrees
// checks it against PlanFrom. Its error is always Problems.
func ReachFrom(p Profile, res Result) (PlanResult, error) {
	pr, err := planStart(&p, res)
	if err != nil {
		return pr, err
	}
	res = *pr.Result
	switch {
	case res.Vetoed || res.Retired:
	case res.MeetsStandard:
		d := p.AsOf
		pr.ReachDate = &d
	default:
		if d, ok := reachDate(&p, nil, pr.Stop.Date, Date{}, res.Standard); ok {
			pr.ReachDate = &d
		}
	}
	pr.Children = childPlans(&p, &pr)
	return pr, nil
}
