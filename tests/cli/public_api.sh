# public_api.sh — the dyad command is built on the public API: src/cli
# includes only include/ headers and its own (the Makefile compiles it with
# -Iinclude alone; this says which file broke the rule, and keeps the list
# of exceptions, CLI_PRIVATE, from growing); dyad_io.h is built on dyad.h
# alone; the public headers carry no history (issue numbers belong in git).
. tests/cli/lib.inc

private=$(sed -n 's/^CLI_PRIVATE := //p' Makefile)
DESC="src/cli includes public headers only"
for f in src/cli/*.c src/cli/*.h; do
    case " $private " in *" $f "*) continue ;; esac
    bad=$(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f" |
          grep -v -x -e dyad.h -e dyad_io.h -e cli.h -e input.h -e progress.h -e tally.h)
    [ -z "$bad" ] || { echo "FAIL: $DESC: $f includes $bad"; failures=$((failures + 1)); }
done

DESC="the exceptions are the two validation commands at most"
for f in $private; do
    case "$f" in src/cli/cmd_validate.c | src/cli/cmd_validate_petrarch.c) ;;
    *) echo "FAIL: $DESC: $f"; failures=$((failures + 1)) ;; esac
done

DESC="dyad_io.h includes dyad.h and system headers only"
bad=$(sed -n 's/^#include "\([^"]*\)".*/\1/p' include/dyad_io.h | grep -v -x dyad.h)
[ -z "$bad" ] || { echo "FAIL: $DESC: $bad"; failures=$((failures + 1)); }

DESC="the public headers name no issue"
bad=$(grep -n -i -E 'issue[ -]?[0-9]|#[0-9]+' include/*.h)
[ -z "$bad" ] || { echo "FAIL: $DESC: $bad"; failures=$((failures + 1)); }
finish
