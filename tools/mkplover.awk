# tools/mkplover.awk -- data/plover.tsv (dyad's CAMEO -> PLOVER mapping) as
# a C table for io/plover.c, sorted by code for binary search. Build time
# only (Makefile: build/gen/plover_data.c).
BEGIN { FS = "\t"; n = 0 }
/^#/ || $1 == "cameo" || NF == 0 { next }
{
    if ($1 !~ /^[0-9]+$/ || NF != 5) {
        printf "%s:%d: expected 5 tab-separated columns, a numeric code first\n",
            FILENAME, FNR > "/dev/stderr"
        bad = 1
        exit 1
    }
    code[++n] = $1; row[$1] = "{\"" $1 "\", \"" $2 "\", \"" $3 "\", \"" $4 "\", \"" $5 "\"}"
}
END {
    if (bad) exit 1
    # insertion sort by code (a few hundred rows), as strings: "1124"
    # before "113" (the concatenation stops awk comparing them as numbers)
    for (i = 2; i <= n; i++) { k = code[i] ""; j = i - 1
        while (j > 0 && (code[j] "") > k) { code[j + 1] = code[j]; j-- } code[j + 1] = k }
    print "/* plover_data.c -- generated from data/plover.tsv by tools/mkplover.awk;"
    print " * do not edit. The mapping is derived from the PLOVER project's CAMEO"
    print " * conversion table (CC BY-SA 4.0): see data/plover.tsv. */"
    print "#include \"io/plover.h\""
    print ""
    print "const plover_entry plover_table[] = {"
    for (i = 1; i <= n; i++) print "    " row[code[i]] ","
    print "};"
    print "const size_t plover_table_len = " n ";"
}
