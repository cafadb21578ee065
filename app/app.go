// Package app is the user interface of the calculator: go-app components
// compiled to WebAssembly and pre-rendered by the server. All scoring is
// done by package score, in the browser; nothing is sent anywhere.
//
// Inside this package the go-app package is imported under its own name,
// app, so the code reads like go-app's documentation.
package app

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// Route paths.
const (
	PathSelfTest = "/"
	PathResult   = "/result"
	PathCalc     = "/calc"
	PathPlan     = "/plan"
	PathGuide    = "/guide"
	PathRules    = "/rules"
	PathEmbed    = "/embed"
	PathPartners = "/partners"
)

// Routes lists every route page, for the server, the service worker cache
// and the static export.
var Routes = []string{PathSelfTest, PathResult, PathCalc, PathPlan, PathGuide, PathRules, PathEmbed, PathPartners}

// Register registers every route. Both the server and the wasm call it.
func Register() {
	app.Route(PathSelfTest, func() app.Composer { return &selfTest{} })
	app.Route(PathResult, func() app.Composer { return &resultPage{} })
	app.Route(PathCalc, func() app.Composer { return &calcPage{} })
	app.Route(PathPlan, func() app.Composer { return &planPage{} })
	app.Route(PathGuide, func() app.Composer { return &guidePage{} })
	app.Route(PathRules, func() app.Composer { return &rulesPage{} })
	app.Route(PathEmbed, func() app.Composer { return &selfTest{embed: true} })
	app.Route(PathPartners, func() app.Composer { return &partnersPage{} })
}

// Site texts.
const (
	SiteName        = "上海居住证积分计算器"
	SiteShortName   = "积分计算"
	SiteDescription = "免费、不要手机号的上海居住证积分自测与计算：30 秒自测、每一分的来历和规则可信度、到 120 分的日期和路径。所有计算都在您的浏览器里完成，答案不会离开您的设备。"
)

// parseLink reads a profile from a page URL, keeping the valid keys.
func parseLink(u *url.URL) (score.Profile, score.Problems) {
	if u == nil {
		return score.Profile{}, nil
	}
	return score.ParseQuery(u.RawQuery)
}

// link returns path with the profile as its query.
func link(path string, p score.Profile) string {
	if q := p.Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

// replaceQuery puts the profile into the address bar without adding a
// history entry.
func replaceQuery(ctx app.Context, p score.Profile) {
	replaceRawQuery(ctx, p.Encode())
}

func replaceRawQuery(ctx app.Context, q string) {
	if !app.IsClient {
		return
	}
	u := *ctx.Page().URL()
	if u.RawQuery == q {
		return
	}
	u.RawQuery = q
	ctx.Page().ReplaceURL(&u)
}

// joinQuery joins two query strings.
func joinQuery(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + "&" + b
}

// problemNotice shows the problems of a link in Chinese, naming the keys.
func problemNotice(probs score.Problems) app.UI {
	if len(probs) == 0 {
		return nil
	}
	keys := probs.Keys()
	if len(keys) > 12 {
		keys = append(keys[:12], "…")
	}
	shown := probs
	if len(shown) > 12 {
		shown = shown[:12]
	}
	return app.Elem("div").Class("notice notice-warn").Role("alert").Body(
		app.Elem("p").Body(app.Elem("strong").Text("链接中有 "+itoa(len(probs))+" 个参数无法使用（"+strings.Join(keys, "、")+"），已忽略；其余参数照常使用：")),
		app.Elem("ul").Body(app.Range(shown).Slice(func(i int) app.UI {
			return app.Elem("li").Text(shown[i].Zh)
		})),
	)
}
