package app

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// notFoundPage is shown for a path the site does not have: in the app for
// every unknown path, and by the server (with status 404) as 404.html.
type notFoundPage struct {
	app.Compo
}

var _ app.Navigator = (*notFoundPage)(nil)

func (c *notFoundPage) OnNav(ctx app.Context) { setMeta(ctx, PathNotFound) }

func (c *notFoundPage) Render() app.UI {
	return sitePage("", "not-found",
		app.Elem("h1").Class("page-title").Text("找不到这个页面"),
		app.Elem("p").Text("这个网址在本站不存在，可能是链接抄错了，或者页面已经改名。"),
		app.Elem("nav").Class("actions").Aria("label", "去别的页面").Body(
			app.Elem("a").Class("btn btn-primary").Attr("href", PathSelfTest).Text("做 30 秒自测"),
			app.Elem("a").Class("btn").Attr("href", PathCalc).Text("打开完整计算器"),
		),
	)
}
