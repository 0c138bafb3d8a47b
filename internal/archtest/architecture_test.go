package archtest

import (
	"flag"
	"os"
	"os/exec"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

const module = "github.com/pegpdf/pegpdf"

var update = flag.Bool("update", false, "rewrite the dependency graph of ARCHITECTURE.md from go list")

const docPath = "../../ARCHITECTURE.md"

// imports is go list's view: each package of the module and what it
// imports (tests excluded).
func imports(t *testing.T) map[string][]string {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		m[f[0]] = f[1:]
	}
	return m
}

func short(p string) string { return strings.TrimPrefix(p, module+"/") }

// graph is the module's own arrows, one line per package: "a -> b c".
func graph(pkgs map[string][]string) string {
	var lines []string
	for p, imps := range pkgs {
		var own []string
		for _, i := range imps {
			if strings.HasPrefix(i, module+"/") {
				own = append(own, short(i))
			}
		}
		sort.Strings(own)
		line := short(p)
		if len(own) > 0 {
			line += " -> " + strings.Join(own, " ")
		}
		lines = append(lines, line)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

var graphBlock = regexp.MustCompile("(?s)(<!-- graph:[^\n]*-->\n).*?(<!-- end graph -->)")

// TestArchitecture: the dependency graph of ARCHITECTURE.md is go list's,
// every package of the module is in its table, and no package imports what
// the tables forbid it.
func TestArchitecture(t *testing.T) {
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	pkgs := imports(t)
	want := graph(pkgs)
	m := graphBlock.FindStringSubmatchIndex(doc)
	if m == nil {
		t.Fatal("ARCHITECTURE.md has no <!-- graph: … --> … <!-- end graph --> block")
	}
	block := "```text\n" + want + "\n```\n"
	if *update {
		doc = doc[:m[3]] + block + doc[m[4]:]
		if err := os.WriteFile(docPath, []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if got := doc[m[3]:m[4]]; got != block {
		t.Errorf("the dependency graph of ARCHITECTURE.md is not go list's (go test ./internal/archtest -update rewrites it):\n%s\nwant:\n%s", got, block)
	}

	never := table(t, doc, "## Packages", 2)
	for p := range pkgs {
		if _, ok := never[short(p)]; !ok {
			t.Errorf("package %s is not in the table of ARCHITECTURE.md: say what it owns and what it must never import", short(p))
		}
	}
	for p, imps := range pkgs {
		for _, i := range imps {
			for _, pat := range never[short(p)] {
				if match(pkgs, pat, i) {
					t.Errorf("%s imports %s, which ARCHITECTURE.md forbids (%s)", short(p), i, pat)
				}
			}
		}
	}
	for dep, allowed := range table(t, doc, "## Only importers", 1) {
		for p, imps := range pkgs {
			if !slices.ContainsFunc(imps, func(i string) bool { return match(pkgs, dep, i) }) {
				continue
			}
			if !slices.ContainsFunc(allowed, func(a string) bool { return match(pkgs, a, p) }) {
				t.Errorf("%s imports %s, which ARCHITECTURE.md allows only to %v", short(p), dep, allowed)
			}
		}
	}
}

var code = regexp.MustCompile("`([^`]+)`")

// table reads the table under heading: the first column's name and the
// names in backquotes of column col.
func table(t *testing.T, doc, heading string, col int) map[string][]string {
	t.Helper()
	_, rest, ok := strings.Cut(doc, "\n"+heading+"\n")
	if !ok {
		t.Fatalf("ARCHITECTURE.md has no %q", heading)
	}
	if end := strings.Index(rest, "\n## "); end >= 0 {
		rest = rest[:end]
	}
	rows := map[string][]string{}
	for _, line := range strings.Split(rest, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < col+3 || !strings.HasPrefix(strings.TrimSpace(cells[1]), "`") {
			continue
		}
		name := strings.Trim(strings.TrimSpace(cells[1]), "`")
		var names []string
		for _, m := range code.FindAllStringSubmatch(cells[col+1], -1) {
			names = append(names, m[1])
		}
		rows[name] = names
	}
	if len(rows) == 0 {
		t.Fatalf("ARCHITECTURE.md: no rows under %q", heading)
	}
	return rows
}

// match reports whether import path imp is what pattern names: "non-std"
// (outside the standard library and the module), a path, or a path and
// everything under it ("x/..."). A path that is a package of the module
// (or a folder of them) is written without the module's prefix.
func match(pkgs map[string][]string, pattern, imp string) bool {
	if pattern == "non-std" {
		first, _, _ := strings.Cut(imp, "/")
		return strings.Contains(first, ".") && !strings.HasPrefix(imp, module+"/")
	}
	base, tree := strings.CutSuffix(pattern, "/...")
	if own := module + "/" + base; inModule(pkgs, own) {
		base = own
	}
	return imp == base || (tree && strings.HasPrefix(imp, base+"/"))
}

func inModule(pkgs map[string][]string, p string) bool {
	for q := range pkgs {
		if q == p || strings.HasPrefix(q, p+"/") || path.Dir(q) == p {
			return true
		}
	}
	return false
}

func TestMatch(t *testing.T) {
	pkgs := map[string][]string{module + "/render": nil, module + "/render/layout": nil, module + "/model": nil}
	for _, c := range []struct {
		pattern, imp string
		want         bool
	}{
		{"non-std", "github.com/xuri/excelize/v2", true},
		{"non-std", "os", false},
		{"non-std", module + "/model", false},
		{"os", "os", true},
		{"os", "os/exec", false},
		{"render", module + "/render", true},
		{"render", module + "/render/layout", false},
		{"render/...", module + "/render/layout", true},
		{"github.com/urfave/cli/...", "github.com/urfave/cli/v2", true},
		{"net/http", "net/http/httptest", false},
	} {
		if got := match(pkgs, c.pattern, c.imp); got != c.want {
			t.Errorf("match(%q, %q) = %v", c.pattern, c.imp, got)
		}
	}
}
