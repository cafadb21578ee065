package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseTheme(t *testing.T) {
	good := map[string]string{"#0f6b5c": "#0f6b5c", "0F6B5C": "#0f6b5c", "#abc": "#aabbcc", "c0392b": "#c0392b"}
	for in, want := range good {
		got, ok := ParseTheme(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "red", "#12", "#12345", "#1234567", "#ggg", "#0f6b5c;x", "url(x)", "#0f6b5c\n"} {
		_, ok := ParseTheme(bad)
		assert.False(t, ok, bad)
	}
}

func TestParseParent(t *testing.T) {
	for in, want := range map[string]string{"https://partner.example": "https://partner.example", "http://localhost:8080": "http://localhost:8080"} {
		got, ok := ParseParent(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got)
	}
	for _, bad := range []string{"", "*", "partner.example", "javascript:alert(1)", "https://a.example/path", "https://a.example?x=1", "https://u:p@a.example", "ftp://a.example"} {
		_, ok := ParseParent(bad)
		assert.False(t, ok, bad)
	}
}

func TestDarker(t *testing.T) {
	assert.Equal(t, "#cccccc", darker("#ffffff"))
	assert.Equal(t, "#000000", darker("#000000"))
	assert.Equal(t, "#0c5549", darker("#0f6b5c"))
}

func TestSafePercent(t *testing.T) {
	for in, want := range map[string]string{"a=1": "a=1", "%0X&00": "%250X&00", "a=%e5%ad%a6": "a=%e5%ad%a6", "x%": "x%25", "x%4": "x%254", "%%41": "%25%41"} {
		assert.Equal(t, want, safePercent(in), in)
	}
}
