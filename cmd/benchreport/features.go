package main

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"jifen/internal/leb128"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"jifen/server"
)

// What each feature adds to app.wasm: the code of the functions declared
// for it (in its own files, or named below), measured in a build of the
// same app.wasm that keeps its function names (make bench builds it with
// -ldflags=-w instead of -s -w; the code is the same). Raw is the size of
// those function bodies; brotli is app.wasm's brotli size minus that of
// the same file with those bodies emptied. Strings and tables (the data
// section) are not counted: a lower bound.

// feature is one feature and the Go code that is its own.
type feature struct {
	name string
	// files are source files (from the module root) all of whose
	// functions belong to the feature.
	files []string
	// funcs are further functions, as pkg.Func, pkg.T.Method or
	// pkg.(*T).Method (closures inside them included).
	funcs []string
}

var features = []feature{
	{name: "children's 中考/高考 (score/children.go, the plan's and the result's children)",
		files: []string{"score/children.go"},
		funcs: []string{"app.(*planPage).setKids", "app.(*planPage).renderChildren", "app.examLine", "app.(*resultPage).renderChildren", "app.childFields", "app.childrenInputs"}},
	{name: "batch for HR (batch/, app/batch*.go, score.ReachFrom)",
		files: []string{"batch/*.go", "app/batch*.go", "score/reach.go"}},
	{name: "partners (app/partners.go, app/embed_result.go, the embed's options and messages)",
		files: []string{"app/partners.go", "app/embed_result.go"},
		funcs: []string{"app.embedOptions.hasCTA", "app.embedOptions.ctaText", "app.embedOptions.ctaHost", "app.embedOptions.recipient",
			"app.parseCTAURL", "app.parseLabel", "app.contrastWithWhite", "app.ratioText", "app.tint", "app.rgbHex", "app.clip",
			"app.isParent", "app.postParent", "app.detailClass", "app.embedPrivacy"}},
}

// featureSize is what one feature adds.
type featureSize struct {
	name         string
	funcs        int
	raw, brotli  int
	unknownFuncs []string // listed but not in the build
}

// featureSizes measures every feature in the named build wasm, against
// the module at root (module path mod).
func featureSizes(wasmPath, root, mod string) ([]featureSize, error) {
	data, err := os.ReadFile(wasmPath)
	if err != nil {
		return nil, fmt.Errorf("feature sizes: %w", err)
	}
	w, err := readWasm(data)
	if err != nil {
		return nil, fmt.Errorf("feature sizes: %s: %w", wasmPath, err)
	}
	full, _, err := server.Compress(data)
	if err != nil {
		return nil, fmt.Errorf("feature sizes: %w", err)
	}
	var out []featureSize
	for _, f := range features {
		keys, err := f.symbols(root, mod)
		if err != nil {
			return nil, err
		}
		fs := featureSize{name: f.name}
		var drop []int
		found := map[string]bool{}
		for i, name := range w.names {
			if k := owner(name, keys); k != "" {
				drop = append(drop, i)
				found[k] = true
				fs.raw += w.bodies[i].size
			}
		}
		for _, fn := range f.funcs {
			if !found[mangle(mod+"/"+fn)] {
				fs.unknownFuncs = append(fs.unknownFuncs, fn)
			}
		}
		fs.funcs = len(drop)
		br, _, err := server.Compress(w.without(drop))
		if err != nil {
			return nil, fmt.Errorf("feature sizes: %w", err)
		}
		fs.brotli = len(full) - len(br)
		out = append(out, fs)
	}
	return out, nil
}

// symbols are the mangled names of the feature's functions.
func (f feature) symbols(root, mod string) (map[string]bool, error) {
	keys := map[string]bool{}
	for _, fn := range f.funcs {
		keys[mangle(mod+"/"+fn)] = true
	}
	for _, pat := range f.files {
		matches, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil || len(matches) == 0 {
			return nil, fmt.Errorf("feature %q: no file %s", f.name, pat)
		}
		for _, path := range matches {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				return nil, fmt.Errorf("feature %q: %w", f.name, err)
			}
			rel, _ := filepath.Rel(root, filepath.Dir(path))
			pkg := mod + "/" + filepath.ToSlash(rel)
			for _, d := range file.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok {
					keys[mangle(pkg+"."+funcName(fd))] = true
				}
			}
			// package-level variables are initialised in the package's
			// init functions, which the file shares with others: left out
		}
	}
	return keys, nil
}

// funcName is Func, T.Method or (*T).Method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	ptr := false
	if s, ok := t.(*ast.StarExpr); ok {
		ptr, t = true, s.X
	}
	if ix, ok := t.(*ast.IndexExpr); ok {
		t = ix.X
	}
	id, _ := t.(*ast.Ident)
	if id == nil {
		return fd.Name.Name
	}
	if ptr {
		return "(*" + id.Name + ")." + fd.Name.Name
	}
	return id.Name + "." + fd.Name.Name
}

// mangle spells a Go symbol as the wasm name section does: every byte
// that is not a letter, digit, '_' or '.' becomes '_'.
func mangle(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
			b[i] = '_'
		}
	}
	return string(b)
}

// owner is the key of keys that a function name belongs to: the name
// itself, a closure in it (key.func1…), a method value (key_fm) or a
// wrapper of a value method (the pointer form of T.Method), else "".
func owner(name string, keys map[string]bool) string {
	n := strings.TrimSuffix(name, "_fm")
	for {
		if keys[n] {
			return n
		}
		i := strings.LastIndexByte(n, '.')
		seg := n[i+1:]
		if i < 0 || !strings.HasPrefix(seg, "func") && !strings.HasPrefix(seg, "gowrap") && strings.Trim(seg, "0123456789") != "" {
			break
		}
		n = n[:i]
	}
	// (*T).M wrapping a value method T.M
	if i := strings.Index(n, ".__"); i >= 0 {
		if j := strings.Index(n[i+3:], "_."); j >= 0 {
			v := n[:i+1] + n[i+3:i+3+j] + n[i+3+j+1:]
			if keys[v] {
				return v
			}
		}
	}
	return ""
}

// wasmFile is what featureSizes needs of a wasm module: the function
// bodies in the code section and their names.
type wasmFile struct {
	data   []byte
	head   int  // where the code section (its id byte) starts
	code   span // the code section's contents
	bodies []span
	names  []string // by body
}

type span struct{ start, size int }

// uleb reads the unsigned LEB128 number at b[i:] and returns it with the
// index after it.
func uleb(b []byte, i int) (v, next int, err error) {
	if i > len(b) {
		return 0, 0, leb128.ErrBad
	}
	u, n, err := leb128.Unsigned(b[i:])
	if err != nil || u > 1<<31 {
		return 0, 0, leb128.ErrBad
	}
	return int(u), i + n, nil
}

func readWasm(b []byte) (*wasmFile, error) {
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return nil, errors.New("not a wasm module")
	}
	w := &wasmFile{data: b}
	imports := 0
	byIndex := map[int]string{}
	for i := 8; i < len(b); {
		id := b[i]
		size, start, err := uleb(b, i+1)
		if err != nil {
			return nil, err
		}
		end := start + size
		if end > len(b) {
			return nil, errors.New("section past the end")
		}
		switch id {
		case 2: // imports: count the functions
			n, j, err := uleb(b, start)
			if err != nil {
				return nil, err
			}
			for range n {
				for range 2 { // module and field names
					l, k, err := uleb(b, j)
					if err != nil {
						return nil, err
					}
					j = k + l
				}
				kind := b[j]
				j++
				if kind != 0 {
					return nil, fmt.Errorf("import kind %d", kind)
				}
				if _, j, err = uleb(b, j); err != nil {
					return nil, err
				}
				imports++
			}
		case 10: // code
			w.head, w.code = i, span{start, size}
			n, j, err := uleb(b, start)
			if err != nil {
				return nil, err
			}
			for range n {
				l, k, err := uleb(b, j)
				if err != nil {
					return nil, err
				}
				w.bodies = append(w.bodies, span{k, l})
				j = k + l
			}
		case 0: // custom: the name section's function names
			l, j, err := uleb(b, start)
			if err != nil {
				return nil, err
			}
			if string(b[j:j+l]) != "name" {
				break
			}
			for j += l; j < end; {
				sub := b[j]
				sl, k, err := uleb(b, j+1)
				if err != nil {
					return nil, err
				}
				if sub == 1 {
					n, m, err := uleb(b, k)
					if err != nil {
						return nil, err
					}
					for range n {
						idx, m2, err := uleb(b, m)
						if err != nil {
							return nil, err
						}
						nl, m3, err := uleb(b, m2)
						if err != nil {
							return nil, err
						}
						byIndex[idx] = string(b[m3 : m3+nl])
						m = m3 + nl
					}
				}
				j = k + sl
			}
		}
		i = end
	}
	if len(byIndex) == 0 {
		return nil, errors.New("no function names (built with -ldflags=-s?)")
	}
	for i := range w.bodies {
		w.names = append(w.names, byIndex[imports+i])
	}
	return w, nil
}

// without is the module with the bodies drop emptied (each the same
// three bytes: no locals, unreachable, end, so that what is left
// compresses as it did).
func (w *wasmFile) without(drop []int) []byte {
	dropped := map[int]bool{}
	for _, i := range drop {
		dropped[i] = true
	}
	code := leb128.AppendUnsigned(nil, uint64(len(w.bodies)))
	for i, s := range w.bodies {
		if dropped[i] {
			code = append(code, 3, 0, 0x00, 0x0b)
			continue
		}
		code = leb128.AppendUnsigned(code, uint64(s.size))
		code = append(code, w.data[s.start:s.start+s.size]...)
	}
	out := append(slices.Clone(w.data[:w.head]), 10)
	out = append(leb128.AppendUnsigned(out, uint64(len(code))), code...)
	return append(out, w.data[w.code.start+w.code.size:]...)
}
