package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/urfave/cli/v2"
)

// TestVersion: the version and commit stamped by the release script are
// what «versione» and --versione say.
func TestVersion(t *testing.T) {
	defer func(v, c string) { version, commit = v, c }(version, commit)
	version, commit = "1.2.3", "abc1234"
	for _, args := range [][]string{{"versione"}, {"version"}, {"--version"}, {"--versione"}, {"-v"}} {
		code, stdout, _ := pegpdf(t, args...)
		if code != 0 || !strings.HasPrefix(stdout, "pegpdf 1.2.3 (commit abc1234, go") {
			t.Errorf("%v: exit %d, %q", args, code, stdout)
		}
	}
	version, commit = "", ""
	if _, stdout, _ := pegpdf(t, "versione"); !strings.Contains(stdout, "sviluppo") {
		t.Errorf("unstamped: %q", stdout)
	}
}

// TestCompletionAndManual: generated from the commands, in Italian.
func TestCompletionAndManual(t *testing.T) {
	_, bash, _ := pegpdf(t, "completamento", "bash")
	_, zsh, _ := pegpdf(t, "completion", "zsh")
	_, fish, _ := pegpdf(t, "completamento", "fish")
	_, man, _ := pegpdf(t, "manuale")
	if !strings.Contains(bash, "complete -o bashdefault -o default -F _pegpdf_complete pegpdf") || !strings.HasPrefix(zsh, "#compdef pegpdf") {
		t.Errorf("bash:\n%s\nzsh:\n%s", bash, zsh)
	}
	path := filepath.Join(t.TempDir(), "pegpdf.bash")
	os.WriteFile(path, []byte(bash), 0o644)
	if out, err := exec.Command("bash", "-n", path).CombinedOutput(); err != nil {
		t.Errorf("bash -n: %v %s", err, out)
	}
	for _, want := range []string{"__fish_seen_subcommand_from sheets schede", "-l sovrascrivi", "-l al ", "mostra questo aiuto"} {
		if !strings.Contains(fish, want) {
			t.Errorf("fish lacks %q", want)
		}
	}
	if strings.Contains(fish, "-s al ") || strings.Contains(fish, "l'aiuto'") {
		t.Error("fish: a long name as a short option, or a broken quote")
	}
	for _, want := range []string{".TH pegpdf 1", ".SH NOME", ".SH COMANDI", "sheets, schede", "libretto", "--sovrascrivi", "mostra questo aiuto"} {
		if !strings.Contains(strings.ReplaceAll(man, `\-`, "-"), want) {
			t.Errorf("the manual lacks %q", want)
		}
	}
	for _, en := range []string{"GLOBAL OPTIONS", "SYNOPSIS", "show help", "(default:"} {
		if strings.Contains(man, en) {
			t.Errorf("the manual has %q", en)
		}
	}

	// What the shell asks: the commands, then a command's options. The
	// library reads os.Args for this, so pegpdf runs as a process.
	ask := func(args ...string) string {
		cmd, out := process(t, args...)
		cmd.Wait()
		return out.String()
	}
	if out := ask("--generate-bash-completion"); !strings.Contains(out, "schede\n") || !strings.Contains(out, "libretto\n") {
		t.Errorf("commands: %q", out)
	}
	if out := ask("schede", "peg.xlsx", "--s", "--generate-bash-completion"); !strings.Contains(out, "--sovrascrivi") {
		t.Errorf("options: %q", out)
	}
	if out := ask("schede", "--generate-bash-completion"); strings.Contains(out, "help") {
		t.Errorf("«help» offered as a file name: %q", out)
	}
}

// TestNoLibraryGlobals: building and running the app leaves urfave/cli's
// package variables as the library sets them.
func TestNoLibraryGlobals(t *testing.T) {
	app, cmd, help, version := cli.AppHelpTemplate, cli.CommandHelpTemplate, cli.HelpFlag, cli.VersionFlag
	pegpdf(t, "--help")
	pegpdf(t, "modello", "--help")
	pegpdf(t, "--versione")
	if cli.AppHelpTemplate != app || cli.CommandHelpTemplate != cmd || cli.HelpFlag != help || cli.VersionFlag != version {
		t.Error("a library global changed")
	}
	if strings.Contains(cli.AppHelpTemplate, "COMANDI") || cli.HelpFlag.(*cli.BoolFlag).Usage != "show help" {
		t.Error("the library's globals were set before the test")
	}
}

// TestCompletionInTheShells: the scripts parse in bash, zsh and fish (each
// where installed), and bash and fish complete a command and an option by
// asking pegpdf.
func TestCompletionInTheShells(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a POSIX shell wrapper")
	}
	bin := t.TempDir()
	wrapper := "#!/bin/sh\nPEGPDF_AS_MAIN=1 exec '" + os.Args[0] + "' \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "pegpdf"), []byte(wrapper), 0o755); err != nil {
		t.Fatal(err)
	}
	path := "PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, sh := range []string{"bash", "zsh", "fish"} {
		if _, err := exec.LookPath(sh); err != nil {
			t.Logf("%s not installed: not tried", sh)
			continue
		}
		_, script, _ := pegpdf(t, "completamento", sh)
		file := filepath.Join(t.TempDir(), "pegpdf."+sh)
		os.WriteFile(file, []byte(script), 0o644)
		if out, err := exec.Command(sh, "-n", file).CombinedOutput(); err != nil {
			t.Errorf("%s -n: %v %s", sh, err, out)
		}
		var probe string
		switch sh {
		case "bash":
			probe = `source "$1"; for w in "pegpdf sch" "pegpdf schede --so"; do read -ra COMP_WORDS <<<"$w"; COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _pegpdf_complete; echo "${COMPREPLY[@]}"; done`
		case "fish":
			probe = `source $argv[1]; complete -C 'pegpdf sch'; complete -C 'pegpdf schede --so'`
		default:
			continue
		}
		cmd := exec.Command(sh, "-c", probe, sh, file)
		if sh == "fish" {
			cmd = exec.Command(sh, "-c", probe, file)
		}
		cmd.Env = append(os.Environ(), path)
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "schede") || !strings.Contains(string(out), "--sovrascrivi") {
			t.Errorf("%s completion: %v\n%s", sh, err, out)
		}
	}
}
