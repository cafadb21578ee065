package app

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"jifen/score"
)

// ParseTheme checks a theme colour for /embed: #rgb or #rrggbb, with or
// without the #. It returns the colour as #rrggbb.
func ParseTheme(s string) (string, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return "", false
	}
	for i := 0; i < 6; i++ {
		c := s[i] | 0x20 // lower case
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return "", false
		}
	}
	return "#" + strings.ToLower(s), true
}

// ParseParent checks the parent origin of /embed: scheme://host[:port],
// nothing more.
func ParseParent(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" ||
		u.Path != "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", false
	}
	return u.Scheme + "://" + u.Host, true
}

// darker returns a #rrggbb colour at 80 % brightness, for hover states.
func darker(hex string) string {
	v, _ := strconv.ParseUint(hex[1:], 16, 32)
	r, g, b := (v>>16&0xff)*4/5, (v>>8&0xff)*4/5, (v&0xff)*4/5
	s := strconv.FormatUint(r<<16|g<<8|b, 16)
	return "#" + strings.Repeat("0", 6-len(s)) + s
}

// embedParams splits the query of /embed into the profile query and the
// embed's own parameters (parent, theme), which it checks: a bad value is
// ignored with a console warning, never an error page.
func embedParams(ctx app.Context, raw string) (profile, extra string) {
	var keep, own []string
	for _, pair := range strings.Split(raw, "&") {
		k, v, _ := strings.Cut(pair, "=")
		switch k {
		case "parent", "theme":
			val, _ := url.QueryUnescape(v)
			ok := false
			if k == "parent" {
				_, ok = ParseParent(val)
			} else if theme, good := ParseTheme(val); good {
				ok = true
				setTheme(theme)
			}
			if ok {
				own = append(own, pair)
			} else {
				warn("jifen embed: ignoring " + k + "=" + val + ": " + map[string]string{
					"parent": "want an origin such as https://partner.example",
					"theme":  "want a colour such as #0f6b5c"}[k])
			}
		default:
			if pair != "" {
				keep = append(keep, pair)
			}
		}
	}
	return strings.Join(keep, "&"), strings.Join(own, "&")
}

func warn(msg string) {
	if app.IsClient {
		app.Window().Get("console").Call("warn", msg)
	}
}

// setTheme sets the accent colour through the CSS object model, which the
// strict Content-Security-Policy allows (no inline style).
func setTheme(hex string) {
	if !app.IsClient {
		return
	}
	st := app.Window().Get("document").Get("documentElement").Get("style")
	st.Call("setProperty", "--accent", hex)
	st.Call("setProperty", "--accent-dark", darker(hex))
}

// mineLink is a link to the full site with the visitor's own answers
// (marked as theirs: the new tab saves them instead of treating them as
// someone's shared result).
func mineLink(path string, p score.Profile) string {
	if f := p.Encode(); f != "" {
		return path + "#" + f + "&" + mineKey
	}
	return path
}

// embedStatus is the embed's short verdict: the full one, with the
// conditions to confirm, is on the full site.
func embedStatus(r *score.Result) (string, string) {
	switch {
	case r.Vetoed:
		return "存在一票否决情形，不能申请积分", "status-bad"
	case r.MeetsStandard:
		return "积分已够 " + itoa(r.Standard) + " 分", "status-ok"
	}
	return "还没到 " + itoa(r.Standard) + " 分", "status-gap"
}

func (c *selfTest) renderEmbedHero(r *score.Result) app.UI {
	status, class := embedStatus(r)
	return scoreHero(r, "您的居住证积分", status, class)
}

// renderEmbed is the compact self-test of /embed: no site chrome, a small
// link to the full site, the result in place.
func (c *selfTest) renderEmbed() app.UI {
	full := app.Elem("a").Class("embed-full").Attr("href", mineLink(PathSelfTest, c.pp.p)).Attr("target", "_blank").Attr("rel", "noopener").Text("完整版 ↗")
	var body app.UI
	if c.done {
		r := &c.res
		body = app.Elem("div").Class("embed-result").Body(
			c.renderEmbedHero(r),
			app.Elem("section").Class("card").Body(itemList(r.Items)),
			app.Elem("div").Class("actions").Body(
				app.Elem("a").Class("btn btn-primary").Attr("href", mineLink(PathResult, c.pp.p)).Attr("target", "_blank").Attr("rel", "noopener").Text("详细结果 ↗"),
				app.Elem("button").Attr("type", "button").Class("btn").Text("重新测试").OnClick(func(ctx app.Context, e app.Event) {
					c.done, c.step = false, 0
				}),
			),
		)
	} else {
		body = c.renderQuiz()
	}
	return app.Elem("div").Class("page embed").Body(
		app.Elem("div").Class("embed-bar").Body(app.Elem("span").Text(SiteName), full),
		app.Elem("main").ID("main").Body(problemNotice(c.pp.probs), body),
		app.Elem("p").Class("embed-privacy").Text("答案只在您的浏览器里计算，不会发送给任何人。结果仅供参考，积分以区人才服务中心核定为准。"),
	)
}

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
