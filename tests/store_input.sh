# tests/store_input.sh -- sourced by tests/store_test.sh and tests/pg_test.sh:
# the event store tests' input (sentences written for these tests).
#
#   store_input FILE   writes six JSON Lines documents to FILE: an id with a
#                      quote, a comma, a tab, a line feed and a carriage
#                      return; a url and another input field; one-a-day
#                      duplicates (d1, d5 and d6 attack on one day, d1 and d6
#                      with the same text); dates in two months
#   rec ID DATE PUBLISHER TEXT [EXTRA]
#                      one JSON Lines record; ID, PUBLISHER and TEXT are JSON
#                      string contents (escapes allowed)

rec() {
    printf '{"id":"%s","date":"%s","source":"%s","title":"","text":"%s"%s}\n' \
        "$1" "$2" "$3" "$4" "${5:-}"
}
S1='Russian troops attacked Ukrainian soldiers near the border on Monday. France condemned the attack.'
S2='The Chinese foreign minister visited Japan on Tuesday and met the Japanese prime minister.'
S3='\"We will not retreat,\" the Iranian foreign minister said. Germany imposed sanctions on Iran.'
S4='Police in Kenya arrested 12 protesters in Nairobi. The United States criticized Kenya.'
S5='Russian troops attacked Ukrainian soldiers again. France condemned the attack on Ukraine.'
store_input() {
    {
        rec d1 2025-03-04 wire "$S1" ',"url":"https://news.example/d1","lang":"en"'
        rec d2 2025-03-04 paper "$S2"
        rec 'q\"1,\tx\ny\rz' 2025-03-05 wire "$S3"
        rec d4 2025-04-10 'wire, evening' "$S4"
        rec d5 2025-03-04 paper "$S5"
        rec d6 2025-03-04 wire "$S1"
    } > "$1"
}
