#!/bin/sh
# cvc5 as KeY 2.12.3 calls it, with one repair: KeY's SMT-LIB translation of number literals
# (e.g. the characters of a string constant) declares the symbol u_#, which is not a legal
# SMT-LIB simple symbol, and cvc5 rejects the whole problem. Quoting it (|u_#|) names the same
# symbol in every occurrence, so the problem is otherwise unchanged.
case " $* " in
    *" --version "*) exec cvc5 "$@" ;;
esac
sed -u 's/u_#/|u_#|/g' | exec cvc5 "$@"
