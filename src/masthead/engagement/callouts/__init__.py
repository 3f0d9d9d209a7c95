"""Reader callouts: the form readers answer, the rules that store answers, the tallies."""
