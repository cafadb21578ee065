package app

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// partnersPage is /partners: how to embed the self-test, the options, a
// live preview and the privacy promise.
type partnersPage struct {
	app.Compo
	origin string
	copied string
}

// copySnippet copies the code, or selects it where the clipboard is not
// available.
func (c *partnersPage) copySnippet(ctx app.Context, e app.Event) {
	text := app.Window().Get("document").Call("getElementById", "snippet").Get("textContent").String()
	copyText(ctx, text, func(ctx app.Context, res copyResult) {
		c.copied = [...]string{copied: "代码已复制。", copyFailed: "无法自动复制：请选中上面的代码手动复制。", noClipboard: "请选中上面的代码手动复制。"}[res]
	})
}

var _ app.Navigator = (*partnersPage)(nil)

func (c *partnersPage) OnNav(ctx app.Context) {
	setMeta(ctx, PathPartners)
	// the site's own origin: the browser knows it; the pre-rendered page
	// uses the -origin the server was given, never the request's Host
	c.origin = app.Getenv("JIFEN_ORIGIN")
	if app.IsClient {
		c.origin = app.Window().Get("location").Get("origin").String()
	} else if c.origin == "" {
		c.origin = "https://本站地址"
	}
}

func (c *partnersPage) Render() app.UI {
	snippet := `<div data-jifen-embed data-theme="#0f6b5c"></div>` + "\n" +
		`<script src="` + c.origin + `/web/embed.js" async></script>`
	opts := [][2]string{
		{"data-jifen-embed", "必填：放自测的位置；一页可以放多个。"},
		{"data-theme", "主题色，如 #0f6b5c 或 #c0392b；格式不对时忽略（控制台有提示）。"},
		{"data-profile", "预填答案（可选），键与分享链接相同，如 education=master；只在您确知访客情况时用，访客可以修改。"},
		{"data-height", "初始高度（像素），默认 560；加载后按内容自动调整。"},
		{"data-sandbox", "写上即用 sandbox iframe（allow-scripts allow-forms allow-popups）运行，更严格的隔离。"},
	}
	return sitePage(PathPartners, "",
		app.Elem("h1").Class("page-title").Text("把 30 秒自测放进您的网页"),
		app.Elem("p").Text("人力资源公司、社区和学校网站可以免费嵌入本计算器的自测：复制下面两行 HTML，放到页面里即可。"),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text("代码"),
			app.Elem("pre").Class("code").ID("snippet").Attr("data-testid", "snippet").Text(snippet),
			app.Elem("button").Attr("type", "button").Class("btn btn-small").Text("复制代码").OnClick(c.copySnippet),
			app.If(c.copied != "", func() app.UI { return app.Elem("p").Role("status").Class("small").Text(c.copied) }),
			app.Elem("p").Class("small muted").Text("iframe 的高度随内容自动调整（消息类型 jifen:resize，只接受来自本站的消息）。也可以直接用 iframe："+c.origin+"/embed?parent=您的域名&theme=%230f6b5c"),
		),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text("选项"),
			app.Elem("table").Class("table").Body(
				app.Elem("tbody").Body(app.Range(opts).Slice(func(i int) app.UI {
					return app.Elem("tr").Body(app.Elem("td").Body(app.Elem("code").Text(opts[i][0])), td(opts[i][1]))
				})),
			),
		),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text("隐私承诺"),
			app.Elem("p").Text("访客的答案只在其浏览器里计算，不会发送到我们或您的服务器；嵌入的页面不加载任何第三方脚本、字体或统计代码，也不设置第三方 Cookie。您的页面只会收到 iframe 的高度。"),
		),
		app.Elem("section").Class("card").Body(
			app.Elem("h2").Text("实时预览"),
			app.Elem("iframe").Class("preview").Attr("src", "/embed?theme=%230f6b5c").Attr("title", "积分自测预览").Attr("loading", "lazy"),
		),
	)
}
