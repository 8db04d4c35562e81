// Command marsad is an Arabic news monitoring engine: it ingests Arabic news,
// searches it the way an Arabic reader expects, extracts who said what and
// when, and follows stories across time.
//
// Run "marsad help" for the list of commands and "marsad help COMMAND" for
// the options of one.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

// command is one subcommand of marsad.
type command struct {
	name    string
	summary string
	// run executes the command with its arguments (without the command
	// name). It returns errUsage after printing usage for bad flags.
	run func(ctx context.Context, env *env, args []string) error
}

// env is what every command gets: its standard streams and environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// errUsage reports bad command-line usage; the usage has already been printed.
var errUsage = errors.New("usage")

// errFailed reports that the command ran but some of its work failed; the
// failures have already been reported.
var errFailed = errors.New("some inputs failed")

func commands() []command {
	return []command{
		ingestCommand(),
		searchCommand(),
		statsCommand(),
		compactCommand(),
		demoCommand(),
		storiesCommand(),
		storyCommand(),
		analyzeCommand(),
		benchCommand(),
		trainLexiconCommand(),
		trainNERCommand(),
		extractCommand(),
		evalCommand(),
		serveCommand(),
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches to a subcommand and returns the process exit status:
// 0 on success, 1 when the work failed, 2 on a usage error.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		if len(args) > 1 {
			if c, ok := lookup(args[1]); ok {
				_ = c.run(ctx, e, []string{"-help"})
				return 0
			}
		}
		usage(e.stdout)
		return 0
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(e.stderr, "marsad: unknown command %q\n\n", args[0])
		usage(e.stderr)
		return 2
	}
	err := c.run(ctx, e, args[1:])
	switch {
	case err == nil || errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintf(e.stderr, "marsad %s: %v\n", c.name, err)
		return 1
	}
}

func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func usage(w io.Writer) {
	fmt.Fprint(w, `marsad — Arabic news monitoring (مرصد)

Usage: marsad COMMAND [options] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-14s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run "marsad help COMMAND" for the options of one command.
`)
}

// newFlags returns a flag set for a subcommand whose usage prints the given
// synopsis and description before the flags.
func newFlags(e *env, name, synopsis, description string) *flag.FlagSet {
	fs := flag.NewFlagSet("marsad "+name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: marsad %s %s\n\n%s\n", name, synopsis, description)
		var n int
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprint(out, "\nOptions:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseFlags parses args with flags allowed anywhere among the positional
// arguments ("marsad search الحوار --json"), as users expect; "--" ends the
// flags. It returns the positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' || isNumber(a) {
			pos = append(pos, a)
			continue
		}
		flags = append(flags, a)
		name := a[1:]
		if name[0] == '-' {
			name = name[1:]
		}
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // fs.Parse reports it
		}
		if bf, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && bf.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	if err := fs.Parse(flags); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage
	}
	return pos, nil
}

func isNumber(s string) bool {
	for i := 1; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return true
}
