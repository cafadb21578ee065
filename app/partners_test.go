package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSnippet(t *testing.T) {
	pc := partnerConfig{partner: `A&B "咨询" <x>`, ctaURL: "https://a.example/?x=1&y=2", theme: "#0f6b5c"}
	s := pc.snippet("https://jifen.example")
	assert.Equal(t, "<div data-jifen-embed\n     data-partner=\"A&amp;B &quot;咨询&quot; &lt;x&gt;\"\n     data-cta-url=\"https://a.example/?x=1&amp;y=2\"\n     data-theme=\"#0f6b5c\"></div>\n"+
		`<script src="https://jifen.example/web/embed.js" async></script>`, s)
	assert.Equal(t, 10, strings.Count(exampleListener, "\n")+1, "ten lines")
}

func TestPartnerConfig(t *testing.T) {
	c := &partnersPage{partner: " 示例咨询 ", cta: "", ctaURL: "http://a.example/", theme: ourAccent, themeText: "#ffe06"}
	pc := c.config()
	assert.Equal(t, "示例咨询", pc.partner)
	assert.Empty(t, pc.ctaURL, "http is refused")
	assert.NotEmpty(t, pc.ctaURLErr)
	assert.Equal(t, ourAccent, pc.theme, "a half-typed colour keeps the last good one")
	assert.NotEmpty(t, pc.themeErr)
	assert.Equal(t, [][2]string{{"data-partner", "示例咨询"}, {"data-theme", ourAccent}}, pc.attrs(), "only valid values")
}
