# elisa-page.R — expected values for the ELISA page (tests/gui/test-elisa-page.c): the sample
# plate as read, and refitted with one standard well left out by hand, as the page does when
# a well is clicked.  The analysis is elisa-cli.R's (nls, blank subtraction, ICH M10 limits,
# delta-method CIs), reused from that script rather than written twice.
#
# Run from the source root:  Rscript tests/reference/elisa-page.R > tests/reference/elisa-page.json

options(warn = 1)
# Only the definitions of elisa-cli.R: its functions and constants, not its output.
for (e in parse("tests/reference/elisa-cli.R")) {
  if (is.call(e) && identical(e[[1]], as.name("<-")) && is.name(e[[2]]) &&
      as.character(e[[2]]) %in% c("num", "vec", "str", "f4", "f5", "inv5", "ctrl", "analyse"))
    eval(e)
}

plate <- read.csv("data/samples/elisa-plate.csv", stringsAsFactors = FALSE)
dnase <- read.csv("data/samples/dnase.csv", stringsAsFactors = FALSE)

sample_json <- function(z) sprintf(paste0(
  '{"id": "%s", "n": %d, "mean_response": %s, "cv_pct": %s, "conc": %s,',
  ' "conc_lower": %s, "conc_upper": %s, "flags": %s}'),
  z$id, z$n, num(z$mean_response), num(z$cv_pct), num(z$conc), num(z$conc_lower),
  num(z$conc_upper), str(z$flags))

emit <- function(name, excluded_row, res, last = FALSE) {
  cat(sprintf('    {"name": "%s", "excluded_row": %s,\n', name,
              if (is.na(excluded_row)) "null" else excluded_row))
  cat(sprintf('     "params": %s, "se": %s, "rss": %s, "lloq": %s, "uloq": %s,\n',
              vec(res$params), vec(res$se), num(res$rss), num(res$lloq), num(res$uloq)))
  cat('     "standards": [', paste(vapply(res$standards, function(z) sprintf(
    '{"conc": %s, "mean_response": %s, "back_calc": %s, "recovery_pct": %s}',
    num(z$conc), num(z$mean_response), num(z$back_calc), num(z$recovery_pct)), ""),
    collapse = ",\n       "), '],\n', sep = "")
  cat('     "samples": [', paste(vapply(res$samples, sample_json, ""), collapse = ",\n       "),
      ']}', if (last) "\n" else ",\n", sep = "")
}

# Row 7 (0-based 6) is well D2, a standard at 125 whose replicate reads 0.757 against 0.828.
d2 <- which(plate$well == "D2")
run1 <- dnase[dnase$run == 1, ]
run1 <- data.frame(type = "standard", conc = run1$conc, response = run1$density,
                   sample = NA, dilution = 1)

cat('{\n  "cases": [\n')
emit("plate-4pl", NA, analyse(plate, "4pl", "none"))
emit("plate-4pl-without-D2", d2 - 1, analyse(plate[-d2, ], "4pl", "none"))
emit("dnase-run1", NA, analyse(run1, "4pl", "none"), last = TRUE)
cat("  ]\n}\n")
