# tools/mkseats.awk -- data/igo-seats.tsv (where international organisations
# sit) as a C table for code/places.c. Build time only (Makefile:
# build/gen/seats_data.c).
BEGIN { FS = "\t"; n = 0 }
/^#/ || $1 == "prefix" || NF == 0 { next }
{
    if (NF != 3 || $1 !~ /^[A-Z]+$/ || $2 !~ /^[A-Z][A-Z][A-Z]$/) {
        printf "%s:%d: expected a code prefix, an alpha-3 country and a seat\n",
            FILENAME, FNR > "/dev/stderr"
        bad = 1
        exit 1
    }
    row[++n] = "{\"" $1 "\", \"" $2 "\", \"" toupper($3) "\"}"
}
END {
    if (bad) exit 1
    print "/* seats_data.c -- generated from data/igo-seats.tsv by tools/mkseats.awk;"
    print " * do not edit. */"
    print "#include \"code/places.h\""
    print ""
    print "const igo_seat igo_seats[] = {"
    for (i = 1; i <= n; i++) print "    " row[i] ","
    print "};"
    print "const size_t igo_seats_len = " n ";"
}
