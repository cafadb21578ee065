package app

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// choice is one option of a radio group.
type choice struct {
	value, label, sub string
}

// radioGroup renders a fieldset of big radio choices. The legend is the
// question; onPick gets the chosen value.
func radioGroup(name, legend, hint string, choices []choice, selected string, onPick func(ctx app.Context, v string)) app.UI {
	return app.FieldSet().Class("choices").Body(
		app.Legend().ID(name+"-legend").TabIndex(-1).Class("question").Text(legend),
		app.If(hint != "", func() app.UI { return app.P().Class("hint").Text(hint) }),
		app.Range(choices).Slice(func(i int) app.UI {
			c := choices[i]
			id := name + "-" + strconv.Itoa(i)
			return app.Label().Class("choice").For(id).Body(
				app.Input().Type("radio").ID(id).Name(name).Value(c.value).Checked(c.value == selected).
					OnChange(func(ctx app.Context, e app.Event) { onPick(ctx, c.value) }),
				app.Span().Class("choice-text").Body(
					app.Span().Class("choice-label").Text(c.label),
					app.If(c.sub != "", func() app.UI { return app.Span().Class("choice-sub").Text(c.sub) }),
				),
			)
		}),
	)
}

// stepper renders a number field with − and + buttons. get reads the
// current value when a button is pressed, so quick presses all count.
func stepper(id, label, unit string, get func() int, min, max int, onSet func(ctx app.Context, v int)) app.UI {
	value := get()
	set := func(delta int) func(ctx app.Context, e app.Event) {
		return func(ctx app.Context, e app.Event) {
			onSet(ctx, clamp(get()+delta, min, max))
		}
	}
	return app.Div().Class("stepper").Body(
		app.Label().For(id).Class("stepper-label").Text(label),
		app.Div().Class("stepper-row").Body(
			app.Button().Type("button").Class("btn step-btn").Aria("label", "减少 1 "+unit).Text("−").
				Disabled(value <= min).OnClick(set(-1)),
			app.Input().Type("number").ID(id).Class("step-input").Attr("inputmode", "numeric").
				Min(min).Max(max).Step(1).Value(value).
				OnInput(func(ctx app.Context, e app.Event) {
					s := ctx.JSSrc().Get("value").String()
					if v, err := strconv.Atoi(s); err == nil {
						onSet(ctx, clamp(v, min, max))
					}
				}),
			app.Span().Class("unit").Text(unit),
			app.Button().Type("button").Class("btn step-btn").Aria("label", "增加 1 "+unit).Text("+").
				Disabled(value >= max).OnClick(set(+1)),
		),
	)
}

func clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// bar draws a horizontal bar for points out of full, as SVG (no inline
// style, so the strict Content-Security-Policy holds).
func bar(points, full int, class string) app.UI {
	w := 0
	if full > 0 && points > 0 {
		w = min(100, points*100/full)
	}
	if points < 0 && full > 0 {
		w = min(100, -points*100/full)
	}
	return app.Raw(`<svg class="bar ` + class + `" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect class="bar-bg" width="100" height="6" rx="3"></rect><rect class="bar-fg" width="` + strconv.Itoa(w) + `" height="6" rx="3"></rect></svg>`)
}
