# elisa-compare.R — expected output of `oncobench-cli elisa --samples-csv` followed by
# `oncobench-cli compare --flag flag`: each sample's concentration and flag as the ELISA
# analysis of tests/reference/elisa-cli.R computes them with nls, then kruskal.test on the
# numeric concentrations only, with the samples below the LLOQ and above the ULOQ counted per
# group and left out of the test.
#
# Run from the source root:
#   Rscript tests/reference/elisa-compare.R > tests/reference/elisa-compare.json

options(warn = 1)
# The curve, its limits and the samples exactly as elisa-cli.R defines them: its definitions
# only, not its output.
defs <- c("num", "vec", "str", "f4", "f5", "inv5", "ctrl", "analyse")
for (e in parse("tests/reference/elisa-cli.R"))
  if (is.call(e) && identical(e[[1]], as.name("<-")) && as.character(e[[2]]) %in% defs)
    eval(e, globalenv())

json_str <- function(x) if (is.na(x)) "null" else paste0('"', x, '"')

case <- function(name, file, last = FALSE) {
  d <- read.csv(file, stringsAsFactors = FALSE)
  res <- analyse(d, "4pl", "none")
  smp <- d[d$type == "sample", ]
  group_of <- function(id) smp$group[smp$sample == id][1]
  s <- do.call(rbind, lapply(res$samples, function(z) data.frame(
    id = z$id, group = group_of(z$id), conc = z$conc, conc_lower = z$conc_lower,
    conc_upper = z$conc_upper,
    below = "<LLOQ" %in% z$flags, above = ">ULOQ" %in% z$flags,
    flag = paste(c(intersect(c("<LLOQ", ">ULOQ"), z$flags),
                   setdiff(z$flags, c("<LLOQ", ">ULOQ"))), collapse = ";"),
    stringsAsFactors = FALSE)))
  numeric <- s[is.finite(s$conc), ]
  kw <- kruskal.test(conc ~ factor(group), data = numeric)
  groups <- sort(unique(s$group))
  cat(sprintf('    {"name": "%s", "file": "%s",\n', name, file))
  cat(sprintf('     "statistic": %s, "df": %s, "p": %s, "n": %d,\n', num(kw$statistic),
              num(kw$parameter), num(kw$p.value), nrow(numeric)))
  cat('     "groups": [\n')
  cat(paste(vapply(groups, function(g) sprintf(
    '       {"name": "%s", "n": %d, "below_lloq": %d, "above_uloq": %d}', g,
    sum(numeric$group == g), sum(s$below & s$group == g), sum(s$above & s$group == g)), ""),
    collapse = ",\n"))
  cat('],\n     "samples": [\n')
  cat(paste(vapply(seq_len(nrow(s)), function(i) sprintf(paste0(
    '       {"id": "%s", "group": "%s", "conc": %s, "conc_lower": %s, "conc_upper": %s,',
    ' "flag": "%s"}'), s$id[i], s$group[i], num(s$conc[i]), num(s$conc_lower[i]),
    num(s$conc_upper[i]), s$flag[i]), ""), collapse = ",\n"))
  cat(if (last) "]}\n" else "]},\n")
}

cat('{\n  "cases": [\n')
case("plate", "data/samples/elisa-plate.csv")
case("plate-flags", "tests/data/elisa/plate-flags.csv", last = TRUE)
cat("  ]\n}\n")
