// Package app is the user interface of the calculator: go-app components
// compiled to WebAssembly and pre-rendered by the server. All scoring is
// done by package score, in the browser; nothing is sent anywhere.
//
// Inside this package the go-app package is imported under its own name,
// app, so the code reads like go-app's documentation.
package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
	PathBatch    = "/batch"
	// PathNotFound is where the not-found page is rendered; in the app
	// it answers every path that no other page has.
	PathNotFound = "/404"
)

// Page is one page of the site.
type Page struct {
	Path        string // URL path
	File        string // its file in the static export
	Title       string // the <title>, before " - " and the site name
	Description string // the meta description
	Nav         string // its label in the site navigation; "" when not there
	// Profile says that its figures depend on the visitor's answers: it
	// is pre-rendered in a neutral loading state.
	Profile bool
	New     func() app.Composer
}

// Pages is the page table. Registration, the navigation, the service
// worker's offline list, the static export and the tests all read it:
// adding a page is adding a row here.
var Pages = []Page{
	{Path: PathSelfTest, File: "index.html", Nav: "自测",
		Title:       "30 秒自测：我的上海居住证积分有多少？",
		Description: SiteDescription,
		New:         func() app.Composer { return newSelfTest(false) }},
	{Path: PathResult, File: "result.html", Nav: "结果", Profile: true,
		Title:       "我的居住证积分",
		Description: "上海居住证积分自测结果：总分和标准分值 " + stdText + " 分的差距、每一分的来历、到 " + stdText + " 分的日期和路径。",
		New:         func() app.Composer { return &resultPage{} }},
	{Path: PathCalc, File: "calc.html", Nav: "计算器", Profile: true,
		Title:       "完整计算器：逐项计算上海居住证积分",
		Description: "上海居住证积分完整计算器：全部指标逐项填写，实时显示总分和每一分的来历与规则可信度。",
		New:         func() app.Composer { return &calcPage{} }},
	{Path: PathPlan, File: "plan.html", Nav: "规划", Profile: true,
		Title:       "到 " + stdText + " 分的规划",
		Description: "上海居住证积分规划：按现在的情况哪个月达到 " + stdText + " 分，逐年积分走势图，以及更快达到的办法。",
		New:         func() app.Composer { return &planPage{} }},
	{Path: PathGuide, File: "guide.html", Nav: "申请指南", Profile: true,
		Title:       "申请指南和材料清单",
		Description: "上海居住证积分怎么申请：能否申请的自查、单位办理的步骤和时间、按您的情况生成的材料清单（可打印）。",
		New:         func() app.Composer { return &guidePage{} }},
	{Path: PathBatch, File: "batch.html", Nav: "单位批量",
		Title:       "单位批量计算：一次算全体员工的积分",
		Description: "给单位人事：粘贴或打开员工名单，每人的居住证积分、是否达标、还差多少、预计哪个月达到 " + stdText + " 分一次算出，可导出 CSV、打印材料清单；名单不离开这台设备。",
		New:         func() app.Composer { return &batchPage{} }},
	{Path: PathRules, File: "rules.html", Nav: "规则",
		Title:       "积分规则、依据和可信度",
		Description: "上海居住证积分的全部指标和分值、上年度平均工资表、各规则的来源和可信度，以及尚无定论的问题。",
		New:         func() app.Composer { return &rulesPage{} }},
	{Path: PathEmbed, File: "embed.html", Profile: true,
		Title:       "居住证积分 30 秒自测",
		Description: SiteDescription,
		New:         func() app.Composer { return newSelfTest(true) }},
	{Path: PathPartners, File: "partners.html",
		Title:       "合作伙伴：把积分自测嵌入您的网页",
		Description: "两行 HTML 即可把上海居住证积分 30 秒自测嵌入您的网页：自动高度、主题色、预填答案，访客的答案不离开其浏览器。",
		New:         func() app.Composer { return &partnersPage{} }},
	{Path: PathNotFound, File: "404.html",
		Title:       "找不到这个页面",
		Description: SiteDescription,
		New:         func() app.Composer { return &notFoundPage{} }},
}

// PageOf returns the row of the page table for a path; unknown paths
// get the not-found page.
func PageOf(path string) Page {
	for _, pg := range Pages {
		if pg.Path == path {
			return pg
		}
	}
	return Pages[len(Pages)-1]
}

// Register registers every page of the table with go-app. Both the
// server and the wasm call it. The not-found page answers every other
// path, so that a mistyped link shows it in Chinese.
func Register() {
	for _, pg := range Pages {
		if pg.Path == PathNotFound {
			app.RouteWithRegexp("^/", pg.New)
			continue
		}
		app.Route(pg.Path, pg.New)
	}
}

// setMeta sets the page's title and description from the page table,
// and, once the page is drawn, marks the app as running (startedApp).
// Every page's OnNav calls it first.
func setMeta(ctx app.Context, path string) {
	startedApp(ctx)
	pg := PageOf(path)
	ctx.Page().SetTitle(pg.Title + " - " + SiteName)
	ctx.Page().SetDescription(pg.Description)
}

// Site texts.
const (
	SiteName        = "上海居住证积分计算器"
	SiteShortName   = "积分计算"
	SiteDescription = "免费、不要手机号的上海居住证积分自测与计算：30 秒自测、每一分的来历和规则可信度、到标准分值的日期和路径。所有计算都在您的浏览器里完成，答案不会离开您的设备。"
)
